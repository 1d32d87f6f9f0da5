"""Rule files → validated ``Rule`` values.

One TOML file per code in ``spinlint/rules/catalogue/``; see ``docs/rule-format.md``.
Decoding is strict: an unknown or misspelt key, a wrong type or a bad
value is a ``RuleError`` naming the file, so a typo never silently turns a
rule off.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

CATEGORIES = ("vague", "blame", "evidence", "readability", "meta")
KINDS = ("existence", "substitution", "occurrence", "conditional", "metric", "classifier", "logic")
SEVERITIES = ("error", "warning", "info")
SCOPES = ("sentence", "paragraph", "document")
STATUSES = ("stable", "preview", "removed")
CODE_PATTERN = re.compile(r"^[VBERMX]\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The taxonomy of corpora/guideline.md (Version 2): the subtype a rule names is one of these codes.
SUBTYPES = {
    "blame": ("denial", "scapegoat", "excuse", "exoneration", "external_force", "agentless", "performance_framing",
              "minimisation", "normalisation", "burden_shift", "legacy"),
    "evidence": ("unsourced_stat", "up_to", "epochal", "prediction_as_fact", "no_method", "anecdote", "superlative",
                 "method_dependent", "benefit_no_figure"),
    "vague": ("buzzword_stack", "no_referent", "slogan", "euphemism", "weasel", "peacock"),
}
# A subtype is written with its label's name, as in the guideline: evidence rules name evidence_gap.*.
_SUBTYPE_LABEL = {"blame": "blame", "evidence": "evidence_gap", "vague": "vague"}

_REQUIRED = {
    "code": str, "name": str, "category": str, "kind": str, "severity": str, "scope": str,
    "message": str, "question": str, "rationale": str, "source": str,
}
_OPTIONAL = {"status": str, "suggestion": str, "subtype": str, "match": dict, "options": dict, "examples": dict}

# The match keys each kind understands, with their types.
_MATCH_KEYS: dict[str, dict[str, type]] = {
    "existence": {"patterns": list, "vocabularies": list, "unless": list, "unless_sets": list, "skip_quoted": bool,
                  "inflect": bool},
    "substitution": {"swaps": dict, "vocabularies": list, "unless": list, "unless_sets": list, "skip_quoted": bool},
    "occurrence": {"patterns": list, "vocabularies": list, "unless": list, "unless_sets": list, "skip_quoted": bool,
                   "inflect": bool},
    "conditional": {
        "claim": list, "claim_vocabularies": list, "evidence": list, "evidence_sets": list,
        "evidence_vocabularies": list, "evidence_markers": bool, "unless": list, "unless_sets": list,
        "not_after": list,
        "skip_quoted": bool,
        "inflect": bool,
    },
    "metric": {"metric": str},
    "classifier": {"label": str},
    "logic": {"function": str},
}
_EXAMPLE_KEYS = {"bad": list, "good": list}


class RuleError(Exception):
    """A rule file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    kind: str
    severity: str
    scope: str
    message: str
    question: str
    rationale: str
    source: str
    suggestion: str = ""
    subtype: str = ""  # a taxonomy code of corpora/guideline.md ("blame.scapegoat"), or "" for style rules
    status: str = "stable"
    match: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    bad_examples: tuple[str, ...] = ()
    good_examples: tuple[str, ...] = ()

    @property
    def prefix(self) -> str:
        return self.code[0]


def parse_rule(data: Mapping[str, Any], origin: str, *, check_regexes: bool = True,
               evidence_sets: Mapping[str, list[str]] | None = None,
               veto_sets: Mapping[str, list[str]] | None = None) -> Rule:
    """Validate one decoded rule file. ``origin`` names the file in errors.

    A conditional rule's ``evidence_sets`` are resolved here against ``evidence_sets`` (the shipped sets
    when None): the rule's ``evidence`` becomes the sets' patterns, in the order named, then its own. A
    pattern rule's ``unless_sets`` are resolved the same way against ``veto_sets`` into its ``unless``.

    ``check_regexes=False`` leaves compiling each pattern to the rule's kind, which compiles
    them on first use and reports a bad one with this same error (``check_patterns``):
    compiling every pattern twice cost a fifth of start-up.
    """
    known = set(_REQUIRED) | set(_OPTIONAL)
    for key in data:
        if key not in known:
            raise RuleError(f"{origin}: unknown key {key!r}")
    for key, expected in _REQUIRED.items():
        if key not in data:
            raise RuleError(f"{origin}: missing required key {key!r}")
        _check_type(origin, key, data[key], expected)
    for key, expected in _OPTIONAL.items():
        if key in data:
            _check_type(origin, key, data[key], expected)

    code = data["code"]
    if not CODE_PATTERN.match(code):
        raise RuleError(f"{origin}: code {code!r} must be a prefix V, B, E, R, M or X and three digits")
    if not NAME_PATTERN.match(data["name"]):
        raise RuleError(f"{origin}: name {data['name']!r} must be kebab-case")
    for key, allowed in (("category", CATEGORIES), ("kind", KINDS), ("severity", SEVERITIES),
                         ("scope", SCOPES), ("status", STATUSES)):
        value = data.get(key, "stable")
        if value not in allowed:
            raise RuleError(f"{origin}: {key} {value!r} is not one of {', '.join(allowed)}")

    subtype = data.get("subtype", "")
    if subtype:
        label, _, name = subtype.partition(".")
        category = data["category"]
        if label != _SUBTYPE_LABEL.get(category) or name not in SUBTYPES.get(category, ()):
            allowed = ", ".join(f"{_SUBTYPE_LABEL[category]}.{item}" for item in SUBTYPES.get(category, ()))
            raise RuleError(f"{origin}: subtype {subtype!r} is not a taxonomy code of category "
                            f"{category!r} ({allowed or 'none'})")

    kind = data["kind"]
    match = dict(data.get("match", {}))
    allowed_match = _MATCH_KEYS[kind]
    for key, value in match.items():
        if key not in allowed_match:
            raise RuleError(f"{origin}: [match] key {key!r} is not used by kind {kind!r}")
        _check_type(origin, f"match.{key}", value, allowed_match[key])
    for key, value in match.items():
        if allowed_match[key] is list and not all(isinstance(item, str) for item in value):
            raise RuleError(f"{origin}: match.{key} must be a list of strings")
    if "evidence_sets" in match:
        match["evidence"] = _resolve_sets(origin, match, "evidence_sets", "evidence", evidence_sets, EVIDENCE_SETS)
    if "unless_sets" in match:
        match["unless"] = _resolve_sets(origin, match, "unless_sets", "unless", veto_sets, VETO_SETS)
    if check_regexes:
        check_patterns(origin, match)

    examples = dict(data.get("examples", {}))
    for key, value in examples.items():
        if key not in _EXAMPLE_KEYS:
            raise RuleError(f"{origin}: [examples] key {key!r} is unknown (use bad, good)")
        if not all(isinstance(item, str) for item in value):
            raise RuleError(f"{origin}: examples.{key} must be a list of strings")

    return Rule(
        code=code,
        name=data["name"],
        category=data["category"],
        kind=kind,
        severity=data["severity"],
        scope=data["scope"],
        message=data["message"],
        question=data["question"],
        rationale=data["rationale"].strip(),
        source=data["source"],
        suggestion=data.get("suggestion", ""),
        subtype=subtype,
        status=data.get("status", "stable"),
        match=MappingProxyType(match),
        options=MappingProxyType(dict(data.get("options", {}))),
        bad_examples=tuple(examples.get("bad", ())),
        good_examples=tuple(examples.get("good", ())),
    )


def _resolve_sets(origin: str, match: Mapping[str, Any], key: str, target: str,
                  sets: Mapping[str, list[str]] | None, file_name: str) -> list[str]:
    """``match[target]`` with the patterns of the sets ``match[key]`` names first, in the order named."""
    if sets is None:
        sets = shipped_pattern_sets(file_name)
    patterns: list[str] = []
    for name in match[key]:
        if name not in sets:
            raise RuleError(f"{origin}: match.{key} names an unknown set {name!r} "
                            f"(the sets are in {rule_file(file_name)}: {', '.join(sorted(sets))})")
        patterns.extend(sets[name])
    return patterns + list(match.get(target, ()))


def _check_type(origin: str, key: str, value: Any, expected: type) -> None:
    if expected is dict and not isinstance(value, dict):
        raise RuleError(f"{origin}: {key} must be a table")
    if expected is not dict and not isinstance(value, expected):
        raise RuleError(f"{origin}: {key} must be a {expected.__name__}, not {type(value).__name__}")


def check_patterns(origin: str, match: Mapping[str, Any]) -> None:
    """A RuleError naming the file and the first pattern that is not a valid regex."""
    for key in ("patterns", "unless", "claim", "evidence"):
        for pattern in match.get(key, ()):
            try:
                re.compile(pattern)
            except re.error as error:
                raise RuleError(f"{origin}: match.{key} pattern {pattern!r} is not a valid regex: {error}") from None


# The rule files decoded once, stored as JSON with a digest of the TOML texts.  Decoding 52
# TOML files (and importing tomllib) was a tenth of a one-file run; reading the texts to check
# the digest is cheap.  An edited rule file no longer matches, and is decoded from TOML as before.
DECODED = "decoded-rules.json"


def _toml():
    """The TOML reader, imported when first needed (it costs a one-file run 20 ms)."""
    try:  # Python 3.11+
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib


# The rule files sit in catalogue/ beside this module; the tables generated from them sit here.
# Found from this file rather than through importlib.resources, whose import (tempfile, shutil, lzma)
# cost a one-file run more than reading the files.
HERE = Path(__file__).parent
CATALOGUE = "catalogue"


def rule_file(name: str) -> str:
    """How errors name a shipped rule file (``V001.toml``)."""
    return f"spinlint/rules/{CATALOGUE}/{name}"


# What counts as evidence, in named sets the conditional rules share (``evidence_sets = [...]``), and the accounts
# that veto a whole family's findings (``unless_sets = [...]``). They sit with the rule files, so the decoded
# table and its digest cover them too.
EVIDENCE_SETS = "evidence-sets.toml"
VETO_SETS = "veto-sets.toml"
PATTERN_SET_FILES = (EVIDENCE_SETS, VETO_SETS)


def _rule_texts() -> list[tuple[str, str]]:
    folder = HERE / CATALOGUE
    return [(entry.name, entry.read_text(encoding="utf-8"))
            for entry in sorted(folder.iterdir(), key=lambda item: item.name) if entry.name.endswith(".toml")]


def _digest(texts: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for name, text in texts:
        digest.update(name.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _decode(name: str, text: str) -> dict:
    tomllib = _toml()
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"{rule_file(name)}: invalid TOML: {error}") from None


def generated_table(name: str) -> dict:
    """A JSON file generated from the rule files (``spinlint/rules/<name>``), or {} if unreadable.

    Each only saves start-up time, so a missing or damaged one means: work it out as usual.
    """
    try:
        table = json.loads((HERE / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


def source_key(source: str) -> str:
    """The key of a regex source in a generated table (a changed source misses the table)."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:24]


def _decoded_tables(texts: list[tuple[str, str]]) -> list[dict]:
    stored = generated_table(DECODED)
    if stored.get("digest") == _digest(texts) and isinstance(stored.get("rules"), list):
        return stored["rules"]
    return [_decode(name, text) for name, text in texts]


def write_decoded(target: Path | None = None) -> Path:
    """Store the decoded rule files beside them (``python -m spinlint.rules.tables``)."""
    texts = _rule_texts()
    target = target or HERE / DECODED
    stored = {"digest": _digest(texts), "rules": [_decode(name, text) for name, text in texts]}
    target.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """Every rule shipped with spinlint, sorted by code, removed ones excluded."""
    tables = _decoded_by_name()
    evidence, vetoes = shipped_pattern_sets(EVIDENCE_SETS), shipped_pattern_sets(VETO_SETS)
    rules = []
    for name, data in tables.items():
        if name in PATTERN_SET_FILES:
            continue
        origin = rule_file(name)
        rule = parse_rule(data, origin, check_regexes=False, evidence_sets=evidence, veto_sets=vetoes)
        if rule.code != name[:-5]:
            raise RuleError(f"{origin}: code {rule.code!r} does not match the file name")
        if rule.status != "removed":
            rules.append(rule)
    return tuple(rules)


def _pattern_sets(table: Mapping[str, Any], file_name: str = EVIDENCE_SETS) -> dict[str, list[str]]:
    """Validate a decoded sets file: each set a description and a list of regex strings."""
    origin = rule_file(file_name)
    sets: dict[str, list[str]] = {}
    for name, entry in table.items():
        if not isinstance(entry, dict) or set(entry) != {"description", "patterns"}:
            raise RuleError(f"{origin}: [{name}] must have exactly the keys description and patterns")
        _check_type(origin, f"{name}.description", entry["description"], str)
        patterns = entry["patterns"]
        if not isinstance(patterns, list) or not patterns or not all(isinstance(item, str) for item in patterns):
            raise RuleError(f"{origin}: {name}.patterns must be a non-empty list of strings")
        sets[name] = patterns
    return sets


@lru_cache(maxsize=1)
def _decoded_by_name() -> dict[str, dict]:
    """Every shipped rule file and the pattern sets, decoded, by file name."""
    texts = _rule_texts()
    return dict(zip((name for name, _ in texts), _decoded_tables(texts)))


@lru_cache(maxsize=None)
def shipped_pattern_sets(file_name: str) -> dict[str, list[str]]:
    """The shipped sets of ``rules/catalogue/<file_name>`` (one of ``PATTERN_SET_FILES``), validated:
    name → patterns."""
    return _pattern_sets(_decoded_by_name().get(file_name, {}), file_name)


def shipped_evidence_sets() -> dict[str, list[str]]:
    """The shipped evidence sets (``rules/catalogue/evidence-sets.toml``)."""
    return shipped_pattern_sets(EVIDENCE_SETS)


def shipped_veto_sets() -> dict[str, list[str]]:
    """The shipped veto sets (``rules/catalogue/veto-sets.toml``)."""
    return shipped_pattern_sets(VETO_SETS)


def rules_by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in builtin_rules()}


def matches_selector(code: str, selectors: tuple[str, ...] | list[str]) -> bool:
    """``V`` selects every vague rule, ``V0`` V000–V099, ``V001`` one rule; ``ALL`` everything."""
    return any(selector == "ALL" or code.startswith(selector) for selector in selectors)


def known_selector(selector: str) -> bool:
    if selector == "ALL":
        return True
    return any(code.startswith(selector) for code in rules_by_code())
