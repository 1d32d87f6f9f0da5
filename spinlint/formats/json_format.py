"""``--format json``: the versioned contract documented in docs/json.md."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..report import FileReport, Report
from ..report.fingerprint import fingerprints
from ..rules.findings import Finding

SCHEMA_VERSION = "1"


def finding_dict(finding: Finding, fingerprint: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": finding.code,
        "name": finding.name,
        "category": finding.category,
        "severity": finding.severity,
        "message": finding.message,
        "match": finding.match,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "suggestion": finding.suggestion,
        "question": finding.question,
        "score": finding.score,
        "offset": finding.span.start,
        "end_offset": finding.span.end,
        "fingerprint": fingerprint,
    }
    if finding.location:
        data["location"] = finding.location
    if finding.reason:
        data["reason"] = finding.reason
    if finding.evidence is not None:
        data["evidence"] = {"offset": finding.evidence.start, "end_offset": finding.evidence.end}
    return data


def file_dict(file: FileReport) -> dict[str, Any]:
    return {
        "path": file.path,
        "scores": dict(file.scores),
        "readability": dict(file.readability),
        "counts": file.counts,
        "sentences": file.sentences,
        "findings": [finding_dict(finding, fingerprint)
                     for finding, fingerprint in zip(file.findings, fingerprints(file.findings))],
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "spinlint", "version": __version__},
        "files": [file_dict(file) for file in report.files],
        "summary": report.summary(),
    }


def render(report: Report, **_: Any) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
