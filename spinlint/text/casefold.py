"""Lower-casing once so case-insensitive ASCII patterns can run case-sensitively, and when not to.

``re.IGNORECASE`` makes every comparison fold case, which is several times slower
than matching a lower-cased copy of the text.  The two agree for every character
except the four below: their lower case has another length or another word-ness,
or IGNORECASE matches them to an ASCII letter they do not lower to.  Text holding
one of them keeps the slow, exact path (``tests/test_casefold.py`` checks every
code point).
"""

from __future__ import annotations

import re
from functools import lru_cache

FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def lowered(text: str) -> str | None:
    """``text.lower()`` when ASCII-literal IGNORECASE patterns may run on it case-sensitively; else None."""
    if text.isascii() or FOLDS_TO_ASCII.isdisjoint(text):
        return text.lower()
    return None


@lru_cache(maxsize=None)
def any_case(pattern: str) -> re.Pattern:
    """``pattern`` with IGNORECASE, for the rare text ``lowered`` refuses (compiled on first need)."""
    return re.compile(pattern, re.IGNORECASE)
