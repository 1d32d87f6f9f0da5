"""The report a run produces: per-file results, a summary and the exit status."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..rules.findings import SEVERITY_RANK, Finding

CATEGORY_NAMES = ("vague", "blame", "evidence", "readability", "meta")


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)
    readability: Mapping[str, Any] = field(default_factory=dict)
    sentences: int = 0
    # The decoded text, kept for formats that show the document (HTML).
    text: str | None = None
    fail_on: str = "warning"
    max_spin: float | None = None
    # The file's name as the operating system gives it (see Source.os_path): only for URIs, never shown.
    os_path: str | None = None
    # Directives the document holds, and how many findings they silenced (0 when directives are ignored).
    directives: int = 0
    suppressed: int = 0

    @property
    def counts(self) -> dict[str, int]:
        counts = {category: 0 for category in CATEGORY_NAMES}
        for finding in self.findings:
            counts[finding.category] = counts.get(finding.category, 0) + 1
        return counts

    @property
    def failed(self) -> bool:
        """Whether this file alone makes the run exit 1."""
        if self.max_spin is not None and self.scores.get("spin", 0.0) > self.max_spin:
            return True
        if self.fail_on == "never":
            return False
        threshold = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK[finding.severity] >= threshold for finding in self.findings)


@dataclass(frozen=True)
class InputProblem:
    """A path that could not be linted. ``fatal`` for paths the user named."""

    path: str
    message: str
    fatal: bool = True


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...] = ()
    problems: tuple[InputProblem, ...] = ()

    @property
    def exit_code(self) -> int:
        if any(problem.fatal for problem in self.problems):
            return 2
        return 1 if any(file.failed for file in self.files) else 0

    def summary(self) -> dict[str, Any]:
        by_severity = {"error": 0, "warning": 0, "info": 0}
        by_category = {category: 0 for category in CATEGORY_NAMES}
        for file in self.files:
            for finding in file.findings:
                by_severity[finding.severity] += 1
                by_category[finding.category] = by_category.get(finding.category, 0) + 1
        return {
            "files": len(self.files),
            "findings": sum(by_severity.values()),
            "by_severity": by_severity,
            "by_category": by_category,
            "errors": [{"path": p.path, "message": p.message, "fatal": p.fatal} for p in self.problems],
            "exit_code": self.exit_code,
        }
