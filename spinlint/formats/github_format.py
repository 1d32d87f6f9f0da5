"""``--format github``: GitHub Actions workflow commands that annotate the changed files.

``::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=spinlint (CODE)::message``.
GitHub shows at most 10 annotations of each kind per step and drops the rest
silently, so after 10 of a kind we stop and say, in one notice, how many were
left out and where to see them all (SARIF).
"""

from __future__ import annotations

from typing import Any

from ..report import Report
from ..rules.findings import Finding
from ..report.escaping import visible

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
PER_KIND_LIMIT = 10


def escape_data(text: str) -> str:
    """Escaping for a command's message, as GitHub's toolkit does it, after every other control character
    is made visible (a document must not be able to write a terminal escape into the CI log)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escaping for a property value: the message escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, finding: Finding) -> str:
    line = max(finding.line, 1)
    column = max(finding.column, 1)
    properties = {
        "file": path,
        "line": str(line),
        "endLine": str(max(finding.end_line, line)),
        "col": str(column),
        "endColumn": str(max(finding.end_column, 1)),
        "title": f"spinlint ({finding.code})",
    }
    message = finding.message
    if finding.question:
        message += f"\nAsk: {finding.question}"
    if finding.suggestion:
        message += f"\nTry: {finding.suggestion}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def render(report: Report, **_: Any) -> str:
    by_kind: dict[str, list[str]] = {"error": [], "warning": [], "notice": []}
    for file in report.files:
        for finding in file.findings:
            by_kind[COMMANDS[finding.severity]].append(annotation(file.path, finding))
    overflow = any(len(lines) > PER_KIND_LIMIT for lines in by_kind.values())
    # The overflow notice is itself a notice: keep a place for it among the ten.
    limits = {"error": PER_KIND_LIMIT, "warning": PER_KIND_LIMIT,
              "notice": PER_KIND_LIMIT - 1 if overflow else PER_KIND_LIMIT}
    lines: list[str] = []
    hidden: dict[str, int] = {}
    for kind, commands in by_kind.items():
        lines.extend(commands[:limits[kind]])
        if len(commands) > limits[kind]:
            hidden[kind] = len(commands) - limits[kind]
    if hidden:
        counts = ", ".join(f"{count} {kind}{'s' if count != 1 else ''}" for kind, count in hidden.items())
        total = sum(hidden.values())
        note = (f"{total} more findings not shown as annotations ({counts}): GitHub shows at most "
                f"{PER_KIND_LIMIT} of each kind per step. Run spinlint with --format sarif and upload the "
                "file to code scanning to see them all (docs/ci.md).")
        lines.append(f"::notice title=spinlint::{escape_data(note)}")
    summary = report.summary()
    lines.append(f"spinlint: {summary['findings']} finding{'s' if summary['findings'] != 1 else ''} "
                 f"in {summary['files']} file{'s' if summary['files'] != 1 else ''}")
    return "\n".join(lines) + "\n"
