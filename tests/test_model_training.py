"""Training on a small slice of the shared datasets: the numpy runtime equals scikit-learn, and retraining
reproduces the artefact byte for byte."""

from __future__ import annotations

import json

import numpy as np
import pytest

from spinlint.model import LABELS, runtime
from spinlint.model import datasets as ds
from spinlint.model.train import TrainConfig, artefact_summary, export, train

pytestmark = [pytest.mark.data, pytest.mark.slow]

# A small, fast slice that still exercises every part: the auxiliary-weight choice, the word vectors and the
# document model.
SMALL = TrainConfig(limit=400, word_max_features=4_000, char_max_features=4_000, cv_folds=3,
                    auxiliary_weights={"vague": (0.0, 0.2), "blame": (0.0,), "evidence_gap": (0.0,)},
                    meaning_weights=(3.0,), rule_hit_options=(True,), jobs=1)


def _export_with_card(trained, folder):
    path = export(trained, folder)
    card = {"labels": list(LABELS), "thresholds": trained.thresholds, "artefact": artefact_summary(path)}
    path.with_suffix(".json").write_text(json.dumps(card), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    from conftest import shared_datasets

    data = shared_datasets()
    if not data.is_dir():
        pytest.skip(f"{data} is not present")
    trained = train(data, SMALL)
    return data, trained, _export_with_card(trained, tmp_path_factory.mktemp("first"))


def test_runtime_equals_scikit_learn(small_model):
    from spinlint.model.features import reference_probabilities
    from spinlint.lint import rule_hits_alone

    data, trained, path = small_model
    texts = [example.text for example in ds.conll(data, "eval")[:1900]]
    texts += [example.text for example in ds.ibm_debater(data, "eval")[:200]]
    texts += ["", "   ", "100%!", "Ünïcödé façade — naïve café’s résumé."]
    texts += ["Our legacy systems and the market headwinds held us back this quarter.",
              "Industry leaders agree this platform will transform every workflow."]
    model = runtime.load(path)
    assert model.reads_rule_hits and trained.rule_hits
    alone = rule_hits_alone(texts)
    ours = model.predict_proba(texts, rule_hits=alone)
    assert ours.shape == (len(texts), len(LABELS))
    assert alone[:, 1:].any(), "the written blame and evidence sentences should give the rule columns a 1"
    for column, label in enumerate(LABELS):
        reference = reference_probabilities(trained.union, trained.classifiers[label], texts, alone)
        assert np.max(np.abs(ours[:, column] - reference)) < 1e-9, label


def test_runtime_equals_scikit_learn_with_hits_given(small_model):
    """Hits from where the sentences stand (a linted document) enter the runtime and scikit-learn alike."""
    from spinlint.model.features import reference_probabilities

    data, trained, path = small_model
    texts = [example.text for example in ds.conll(data, "eval")[:300]]
    hits = np.random.default_rng(7).integers(0, 2, size=(len(texts), 3)).astype(float)
    ours = runtime.load(path).predict_proba(texts, rule_hits=hits)
    for column, label in enumerate(LABELS):
        reference = reference_probabilities(trained.union, trained.classifiers[label], texts, hits)
        assert np.max(np.abs(ours[:, column] - reference)) < 1e-9, label


def test_retraining_reproduces_the_artefact(small_model, tmp_path):
    data, _, first = small_model
    second = _export_with_card(train(data, SMALL), tmp_path)
    assert runtime.sha256_of(first) == runtime.sha256_of(second)


def test_thresholds_come_from_the_grid(small_model):
    _, trained, _ = small_model
    assert set(trained.thresholds) == set(LABELS)
    assert all(0.05 <= value <= 0.95 for value in trained.thresholds.values())
    assert trained.cross_validation["vague"]["n"] > 0


def test_selection_is_recorded_from_the_runs_it_compared(small_model):
    _, trained, _ = small_model
    assert set(trained.selection["grid"]) == {"3.0, rule hits"}
    assert trained.selection["chosen"]["rule_hits"] is True
    grid = trained.selection["grid"]["3.0, rule hits"]["per_label"]
    assert set(grid["vague"]) == {"0.0", "0.2"}
    assert all(option["real_in_genre_oof_auc"] is not None for option in grid["vague"].values())
    assert trained.selection["chosen"]["auxiliary_weight"]["vague"] in (0.0, 0.2)


def test_exported_model_carries_the_word_vectors_and_the_document_model(small_model):
    _, trained, path = small_model
    model = runtime.load(path)
    assert model.meaning is not None and model.meaning.dimensions == trained.data.meaning.dimensions
    assert model.document_model is not None
    assert model.document_model.names == trained.document_model.names


def test_batched_dense_features_equal_the_row_by_row_reference(small_model):
    data, trained, _ = small_model
    texts = [example.text for example in ds.conll(data, "eval")[:2000]]
    texts += ["", "was\nmade by the board", "Costs rose 5% in 2024?!", "İstanbul ²³ ٣٤ per cent"]
    batched = trained.dense.transform(texts)
    reference = np.asarray([trained.dense.row(text) for text in texts])
    assert np.array_equal(batched, reference)


def test_a_missed_precision_target_falls_back_to_the_most_precise_threshold_not_a_low_one():
    """Where no threshold reaches the target, the fallback is the most precise one with enough findings: a label
    that reaches 0.6 only at the top of the grid keeps a high threshold rather than dropping to where F0.5 peaks."""
    import numpy as np

    from spinlint.model.train import precision_threshold

    rng = np.random.default_rng(0)
    low = rng.uniform(0.0, 0.9, 2000)
    y_low = (rng.uniform(size=2000) < 0.3).astype(int)  # 30% positive below 0.9: F0.5 is best low down
    high = np.linspace(0.9, 1.0, 100)
    y_high = (np.arange(100) % 5 < 3).astype(int)  # 60% positive above 0.9, evenly spread: never the 0.8 target
    threshold, met = precision_threshold(np.concatenate([y_low, y_high]), np.concatenate([low, high]))
    assert not met and threshold >= 0.9
    # the target reached: the lowest threshold that reaches it, as before
    y_sure = np.ones(100, dtype=int)
    threshold, met = precision_threshold(np.concatenate([y_low, y_sure]), np.concatenate([low, high]))
    assert met and 0.85 <= threshold <= 0.9
