"""Peak memory per byte of input: spinlint on prose and on hostile Markdown shapes, against proselint.

Each case runs in a fresh process: it loads spinlint and lints a short warm-up (the rules, the
sentence splitter, the model and the word tables are then in memory: the fixed base), then lints the case through
``spinlint.analyze``.  The figure is the extra peak resident memory over that base, divided by the
input's size.  The target (issue 16 item 13) is at most 20x the input on top of the fixed base.
proselint 0.16.0 (``harness.ensure_proselint``, installed under /tmp the first time) is measured on
the same prose file in the same run, as a whole process: its peak RSS over the input size.

    python benchmarks/memory.py              # 4 MB per case
    python benchmarks/memory.py --mb 1       # quicker
    python benchmarks/memory.py --no-proselint
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 20.0

CASES = {
    "prose (text)": "prose.txt",
    "prose (Markdown)": "prose.md",
    "prose (HTML)": "prose.html",
    "Markdown: `- x` bullets": "bullets.md",
    "Markdown: runs of `![`": "images.md",
    "disguised words": "disguised.txt",
}

# The fixed base is everything a process loads once whatever it reads: so the warm-up holds a statement
# the model judges (its features), a slogan (the concreteness ratings) and a word the pronouncing
# dictionary lacks (the hyphenation patterns).  With a warm-up of two short fragments these tables, about
# 5 MB, loaded during the measured run and counted as if they grew with the input.
WARM_UP = ("Warm-up: we leverage synergies. Mistakes were made by the regional team in the third quarter. "
           "Our shared vision empowers sustainable growth and meaningful impact together. "
           "The zorbificational quarterlies kept everyone informed on Tuesday.")

CHILD = """
import gc, json, resource, sys
sys.path.insert(0, {here!r})
import spinlint
path = sys.argv[1]
spinlint.analyze({warm_up!r}, filename=path)
gc.collect()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = open(path, encoding="utf-8").read()
report = spinlint.analyze(text, filename=path)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"base_kb": base, "peak_kb": peak, "findings": len(report.files[0].findings)}}))
"""


def case_text(filename: str, size: int) -> str:
    from pathological import normal_prose

    if filename == "bullets.md":
        return "- x\n" * (size // 4)
    if filename == "images.md":
        return "![" * (size // 2)
    prose = normal_prose(size)
    if filename == "prose.html":
        return "<html><body><p>" + prose.replace("\n\n", "</p>\n<p>") + "</p></body></html>"
    if filename == "disguised.txt":
        return prose.replace("leverage", "lev\u200berage").replace("synergies", "syn\u0435rgies")
    return prose


def spinlint_peak(path: Path) -> dict:
    child = CHILD.format(here=str(HERE), warm_up=WARM_UP)
    output = subprocess.run([sys.executable, "-c", child, str(path)], check=True, capture_output=True,
                            text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def proselint_peak(path: Path) -> float | None:
    """proselint's peak RSS in MB for one whole run over ``path`` (None when it cannot be installed)."""
    sys.path.insert(0, str(HERE))
    try:
        from harness import ensure_proselint

        binary = ensure_proselint()
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"proselint not available ({error}); no ratio against it")
        return None
    script = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    output = subprocess.run([sys.executable, "-c", script, str(binary), "check", str(path)],
                            capture_output=True, text=True, check=True).stdout
    return int(output.strip()) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of each input in megabytes (default 4)")
    parser.add_argument("--only", help="run only the cases whose name contains this text")
    parser.add_argument("--no-proselint", action="store_true", help="do not measure proselint")
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    sys.path.insert(0, str(HERE))
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'case':<28} {'input':>8} {'base':>8} {'extra peak':>11} {'ratio':>7}  findings")
        prose_path = None
        for name, filename in CASES.items():
            if args.only and args.only.lower() not in name.lower():
                continue
            path = Path(folder) / filename
            path.write_text(case_text(filename, size), encoding="utf-8")
            prose_path = prose_path or (path if filename == "prose.txt" else None)
            measured = spinlint_peak(path)
            extra_mb = (measured["peak_kb"] - measured["base_kb"]) / 1024
            input_mb = path.stat().st_size / 1e6
            ratio = extra_mb / input_mb
            worst = max(worst, ratio)
            flag = "" if ratio <= TARGET_RATIO else "   <-- over target"
            print(f"{name:<28} {input_mb:6.1f} MB {measured['base_kb'] / 1024:5.0f} MB {extra_mb:8.0f} MB "
                  f"{ratio:6.1f}x  {measured['findings']}{flag}")
        if prose_path is not None and not args.no_proselint:
            peak = proselint_peak(prose_path)
            if peak is not None:
                input_mb = prose_path.stat().st_size / 1e6
                print(f"{'proselint 0.16.0, prose':<28} {input_mb:6.1f} MB {'':>8} {peak:8.0f} MB "
                      f"{peak / input_mb:6.1f}x  (whole process, base included)")
    print(f"worst ratio {worst:.1f}x (target <= {TARGET_RATIO:g}x over the fixed base)")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
