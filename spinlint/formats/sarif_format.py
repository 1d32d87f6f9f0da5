"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Validates against the OASIS schema (tests/test_sarif.py) and meets GitHub's
extra rules: every result has a start line, URIs are relative (or file://),
and every rule carries short and full descriptions and help.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..report import Report
from ..report.fingerprint import FINGERPRINT_VERSION, fingerprints
from ..rules.findings import Finding

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = f"spinlintFingerprint/v{FINGERPRINT_VERSION}"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_WHITESPACE = re.compile(r"\s+")


def artifact_uri(path: str, root: Path | None = None) -> tuple[str, bool]:
    """(URI, relative?) for a path as shown to the user.

    Paths inside ``root`` (the working folder) become relative URIs resolved
    against %SRCROOT%; anything else becomes an absolute file:// URI.  The path is
    the operating system's name for the file: bytes that are not UTF-8 (surrogates
    here) are percent-encoded as the bytes they are, as ``Path.as_uri`` does.
    """
    root = (root or Path.cwd()).resolve()
    candidate = Path(path)
    if not candidate.is_absolute() and ".." not in candidate.parts:
        return quote(os.fsencode(PurePath(os.path.normpath(path)).as_posix())), True
    resolved = candidate.resolve() if candidate.is_absolute() else (root / candidate).resolve()
    try:
        return quote(os.fsencode(resolved.relative_to(root).as_posix())), True
    except ValueError:
        return resolved.as_uri(), False


def _folder_uri(folder: Path) -> str:
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _rule_descriptor(code: str, example: Finding) -> dict[str, Any]:
    from ..rules.ruledocs import render_rule_markdown, render_rule_text, what_it_does
    from ..rules.ruleset import rules_by_code

    rule = rules_by_code().get(code)
    if rule is None:  # a rule from outside the built-in set: describe it from its finding
        text = example.message or example.name
        return {
            "id": code,
            "name": example.name,
            "shortDescription": {"text": example.name or code},
            "fullDescription": {"text": text},
            "help": {"text": text, "markdown": text},
            "defaultConfiguration": {"level": LEVELS[example.severity]},
            "properties": {"category": example.category, "tags": [example.category]},
        }
    return {
        "id": rule.code,
        "name": rule.name,
        # a title, as code scanning lists it: "Agentless bad news"
        "shortDescription": {"text": rule.name.replace("-", " ").capitalize()},
        "fullDescription": {"text": _one_line(f"{what_it_does(rule)} {rule.rationale}")},
        "help": {"text": render_rule_text(rule), "markdown": render_rule_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category, rule.kind], "source": rule.source},
    }


def _message(finding: Finding) -> str:
    # A region's lines count in the text read out of a .docx or .pdf, which its reader never sees.
    parts = [f"{finding.location}: {finding.message}" if finding.location else finding.message]
    if finding.question:
        parts.append(f"Ask: {finding.question}")
    if finding.suggestion:
        parts.append(f"Try: {finding.suggestion}")
    return " ".join(part.strip() for part in parts if part.strip()) or finding.code


def _region(finding: Finding) -> dict[str, Any]:
    start_line = max(finding.line, 1)
    start_column = max(finding.column, 1)
    end_line = max(finding.end_line, start_line)
    end_column = max(finding.end_column, 1)
    if end_line == start_line:
        end_column = max(end_column, start_column)
    region = {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}
    if finding.match:
        region["snippet"] = {"text": finding.match}
    return region


def sarif_log(report: Report, root: Path | None = None) -> dict[str, Any]:
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    for file in report.files:
        uri, relative = artifact_uri(file.os_path or file.path, root)
        artifact = {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}
        for finding, fingerprint in zip(file.findings, fingerprints(file.findings)):
            if finding.code not in rules:
                rules[finding.code] = _rule_descriptor(finding.code, finding)
            result: dict[str, Any] = {
                "ruleId": finding.code,
                "level": LEVELS[finding.severity],
                "message": {"text": _message(finding)},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(finding)}}],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
                "properties": {"category": finding.category, "name": finding.name},
            }
            if finding.location:
                result["locations"][0]["logicalLocations"] = [{"name": finding.location}]
                result["properties"]["location"] = finding.location
            if finding.score is not None:
                result["properties"]["score"] = finding.score
            results.append(result)
    ordered = sorted(rules)
    index = {code: position for position, code in enumerate(ordered)}
    for result in results:
        result["ruleIndex"] = index[result["ruleId"]]
    notifications = [
        {"level": "error" if problem.fatal else "warning", "message": {"text": problem.message}}
        for problem in report.problems
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "spinlint", "version": __version__, "semanticVersion": __version__,
                            "rules": [rules[code] for code in ordered]}},
        "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(root or Path.cwd())}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not any(p.fatal for p in report.problems),
                         "toolExecutionNotifications": notifications}],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, **_: Any) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"
