"""Checks that patterns cannot express, named by rule files of kind ``logic``.

Each function reads one unit of text (a sentence, by the rule's scope) and the
rule's options, and yields ``(start, end)`` offsets into that text.  Only the
functions in ``LOGIC`` can be named by a rule file: nothing is imported from a
user path.  Word lists here are small and closed on purpose; the open-ended
lists live in ``spinlint/text/vocabularies``.  One module per rule family, so a
family's checks are read, and changed, in one place.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Mapping

from .blame import (adoption_failure_on_adopters, agentless_bad_news_passive, agentless_decision,
                    cause_handed_to_other_party, exoneration_across_sentences, forced_hand, outside_force_cause)
from .common import Offsets
from .vague import abstract_sentence, is_nominalisation, stacked_nominalisations

Check = Callable[[str, Mapping[str, Any]], Iterator[Offsets]]

LOGIC: dict[str, Check] = {
    "stacked_nominalisations": stacked_nominalisations,
    "abstract_sentence": abstract_sentence,
    "agentless_bad_news_passive": agentless_bad_news_passive,
    "agentless_decision": agentless_decision,
    "outside_force_cause": outside_force_cause,
    "exoneration_across_sentences": exoneration_across_sentences,
    "adoption_failure_on_adopters": adoption_failure_on_adopters,
    "forced_hand": forced_hand,
    "cause_handed_to_other_party": cause_handed_to_other_party,
}

__all__ = ["LOGIC", "Check", "Offsets", "is_nominalisation", *LOGIC]
