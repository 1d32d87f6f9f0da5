"""The document model: its scores only rise when a sentence reads as more spin, and it round-trips as arrays."""

from __future__ import annotations

import numpy as np
import pytest

from spinlint.model import document_model as dm
from spinlint.model import runtime


def _shipped():
    path = runtime.default_path()
    if not path.is_file():
        pytest.skip("no shipped model")
    model = runtime.load(path).document_model
    if model is None:
        pytest.fail("the shipped artefact has no document model")
    return model


def _probabilities(values):
    return {dimension: list(values[dimension]) for dimension in dm.DIMENSIONS}


def test_weights_on_spin_features_are_never_negative():
    model = _shipped()
    for score, coef in model.coef.items():
        for name, weight in zip(model.names, coef):
            if name not in dm.FREE_FEATURES:
                assert weight >= 0.0, (score, name, weight)


def test_raising_one_sentence_probability_never_lowers_a_score():
    model = _shipped()
    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(1, 12))
        values = {dimension: rng.random(n) for dimension in dm.DIMENSIONS}
        before = model.probabilities(dm.document_row(_probabilities(values), [], None, n))
        dimension = dm.DIMENSIONS[int(rng.integers(0, 3))]
        index = int(rng.integers(0, n))
        values[dimension][index] = min(1.0, values[dimension][index] + float(rng.random()))
        after = model.probabilities(dm.document_row(_probabilities(values), [], None, n))
        for score in dm.SCORES:
            assert after[score] >= before[score] - 1e-12, (score, dimension)


# The memo sentence is the example in the model issue; the rest was written for this test.
BLAME_SENTENCE = ("This is not a reflection of anyone's performance; it is a response to market headwinds and the "
                  "legacy systems that have held us back.")
PLAIN = ["The quarterly planning meeting moves to the Thursday slot at 10:00 in room 4B.",
         "Please send your travel receipts to Jana by the 15th so that finance can close the month.",
         "The new badge readers at the loading dock go live on Monday morning.",
         "Our support queue closed 1,240 tickets in October, up from 1,105 in September.",
         "The cafeteria will be closed on Friday for the floor repairs.",
         "Priya Shah joins the billing team as its lead on 4 November.",
         "We will be reducing the size of the platform team by twelve roles, effective March 1.",
         "Everyone affected will hear from their manager today."]


def test_one_clear_blame_sentence_reads_as_blame_in_a_memo_of_plain_sentences():
    """Whether a memo shifts blame is a question of whether it does, not of what share of its sentences do."""
    import spinlint

    _shipped()
    with_blame = "\n\n".join([PLAIN[0], BLAME_SENTENCE, *PLAIN[1:]]) + "\n"
    without = "\n\n".join(PLAIN) + "\n"
    assert spinlint.analyze(with_blame, "memo.txt").files[0].scores["blame"] >= 50
    assert spinlint.analyze(without, "memo.txt").files[0].scores["blame"] < 25


def test_round_trip_through_arrays():
    rows = np.random.default_rng(3).random((60, len(dm.feature_names())))
    targets = {score: (rows[:, i] > 0.5).astype(int) for i, score in enumerate(dm.SCORES)}
    fitted = dm.fit(rows, targets)
    again = dm.DocumentModel.from_arrays(fitted.arrays())
    assert again.probabilities(rows[0]) == pytest.approx(fitted.probabilities(rows[0]))
    bad = {**fitted.arrays(), "document_coef": fitted.arrays()["document_coef"][:, :-1]}
    with pytest.raises(ValueError):
        dm.DocumentModel.from_arrays(bad)


def _synthetic_rows(n: int, seed: int):
    """Rows of ``feature_names()`` whose blame targets follow the blame max feature (plus noise)."""
    rng = np.random.default_rng(seed)
    rows = rng.random((n, len(dm.feature_names())))
    blame_max = dm.feature_names().index("blame max")
    targets = {score: (rows[:, blame_max] + 0.3 * rng.random(n) > 0.8).astype(int) for score in dm.SCORES}
    return rows, targets


def test_per_score_weights_change_only_their_own_score():
    rows, targets = _synthetic_rows(300, 1)
    plain = dm.fit(rows, targets)
    heavy = np.where(np.arange(300) < 150, 5.0, 0.2)
    weighted = dm.fit(rows, targets, weights={"blame": heavy, **{s: np.ones(300) for s in dm.SCORES if s != "blame"}})
    assert np.allclose(plain.coef["vague"], weighted.coef["vague"])
    assert not np.allclose(plain.coef["blame"], weighted.coef["blame"])


def test_the_variant_choice_uses_real_passages_only_when_they_have_enough_positives():
    from spinlint.model.document_training import MIN_POSITIVES_TO_CHOOSE, choose_variant

    def quality(real_auc, real_positives, all_auc):
        return {"real_passages": {"auc": real_auc, "positives": real_positives},
                "all_passages": {"auc": all_auc, "positives": 500}}

    enough = MIN_POSITIVES_TO_CHOOSE
    assert choose_variant({"a": quality(0.80, enough, 0.99), "b": quality(0.85, enough, 0.90)}) == "b"
    assert choose_variant({"a": quality(0.80, enough - 1, 0.99), "b": quality(0.85, enough - 1, 0.90)}) == "a"
    # a tie goes to the variant listed first (the simpler one)
    assert choose_variant({"a": quality(0.85, enough, 0.9), "b": quality(0.85, enough, 0.9)}) == "a"
