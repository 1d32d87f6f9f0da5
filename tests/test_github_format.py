"""--format github: workflow commands with GitHub's escaping and its 10-per-kind limit."""

from __future__ import annotations

import re

from spinlint.document import Span
from spinlint.rules.findings import Finding
from spinlint.formats import renderer
from spinlint.formats.github_format import escape_data, escape_property
from spinlint.report import FileReport, Report


def finding(severity: str = "warning", message: str = "Vague claim.", line: int = 3) -> Finding:
    return Finding(code="V001", name="buzzword", category="vague", severity=severity, message=message,
                   span=Span(0, 5), match="synergy", question="What exactly?", suggestion="",
                   line=line, column=4, end_line=line, end_column=11)


def test_one_annotation_with_all_properties():
    report = Report(files=(FileReport(path="docs/memo.md", findings=(finding(),)),))
    first = renderer("github")(report).splitlines()[0]
    assert first == ("::warning file=docs/memo.md,line=3,endLine=3,col=4,endColumn=11,"
                     "title=spinlint (V001)::Vague claim.%0AAsk: What exactly?")


def test_severities_map_to_commands():
    findings = tuple(finding(severity) for severity in ("error", "warning", "info"))
    lines = renderer("github")(Report(files=(FileReport(path="a.md", findings=findings),))).splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:3]] == ["::error", "::warning", "::notice"]


def test_escaping_of_messages_and_properties():
    assert escape_data("100% sure\r\nreally") == "100%25 sure%0D%0Areally"
    assert escape_property("C:\\a,b%.md") == "C%3A\\a%2Cb%25.md"
    report = Report(files=(FileReport(path="we, the: team.md",
                                      findings=(finding(message="50% more:\nnow, here::end"),)),))
    line = renderer("github")(report).splitlines()[0]
    assert "file=we%2C the%3A team.md," in line
    properties, message = line[len("::warning "):].split("::", 1)
    assert message.startswith("50%25 more:%0Anow, here::end")
    assert "\n" not in line and "\r" not in line
    assert len(properties.split(",")) == 6


def test_ten_per_kind_then_a_notice():
    findings = tuple(finding("warning", line=n) for n in range(1, 14)) + \
        tuple(finding("error", line=n) for n in range(1, 4)) + tuple(finding("info", line=n) for n in range(1, 12))
    lines = renderer("github")(Report(files=(FileReport(path="a.md", findings=findings),))).splitlines()
    kinds = [re.match(r"::(\w+)", line).group(1) for line in lines if line.startswith("::")]
    assert kinds.count("error") == 3 and kinds.count("warning") == 10
    assert kinds.count("notice") == 10  # nine findings and the overflow notice
    overflow = [line for line in lines if line.startswith("::notice title=spinlint::")]
    assert len(overflow) == 1
    assert "5 more findings" in overflow[0] and "3 warnings" in overflow[0] and "2 notices" in overflow[0]
    assert "--format sarif" in overflow[0]
    assert lines[-1] == "spinlint: 27 findings in 1 file"


def test_no_overflow_notice_when_under_the_limit():
    lines = renderer("github")(Report(files=(FileReport(path="a.md", findings=(finding(),) * 10),))).splitlines()
    assert not any(line.startswith("::notice") for line in lines)


def test_check_prints_annotations(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from spinlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "memo.md").write_text("Our AI-first platform will unlock value at scale.\n"
                                      "Mistakes were made during the rollout.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "github", "memo.md"], catch_exceptions=False)
    assert result.exit_code == 1
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert annotations
    for line in annotations:
        assert re.match(r"::(error|warning|notice) file=memo\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,"
                        r"title=spinlint \([A-Z]\d{3}\)::\S", line), line
