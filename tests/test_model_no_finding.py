"""Sentences the model must never flag: greetings, salutations, headings, and a writer owning a mistake.
(Written for this test; the shipped model and its thresholds decide.)"""

from __future__ import annotations

import pytest

import spinlint

NEVER_FLAGGED = [
    "To everyone at Fernhill Logistics,",
    "Dear colleagues,",
    "Thank you, and see you on Monday.",
    "Best regards, Amira",
    "Next steps",
    "I made this decision, and it is my responsibility.",
    "I approved the change without a second review, and I was wrong to do so.",
    "We shipped the update before the tests had finished, and that was our mistake.",
    "The invoices were late because I did not make them a priority, and I should have.",
]


@pytest.mark.parametrize("text", NEVER_FLAGGED)
def test_no_model_finding(text):
    findings = spinlint.analyze(text + "\n", filename="memo.txt").files[0].findings
    flagged = [finding for finding in findings if finding.code.startswith("M")]
    assert not flagged, [(finding.code, finding.score) for finding in flagged]
