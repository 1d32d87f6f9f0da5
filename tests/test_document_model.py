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


def test_one_clear_blame_sentence_outweighs_many_plain_ones():
    """Whether a memo shifts blame is a question of whether it does, not of what share of its sentences do."""
    model = _shipped()
    plain = {dimension: [0.02] * 12 for dimension in dm.DIMENSIONS}
    one = {dimension: list(values) for dimension, values in plain.items()}
    one["blame"][5] = 0.95
    assert model.scores(dm.document_row(one, [], None, 12))["blame"] >= 50
    assert model.scores(dm.document_row(plain, [], None, 12))["blame"] < 25


def test_round_trip_through_arrays():
    rows = np.random.default_rng(3).random((60, len(dm.feature_names())))
    targets = {score: (rows[:, i] > 0.5).astype(int) for i, score in enumerate(dm.SCORES)}
    fitted = dm.fit(rows, targets)
    again = dm.DocumentModel.from_arrays(fitted.arrays())
    assert again.probabilities(rows[0]) == pytest.approx(fitted.probabilities(rows[0]))
    bad = {**fitted.arrays(), "document_coef": fitted.arrays()["document_coef"][:, :-1]}
    with pytest.raises(ValueError):
        dm.DocumentModel.from_arrays(bad)
