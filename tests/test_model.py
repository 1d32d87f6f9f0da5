"""The shipped classifier: loading, integrity checks, the public API and the M rules' examples.

The small artefact built here is fitted on sentences written for this test, so
these tests need no datasets.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import spinlint
from spinlint.config import Settings
from spinlint.model import LABELS, runtime
from spinlint.rules.ruleset import builtin_rules

SHIPPED = runtime.default_path()
needs_shipped = pytest.mark.skipif(not SHIPPED.is_file(), reason="no shipped model in models/")

VAGUE = [
    "We will unlock synergies across the enterprise.", "Our journey to excellence continues.",
    "Many experts believe this could be transformative.", "We are reimagining what is possible.",
    "It is widely seen as a leading solution.", "Some say the platform may change everything.",
    "We leverage best-in-class capabilities to drive value.", "This is arguably a world-class offering.",
]
PLAIN = [
    "The invoice run finished at 09:00 on Tuesday.", "We closed 14 support tickets yesterday.",
    "The warehouse in Leeds ships 300 parcels a day.", "Our rent rose from 2,000 to 2,300 pounds.",
    "The bus leaves the depot at 7:15.", "She repaired the pump and replaced two valves.",
    "The report lists 12 errors in the March payroll.", "We moved the server to a rack in room 4.",
]


def tiny_artefact(folder: Path) -> Path:
    """Fit the real pipeline on the sentences above and export it with a card."""
    from spinlint.model.features import classifier, exported_parts, feature_union
    from spinlint.model.train import artefact_summary, write_npz

    dense = runtime.DenseFeatures((("buzz", ("unlock", "synergies", "best-in-class")),), {"pump": 4.9, "journey": 3.0})
    texts = VAGUE + PLAIN
    union = feature_union(dense)
    matrix = union.fit_transform(texts)
    y = np.asarray([1] * len(VAGUE) + [0] * len(PLAIN))
    classifiers = {label: classifier(1.0).fit(matrix, y if label != "blame" else y[::-1]) for label in LABELS}
    arrays = runtime.export_arrays(dense=dense, **exported_parts(union, classifiers, LABELS))
    path = folder / "tiny.npz"
    write_npz(path, arrays)
    card = {"labels": list(LABELS), "thresholds": {label: 0.5 for label in LABELS}, "artefact": artefact_summary(path)}
    path.with_suffix(".json").write_text(json.dumps(card), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return tiny_artefact(tmp_path_factory.mktemp("model"))


def test_tiny_model_loads_and_predicts(tiny):
    model = runtime.load(tiny)
    assert model.labels == LABELS
    matrix = model.predict_proba(["We will unlock synergies.", "The pump was replaced on Monday."])
    assert matrix.shape == (2, 3)
    assert np.all((matrix > 0) & (matrix < 1))
    assert matrix[0, 0] > matrix[1, 0]
    assert model.predict_proba([]).shape == (0, 3)
    reasons = model.explain("We will unlock synergies.", "vague", k=3)
    assert 0 < len(reasons) <= 3
    assert all(isinstance(name, str) and weight > 0 for name, weight in reasons)


def test_tampered_artefact_is_refused(tiny, tmp_path):
    copy = tmp_path / "tiny.npz"
    data = bytearray(tiny.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    copy.with_suffix(".json").write_text(tiny.with_suffix(".json").read_text())
    with pytest.raises(runtime.ModelError) as error:
        runtime.load(copy)
    message = str(error.value)
    assert "sha256" in message and "spinlint model train" in message and "\n" not in message


def test_missing_files_and_bad_cards_are_one_line_errors(tiny, tmp_path):
    with pytest.raises(runtime.ModelError, match="missing"):
        runtime.load(tmp_path / "absent.npz")
    lonely = tmp_path / "lonely.npz"
    lonely.write_bytes(tiny.read_bytes())
    with pytest.raises(runtime.ModelError, match="card .* is missing"):
        runtime.load(lonely)
    lonely.with_suffix(".json").write_text("{not json")
    with pytest.raises(runtime.ModelError, match="malformed"):
        runtime.load(lonely)


def test_artefact_with_right_hash_but_wrong_content_is_malformed(tmp_path):
    from spinlint.model.train import artefact_summary, write_npz

    path = tmp_path / "odd.npz"
    write_npz(path, {"coef": np.zeros((3, 2))})
    card = {"labels": list(LABELS), "thresholds": {label: 0.5 for label in LABELS}, "artefact": artefact_summary(path)}
    path.with_suffix(".json").write_text(json.dumps(card))
    with pytest.raises(runtime.ModelError, match="malformed"):
        runtime.load(path)


def test_runtime_imports_no_scikit_learn():
    import subprocess
    import sys

    code = ("import sys, spinlint.model.runtime as r; heavy = [m for m in ('sklearn', 'scipy', 'joblib', 'nltk') "
            "if m in sys.modules]; print(','.join(heavy))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert output == ""


def test_analysers_are_simple_and_stable():
    assert runtime.tokens("We’ll cut costs by 40% in 2025!") == ["we'll", "cut", "costs", "by", "00", "%", "in", "0000"]
    assert runtime.word_analyzer("Unlock value") == ["unlock", "value", "unlock value"]
    assert runtime.token_char_grams("ai") == (" a", "ai", "i ", " ai", "ai ", " ai ")


# -- the shipped model ------------------------------------------------------------------------------


@needs_shipped
def test_classify_sentences_api():
    results = spinlint.classify_sentences(["We will unlock value at scale across our AI-first journey.",
                                           "The team moved 120 invoices to the new queue on Monday."])
    assert [set(result) for result in results] == [set(LABELS)] * 2
    assert all(0.0 <= value <= 1.0 for result in results for value in result.values())
    assert results[0]["vague"] > results[1]["vague"]
    assert spinlint.classify_sentences([]) == []


@needs_shipped
def test_shipped_card_matches_artefact():
    card = json.loads(SHIPPED.with_suffix(".json").read_text())
    assert card["artefact"]["sha256"] == runtime.sha256_of(SHIPPED)
    # a guard against accidental bloat (it is read whole at start-up); the word-vector table (about 2.7 MB of
    # int8) raised the artefact from 4.6 to about 8 MB
    assert SHIPPED.stat().st_size < 10_000_000
    assert set(card["thresholds"]) == set(LABELS)


CLASSIFIER_RULES = [rule for rule in builtin_rules() if rule.kind == "classifier"]


@needs_shipped
@pytest.mark.parametrize("rule", CLASSIFIER_RULES, ids=lambda rule: rule.code)
def test_classifier_rule_examples(rule):
    def fired(text: str) -> list:
        report = spinlint.analyze(text, config=Settings(select=(rule.code,)))
        return [finding for finding in report.files[0].findings if finding.code == rule.code]

    for example in rule.bad_examples:
        findings = fired(example)
        assert findings, f"{rule.code} did not fire on {example!r}"
        assert findings[0].reason.startswith("why: ")
    for example in rule.good_examples:
        assert not fired(example), f"{rule.code} fired on good example {example!r}"


def test_dense_features_batch_equals_rows():
    dense = runtime.DenseFeatures((("hedge", ("may", "perhaps", "it is believed")),), {"invoice": 4.5, "value": 1.8})
    texts = VAGUE + PLAIN + ["", "It is believed that costs were cut by the board.\nWas it made?", "Growth of 5% in 2024."]
    assert np.array_equal(dense.transform(texts), np.asarray([dense.row(text) for text in texts]))
    assert dense.transform([]).shape == (0, len(dense.names()))


def test_check_with_a_tampered_model_exits_2_with_one_line(tiny, tmp_path):
    from click.testing import CliRunner

    from spinlint.cli import main

    copy = tmp_path / "tiny.npz"
    copy.write_bytes(tiny.read_bytes() + b"tampered")
    copy.with_suffix(".json").write_text(tiny.with_suffix(".json").read_text())
    memo = tmp_path / "memo.txt"
    memo.write_text("We will unlock value at scale.\n")
    result = CliRunner().invoke(main, ["check", "--select", "M", "--model", str(copy), str(memo)])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if "error" in line]
    assert len(errors) == 1 and "sha256" in errors[0] and "--ignore M" in errors[0]
