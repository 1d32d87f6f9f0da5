"""``spinlint diff OLD NEW``: what a revision fixed, what it introduced, and how the scores moved.

Findings are matched by fingerprint (``spinlint.report.fingerprint``), so a finding
that only moved because text was added above it counts as remaining, not as
fixed plus new.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..rules.findings import SEVERITY_RANK, Finding
from . import FileReport
from .escaping import visible
from .fingerprint import fingerprints

SCORES = ("spin", "vague", "blame", "evidence_gap")


@dataclass(frozen=True)
class DraftDiff:
    old: FileReport
    new: FileReport
    fixed: tuple[Finding, ...]  # in the old draft only (old positions)
    introduced: tuple[Finding, ...]  # in the new draft only (new positions)
    remaining: tuple[Finding, ...]  # in both (new positions)

    def score_changes(self) -> dict[str, tuple[float, float, float]]:
        """score -> (before, after, after - before)."""
        changes = {}
        for key in SCORES:
            before, after = float(self.old.scores.get(key, 0.0)), float(self.new.scores.get(key, 0.0))
            changes[key] = (before, after, round(after - before, 1))
        return changes

    @property
    def failed(self) -> bool:
        """Whether the revision introduced a finding at or above the new draft's fail threshold."""
        if self.new.fail_on == "never":
            return False
        threshold = SEVERITY_RANK[self.new.fail_on]
        return any(SEVERITY_RANK[finding.severity] >= threshold for finding in self.introduced)


def compare(old: FileReport, new: FileReport) -> DraftDiff:
    old_keys = fingerprints(old.findings)
    new_keys = fingerprints(new.findings)
    old_set, new_set = set(old_keys), set(new_keys)
    return DraftDiff(
        old=old,
        new=new,
        fixed=tuple(f for f, key in zip(old.findings, old_keys) if key not in new_set),
        introduced=tuple(f for f, key in zip(new.findings, new_keys) if key not in old_set),
        remaining=tuple(f for f, key in zip(new.findings, new_keys) if key in old_set),
    )


def _finding_dict(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {"code": finding.code, "name": finding.name, "category": finding.category,
            "severity": finding.severity, "message": finding.message, "match": finding.match,
            "line": finding.line, "column": finding.column, "fingerprint": fingerprint}


def diff_dict(diff: DraftDiff) -> dict[str, Any]:
    old_keys = dict(zip(map(id, diff.old.findings), fingerprints(diff.old.findings)))
    new_keys = dict(zip(map(id, diff.new.findings), fingerprints(diff.new.findings)))
    return {
        "version": "1",
        "tool": {"name": "spinlint", "version": __version__},
        "old": diff.old.path,
        "new": diff.new.path,
        "scores": {key: {"before": before, "after": after, "change": change}
                   for key, (before, after, change) in diff.score_changes().items()},
        "fixed": [_finding_dict(f, old_keys[id(f)]) for f in diff.fixed],
        "introduced": [_finding_dict(f, new_keys[id(f)]) for f in diff.introduced],
        "remaining": [_finding_dict(f, new_keys[id(f)]) for f in diff.remaining],
        "failed": diff.failed,
    }


def render_json(diff: DraftDiff) -> str:
    return json.dumps(diff_dict(diff), ensure_ascii=False, indent=2) + "\n"


def _verdict(diff: DraftDiff) -> str:
    before, after, change = diff.score_changes()["spin"]
    if change < 0:
        trend = f"spin down {-change:.1f} points"
    elif change > 0:
        trend = f"spin up {change:.1f} points"
    else:
        trend = "spin unchanged"
    return f"{trend}: {len(diff.fixed)} fixed, {len(diff.introduced)} introduced, {len(diff.remaining)} remaining"


def _line(path: str, finding: Finding) -> str:
    """The same ``path:line:col: CODE message`` shape as ``spinlint check``."""
    return f"  {visible(path)}:{finding.line}:{finding.column}: {finding.code} {visible(finding.message)}"


def render_text(diff: DraftDiff) -> str:
    lines = [f"spinlint diff: {visible(diff.old.path)} -> {visible(diff.new.path)}", "",
             f"  {'score':<14}{'before':>8}{'after':>8}{'change':>9}"]
    for key, (before, after, change) in diff.score_changes().items():
        lines.append(f"  {key:<14}{before:>8.1f}{after:>8.1f}{change:>+9.1f}")
    lines.append("")
    lines.append(f"fixed ({len(diff.fixed)})")
    lines += [_line(diff.old.path, finding) for finding in diff.fixed]
    lines.append(f"introduced ({len(diff.introduced)})")
    lines += [_line(diff.new.path, finding) for finding in diff.introduced]
    lines.append(f"remaining ({len(diff.remaining)})")
    lines += [_line(diff.new.path, finding) for finding in diff.remaining]
    lines += ["", _verdict(diff)]
    return "\n".join(lines) + "\n"
