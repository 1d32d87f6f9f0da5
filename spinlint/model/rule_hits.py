"""The rule families' findings as sentence-model features: did a V, B or E rule fire in this sentence?

The rules are precise and cover structures the n-grams see only as words; the model is broad and catches what
no rule lists. Giving the sentence model the rules' verdicts lets each sentence's probability carry both (issue
13, build item 1). A sentence gets a 1 for a family when a finding of one of its rules starts inside the sentence,
read where it stands: in its paragraph in a linted document and in a labelled passage, on its own for a sentence
that came alone (the 10-K pool, the written sentences, the auxiliary sources, ``classify_sentences``; that
reading is ``spinlint.lint.rule_hits_alone``, which runs the linter and so sits above the model). The rules that run are the
run's selection without the classifier rules (M), which read these features. A model given no hits reads every
sentence as one no rule flagged.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Sequence

import numpy as np

FAMILIES = ("V", "B", "E")
# How an explanation names each column ("why: a blame rule fired here; ..."), in FAMILIES order.
NAMES = ("a vague-wording rule fired here", "a blame rule fired here", "an evidence rule fired here")


# The family whose rules flag what each of the model's labels judges.
FAMILY_OF_LABEL = {"vague": "V", "blame": "B", "evidence_gap": "E"}


def column_of_label(label: str) -> int:
    """The hits column of the rule family that judges what ``label`` judges."""
    return FAMILIES.index(FAMILY_OF_LABEL[label])


def family_column(code: str) -> int:
    """The column of a rule code's family, or -1 for codes the features leave out (M, R, X)."""
    return FAMILIES.index(code[0]) if code[:1] in FAMILIES else -1


def hits_by_span(findings: Iterable, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Per span (start, end), sorted and not overlapping, a 0/1 per family: does a finding start inside it?"""
    hits = np.zeros((len(spans), len(FAMILIES)))
    starts = [start for start, _ in spans]
    for finding in findings:
        column = family_column(finding.code)
        if column < 0:
            continue
        row = bisect_right(starts, finding.span.start) - 1
        if row >= 0 and finding.span.start < spans[row][1]:
            hits[row, column] = 1.0
    return hits
