"""Sentences the classifier's probabilities must not count: a writer owning a mistake.

"I approved the change and I was wrong" and "our release team made mistakes during the rollout" share words with
blame-shifting ("mistakes", "failed", "the change") but are its opposite: the speaker names itself as the cause.
The model learnt those words mostly from sentences that hide or shift the agent, so it reads them as blame.
Owning a fault is never a finding (the model issue's rule), so such a sentence's three probabilities are capped
before any rule or document score reads them, at run time and when the document model is trained.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

OWNED_CAP = 0.05

_SELF = r"(?:I|we|our(?:\s+[a-z-]+){0,3}?\s+(?:team|engineers?|staff|company|department)|my\s+team)"
_OWNED_FAULT = re.compile(
    rf"\b{_SELF}\s+(?:\w+\s+){{0,3}}?(?:made|make)\s+(?:a\s+|an\s+|several\s+|some\s+|serious\s+|the\s+)?"
    r"(?:mistakes?|errors?|(?:wrong|bad|poor)\s+(?:call|decision|choice)s?)\b"
    rf"|\b(?:it\s+(?:is|was)\s+)?(?:my|our)\s+(?:own\s+)?(?:mistake|error|fault|failure|responsibility)\b"
    rf"|\b(?:I|we)\s+(?:was|were)\s+wrong\b|\b(?:I|we)\s+got\s+(?:it|this|that)\s+wrong\b"
    rf"|\b(?:I|we)\s+should\s+have\b"
    rf"|\b(?:I|we)\s+(?:take|accept|own)\s+(?:full\s+|complete\s+)?(?:responsibility|the\s+blame|ownership)\b"
    rf"|\b(?:I|we)\s+(?:caused|broke)\b",
    re.IGNORECASE)


def owns_fault(sentence: str) -> bool:
    """Does the writer name itself as the cause of something that went wrong?"""
    return _OWNED_FAULT.search(sentence.replace("\u2019", "'")) is not None


def guarded(sentences: Sequence[str], probabilities: np.ndarray) -> np.ndarray:
    """``probabilities`` (sentences x labels) with every owned-fault sentence capped at ``OWNED_CAP``."""
    owned = [index for index, sentence in enumerate(sentences) if owns_fault(sentence)]
    if not owned:
        return probabilities
    capped = np.array(probabilities, dtype=np.float64, copy=True)
    capped[owned] = np.minimum(capped[owned], OWNED_CAP)
    return capped
