"""Baselines: record today's findings, then report and fail only on new ones.

A baseline file is JSON: for each linted file (path relative to the baseline
file's folder, so it works from any working directory) the fingerprints of
its findings, with code, line and matched text alongside for people reading
the file. Matching uses fingerprints only (``spinlint.report.fingerprint``), so
edits elsewhere in a file do not bring recorded findings back.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping

from .. import __version__
from . import Report
from .fingerprint import FINGERPRINT_VERSION, fingerprints

BASELINE_VERSION = "1"


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Baseline:
    folder: Path  # the baseline file's folder: recorded paths are relative to it
    fingerprints: Mapping[str, frozenset[str]]  # path key -> fingerprints


def path_key(path: str, folder: Path) -> str:
    """A linted file's path as recorded: relative to ``folder`` when inside it, in / form."""
    resolved = Path(os.path.abspath(path))
    try:
        return resolved.relative_to(Path(os.path.abspath(folder))).as_posix()
    except ValueError:
        return resolved.as_posix()


def baseline_dict(report: Report, baseline_path: Path) -> dict[str, Any]:
    folder = baseline_path.parent
    files: dict[str, list[dict[str, Any]]] = {}
    for file in report.files:
        entries = [{"fingerprint": fingerprint, "code": finding.code, "line": finding.line, "match": finding.match}
                   for finding, fingerprint in zip(file.findings, fingerprints(file.findings))]
        if entries:
            files.setdefault(path_key(file.path, folder), []).extend(entries)
    return {
        "version": BASELINE_VERSION,
        "fingerprint_version": FINGERPRINT_VERSION,
        "tool": {"name": "spinlint", "version": __version__},
        "findings": sum(len(entries) for entries in files.values()),
        "files": {path: sorted(entries, key=lambda entry: (entry["line"], entry["code"]))
                  for path, entries in sorted(files.items())},
    }


def baseline_text(report: Report, baseline_path: Path) -> str:
    return json.dumps(baseline_dict(report, baseline_path), ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a spinlint baseline (invalid JSON: {error})") from None
    except RecursionError:  # json recurses once per level of nesting
        raise BaselineError(f"{path}: not a spinlint baseline (JSON nested too deeply)") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("files"), dict):
        raise BaselineError(f"{path}: not a spinlint baseline of version {BASELINE_VERSION}; "
                            "write a new one with --write-baseline")
    if data.get("fingerprint_version") != FINGERPRINT_VERSION:
        raise BaselineError(f"{path}: recorded with fingerprint version {data.get('fingerprint_version')!r}, "
                            f"this spinlint uses {FINGERPRINT_VERSION!r}; write a new one with --write-baseline")
    recorded: dict[str, frozenset[str]] = {}
    for key, entries in data["files"].items():
        if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                                                    for e in entries):
            raise BaselineError(f"{path}: the entry for {key!r} is not a list of findings with fingerprints")
        recorded[key] = frozenset(entry["fingerprint"] for entry in entries)
    return Baseline(folder=path.parent, fingerprints=recorded)


def apply_baseline(report: Report, baseline: Baseline) -> tuple[Report, int]:
    """The report without findings recorded in the baseline, and how many were dropped."""
    suppressed = 0
    files = []
    for file in report.files:
        known = baseline.fingerprints.get(path_key(file.path, baseline.folder), frozenset())
        kept = tuple(finding for finding, fingerprint in zip(file.findings, fingerprints(file.findings))
                     if fingerprint not in known)
        suppressed += len(file.findings) - len(kept)
        files.append(replace(file, findings=kept) if len(kept) != len(file.findings) else file)
    return replace(report, files=tuple(files)), suppressed
