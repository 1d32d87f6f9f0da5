"""GitHub annotations across files (issue 15): the 10-per-kind budget is shared, the notice names the
files left out, and its counts read as English."""

from __future__ import annotations

import re

from spinlint.document import Span
from spinlint.formats import renderer
from spinlint.report import FileReport, Report
from spinlint.rules.findings import Finding


def finding(severity: str = "warning", line: int = 1) -> Finding:
    return Finding(code="V001", name="buzzword", category="vague", severity=severity, message="Vague.",
                   span=Span(0, 5), match="synergy", question="", suggestion="",
                   line=line, column=1, end_line=line, end_column=8)


def annotations(report: Report) -> list[str]:
    return [line for line in renderer("github")(report).splitlines()
            if line.startswith("::") and not line.startswith("::notice title=spinlint::")]


def notice(report: Report) -> str:
    return next(line for line in renderer("github")(report).splitlines()
                if line.startswith("::notice title=spinlint::"))


def files_annotated(lines: list[str]) -> list[str]:
    return [re.search(r"file=([^,]+),", line).group(1) for line in lines]


def test_every_file_gets_an_annotation_while_the_budget_lasts():
    # 8 files: the first has 20 warnings, the others 2 each (34 warnings, 10 places)
    files = [FileReport(path="doc0.md", findings=tuple(finding(line=n) for n in range(1, 21)))]
    files += [FileReport(path=f"doc{i}.md", findings=(finding(line=1), finding(line=2))) for i in range(1, 8)]
    shown = files_annotated(annotations(Report(files=tuple(files))))
    assert len(shown) == 10
    assert set(shown) == {f"doc{i}.md" for i in range(8)}  # before: all ten went to doc0.md
    assert shown.count("doc0.md") == 2 and shown.count("doc1.md") == 2 and shown.count("doc7.md") == 1


def test_more_files_than_places_names_those_left_out():
    files = tuple(FileReport(path=f"doc{i:02}.md", findings=(finding(),)) for i in range(13))
    report = Report(files=files)
    assert files_annotated(annotations(report)) == [f"doc{i:02}.md" for i in range(10)]
    text = notice(report)
    assert "3 more findings" in text and "doc10.md (1), doc11.md (1), doc12.md (1)" in text
    assert "3 files got no annotation at all" in text


def test_errors_keep_their_own_places():
    files = (FileReport(path="a.md", findings=tuple(finding("warning", n) for n in range(1, 30))),
             FileReport(path="b.md", findings=(finding("error"),)))
    lines = annotations(Report(files=files))
    assert lines[0].startswith("::error file=b.md,")
    assert sum(line.startswith("::warning") for line in lines) == 10


def test_one_more_finding_is_singular():
    report = Report(files=(FileReport(path="a.md", findings=tuple(finding(line=n) for n in range(1, 12))),))
    text = notice(report)
    assert "1 more finding not shown" in text and "1 more findings" not in text
    assert "(1 warning)" in text and "a.md (1)" in text
    assert "got no annotation" not in text  # a.md has ten
