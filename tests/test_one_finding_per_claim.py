"""Overlapping evidence findings in one sentence collapse to one: the per-sentence grouping (which keeps a long
paragraph of claims linear) must keep exactly what comparing every kept finding with every other kept."""

from __future__ import annotations

import random

from spinlint.document import Span
from spinlint.rules.engine import _one_finding_per_claim
from spinlint.rules.findings import SEVERITY_RANK, Finding


def _all_pairs(findings):
    """The rule written the plain way: each claim against every claim kept so far, in any sentence."""
    claims = [f for f in findings if f.category == "evidence" and f.sentence_index >= 0]
    ranked = sorted(claims, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), f.code, f.span.start))
    kept, dropped = [], set()
    for finding in ranked:
        if any(other.sentence_index == finding.sentence_index and other.code != finding.code
               and finding.span.start < other.span.end and other.span.start < finding.span.end for other in kept):
            dropped.add(id(finding))
        else:
            kept.append(finding)
    return [f for f in findings if id(f) not in dropped]


def _finding(rng: random.Random) -> Finding:
    start = rng.randrange(0, 60)
    return Finding(code=rng.choice(["E001", "E004", "E005", "V001"]), name="n",
                   category=rng.choice(["evidence", "evidence", "vague"]),
                   severity=rng.choice(["info", "warning", "error"]), message="m",
                   span=Span(start, start + rng.randrange(1, 15)), match="x",
                   sentence_index=rng.choice([-1, 0, 1, 2]))


def test_grouping_by_sentence_keeps_what_all_pairs_keep():
    rng = random.Random(5)
    for _ in range(400):
        findings = [_finding(rng) for _ in range(rng.randrange(0, 12))]
        assert _one_finding_per_claim(findings) == _all_pairs(findings)


def test_a_ceiling_and_a_change_in_one_claim_are_one_finding():
    ceiling = Finding(code="E004", name="n", category="evidence", severity="warning", message="m",
                      span=Span(10, 30), match="x", sentence_index=0)
    change = Finding(code="E001", name="n", category="evidence", severity="info", message="m",
                     span=Span(20, 40), match="x", sentence_index=0)
    elsewhere = Finding(code="E001", name="n", category="evidence", severity="info", message="m",
                        span=Span(20, 40), match="x", sentence_index=1)
    assert _one_finding_per_claim([ceiling, change, elsewhere]) == [ceiling, elsewhere]
