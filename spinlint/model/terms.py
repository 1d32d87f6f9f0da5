"""A TF-IDF block's vocabulary (term → column) held as arrays, not as a dict of strings, and read ready-made.

The shipped model has about 86,000 word and word-vector terms.  As dicts of Python strings they
would cost some 11 MB in every scan worker and a one-file run would spend tens of milliseconds
building them.  Here a vocabulary is the UTF-8 bytes of its newline-joined terms, the sorted
CRC-32 keys of the terms and the column of each sorted key.  CRC-32 is the same in every process
(Python's ``hash()`` is seeded per process), so training writes the keys and the order into the
artefact (``arrays``) and loading only wraps them (``from_arrays``): nothing is split, hashed or
sorted at start-up.

A term is found by its key, and the candidate is then compared with the term's own bytes, so the
answer is always the dict's: a key shared by two terms costs a second look, never a wrong column.
"""

from __future__ import annotations

import zlib
from typing import Mapping

import numpy as np

_NEWLINE = ord("\n")


def keys_of(encoded: list[bytes]) -> np.ndarray:
    """The look-up key (CRC-32) of each UTF-8 encoded term, as int64."""
    return np.fromiter(map(zlib.crc32, encoded), dtype=np.int64, count=len(encoded))


def _encoded(terms: list[str]) -> list[bytes]:
    """Each term as UTF-8 (lone surrogates kept as their 3 bytes: a vocabulary read from valid UTF-8 holds
    no such bytes, so such a term is simply not found), in one encode when no term holds a newline."""
    pieces = "\n".join(terms).encode("utf-8", "surrogatepass").split(b"\n")
    if len(pieces) == len(terms):
        return pieces
    return [term.encode("utf-8", "surrogatepass") for term in terms]


class TermIndex:
    def __init__(self, text: str):
        """``text``: the terms joined by newlines, term ``i`` being column ``i`` (keys and order built here)."""
        blob = text.encode("utf-8")
        encoded = blob.split(b"\n") if blob else []
        keys = keys_of(encoded)
        order = np.argsort(keys, kind="stable")
        self._set(blob, keys[order], order)

    @classmethod
    def from_arrays(cls, blob: np.ndarray, keys: np.ndarray, order: np.ndarray) -> "TermIndex":
        """The index as ``arrays`` wrote it: ``blob`` the UTF-8 newline-joined terms (uint8), ``keys`` their
        sorted keys, ``order`` the column of each sorted key."""
        index = cls.__new__(cls)
        data = bytes(np.asarray(blob, dtype=np.uint8))
        count = data.count(b"\n") + 1 if data else 0
        keys, order = np.asarray(keys, dtype=np.int64), np.asarray(order, dtype=np.int64)
        if keys.shape != (count,) or order.shape != (count,) or (count and (
                np.any(keys[1:] < keys[:-1]) or order.min() < 0 or order.max() >= count)):
            raise ValueError("a vocabulary's keys do not match its terms")
        index._set(data, keys, order)
        return index

    def _set(self, blob: bytes, sorted_keys: np.ndarray, order: np.ndarray) -> None:
        self._blob = blob
        self._keys = sorted_keys
        self._columns = order  # int64: column of each sorted key
        newlines = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == _NEWLINE)
        # term i is blob[starts[i]:starts[i + 1] - 1]
        self._starts = np.concatenate(([0], newlines + 1, [len(blob) + 1])) if blob else np.zeros(1, np.int64)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The index as plain arrays for an artefact: ``prefix`` (the terms), ``prefix_keys``, ``prefix_order``."""
        return {prefix: np.frombuffer(self._blob, dtype=np.uint8),
                f"{prefix}_keys": self._keys.astype(np.uint32),
                f"{prefix}_order": self._columns.astype(np.int32)}

    @classmethod
    def read(cls, arrays: Mapping[str, np.ndarray], prefix: str) -> "TermIndex":
        """The index ``arrays(prefix)`` wrote; an artefact written before the keys were stored is indexed here."""
        if f"{prefix}_keys" in arrays:
            return cls.from_arrays(arrays[prefix], arrays[f"{prefix}_keys"], arrays[f"{prefix}_order"])
        return cls(bytes(np.asarray(arrays[prefix], dtype=np.uint8)).decode("utf-8"))

    def __len__(self) -> int:
        return len(self._columns)

    def term(self, column: int) -> str:
        return self._blob[self._starts[column]:self._starts[column + 1] - 1].decode("utf-8")

    def get(self, term: str, default: int = -1) -> int:
        """The column of ``term``, or ``default``."""
        column = int(self.columns([term])[0])
        return default if column < 0 else column

    def _after_collision(self, encoded: bytes, key: int, position: int) -> int:
        """The column of the term whose key is shared by the one at ``position``, or -1."""
        while position < len(self._keys) and self._keys[position] == key:
            column = int(self._columns[position])
            if self._blob[self._starts[column]:self._starts[column + 1] - 1] == encoded:
                return column
            position += 1
        return -1

    def columns(self, terms: list[str]) -> np.ndarray:
        """The column of every term, -1 where it is not in the vocabulary (one vectorised search)."""
        result = np.full(len(terms), -1, dtype=np.int64)
        if not terms or not len(self._keys):
            return result
        encoded = _encoded(terms)
        keys = keys_of(encoded)
        positions = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        candidates = np.flatnonzero(self._keys[positions] == keys)
        if not len(candidates):
            return result
        columns = self._columns[positions[candidates]]
        # Each candidate's stored bytes against the term's, all at once: equal lengths, then every byte.
        starts = self._starts[columns]
        lengths = self._starts[columns + 1] - 1 - starts
        query = [encoded[index] for index in candidates.tolist()]
        query_lengths = np.fromiter(map(len, query), dtype=np.int64, count=len(query))
        same_length = lengths == query_lengths
        stored = np.frombuffer(self._blob, dtype=np.uint8)
        asked = np.frombuffer(b"".join(query), dtype=np.uint8)
        asked_starts = np.cumsum(query_lengths) - query_lengths
        sizes = np.where(same_length, lengths, 0)
        total = int(sizes.sum())
        owner = np.repeat(np.arange(len(query), dtype=np.int64), sizes)
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        differs = stored[starts[owner] + within] != asked[asked_starts[owner] + within]
        matched = same_length & (np.bincount(owner[differs], minlength=len(query)) == 0)
        result[candidates[matched]] = columns[matched]
        # A key shared by two terms: the first candidate was the other term; look further along.
        for index, position in zip(candidates[~matched].tolist(), positions[candidates[~matched]].tolist()):
            result[index] = self._after_collision(encoded[index], int(keys[index]), position)
        return result
