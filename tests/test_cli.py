"""The command line end to end: output, exit codes, config, errors (CliRunner with tmp_path)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from spinlint.cli import main

SPIN = "Our AI-first platform will unlock value at scale. Mistakes were made during the rollout.\n"
PLAIN = "The invoice run finished at 09:00 on Tuesday. Maria fixed the printer queue.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, [*args], input=input, catch_exceptions=False)


@pytest.fixture
def spin_file(tmp_path: Path) -> Path:
    path = tmp_path / "memo.txt"
    path.write_text(SPIN, encoding="utf-8")
    return path


def test_findings_exit_1_and_text_lines(spin_file):
    result = run("check", "--ignore", "M", str(spin_file))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    path, line, column, rest = first.split(":", 3)
    assert path == str(spin_file) and line == "1" and column.isdigit()
    *_, summary, total = result.output.splitlines()
    assert "spin" in summary and total.startswith("Found ")  # a summary per file, then the total (issue 15)


def test_plain_text_exits_0(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    result = run("check", "--ignore", "M,R", str(path))
    assert result.exit_code == 0, result.output


def test_fail_on_never_and_max_spin(spin_file):
    assert run("check", "--ignore", "M", "--fail-on", "never", str(spin_file)).exit_code == 0
    assert run("check", "--ignore", "M", "--fail-on", "never", "--max-spin", "5", str(spin_file)).exit_code == 1


def test_json_contract(spin_file):
    result = run("check", "--ignore", "M", "--format", "json", str(spin_file))
    data = json.loads(result.output)
    assert data["version"] == "1" and data["tool"]["name"] == "spinlint"
    file = data["files"][0]
    assert file["path"] == str(spin_file)
    assert set(file["scores"]) >= {"spin", "vague", "blame", "evidence_gap"}
    assert all(0 <= value <= 100 for value in file["scores"].values())
    assert {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "words", "sentences"} <= set(file["readability"])
    text = spin_file.read_text(encoding="utf-8")
    lines = text.split("\n")
    for finding in file["findings"]:
        for key in ("code", "name", "category", "severity", "message", "match", "line", "column",
                    "end_line", "end_column", "suggestion", "question", "score"):
            assert key in finding
        assert finding["category"] in ("vague", "blame", "evidence", "readability", "meta")
        assert text[finding["offset"]:finding["end_offset"]] == finding["match"]
        if finding["line"] == finding["end_line"]:
            line = lines[finding["line"] - 1]
            assert line[finding["column"] - 1:finding["end_column"] - 1] == finding["match"]


def test_missing_path_is_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_empty_file_is_clean(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("  \n\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0


def test_highest_exit_code_wins(tmp_path, spin_file):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["check", "--ignore", "M", str(spin_file), str(binary)])
    assert result.exit_code == 2
    assert "blob.txt" in result.output


def test_stdin_with_filename(tmp_path):
    result = run("check", "--ignore", "M", "--format", "json", "--stdin-filename", "draft.md", "-", input=SPIN)
    data = json.loads(result.output)
    assert data["files"][0]["path"] == "draft.md"
    assert data["files"][0]["findings"]


def test_select_and_unknown_code(spin_file):
    result = run("check", "--select", "B", "--format", "json", str(spin_file))
    codes = {f["code"] for f in json.loads(result.output)["files"][0]["findings"]}
    assert codes and all(code.startswith("B") for code in codes)
    bad = CliRunner().invoke(main, ["check", "--select", "Q999", str(spin_file)])
    assert bad.exit_code == 2 and "Q999" in bad.output


def test_config_discovery_and_strictness(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / ".git").mkdir()  # discovery climbs from a file's folder up to its repository's root
    (project / "spinlint.toml").write_text('ignore = ["V", "E", "M", "R"]\n', encoding="utf-8")
    (project / "docs" / "memo.txt").write_text(SPIN, encoding="utf-8")
    result = run("check", "--format", "json", str(project / "docs" / "memo.txt"))
    codes = {f["code"] for f in json.loads(result.output)["files"][0]["findings"]}
    assert codes and all(code.startswith("B") for code in codes)

    (project / "spinlint.toml").write_text('ignroe = ["V"]\n', encoding="utf-8")
    bad = CliRunner().invoke(main, ["check", str(project / "docs" / "memo.txt")])
    assert bad.exit_code == 2
    assert "ignroe" in bad.output and "spinlint.toml" in bad.output


def test_pyproject_config_and_wrong_type(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.spinlint]\nfail-on = 3\n', encoding="utf-8")
    path = tmp_path / "memo.txt"
    path.write_text(SPIN, encoding="utf-8")
    bad = CliRunner().invoke(main, ["check", str(path)])
    assert bad.exit_code == 2 and "fail-on" in bad.output and "pyproject.toml" in bad.output


def test_output_file_written_atomically_and_never_over_input(tmp_path, spin_file):
    out = tmp_path / "report.json"
    result = run("check", "--ignore", "M", "--format", "json", "--output", str(out), str(spin_file))
    assert result.exit_code == 1 and json.loads(out.read_text(encoding="utf-8"))["files"]
    before = spin_file.read_bytes()
    clash = CliRunner().invoke(main, ["check", "--output", str(spin_file), str(spin_file)])
    assert clash.exit_code == 2 and spin_file.read_bytes() == before
    nowhere = CliRunner().invoke(main, ["check", "--output", str(tmp_path / "no" / "r.json"), str(spin_file)])
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.output


def test_rules_and_explain():
    listing = run("rules")
    assert listing.exit_code == 0 and "X001" in listing.output
    assert "subtype" in listing.output.splitlines()[0] and "blame.agentless" in listing.output
    as_json = json.loads(run("rules", "--format", "json").output)
    assert {rule["code"]: rule["subtype"] for rule in as_json}["B004"] == "blame.agentless"
    explained = run("explain", "x001")
    for heading in ("What it does", "Why it matters", "Example", "Instead, write", "Question to ask"):
        assert heading in explained.output
    assert CliRunner().invoke(main, ["explain", "Z123"]).exit_code == 2


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "spinlint" in result.output
