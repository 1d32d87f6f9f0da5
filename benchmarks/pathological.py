"""Linear time on hostile input: 2 MB of pathological text against 2 MB of normal prose.

Each pathological case is timed through ``spinlint.analyze`` and compared with
the baseline measured in the same run: 2 MB of ordinary prose (sentences written
for this benchmark, shuffled with a fixed seed).  The target (issue 7) is a
ratio of at most 3x for every case; the script exits 1 when a case exceeds it.

    python benchmarks/pathological.py            # all cases, 2 MB each
    python benchmarks/pathological.py --mb 0.5   # quicker
    python benchmarks/pathological.py --ignore M # without the classifier
"""

from __future__ import annotations

import argparse
import random
import sys
import time

TARGET_RATIO = 3.0

# Written for this benchmark: a mix of spin and plain reporting, so rules fire.
PROSE_SENTENCES = (
    "We leverage best-in-class synergies to unlock value at scale.",
    "The outage began at 14:02 when a configuration change reached every region at once.",
    "Mistakes were made in the rollout, and the timeline has been adjusted.",
    "Our AI-first platform empowers teams to reimagine what is possible.",
    "Revenue rose 4 percent to 212 million dollars, according to the audited accounts.",
    "Due to market headwinds, some roles were impacted by the restructuring.",
    "The engineer on call paged the database team nine minutes later.",
    "Industry-leading accuracy makes the assistant the smartest choice for modern enterprises.",
    "We will publish the full test results on our website by the end of March.",
    "Going forward, we remain committed to driving meaningful transformation across the organisation.",
    "Customers in two regions could not log in for forty minutes.",
    "It is widely recognised that our solution delivers unparalleled outcomes.",
)


def normal_prose(size: int) -> str:
    rng = random.Random(7)
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(PROSE_SENTENCES) for _ in range(rng.randint(3, 7)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def pathological_cases(size: int) -> dict[str, tuple[str, str]]:
    """name -> (filename, text), each about ``size`` characters."""
    words = "synergy leverage value scale impacted outcomes platform teams " * (size // 60 + 1)
    return {
        "one line of words, no punctuation": ("line.txt", words[:size]),
        "one token, no spaces": ("token.txt", "x" * size),
        "full stops only": ("dots.txt", "." * size),
        "spaces and tabs around one word": ("blank.txt", (" \t" * (size // 4)) + "value" + " " * (size // 2)),
        "Markdown: 1,000-deep quote markers": ("quotes.md", (">" * 1000 + " leverage value\n") * (size // 1016)),
        "Markdown: deeply nested list": ("lists.md", "".join("  " * (i % 400) + "- we leverage value\n"
                                                             for i in range(size // 420))),
        "Markdown: unterminated fences and emphasis": ("fence.md", ("```\n*_[leverage](" * (size // 16))[:size]),
        "HTML: unclosed tags": ("tags.html", ("<div><p><b>we leverage value " * (size // 30))[:size]),
        "HTML: tags and comments that never end": ("soup.html", ("<a b='x<!--<![" * (size // 14))[:size]),
        "HTML: entities everywhere": ("entities.html", ("&amp;&#x2014;&bogus;" * (size // 20))[:size]),
        "bidi, zero-width and emoji": ("bidi.txt", ("We\u202e leverage\u200b value\u2066 \U0001F680. " * (size // 30))[:size]),
        "CRLF lines of one word": ("crlf.txt", ("value\r\n" * (size // 7))[:size]),
        # \n-only text (almost every Unix file): the line index used to be quadratic here
        "LF lines of one word": ("lf.txt", ("value\n" * (size // 6))[:size]),
        "CR-only lines of one word": ("cr.txt", ("value\r" * (size // 6))[:size]),
        "runs of dashes, digits and commas": ("runs.txt", ("Mistakes were made " + "-" * 900 + " " + "1," * 900
                                                          + " errors occurred. ") * (size // 2740)),
        "one paragraph of unsupported claims": ("claims.txt", ("We delivered significant savings. "
                                                               * (size // 34))[:size]),
        "HTML report of dense findings": ("dense.txt", normal_prose(size)),
        # The cases below were timed inside unit tests (tests/test_hostile_inputs.py), which now check only what
        # each finds and where: each once cost time quadratic in its length.
        **{f"run without whitespace: {run[:5]!r}": (("runs.html" if run.startswith("&") else "runs.txt"),
                                                  _repeat_lines("Mistakes were made " + run * (5000 // len(run))
                                                                + " during the rollout.", size))
           for run in ("-", "1,", "a-", "x", "&amp;")},
        **{f"Markdown: links not verbatim {link.strip()!r}": ("links.md", "Mistakes were made. "
                                                           + link * (size // len(link)) + "\n\n[r]: <x y>\n")
           for link in ("[a](<b c>) ", "[a](b\u00e9) ", "![x](<a b>) ", "[a][r] ")},
        **{f"HTML: {construct!r} that never ends": ("soup.html", "<p>Mistakes were made.</p>"
                                                    + construct * (size // len(construct)) + " Errors occurred.")
           for construct in ("<a b='", '<a b="', "x<!--", "<a", "</a", "<![", "<!x", "<?")},
        "directives: thousands, each scoped": ("directives.md", _repeat_lines(
            "<!-- spinlint-disable B -->\nWe leverage synergies.\n\n<!-- spinlint-disable-next-line V -->\n"
            "We leverage synergies.\n\n<!-- spinlint-enable E -->\n", size)),
        "directives: next-line ones before a long blank stretch": ("blank.md", "<!-- spinlint-disable-next-line B -->"
                                                                   * 1000 + "\n" * size + "Mistakes were made.\n"),
        **{f"directives: ones that never close ({name})": (name, "Mistakes were made.\n\n"
                                                           + "<!-- spinlint-disable " * (size // 22) + "\n")
           for name in ("open.md", "open.txt", "open.html")},
    }


def _repeat_lines(line: str, size: int) -> str:
    """``line`` on lines of its own until the text is about ``size`` characters."""
    return (line + "\n") * max(1, size // (len(line) + 1))


# Rendered as well as linted: the HTML report used to be quadratic in the number of findings (issue 16).
RENDERED = {"HTML report of dense findings": "html"}


def timed(text: str, filename: str, config: dict | None = None, render: str | None = None) -> float:
    import spinlint

    start = time.perf_counter()
    report = spinlint.analyze(text, filename=filename, config=config)
    if render:
        from spinlint.formats import renderer

        renderer(render)(report)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of each input in megabytes (default 2)")
    parser.add_argument("--only", help="run only the cases whose name contains this text")
    parser.add_argument("--ignore", action="append", default=[], help="rule codes or prefixes to leave out (e.g. M)")
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    config = {"ignore": args.ignore} if args.ignore else None

    timed("Warm-up: load the rules and the sentence splitter.", "warm.txt", config)
    baseline = timed(normal_prose(size), "prose.txt", config)
    print(f"baseline: {args.mb:g} MB of normal prose: {baseline:.2f} s")
    worst = 0.0
    for name, (filename, text) in pathological_cases(size).items():
        if args.only and args.only.lower() not in name.lower():
            continue
        seconds = timed(text, filename, config, RENDERED.get(name))
        ratio = seconds / baseline
        worst = max(worst, ratio)
        flag = "" if ratio <= TARGET_RATIO else "   <-- over target"
        print(f"{name:<56} {seconds:7.2f} s   {ratio:5.2f}x{flag}")
    print(f"worst ratio {worst:.2f}x (target <= {TARGET_RATIO:g}x)")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
