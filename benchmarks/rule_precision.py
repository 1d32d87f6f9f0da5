"""Per rule: on how many of the project's labelled passages it fires (warning or error), and the share of those
that are not negatives for its family's label — on the real passages and on the written ones.

This is how the severities of docs/quality.md ("Severity from measured precision", "The severity scale") were
chosen: training data only, never the dev set. The last column applies the bar for ``error``. A last table gives
each family's passage-level recall and precision on both corpora together (any severity: what
``spinlint model evaluate --benchmark spin-devset --ignore M`` counts on the dev set).

    python benchmarks/rule_precision.py [--datasets ../shared/datasets]
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
    args = parser.parse_args()
    counts: dict[str, dict[str, list[int]]] = collections.defaultdict(lambda: {"real": [0, 0], "written": [0, 0]})
    # family -> [fired on a positive, fired on a negative, positives]
    families = {family: [0, 0, 0] for family in FAMILY_LABEL}
    for corpus, passages in (("real", labelled_real(args.datasets)), ("written", labelled_written())):
        for passage in passages:
            findings = spinlint.analyze(passage.text, "passage.txt", config={"ignore": ["M"]}).files[0].findings
            for family, label in FAMILY_LABEL.items():
                positive = passage.labels[label] >= 1
                fired = any(f.code.startswith(family) for f in findings)
                families[family][2] += positive
                families[family][0] += fired and positive
                families[family][1] += fired and not positive
            for code in {f.code for f in findings if f.severity in ("warning", "error")}:
                label = FAMILY_LABEL.get(code[0])
                if label:
                    counts[code][corpus][0] += 1
                    counts[code][corpus][1] += passage.labels[label] == 0
    print("rule   real: fired precision   written: fired precision   precise enough for error")
    for code, entry in sorted(counts.items()):
        cells = []
        for corpus in ("real", "written"):
            fired, negative = entry[corpus]
            cells.append(f"{fired:>5} {'-' if not fired else f'{1 - negative / fired:.2f}':>9}")
        print(f"{code:<6} {cells[0]}         {cells[1]}   {'yes' if error_eligible(entry) else ''}")
    print("\nfamily  passages fired  precision  recall  (real and written passages, any severity)")
    for family, (hit, false, positives) in families.items():
        fired = hit + false
        print(f"{family:<7} {fired:>14} {hit / fired if fired else 0:>10.3f} {hit / positives if positives else 0:>7.3f}")


def error_eligible(entry: dict[str, list[int]]) -> bool:
    """The bar for severity ``error``: at least 5 firings in all, and precision >= 0.9 on every corpus where the
    rule fired at least twice (a rule precise on the written passages but not on the real ones is not an error)."""
    total = sum(fired for fired, _ in entry.values())
    return total >= 5 and all(1 - negative / fired >= 0.9 for fired, negative in entry.values() if fired >= 2)


if __name__ == "__main__":
    main()
