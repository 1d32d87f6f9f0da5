"""A TF-IDF block's vocabulary (term → column) held as arrays, not as a dict of strings.

The shipped model has about 96,000 word and character terms.  As a dict of Python strings they
cost some 11 MB in every scan worker; here they are one string of newline-joined terms, where each
term starts, and the sorted hashes of the terms with their columns: about 2.5 MB.

A term is found by its ``hash()`` (Python's, seeded per process, so the index is built in the
process that uses it), and the candidate is then compared with the term's own text, so the answer
is always the dict's: a hash shared by two strings costs a second look, never a wrong column.
"""

from __future__ import annotations

import numpy as np


class TermIndex:
    def __init__(self, text: str):
        """``text``: the terms joined by newlines, term ``i`` being column ``i``."""
        terms = text.split("\n") if text else []
        hashes = np.fromiter(map(hash, terms), dtype=np.int64, count=len(terms))
        self._columns = np.argsort(hashes, kind="stable")  # int64: column of each sorted hash
        self._hashes = hashes[self._columns]
        lengths = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        self._starts = np.concatenate(([0], np.cumsum(lengths + 1)))
        self._text = text

    def __len__(self) -> int:
        return len(self._columns)

    def term(self, column: int) -> str:
        return self._text[self._starts[column]:self._starts[column + 1] - 1]

    def get(self, term: str, default: int = -1) -> int:
        """The column of ``term``, or ``default``."""
        key = hash(term)
        position = int(np.searchsorted(self._hashes, key))
        while position < len(self._hashes) and self._hashes[position] == key:
            column = int(self._columns[position])
            if self.term(column) == term:
                return column
            position += 1
        return default

    def columns(self, terms: list[str]) -> np.ndarray:
        """The column of every term, -1 where it is not in the vocabulary (one vectorised search)."""
        result = np.full(len(terms), -1, dtype=np.int64)
        if not terms or not len(self._hashes):
            return result
        keys = np.fromiter(map(hash, terms), dtype=np.int64, count=len(terms))
        positions = np.minimum(np.searchsorted(self._hashes, keys), len(self._hashes) - 1)
        candidates = np.flatnonzero(self._hashes[positions] == keys)
        if not len(candidates):
            return result
        columns = self._columns[positions[candidates]]
        starts = self._starts[columns].tolist()
        ends = self._starts[columns + 1].tolist()
        text = self._text
        for index, column, start, end in zip(candidates.tolist(), columns.tolist(), starts, ends):
            term = terms[index]
            result[index] = column if text[start:end - 1] == term else self.get(term)
        return result
