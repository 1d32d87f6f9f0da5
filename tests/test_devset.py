"""The spin-devset benchmark: consensus, bootstrap intervals, the command, and that no dev-set text is in the repo."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from spinlint.cli import main
from spinlint.model import devset


def test_consensus_follows_the_dev_sets_rule():
    a = {"vague": 2, "blame_shift": 1, "evidence_gap": 0, "overall_spin": 2}
    b = {"vague": 1, "blame_shift": 0, "evidence_gap": 0, "overall_spin": 3}
    assert devset.consensus(a, b) == {"spin": 1, "vague": 1, "blame": None, "evidence_gap": 0}
    # overall_spin 1 against 0 is neither positive nor negative
    assert devset.consensus({**a, "overall_spin": 1}, {**b, "overall_spin": 0})["spin"] is None


def test_auc_interval_contains_the_point_estimate_and_is_seeded():
    y = [0, 1] * 30
    scores = [0.2 * value + 0.05 * (index % 7) for index, value in enumerate(y)]
    first = devset.auc_with_interval(y, scores, rounds=300)
    assert first == devset.auc_with_interval(y, scores, rounds=300)
    low, high = first["ci95"]
    assert low <= first["auc"] <= high < 1.0 or first["auc"] == 1.0
    assert devset.auc_with_interval([1, 1, 1], [0.1, 0.2, 0.3])["auc"] is None


def test_family_precision_counts_disagreements_as_not_negative():
    passages = [devset.Passage(str(i), "x", "memo", {"spin": None, "vague": None, "evidence_gap": None,
                                                      "blame": value}) for i, value in enumerate([1, 0, None, 1])]
    fired = [devset.Linted({}, frozenset(codes), frozenset()) for codes in (["B001"], ["B002"], ["B003"], [])]
    table = devset.family_table(passages, fired)["B"]
    assert table["fired"] == 3 and table["precision"] == round(2 / 3, 4) and table["recall"] == 0.5
    low, high = table["precision_ci95"]
    assert 0.0 < low < 2 / 3 < high < 1.0  # three passages: a wide interval, not a point


def test_wilson_interval_matches_the_textbook_case_and_stays_in_bounds():
    # 8 of 10: the Wilson score interval at 95% is 0.490-0.943 (worked by hand from the formula)
    assert devset.wilson_interval(8, 10) == [0.4902, 0.9433]
    assert devset.wilson_interval(0, 20)[0] == 0.0 and devset.wilson_interval(20, 20)[1] == 1.0
    assert devset.wilson_interval(0, 0) is None


def test_targets_are_judged_on_the_run_they_are_defined_for():
    scores = {label: {"auc": 0.95} for label in devset.SCORE_TARGETS} | {"blame": {"auc": 0.80}}
    families = {family: {"recall": 0.7, "precision": 0.9} for family in devset.FAMILY_TARGETS}
    families["B"]["precision"] = 0.6
    plain = {"rate": 0.11}
    full = {row["target"]: row["met"] for row in devset.targets(scores, families, plain, rules_only=False)}
    assert not any("family" in name for name in full)
    assert full["blame document score AUC >= 0.85"] is False and full["spin document score AUC >= 0.9"] is True
    rules = {row["target"]: row["met"] for row in devset.targets(scores, families, plain, rules_only=True)}
    assert not any("document score" in name for name in rules)
    assert rules["B family precision >= 0.85"] is False and rules["V family recall >= 0.6"] is True
    assert rules["plain passages failing a run <= 0.1"] is False


@pytest.mark.data
@pytest.mark.slow
def test_benchmark_command_prints_every_score_and_family(datasets_dir: Path):
    result = CliRunner().invoke(main, ["model", "evaluate", "--benchmark", "spin-devset", "--format", "json",
                                       "--data", str(datasets_dir), "--ignore", "M"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["passages"] == 316
    assert set(report["scores"]) == {"spin", "vague", "blame", "evidence_gap"}
    for entry in report["scores"].values():
        assert 0.0 <= entry["ci95"][0] <= entry["auc"] <= entry["ci95"][1] <= 1.0
        assert entry["by_genre"]
    assert report["families"]["M"]["fired"] == 0  # --ignore M reached the linter
    assert set(report["families"]) == {"V", "B", "E", "M"}


@pytest.mark.data
def test_no_dev_set_text_is_in_the_repository(datasets_dir: Path, repo: Path):
    """Eval-only third-party text: no 8-word run of any dev-set passage may appear in a tracked file."""
    passages = [json.loads(line) for line in open(datasets_dir / devset.NAME / "passages.jsonl", encoding="utf-8")]
    shingles = set()
    for passage in passages:
        words = re.findall(r"[a-z0-9']+", passage["text"].lower())
        shingles.update(" ".join(words[i:i + 8]) for i in range(len(words) - 7))
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=repo, capture_output=True, check=True).stdout
    leaks = []
    for name in tracked.decode().split("\0"):
        path = repo / name
        if not name or path.suffix in {".npz", ".png", ".gz"} or not path.is_file():
            continue
        words = re.findall(r"[a-z0-9']+", path.read_text(encoding="utf-8", errors="ignore").lower())
        for i in range(len(words) - 7):
            if " ".join(words[i:i + 8]) in shingles:
                leaks.append(f"{name}: {' '.join(words[i:i + 8])}")
                break
    assert not leaks, leaks


@pytest.mark.data
def test_benchmark_names_a_model_card_given_as_the_model(datasets_dir: Path, tmp_path: Path):
    card = tmp_path / "spinlint-model.json"
    card.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, ["model", "evaluate", "--benchmark", "spin-devset", "--data", str(datasets_dir),
                                       "--model", str(card)])
    assert result.exit_code == 2
    assert "is a model card, not a model" in result.output and "spinlint-model.npz" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


@pytest.mark.data
def test_benchmark_reports_a_broken_model_in_one_line(datasets_dir: Path, tmp_path: Path):
    model = tmp_path / "spinlint-model.npz"
    model.write_bytes(b"not a model")
    (tmp_path / "spinlint-model.json").write_text('{"artefact": {"sha256": "0"}}', encoding="utf-8")
    result = CliRunner().invoke(main, ["model", "evaluate", "--benchmark", "spin-devset", "--data", str(datasets_dir),
                                       "--model", str(model)])
    assert result.exit_code == 2
    assert "does not match the sha256" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("config, selected", [
    (None, True),
    ({"ignore": ["M"]}, False),
    ({"ignore": ["m0"]}, False),
    ({"ignore": ["M001", "M002", "M003"]}, False),
    ({"ignore": ["M001"]}, True),
    ({"select": ["V", "B", "E"]}, False),
    ({"select": ["ALL"], "ignore": ["V"]}, True),
])
def test_a_run_is_rules_only_however_the_classifier_codes_are_left_out(config, selected):
    from spinlint.model.devset import classifier_rules_selected

    assert classifier_rules_selected(config) is selected
