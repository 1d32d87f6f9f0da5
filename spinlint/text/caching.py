"""One way to memoise per word, sentence or paragraph with memory that stays flat.

Archives repeat words endlessly and sentences now and then, so the text modules
memoise their per-key work.  Every such cache is bounded twice: in entries (an
LRU) and in bytes, because a key longer than ``max_chars`` (an identifier, a
hash, a pasted table) is computed afresh and never kept.
"""

from __future__ import annotations

from functools import lru_cache, wraps
from typing import Callable, TypeVar

T = TypeVar("T")


def cached_up_to(max_chars: int, maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Decorator: ``function(key)`` kept in an LRU of ``maxsize`` for keys of at most ``max_chars``.

    The decorated function keeps ``cache_info`` and ``cache_clear``, and ``cached``: the bare LRU for
    a hot loop that has already checked its keys are short.
    """
    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def lookup(key: str) -> T:
            return cached(key) if len(key) <= max_chars else function(key)

        lookup.cached = cached  # type: ignore[attr-defined]
        lookup.cache_info = cached.cache_info  # type: ignore[attr-defined]
        lookup.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return lookup
    return decorate
