"""A read-only word → rating table in a third of a dict's memory.

Every scan worker holds two rating tables (about 120,000 words); as dicts they
cost some 10 MB per worker, as a sorted list of words and an array of numbers
about 4 MB.  A lookup is a binary search (a microsecond), and callers look each
distinct word up once and keep the answer.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Iterable, Iterator, Mapping


class WordTable(Mapping[str, float]):
    def __init__(self, items: Mapping[str, float] | Iterable[tuple[str, float]]):
        pairs = sorted(dict(items).items())
        self._words = [word for word, _ in pairs]
        self._values = array("d", (value for _, value in pairs))

    @classmethod
    def from_sorted(cls, words: list[str], values: bytes) -> "WordTable":
        """From words already sorted and unique, and their values as native doubles (no copy, no sort)."""
        table = cls.__new__(cls)
        table._words = words
        table._values = array("d")
        table._values.frombytes(values)
        if len(table._values) != len(words):
            raise ValueError("a word table needs one value per word")
        return table

    def _index(self, word: str) -> int:
        index = bisect_left(self._words, word)
        return index if index < len(self._words) and self._words[index] == word else -1

    def __getitem__(self, word: str) -> float:
        index = self._index(word)
        if index < 0:
            raise KeyError(word)
        return self._values[index]

    def get(self, word: str, default: float | None = None) -> float | None:
        index = self._index(word)
        return default if index < 0 else self._values[index]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._index(word) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)
