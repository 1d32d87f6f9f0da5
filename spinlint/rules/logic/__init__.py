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

from .blame import BLAME_CHECKS, agentless_bad_news_passive, agentless_decision
from .common import Offsets
from .evidence import EVIDENCE_CHECKS
from .vague import VAGUE_CHECKS, abstract_sentence, is_nominalisation, stacked_nominalisations

Check = Callable[[str, Mapping[str, Any]], Iterator[Offsets]]

# Each family's module lists its own checks; a name used twice is a mistake caught at import.
_FAMILIES = (VAGUE_CHECKS, BLAME_CHECKS, EVIDENCE_CHECKS)
LOGIC: dict[str, Check] = {name: check for family in _FAMILIES for name, check in family.items()}
if len(LOGIC) != sum(map(len, _FAMILIES)):
    raise RuntimeError("a logic check name is registered by two families")

__all__ = ["LOGIC", "Check", "Offsets", "abstract_sentence", "agentless_bad_news_passive", "agentless_decision",
           "is_nominalisation", "stacked_nominalisations"]
