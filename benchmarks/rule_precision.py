"""Per rule: on how many of the project's labelled passages it fires (any severity), and the share of those
that are not negatives for its family's label — on the real passages and on the written ones.

This is how the severities of docs/quality.md ("Severity from measured precision", "The severity scale") were
chosen: training data only, never the dev set. The last two columns apply the bars for ``error`` and for
``warning`` (below it a rule is ``info``: reported, counted by the document model, but it does not fail a run). A last table gives
each family's passage-level recall and precision per corpus and on both together (any severity: what
``spinlint model evaluate --benchmark spin-devset --ignore M`` counts on the dev set). With ``--plain`` it also
prints the share of plain documents each rule and family fires on: 400 ``gov-digital-blogs`` posts (seed 20261202,
linted as Markdown) and the ``sec-10k-mdna-unlabelled`` files (docs/quality.md's bar: under one post in ten).

    python benchmarks/rule_precision.py [--datasets ../shared/datasets] [--plain]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import spinlint
from spinlint.model.passages import labelled_real, labelled_written

FAMILY_LABEL = {"V": "vague", "B": "blame", "E": "evidence_gap"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--plain", action="store_true", help="also print firing rates on plain documents")
    args = parser.parse_args()
    counts: dict[str, dict[str, list[int]]] = collections.defaultdict(lambda: {"real": [0, 0], "written": [0, 0]})
    # family -> [fired on a positive, fired on a negative, positives]
    families = {(corpus, family): [0, 0, 0] for corpus in ("real", "written") for family in FAMILY_LABEL}
    for corpus, passages in (("real", labelled_real(args.datasets)), ("written", labelled_written())):
        for passage in passages:
            findings = spinlint.analyze(passage.text, "passage.txt", config={"ignore": ["M"]}).files[0].findings
            for family, label in FAMILY_LABEL.items():
                positive = passage.labels[label] >= 1
                fired = any(f.code.startswith(family) for f in findings)
                tally = families[corpus, family]
                tally[2] += positive
                tally[0] += fired and positive
                tally[1] += fired and not positive
            for code in {f.code for f in findings}:
                label = FAMILY_LABEL.get(code[0])
                if label:
                    counts[code][corpus][0] += 1
                    counts[code][corpus][1] += passage.labels[label] == 0
    print("rule   real: fired precision   written: fired precision   precise enough for error   for warning")
    for code, entry in sorted(counts.items()):
        cells = []
        for corpus in ("real", "written"):
            fired, negative = entry[corpus]
            cells.append(f"{fired:>5} {'-' if not fired else f'{1 - negative / fired:.2f}':>9}")
        warning = {True: "yes", False: "no (info)", None: "too few"}[warning_eligible(entry)]
        print(f"{code:<6} {cells[0]}         {cells[1]}   {'yes' if error_eligible(entry) else '':<25}  {warning}")
    print("\nfamily  corpus   passages fired  precision  recall  (any severity)")
    for family in FAMILY_LABEL:
        for corpus in ("real", "written", "both"):
            corpora = ("real", "written") if corpus == "both" else (corpus,)
            hit, false, positives = (sum(families[c, family][i] for c in corpora) for i in range(3))
            fired = hit + false
            print(f"{family:<7} {corpus:<8} {fired:>14} {hit / fired if fired else 0:>10.3f} "
                  f"{hit / positives if positives else 0:>7.3f}")
    if args.plain:
        plain_rates(args.datasets)


def plain_documents(datasets: Path) -> dict[str, list[tuple[str, str]]]:
    """The plain corpora of docs/quality.md: 400 seeded government posts and every 10-K MD&A file."""
    import json
    import random

    rng = random.Random(20261202)
    gov = [json.loads(line) for name in ("18f-blog.jsonl", "digitalgov-news.jsonl")
           for line in open(datasets / "gov-digital-blogs" / name, encoding="utf-8") if line.strip()]
    return {"gov": [(row["text"], "post.md") for row in rng.sample(gov, 400)],
            "sec": [(path.read_text(encoding="utf-8", errors="replace"), "mdna.txt")
                    for path in sorted((datasets / "sec-10k-mdna-unlabelled").glob("*.txt"))]}


def plain_rates(datasets: Path) -> None:
    print("\nplain documents a rule or family fires on (share; bar: under 0.10 of government posts)")
    for name, documents in plain_documents(datasets).items():
        fired: collections.Counter = collections.Counter()
        for text, file in documents:
            codes = {f.code for f in spinlint.analyze(text, file, config={"ignore": ["M", "R"]}).files[0].findings}
            fired.update(codes | {code[0] for code in codes})
        cells = ", ".join(f"{code} {count / len(documents):.3f}" for code, count in sorted(fired.items()))
        print(f"{name} ({len(documents)} documents): {cells}")


def error_eligible(entry: dict[str, list[int]]) -> bool:
    """The bar for severity ``error``: at least 5 firings in all, and precision >= 0.9 on every corpus where the
    rule fired at least twice (a rule precise on the written passages but not on the real ones is not an error)."""
    total = sum(fired for fired, _ in entry.values())
    return total >= 5 and all(1 - negative / fired >= 0.9 for fired, negative in entry.values() if fired >= 2)


def warning_eligible(entry: dict[str, list[int]]) -> bool | None:
    """The bar for severity ``warning`` (a finding that fails a run at the default ``--fail-on``): precision >=
    WARNING_PRECISION, issue 14's family target, on the corpus that decides — the real passages when the rule fires on
    at least MIN_FIRINGS of them, else the written ones when it fires on that many there. None: too few firings in
    both to measure, and the rule keeps the severity its author gave it."""
    for corpus in ("real", "written"):
        fired, negative = entry[corpus]
        if fired >= MIN_FIRINGS:
            return 1 - negative / fired >= WARNING_PRECISION
    return None


WARNING_PRECISION = 0.85
MIN_FIRINGS = 5


if __name__ == "__main__":
    main()
