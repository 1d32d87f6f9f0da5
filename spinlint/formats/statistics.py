"""``check --statistics``: how many findings each code has, most frequent first (ruff's ``--statistics``)."""

from __future__ import annotations

import json
from collections import Counter

from ..report import Report
from .text_format import total


def counts(report: Report) -> list[dict]:
    """One entry per code that fired: code, name, severity, count; most frequent first, then by code."""
    tally: Counter[str] = Counter()
    described: dict[str, tuple[str, str]] = {}
    for file in report.files:
        for finding in file.findings:
            tally[finding.code] += 1
            described.setdefault(finding.code, (finding.name, finding.severity))
    ordered = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    return [{"code": code, "name": described[code][0], "severity": described[code][1], "count": count}
            for code, count in ordered]


def render(report: Report, *, as_json: bool = False) -> str:
    rows = counts(report)
    if as_json:
        return json.dumps(rows, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in rows), default=1)
    lines = [f"{row['count']:>{width}}  {row['code']}  {row['name']} ({row['severity']})" for row in rows]
    return "\n".join([*lines, total(report)]) + "\n"
