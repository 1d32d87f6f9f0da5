"""Rule-family hits (``rule_hits``) of a labelled passage's sentences, found inside the linted passage, for
training. A sentence that came alone is linted alone (``spinlint.lint.rule_hits_alone``); a lint run has its
document's findings already and never loads this module."""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from ..lint import rule_hits_alone
from .rule_hits import hits_by_span


def hits_in_passage(text: str, sentences: Sequence[str], findings: Iterable) -> np.ndarray:
    """``hits_by_span`` for sentences given as texts, found in order in the passage ``text`` they came from.

    A sentence that cannot be found (a split the linter no longer makes) is read on its own instead."""
    spans, missing, cursor = [], [], 0
    for index, sentence in enumerate(sentences):
        start = text.find(sentence, cursor)
        if start < 0:
            missing.append(index)
            spans.append((cursor, cursor))
            continue
        spans.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    hits = hits_by_span(findings, spans)
    if missing:
        hits[missing] = rule_hits_alone([sentences[index] for index in missing])
    return hits

