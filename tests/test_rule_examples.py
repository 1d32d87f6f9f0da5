"""Every rule's documented examples and fixture documents run as tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import spinlint
from spinlint.config import Settings
from spinlint.rules.ruleset import builtin_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
RULES = [rule for rule in builtin_rules()]
# Classifier rules' examples depend on the trained model: they are checked in test_model.py.
PATTERN_RULES = [rule for rule in RULES if rule.kind != "classifier"]


def codes_found(text: str, code: str, filename: str = "example.txt") -> list[str]:
    settings = Settings(select=(code,))
    report = spinlint.analyze(text, filename=filename, config=settings)
    return [finding.code for finding in report.files[0].findings if finding.code == code]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_has_documentation(rule):
    assert rule.bad_examples, f"{rule.code} has no bad examples"
    assert rule.good_examples, f"{rule.code} has no good examples"
    assert rule.question.strip().endswith("?"), f"{rule.code}: the question should be a question"
    assert rule.rationale and rule.source


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda rule: rule.code)
def test_bad_examples_fire(rule):
    for example in rule.bad_examples:
        assert codes_found(example, rule.code), f"{rule.code} did not fire on: {example!r}"


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda rule: rule.code)
def test_good_examples_pass(rule):
    for example in rule.good_examples:
        assert not codes_found(example, rule.code), f"{rule.code} fired on good example: {example!r}"


@pytest.mark.parametrize("rule", [r for r in PATTERN_RULES if r.category != "meta"], ids=lambda rule: rule.code)
def test_fixture_documents(rule):
    fire = FIXTURES / rule.code / "fire.md"
    near_miss = FIXTURES / rule.code / "pass.md"
    assert fire.is_file() and near_miss.is_file(), f"{rule.code} needs fixtures fire.md and pass.md"
    assert codes_found(fire.read_text(encoding="utf-8"), rule.code, "fire.md"), f"{rule.code} missed {fire}"
    fired = codes_found(near_miss.read_text(encoding="utf-8"), rule.code, "pass.md")
    assert not fired, f"{rule.code} fired on a near-miss in {near_miss}"


def test_codes_are_unique_and_families_match_categories():
    prefixes = {"V": "vague", "B": "blame", "E": "evidence", "R": "readability", "X": "meta"}
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        if rule.prefix in prefixes:
            assert rule.category == prefixes[rule.prefix], rule.code
