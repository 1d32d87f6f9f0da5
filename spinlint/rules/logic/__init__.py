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
def join_families(*families: Mapping[str, Check]) -> dict[str, Check]:
    """One registry from the families' own lists; a name two families register is refused, not overwritten."""
    joined: dict[str, Check] = {}
    for family in families:
        for name, check in family.items():
            if name in joined:
                raise RuntimeError(f"the logic check name {name!r} is registered by two families")
            joined[name] = check
    return joined


LOGIC: dict[str, Check] = join_families(VAGUE_CHECKS, BLAME_CHECKS, EVIDENCE_CHECKS)

__all__ = ["LOGIC", "Check", "Offsets", "abstract_sentence", "agentless_bad_news_passive", "agentless_decision",
           "is_nominalisation", "stacked_nominalisations"]
