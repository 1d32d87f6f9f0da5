"""``--format github``: GitHub Actions workflow commands that annotate the changed files.

``::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=spinlint (CODE)::message``.
GitHub shows at most 10 annotations of each kind per step and drops the rest
silently, so the 10 places of each kind are shared across files (every file's
first finding, then every file's second, …) and one notice says how many were
left out, from which files, and where to see them all (SARIF).
"""

from __future__ import annotations

from typing import Any

from ..report import Report
from ..rules.findings import Finding
from ..report.escaping import visible
from .text_format import plural

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
    by_kind: dict[str, list[tuple[int, str, Finding]]] = {"error": [], "warning": [], "notice": []}
    for index, file in enumerate(report.files):
        for finding in file.findings:
            by_kind[COMMANDS[finding.severity]].append((index, file.path, finding))
    overflow = any(len(found) > PER_KIND_LIMIT for found in by_kind.values())
    # The overflow notice is itself a notice: keep a place for it among the ten.
    limits = {"error": PER_KIND_LIMIT, "warning": PER_KIND_LIMIT,
              "notice": PER_KIND_LIMIT - 1 if overflow else PER_KIND_LIMIT}
    lines: list[str] = []
    hidden: dict[str, int] = {}
    hidden_in: dict[str, int] = {}  # file -> findings left out, in report order
    for kind, found in by_kind.items():  # errors first, then warnings, then notices
        shown = spread(found, limits[kind])
        lines.extend(annotation(path, finding) for _, path, finding in shown)
        if len(found) > len(shown):
            hidden[kind] = len(found) - len(shown)
            chosen = set(map(id, shown))
            for _, path, _ in (item for item in found if id(item) not in chosen):
                hidden_in[path] = hidden_in.get(path, 0) + 1
    if hidden:
        lines.append(f"::notice title=spinlint::{escape_data(_overflow_note(hidden, hidden_in, report))}")
    summary = report.summary()
    lines.append(f"spinlint: {plural(summary['findings'], 'finding')} in {plural(summary['files'], 'file')}")
    return "\n".join(lines) + "\n"


def spread(found: list[tuple[int, str, Finding]], budget: int) -> list[tuple[int, str, Finding]]:
    """At most ``budget`` of ``found`` (one kind), shared across files: each file's first finding, then each
    file's second, and so on, so that one file with many findings cannot use up the places of the others."""
    if len(found) <= budget:
        return found
    rank_in_file: dict[int, int] = {}
    ranked = []
    for order, item in enumerate(found):
        rank = rank_in_file.get(item[0], 0)
        rank_in_file[item[0]] = rank + 1
        ranked.append((rank, order, item))
    chosen = sorted(ranked)[:budget]
    return [item for _, _, item in sorted(chosen, key=lambda entry: entry[1])]


MAX_FILES_NAMED = 10


def _overflow_note(hidden: dict[str, int], hidden_in: dict[str, int], report: Report) -> str:
    """How many findings were left out, of which kinds and from which files (with how many each)."""
    counts = ", ".join(plural(count, kind) for kind, count in hidden.items())
    named = [f"{path} ({count})" for path, count in list(hidden_in.items())[:MAX_FILES_NAMED]]
    if len(hidden_in) > MAX_FILES_NAMED:
        named.append(f"and {plural(len(hidden_in) - MAX_FILES_NAMED, 'more file')}")
    unannotated = sum(1 for file in report.files if file.findings and hidden_in.get(file.path) == len(file.findings))
    without = f"; {plural(unannotated, 'file')} got no annotation at all" if unannotated else ""
    return (f"{plural(sum(hidden.values()), 'more finding')} not shown as annotations ({counts}) in "
            f"{', '.join(named)}{without}: GitHub shows at most {PER_KIND_LIMIT} of each kind per step. "
            "Run spinlint with --format sarif and upload the file to code scanning to see them all (docs/ci.md).")
