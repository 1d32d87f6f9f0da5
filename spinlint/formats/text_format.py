"""``--format text``: ``path:line:col: CODE message`` lines and a summary per file."""

from __future__ import annotations

from typing import Any

from ..report import Report
from ..report.escaping import visible

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _paint(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def render(report: Report, *, colour: bool = False, show_questions: bool = True, **_: Any) -> str:
    lines: list[str] = []
    for file in report.files:
        for finding in file.findings:
            code = _paint(finding.code, _COLOURS[finding.severity] + _BOLD, colour)
            # a page or paragraph for a document read out of .docx, .pdf or .eml; line:col for text
            place = visible(finding.location) if finding.location else f"{finding.line}:{finding.column}"
            where = _paint(f"{visible(file.path)}:{place}:", _BOLD, colour)
            lines.append(f"{where} {code} {visible(finding.message)}")
            if show_questions and finding.question:
                lines.append(_paint(f"    ask: {visible(finding.question)}", _DIM, colour))
            if finding.suggestion:
                lines.append(_paint(f"    try: {visible(finding.suggestion)}", _DIM, colour))
            if finding.reason:
                lines.append(_paint(f"    {visible(finding.reason)}", _DIM, colour))
        scores = file.scores
        grade = file.readability.get("flesch_kincaid_grade")
        grade_text = f"{grade:.1f}" if isinstance(grade, (int, float)) else "n/a"
        count = len(file.findings)
        lines.append(
            f"{visible(file.path)}: {count} finding{'s' if count != 1 else ''} · spin {scores.get('spin', 0):.0f} · "
            f"vague {scores.get('vague', 0):.0f} · blame {scores.get('blame', 0):.0f} · "
            f"evidence gap {scores.get('evidence_gap', 0):.0f} · grade {grade_text}"
        )
    summary = report.summary()
    if len(report.files) != 1:
        lines.append(f"{summary['files']} files, {summary['findings']} findings")
    return "\n".join(lines) + ("\n" if lines else "")
