"""Conventions people bring from ruff, Vale and markdownlint (issue 15): flags, config discovery,
inline directives, --show-settings/--show-files, explain's effective threshold and the text summary."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from cli_runs import PLAIN, SPIN, invoke

ESCAPE = "\x1b["



def codes_in(result) -> list[str]:
    return [finding["code"] for file in json.loads(result.stdout)["files"] for finding in file["findings"]]


# -- output flags ------------------------------------------------------------------------------------

def test_statistics_counts_per_code_most_frequent_first(tmp_path):
    path = tmp_path / "memo.md"
    path.write_text("We will leverage synergies. We leverage our reach. Mistakes were made.\n", encoding="utf-8")
    result = invoke("check", "--ignore", "M,R", "--statistics", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["2", "V002"]  # 'leverage' twice
    assert any(line.split()[:2] == ["1", "B004"] for line in lines)
    assert "memo.md:1:" not in result.stdout  # the table replaces the findings
    assert lines[-1].startswith("Found ")
    as_json = json.loads(invoke("check", "--ignore", "M,R", "--statistics", "--format", "json", str(path)).stdout)
    assert as_json[0] == {"code": "V002", "name": as_json[0]["name"], "severity": as_json[0]["severity"], "count": 2}
    assert invoke("check", "--statistics", "--format", "sarif", str(path)).exit_code == 2


def test_quiet_prints_findings_only(memo):
    result = invoke("check", "--ignore", "M", "-q", str(memo))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{memo}:1:")
    assert "· spin" not in result.stdout and "Found" not in result.stdout
    assert invoke("check", "--ignore", "M", "--quiet", str(memo)).stdout == result.stdout


def test_quiet_hides_warnings_but_not_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    assert invoke("check", "-q", str(tmp_path / "empty")).stderr == ""
    missing = invoke("check", "-q", str(tmp_path / "missing.md"))
    assert missing.exit_code == 2 and "missing.md" in missing.stderr


def test_silent_prints_nothing_but_keeps_the_exit_status(memo, tmp_path):
    result = invoke("check", "--ignore", "M", "-s", str(memo))
    assert result.exit_code == 1 and result.stdout == "" and result.stderr == ""
    out = tmp_path / "report.json"
    assert invoke("check", "--ignore", "M", "--silent", "--format", "json", "-o", str(out), str(memo)).exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["files"]  # an asked-for file is still written


def test_output_format_is_an_alias_of_format(memo):
    result = invoke("check", "--ignore", "M", "--output-format", "json", str(memo))
    assert json.loads(result.stdout)["files"][0]["findings"]


@pytest.mark.parametrize("args, env, coloured", [
    ((), {}, False),                                          # not a terminal
    (("--color", "always"), {}, True),
    (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    ((), {"FORCE_COLOR": "1"}, True),
    ((), {"FORCE_COLOR": ""}, False),                         # empty counts as unset
    ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),       # NO_COLOR wins, as in CPython
    (("--color", "always"), {"NO_COLOR": "1"}, True),         # a flag beats the environment
    (("--no-color",), {"FORCE_COLOR": "1"}, False),
])
def test_colour_choice(memo, monkeypatch, args, env, coloured):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    result = invoke("check", "--ignore", "M", *args, str(memo), env=env)
    assert (ESCAPE in result.stdout) is coloured


def test_colour_never_goes_into_an_output_file(memo, tmp_path):
    out = tmp_path / "report.txt"
    invoke("check", "--ignore", "M", "--color", "always", "-o", str(out), str(memo))
    assert ESCAPE not in out.read_text(encoding="utf-8")


def test_text_output_has_a_summary_per_file_and_a_total(tmp_path):
    (tmp_path / "a.md").write_text(SPIN, encoding="utf-8")
    (tmp_path / "b.md").write_text(PLAIN, encoding="utf-8")
    result = invoke("check", "--ignore", "M,R", str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    lines = result.stdout.splitlines()
    summaries = [line for line in lines if "· spin" in line]
    assert [line.split(":")[0] for line in summaries] == [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    assert "b.md: 0 findings" in summaries[1]
    report = json.loads(invoke("check", "--ignore", "M,R", "--format", "json", str(tmp_path / "a.md")).stdout)
    severities = collections.Counter(f["severity"] for file in report["files"] for f in file["findings"])
    parts = [f"{severities[name]} {label}" for name, label in (("error", "errors"), ("warning", "warnings"),
                                                                ("info", "info")) if severities[name]]
    assert severities["warning"] and lines[-1] == (
        f"Found {sum(severities.values())} findings in 2 files ({', '.join(parts)}).")
    single = invoke("check", "--ignore", "M,R", str(tmp_path / "b.md")).stdout.splitlines()
    assert single[-1] == "Found 0 findings in 1 file."


# -- config discovery --------------------------------------------------------------------------------

def test_dot_spinlint_toml_is_found_and_wins_in_its_folder(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / ".git").mkdir()  # discovery climbs to the repository root, no higher (issue 16)
    memo = project / "docs" / "memo.md"
    memo.write_text(SPIN, encoding="utf-8")
    (project / ".spinlint.toml").write_text('select = ["B"]\n', encoding="utf-8")
    codes = codes_in(invoke("check", "--format", "json", str(memo)))
    assert codes and all(code.startswith("B") for code in codes)
    (project / "spinlint.toml").write_text('select = ["V"]\n', encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.spinlint]\nselect = ["E"]\n', encoding="utf-8")
    codes = codes_in(invoke("check", "--format", "json", str(memo)))
    assert codes and all(code.startswith("B") for code in codes)  # as ruff: .ruff.toml, ruff.toml, pyproject
    (project / ".spinlint.toml").unlink()
    codes = codes_in(invoke("check", "--format", "json", str(memo)))
    assert codes and all(code.startswith("V") for code in codes)


def test_show_settings_names_the_config_and_the_resolved_options(tmp_path):
    (tmp_path / ".spinlint.toml").write_text('select = ["B", "M"]\nfail-on = "info"\n[rules.B004]\n'
                                             'severity = "error"\n', encoding="utf-8")
    memo = tmp_path / "memo.md"
    memo.write_text(SPIN, encoding="utf-8")
    result = invoke("check", "--show-settings", "--ignore", "M", str(memo))
    assert result.exit_code == 0
    text = result.stdout
    assert str(tmp_path / ".spinlint.toml") in text
    assert 'select = ["B", "M"]' in text and 'ignore = ["M"]' in text and 'fail-on = "info"' in text
    assert "[rules.B004]" in text and 'severity = "error"' in text
    running = next(line for line in text.splitlines() if line.startswith("# rules that run"))
    assert "B004" in running and "M001" not in running and "V001" not in running
    assert "memo.md:1:" not in text  # nothing is linted


def test_show_files_lists_what_would_be_linted(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.txt", "c.csv", "skip.md"):
        (tmp_path / "docs" / name).write_text(SPIN, encoding="utf-8")
    (tmp_path / "spinlint.toml").write_text('exclude = ["skip.md"]\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()  # discovery climbs to the repository root, no higher (issue 16)
    result = invoke("check", "--show-files", str(tmp_path / "docs"))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [str(tmp_path / "docs" / "a.md"), str(tmp_path / "docs" / "b.txt")]
    stdin = invoke("check", "--show-files", "--stdin-filename", "draft.md", input=SPIN)
    assert stdin.stdout.splitlines() == ["draft.md"]


# -- inline directives -------------------------------------------------------------------------------

DISABLE_LINE = {
    "memo.md": "We will leverage synergies. <!-- spinlint-disable-line V002 -->\nWe will leverage synergies.\n",
    "memo.txt": "We will leverage synergies. <!-- spinlint-disable-line V002 -->\nWe will leverage synergies.\n",
    "memo.html": "<p>We will leverage synergies. <!-- spinlint-disable-line V002 --></p>\n"
                 "<p>We will leverage synergies.</p>\n",
}


@pytest.mark.parametrize("name", sorted(DISABLE_LINE))
def test_disable_line_silences_its_own_line_only(tmp_path, name):
    path = tmp_path / name
    path.write_text(DISABLE_LINE[name], encoding="utf-8")
    data = json.loads(invoke("check", "--select", "V002,X001", "--format", "json", str(path)).stdout)
    found = [(finding["code"], finding["line"]) for finding in data["files"][0]["findings"]]
    assert found == [("V002", 2)]


def test_disable_line_on_the_last_line_without_a_newline(tmp_path):
    path = tmp_path / "memo.md"
    path.write_text("We will leverage synergies. <!-- spinlint-disable-line V002 -->", encoding="utf-8")
    assert codes_in(invoke("check", "--select", "V002,X001", "--format", "json", str(path))) == []


@pytest.mark.parametrize("written, nearest", [
    ("spinlint-disabel V002", "spinlint-disable"),
    ("spinlint-disable-lines V002", "spinlint-disable-line"),
    ("spinlint-enabel", "spinlint-enable"),
])
def test_a_misspelt_directive_is_reported_and_silences_nothing(tmp_path, written, nearest):
    path = tmp_path / "memo.md"
    path.write_text(f"<!-- {written} -->\nWe will leverage synergies.\n", encoding="utf-8")
    data = json.loads(invoke("check", "--select", "V002,X001", "--format", "json", str(path)).stdout)
    findings = data["files"][0]["findings"]
    assert [finding["code"] for finding in findings] == ["X001", "V002"]  # "disable-lines" is not "disable"
    message = findings[0]["message"]
    assert f"'{written.split()[0]}' is not a spinlint directive" in message
    assert f"did you mean '{nearest}'" in message


def test_a_plain_text_comment_line_directive_is_checked_too(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("# spinlint-disable-nxt-line V002\nWe will leverage synergies.\n", encoding="utf-8")
    data = json.loads(invoke("check", "--select", "V002,X001", "--format", "json", str(path)).stdout)
    assert [finding["code"] for finding in data["files"][0]["findings"]] == ["X001", "V002"]


# -- explain -----------------------------------------------------------------------------------------

def test_explain_shows_the_model_threshold_in_force(tmp_path, monkeypatch):
    from spinlint.model.loading import load_model

    monkeypatch.chdir(tmp_path)
    threshold = load_model().thresholds["blame"]
    text = invoke("explain", "M002").stdout
    line = next(line for line in text.splitlines() if line.strip().startswith("threshold ="))
    assert line.strip().startswith(f"threshold = {threshold!r}") and "model's own" in line
    assert "threshold = 0.0" not in text


def test_explain_shows_a_configured_threshold(tmp_path, monkeypatch):
    (tmp_path / "spinlint.toml").write_text("[rules.M002]\nthreshold = 0.55\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    line = next(line for line in invoke("explain", "M002").stdout.splitlines() if "threshold =" in line)
    assert line.strip().startswith("threshold = 0.55") and "spinlint.toml" in line


# -- the README's conventions table ------------------------------------------------------------------

def _section(document: str, heading: str) -> str:
    text = (Path(__file__).resolve().parent.parent / document).read_text(encoding="utf-8")
    return text.split(heading, 1)[1].split("\n#", 1)[0]


@pytest.mark.parametrize("document, heading", [
    ("README.md", "### Conventions you may know from other linters"),
    ("docs/ci.md", "## Exit status and output in CI"),
])
def test_every_check_flag_the_docs_name_exists(document, heading):
    import re

    from spinlint.cli import check

    section = _section(document, heading)
    if document == "README.md":  # the right-hand column: the left one names other tools' flags
        section = "\n".join(row.split(" | ", 1)[1] for row in section.splitlines() if row.startswith("| "))
    flags = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", section))
    known = {name for param in check.params for name in (*param.opts, *param.secondary_opts)}
    assert len(flags) >= 8 and flags <= known, sorted(flags - known)
