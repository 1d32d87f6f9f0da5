"""WordTable answers exactly as the dict it replaces."""

import random

from spinlint.text.wordtable import WordTable


def test_word_table_answers_like_a_dict():
    rng = random.Random(4)
    words = ["".join(rng.choice("abcdez'-") for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    reference = {word: rng.uniform(1, 5) for word in words}  # later duplicates win, as in a dict
    table = WordTable(reference)
    assert len(table) == len(reference) and set(table) == set(reference)
    for word in words + ["", "zzz", "a" * 20, "\uffff"]:
        assert (word in table) == (word in reference)
        assert table.get(word) == reference.get(word)
        assert table.get(word, -1.0) == reference.get(word, -1.0)
    assert 3 not in table
    assert dict(WordTable([("b", 2.0), ("a", 1.0), ("b", 3.0)])) == {"a": 1.0, "b": 3.0}


def test_the_shipped_model_stores_its_ratings_sorted_and_unique():
    # The runtime builds its table without sorting (WordTable.from_sorted): the artefact must be sorted.
    import numpy as np

    from spinlint.model import runtime

    with np.load(runtime.default_path(), allow_pickle=False) as archive:
        words = runtime._from_text_array(archive["concreteness_words"])
        values = archive["concreteness_values"]
    assert len(words) == len(values) > 10_000
    assert all(first < second for first, second in zip(words, words[1:]))
    table = runtime.load().dense.concreteness
    assert all(table[word] == float(value) for word, value in zip(words[::97], values[::97]))
