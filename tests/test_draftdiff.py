"""spinlint diff: fixed, introduced and remaining findings between two drafts, by fingerprint."""

from __future__ import annotations

import json

from spinlint.document import Span
from spinlint.report.draftdiff import compare, render_json, render_text
from spinlint.rules.findings import Finding, LineIndex
from spinlint.report import FileReport

OLD = "We will leverage synergies.\nMistakes were made.\n"
NEW = "Update for Tuesday.\nWe will leverage synergies.\nOur world-class team shipped it.\n"


def located(text: str, phrase: str, code: str, severity: str = "warning") -> Finding:
    start = text.index(phrase)
    span = Span(start, start + len(phrase))
    position = LineIndex(text).position(span)
    return Finding(code=code, name="n", category="vague", severity=severity, message=f"{code} message",
                   span=span, match=phrase, line=position.line, column=position.column,
                   end_line=position.end_line, end_column=position.end_column)


def drafts(new_severity: str = "warning", fail_on: str = "warning"):
    old = FileReport(path="v1.md", findings=(located(OLD, "leverage synergies", "V001"),
                                             located(OLD, "Mistakes were made", "B001")),
                     scores={"spin": 60.0, "vague": 40.0, "blame": 50.0, "evidence_gap": 0.0})
    new = FileReport(path="v2.md", findings=(located(NEW, "leverage synergies", "V001"),
                                             located(NEW, "world-class", "V002", new_severity)),
                     scores={"spin": 35.5, "vague": 45.0, "blame": 0.0, "evidence_gap": 0.0}, fail_on=fail_on)
    return old, new


def test_fixed_introduced_remaining():
    result = compare(*drafts())
    assert [f.code for f in result.fixed] == ["B001"]
    assert [f.code for f in result.introduced] == ["V002"]
    assert [(f.code, f.line) for f in result.remaining] == [("V001", 2)]
    assert result.score_changes()["spin"] == (60.0, 35.5, -24.5)
    assert result.failed


def test_fail_threshold_applies_to_new_findings_only():
    assert not compare(*drafts(new_severity="info")).failed
    assert not compare(*drafts(fail_on="never")).failed
    assert compare(*drafts(new_severity="info", fail_on="info")).failed


def test_text_and_json():
    result = compare(*drafts())
    text = render_text(result)
    assert "spin" in text and "60.0" in text and "35.5" in text and "-24.5" in text
    assert "v1.md:2:1: B001 B001 message" in text
    assert "v2.md:3:5: V002 V002 message" in text
    assert text.rstrip().endswith("spin down 24.5 points: 1 fixed, 1 introduced, 1 remaining")
    data = json.loads(render_json(result))
    assert data["scores"]["blame"] == {"before": 50.0, "after": 0.0, "change": -50.0}
    assert [f["code"] for f in data["fixed"]] == ["B001"] and data["failed"] is True
    assert data["introduced"][0]["fingerprint"] != data["remaining"][0]["fingerprint"]


# -- end to end through `spinlint diff` ----------------------------------------------------------------


def run_diff(*args: str):
    from click.testing import CliRunner

    from spinlint.cli import main

    return CliRunner().invoke(main, ["diff", *args], catch_exceptions=False)


def test_diff_of_two_real_drafts(tmp_path):
    v1, v2 = tmp_path / "v1.md", tmp_path / "v2.md"
    v1.write_text("Our AI-first platform will unlock value at scale.\n\nMistakes were made during the rollout.\n",
                  encoding="utf-8")
    v2.write_text("Our AI-first platform will unlock value at scale.\n\n"
                  "Our release team made mistakes during the rollout.\n",
                  encoding="utf-8")
    better = run_diff("--format", "json", str(v1), str(v2))
    assert better.exit_code == 0, better.stdout + better.stderr
    data = json.loads(better.stdout)
    assert "B004" in {finding["code"] for finding in data["fixed"]} and data["remaining"]
    assert data["scores"]["blame"]["after"] < data["scores"]["blame"]["before"]

    worse = run_diff(str(v2), str(v1))
    assert worse.exit_code == 1
    assert "introduced (0)" not in worse.stdout and "B004" in worse.stdout and "spin up" in worse.stdout

    assert run_diff("--fail-on", "never", str(v2), str(v1)).exit_code == 0
    assert run_diff(str(v1), str(tmp_path / "missing.md")).exit_code == 2
