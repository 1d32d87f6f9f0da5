"""--format sarif: validates against the OASIS SARIF 2.1.0 schema and meets GitHub's extra rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from spinlint.document import Span
from spinlint.rules.findings import Finding, LineIndex
from spinlint.report.fingerprint import fingerprints
from spinlint.formats import renderer
from spinlint.formats.sarif_format import FINGERPRINT_KEY, artifact_uri, sarif_log
from spinlint.report import FileReport, InputProblem, Report

REPO = Path(__file__).resolve().parent.parent

SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture
def sarif_schema() -> dict:
    if not SCHEMA.is_file():
        if os.environ.get("SPINLINT_REQUIRE_DATA") == "1":
            pytest.fail(f"SPINLINT_REQUIRE_DATA=1 but {SCHEMA} is missing")
        pytest.skip(f"{SCHEMA} is not present")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def validate(log: dict, schema: dict) -> None:
    import jsonschema

    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def finding_at(text: str, phrase: str, code: str = "X001", *, nth: int = 0, severity: str = "warning",
               category: str = "meta", scope: str = "sentence") -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    span = Span(start, start + len(phrase))
    position = LineIndex(text).position(span)
    return Finding(code=code, name="unused-suppression", category=category, severity=severity,
                   message="Something to fix.", span=span, match=phrase, question="Who says so?",
                   suggestion="Say who.", scope=scope, line=position.line, column=position.column,
                   end_line=position.end_line, end_column=position.end_column)


TEXT = "Our platform will unlock value.\nWe will unlock value again,\nand ship on Tuesday.\n"


def hand_made_report(path: str = "docs/memo.md") -> Report:
    findings = (finding_at(TEXT, "unlock value"), finding_at(TEXT, "unlock value", nth=1, severity="info"),
                finding_at(TEXT, "ship", severity="error"))
    return Report(files=(FileReport(path=path, findings=findings),),
                  problems=(InputProblem("missing.md", "missing.md: no such file or directory"),))


def test_hand_made_report_validates(sarif_schema):
    log = json.loads(renderer("sarif")(hand_made_report()))
    validate(log, sarif_schema)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["X001"]
    levels = [result["level"] for result in run["results"]]
    assert levels == ["warning", "note", "error"]
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endLine"] >= region["startLine"] and region["endColumn"] >= 1
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "docs/memo.md"
    second = run["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert (second["startLine"], second["startColumn"], second["endColumn"]) == (2, 9, 21)
    assert run["invocations"][0]["executionSuccessful"] is False


def test_rule_carries_descriptions_and_help_from_the_rule_file():
    rule = sarif_log(hand_made_report())["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["name"] == "unused-suppression"
    assert rule["shortDescription"]["text"] == "Unused suppression"
    assert "RUF100" in rule["fullDescription"]["text"]
    assert rule["help"]["text"].startswith("X001 unused-suppression")
    assert rule["help"]["markdown"].startswith("# X001 unused-suppression")


def test_fingerprints_are_stable_and_survive_unrelated_edits():
    first = sarif_log(hand_made_report())["runs"][0]["results"]
    again = sarif_log(hand_made_report())["runs"][0]["results"]
    keys = [result["partialFingerprints"][FINGERPRINT_KEY] for result in first]
    assert keys == [result["partialFingerprints"][FINGERPRINT_KEY] for result in again]
    assert len(set(keys)) == 3  # the two "unlock value" findings differ by occurrence

    edited = "A new opening paragraph.\n\n" + TEXT.replace("ship", "SHIP").replace("will", "will  really")
    moved = (finding_at(edited, "unlock value"), finding_at(edited, "unlock value", nth=1, severity="info"),
             finding_at(edited, "SHIP", severity="error"))
    assert fingerprints(moved) == tuple(keys)
    assert moved[0].line != hand_made_report().files[0].findings[0].line


def test_document_findings_key_on_code_not_text():
    one = finding_at(TEXT, "Our platform", scope="document")
    other = finding_at("Quite different opening.", "Quite different", scope="document")
    assert fingerprints([one]) == fingerprints([other])


def test_artifact_uris(tmp_path):
    assert artifact_uri("a dir/memo #1.md", tmp_path) == ("a%20dir/memo%20%231.md", True)
    assert artifact_uri(str(tmp_path / "x" / "memo.md"), tmp_path) == ("x/memo.md", True)
    uri, relative = artifact_uri("/elsewhere/memo.md", tmp_path)
    assert (uri, relative) == ("file:///elsewhere/memo.md", False)


def test_artifact_uris_keep_the_bytes_of_names_that_are_not_utf8(tmp_path):
    # Python holds an undecodable byte of a file name as a surrogate; the URI carries the byte itself.
    name = os.fsdecode(b"caf\xe9 memo.md")
    assert artifact_uri(name, tmp_path) == ("caf%E9%20memo.md", True)
    assert artifact_uri(str(tmp_path / name), tmp_path) == ("caf%E9%20memo.md", True)
    assert artifact_uri("/elsewhere/" + name, tmp_path) == ("file:///elsewhere/caf%E9%20memo.md", False)
    assert artifact_uri("caf\u00e9.md", tmp_path) == ("caf%C3%A9.md", True)  # a UTF-8 name: its UTF-8 bytes


# -- end to end through `spinlint check` ---------------------------------------------------------------

SPIN_DRAFT = ("# Q3 update\n\nOur AI-first platform will unlock value at scale for every stakeholder.\n"
              "Mistakes were made during the rollout.\nWe will reimagine the future of work, at scale.\n")


def check(*args: str):
    from click.testing import CliRunner

    from spinlint.cli import main

    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def test_check_output_validates_and_describes_real_rules(sarif_schema, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "q3 memo.md").write_text(SPIN_DRAFT, encoding="utf-8")
    result = check("--format", "sarif", "drafts")
    assert result.exit_code == 1, result.output
    log = json.loads(result.output)
    validate(log, sarif_schema)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert {result["ruleId"] for result in run["results"]} == set(rules)
    for rule in rules.values():
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"].startswith(rule["id"]) and rule["help"]["markdown"].startswith("# " + rule["id"])
    lines = SPIN_DRAFT.split("\n")
    for sarif_result in run["results"]:
        location = sarif_result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "drafts/q3%20memo.md", "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        if region["startLine"] == region["endLine"]:
            text = lines[region["startLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1]
            assert text == region["snippet"]["text"]


def test_check_fingerprints_are_stable_across_runs_and_edits(tmp_path):
    path = tmp_path / "memo.md"
    path.write_text(SPIN_DRAFT, encoding="utf-8")

    def keys() -> list[str]:
        log = json.loads(check("--format", "sarif", str(path)).output)
        return sorted(r["partialFingerprints"][FINGERPRINT_KEY] for r in log["runs"][0]["results"])

    first = keys()
    assert first and first == keys()
    path.write_text(SPIN_DRAFT.replace("# Q3 update\n", "# Q3 update\n\nThe office moves to Leeds on 4 May.\n"),
                    encoding="utf-8")
    assert set(first) <= set(keys())  # the new sentence may add findings; the old ones keep their keys


def test_cli_format_choices_come_from_the_registry():
    from click.testing import CliRunner

    from spinlint.cli import main
    from spinlint.formats import FORMATS

    assert set(FORMATS) >= {"text", "json", "sarif", "github", "html"}
    result = CliRunner().invoke(main, ["check", "--format", "nope", "x.md"])
    assert result.exit_code == 2 and all(name in result.output for name in FORMATS)
