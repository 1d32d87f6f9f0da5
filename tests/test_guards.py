"""A writer owning a mistake is not blame-shifting: its probabilities are capped (sentences written for this test)."""

from __future__ import annotations

import numpy as np
import pytest

from spinlint.model.guards import OWNED_CAP, guarded, owns_fault

OWNED = [
    "Our release team made mistakes during the rollout.",
    "I approved the change without a second review, and I was wrong to do so.",
    "We shipped the update before the tests had finished, and that was our mistake.",
    "The invoices were late because I did not make them a priority, and I should have.",
    "I made this decision, and it is my responsibility.",
    "We take full responsibility for the outage.",
]
NOT_OWNED = [
    "Mistakes were made during the rollout.",
    "The outage was caused by a misconfiguration at our cloud provider.",
    "Customers who did not update their apps made errors at checkout.",
    "Legacy systems and entrenched mindsets slowed the rollout.",
    "Our platform is not the problem; your processes are.",
]


@pytest.mark.parametrize("sentence", OWNED)
def test_owned_faults_are_recognised(sentence):
    assert owns_fault(sentence)


@pytest.mark.parametrize("sentence", NOT_OWNED)
def test_shifted_or_hidden_faults_are_not(sentence):
    assert not owns_fault(sentence)


def test_guarded_caps_only_owned_rows():
    sentences = [OWNED[0], NOT_OWNED[0]]
    capped = guarded(sentences, np.array([[0.2, 0.9, 0.01], [0.3, 0.95, 0.2]]))
    assert capped[0].tolist() == [OWNED_CAP, OWNED_CAP, 0.01]
    assert capped[1].tolist() == [0.3, 0.95, 0.2]
