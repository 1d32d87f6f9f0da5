"""The per-family rule tables of docs/quality.md, from one run: each rule's severity and subtype, how often it
fires on spin-devset (rules only) and on which consensus labels, and the share of plain documents it fires on.

The dev-set columns are what ``spinlint model evaluate --benchmark spin-devset --ignore M --format json`` reports
under ``rules`` and ``families``; the plain columns are ``benchmarks/rule_precision.py --plain``'s documents (400
seeded gov-digital-blogs posts, the 97 sec-10k-mdna-unlabelled files). Only aggregate counts are printed: the dev
set is evaluation data and none of its text is shown.

    python benchmarks/quality_tables.py [--datasets ../shared/datasets]    # about 2 minutes here
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import spinlint
from spinlint.model import devset
from spinlint.rules.ruleset import builtin_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rule_precision import FAMILY_LABEL, plain_documents  # noqa: E402


def plain_shares(datasets: Path) -> dict[str, tuple[collections.Counter, int]]:
    shares = {}
    for name, documents in plain_documents(datasets).items():
        fired: collections.Counter = collections.Counter()
        for text, file in documents:
            fired.update({f.code for f in spinlint.analyze(text, file, config={"ignore": ["M", "R"]}).files[0].findings})
        shares[name] = (fired, len(documents))
    return shares


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    args = parser.parse_args()
    result = devset.run(args.datasets, config={"ignore": ["M"]})
    plain = plain_shares(args.datasets)
    rules = {rule.code: rule for rule in builtin_rules() if getattr(rule, "status", "stable") != "removed"}
    for family, label in FAMILY_LABEL.items():
        row = result["families"][family]
        print(f"\n**{family} vs `{label}`** — dev set: fired on {row['fired']} of {result['passages']} passages, "
              f"precision {row['precision']:.2f} ({_interval(row['precision_ci95'])}), recall {row['recall']:.2f} "
              f"({_interval(row['recall_ci95'])}) of {row['consensus_positives']} consensus positives.\n")
        print("| rule | subtype | severity | dev: fired | on positives | on negatives | gov posts (of 400) "
              "| 10-K files (of 97) |")
        print("|---|---|---|---|---|---|---|---|")
        for code, rule in sorted(rules.items()):
            if not code.startswith(family):
                continue
            dev = result["rules"].get(code, {"fires": 0, "on_positive": 0, "on_negative": 0})
            cells = [f"{fired[code]} ({fired[code] / total:.1%})" for fired, total in (plain["gov"], plain["sec"])]
            print(f"| {code} {rule.name} | `{rule.subtype or '-'}` | {rule.severity} | {dev['fires']} | "
                  f"{dev['on_positive']} | {dev['on_negative']} | {cells[0]} | {cells[1]} |")
    flagged = result["plain_flagged_at_fail_on"]
    print(f"\nPlain passages failing a run at the default --fail-on: {flagged['flagged']} of "
          f"{flagged['plain_passages']} ({flagged['rate']:.1%}).")


def _interval(bounds) -> str:
    return "–".join(f"{bound:.2f}" for bound in bounds) if bounds else "n/a"


if __name__ == "__main__":
    main()
