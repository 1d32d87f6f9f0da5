"""Baselines: record findings, then report only new ones; matching survives edits elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinlint.report.baseline import BaselineError, apply_baseline, baseline_text, load_baseline, path_key
from spinlint.document import Span
from spinlint.rules.findings import Finding, LineIndex
from spinlint.report import FileReport, Report

DRAFT = "We will leverage synergies.\nMistakes were made.\nWe will leverage synergies again.\n"


def located(text: str, phrase: str, code: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    span = Span(start, start + len(phrase))
    position = LineIndex(text).position(span)
    return Finding(code=code, name="n", category="vague", severity="warning", message="m", span=span,
                   match=phrase, line=position.line, column=position.column, end_line=position.end_line,
                   end_column=position.end_column)


def report_for(path: str, text: str, phrases: list[tuple[str, str, int]]) -> Report:
    findings = sorted((located(text, phrase, code, nth) for phrase, code, nth in phrases),
                      key=lambda f: f.span.start)
    return Report(files=(FileReport(path=path, findings=tuple(findings)),))


def test_round_trip_suppresses_everything_recorded(tmp_path):
    report = report_for(str(tmp_path / "memo.md"), DRAFT,
                        [("leverage synergies", "V001", 0), ("Mistakes were made", "B001", 0),
                         ("leverage synergies", "V001", 1)])
    baseline_file = tmp_path / "spinlint-baseline.json"
    baseline_file.write_text(baseline_text(report, baseline_file), encoding="utf-8")
    data = json.loads(baseline_file.read_text(encoding="utf-8"))
    assert data["findings"] == 3 and list(data["files"]) == ["memo.md"]
    filtered, suppressed = apply_baseline(report, load_baseline(baseline_file))
    assert suppressed == 3 and filtered.files[0].findings == () and filtered.exit_code == 0


def test_edits_elsewhere_keep_old_findings_suppressed_and_new_ones_reported(tmp_path):
    path = str(tmp_path / "memo.md")
    before = report_for(path, DRAFT, [("leverage synergies", "V001", 0), ("Mistakes were made", "B001", 0)])
    baseline_file = tmp_path / "b.json"
    baseline_file.write_text(baseline_text(before, baseline_file), encoding="utf-8")
    edited = "A new first paragraph.\n\n" + DRAFT.replace("Mistakes", "mistakes") + "Our best-in-class team.\n"
    after = report_for(path, edited, [("leverage synergies", "V001", 0), ("mistakes were made", "B001", 0),
                                      ("leverage synergies", "V001", 1), ("best-in-class", "V002", 0)])
    filtered, suppressed = apply_baseline(after, load_baseline(baseline_file))
    assert suppressed == 2
    assert [(f.code, f.line) for f in filtered.files[0].findings] == [("V001", 5), ("V002", 6)]
    assert filtered.exit_code == 1


def test_paths_are_relative_to_the_baseline_folder(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    assert path_key("memo.md", tmp_path) == "docs/memo.md"
    assert path_key(str(tmp_path / "docs" / "memo.md"), tmp_path) == "docs/memo.md"
    assert path_key("/elsewhere/memo.md", tmp_path) == "/elsewhere/memo.md"


@pytest.mark.parametrize("content, message", [
    ("not json", "invalid JSON"),
    ('{"version": "9", "files": {}}', "not a spinlint baseline"),
    ('{"version": "1", "fingerprint_version": "0", "files": {}}', "fingerprint version"),
    ('{"version": "1", "fingerprint_version": "1", "files": {"a.md": [{"code": "V001"}]}}', "fingerprints"),
])
def test_bad_baselines_are_errors_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as caught:
        load_baseline(path)
    assert str(path) in str(caught.value)


# -- end to end through `spinlint check` ---------------------------------------------------------------

SPIN = ("Our AI-first platform will unlock value at scale.\n\n"
        "Mistakes were made during the rollout.\n")


def check(*args: str):
    from click.testing import CliRunner

    from spinlint.cli import main

    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def test_write_then_use_a_baseline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("memo.md").write_text(SPIN, encoding="utf-8")
    assert check("memo.md").exit_code == 1

    written = check("--write-baseline", "spinlint-baseline.json", "memo.md")
    assert written.exit_code == 0, written.stderr
    assert "recorded" in written.stderr and "spinlint-baseline.json" in written.stderr
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".spinlint-baseline.json.*"))
    recorded = json.loads(Path("spinlint-baseline.json").read_text(encoding="utf-8"))
    assert recorded["findings"] >= 2 and list(recorded["files"]) == ["memo.md"]

    clean = check("--baseline", "spinlint-baseline.json", "--format", "json", "memo.md")
    assert clean.exit_code == 0, clean.stdout
    assert json.loads(clean.stdout)["files"][0]["findings"] == []
    assert f"{recorded['findings']} findings suppressed" in clean.stderr

    # Text added above and a new blame phrase below: only the new phrase is reported.
    Path("memo.md").write_text("The office moves to Leeds on 4 May.\n\n" + SPIN +
                               "\nThe delay was caused by user error.\n", encoding="utf-8")
    fresh = check("--baseline", "spinlint-baseline.json", "--format", "json", "memo.md")
    assert fresh.exit_code == 1
    new = json.loads(fresh.stdout)["files"][0]["findings"]
    assert new and all(finding["line"] == 7 for finding in new), new
    assert "user error" in {finding["match"] for finding in new}


def test_baseline_works_from_another_folder(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "memo.md").write_text(SPIN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert check("--write-baseline", "b.json", "docs").exit_code == 0
    monkeypatch.chdir(tmp_path / "docs")
    assert check("--baseline", "../b.json", "memo.md").exit_code == 0


def test_write_baseline_never_overwrites_an_input(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text(SPIN, encoding="utf-8")
    result = check("--write-baseline", str(memo), str(memo))
    assert result.exit_code == 2 and "refusing to overwrite an input" in result.stderr
    assert memo.read_text(encoding="utf-8") == SPIN


def test_a_broken_baseline_is_an_error(tmp_path):
    (tmp_path / "memo.md").write_text(SPIN, encoding="utf-8")
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    result = check("--baseline", str(tmp_path / "b.json"), str(tmp_path / "memo.md"))
    assert result.exit_code == 2 and "b.json" in result.stderr


def test_write_baseline_never_overwrites_a_file_found_in_a_folder(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text(SPIN, encoding="utf-8")
    result = check("--write-baseline", str(memo), str(tmp_path))
    assert result.exit_code == 2 and memo.read_text(encoding="utf-8") == SPIN
