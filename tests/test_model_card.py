"""The model card: docs/model-card.md is exactly what models/spinlint-model.json renders to, and the
benchmark command prints what the card recorded."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from spinlint.model import card, runtime

SHIPPED = runtime.default_path()
pytestmark = pytest.mark.skipif(not SHIPPED.is_file(), reason="no shipped model in models/")


def _card() -> dict:
    return json.loads(SHIPPED.with_suffix(".json").read_text(encoding="utf-8"))


def test_markdown_card_is_rendered_from_the_json(repo):
    rendered = card.render(_card())
    assert (repo / "docs" / "model-card.md").read_text(encoding="utf-8") == rendered


def test_card_records_what_the_issue_asks_for():
    data = _card()
    for key in ("thresholds", "benchmark_thresholds", "artefact", "training_data", "splits", "cross_validation",
                "evaluation", "library_versions", "commands"):
        assert key in data, key
    assert data["artefact"]["sha256"] == runtime.sha256_of(SHIPPED)
    sources = {source["dataset"] for source in data["training_data"]["sources"]}
    assert "conll2010-wikiweasel" in sources and all(source["files"] for source in data["training_data"]["sources"])
    assert all("reliability" in result["real_in_genre"] for result in data["cross_validation"].values())
    assert data["evaluation"]["spin-devset"]["scores"]["spin"]["ci95"]
    assert data["document_model"]["cross_validation"]["out_of_fold"]["spin"]["real_passages"]["auc"]
    assert data["evaluation"]["conll2010-wikiweasel"]["n"] == 7288


@pytest.mark.data
def test_evaluate_command_reproduces_the_card(datasets_dir):
    from spinlint.cli import main

    result = CliRunner().invoke(main, ["model", "evaluate", "--benchmark", "conll2010-wikiweasel", "--format",
                                       "json", "--data", str(datasets_dir)])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert set(printed) == {"precision", "recall", "f1", "n"}
    recorded = _card()["evaluation"]["conll2010-wikiweasel"]
    assert printed == {key: recorded[key] for key in printed}
    # The project's floor of 62 on this benchmark is not kept: every CoNLL weight that approaches it costs the
    # in-genre model (docs/scoring.md, "How the model was chosen"); the card says so in its selection rule.
    assert "floor" in _card()["model"]["selection"]["rule"]


def test_evaluate_without_data_is_a_clean_error(tmp_path):
    from spinlint.cli import main

    result = CliRunner().invoke(main, ["model", "evaluate", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "datasets folder" in result.output
