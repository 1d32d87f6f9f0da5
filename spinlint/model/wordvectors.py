"""The word-vector table at run time: int8 codes, one scale per dimension, looked up through a ``TermIndex``.

Built by ``spinlint.model.embeddings`` at training time and stored inside the model artefact, so the shipped
model needs nothing from the network and nothing beyond numpy.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from .terms import TermIndex


class WordVectors:
    """The int8 table read as float vectors; a sentence's vector is the mean of its known words'."""

    def __init__(self, terms: Sequence[str] | TermIndex, codes: np.ndarray, scale: np.ndarray):
        self.terms = terms if isinstance(terms, TermIndex) else TermIndex("\n".join(terms))
        self.codes = np.asarray(codes, dtype=np.int8)
        self.scale = np.asarray(scale, dtype=np.float32)
        # The codes stay int8: only the rows a batch looks up are turned into floats (the same arithmetic, so the
        # same numbers), which keeps about 20 MB of float64 out of every process that loads the model.
        self.dimensions = self.codes.shape[1]

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str = "") -> "WordVectors":
        return cls(TermIndex.read(arrays, prefix + "terms"), np.asarray(arrays[prefix + "vectors"]),
                   np.asarray(arrays[prefix + "scale"], dtype=np.float32))

    def arrays(self, prefix: str = "") -> dict[str, np.ndarray]:
        """The table as the plain arrays it was read from (for writing it into an artefact)."""
        return {**self.terms.arrays(prefix + "terms"), prefix + "vectors": self.codes, prefix + "scale": self.scale}

    def names(self) -> list[str]:
        return [f"meaning {index}" for index in range(self.dimensions)]

    def matrix(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """One row per sentence: the mean vector of its words found in the table (zeros when none is)."""
        n = len(token_lists)
        flat = [token for token_list in token_lists for token in token_list]
        rows = np.repeat(np.arange(n, dtype=np.int64), [len(token_list) for token_list in token_lists])
        columns = self.terms.columns(flat) if flat else np.zeros(0, dtype=np.int64)
        return self.matrix_of_columns(rows, columns, n)

    def matrix_of_columns(self, rows: np.ndarray, columns: np.ndarray, n: int) -> np.ndarray:
        """``matrix`` from each token's row and column (-1: not in the table), tokens in sentence order."""
        known = columns >= 0
        rows_known = rows[known]
        dimensions = self.dimensions
        vectors = self.codes[columns[known]].astype(np.float64) * self.scale
        # bincount adds each bin's weights in input order starting from 0.0, as np.add.at into zeros did
        # (the same sums, bit for bit), in one C loop instead of add.at's per-element dispatch.
        bins = (rows_known[:, None] * dimensions + np.arange(dimensions, dtype=np.int64)).ravel()
        out = np.bincount(bins, weights=vectors.ravel(), minlength=n * dimensions).reshape(n, dimensions)
        found = np.bincount(rows_known, minlength=n).astype(np.float64)
        found[found == 0] = 1.0
        return out / found[:, None]
