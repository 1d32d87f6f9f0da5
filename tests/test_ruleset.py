"""Rule files are decoded strictly: a typo is an error naming the file."""

from __future__ import annotations

import pytest

from spinlint.rules.ruleset import RuleError, matches_selector, parse_rule

BASE = {
    "code": "V900", "name": "test-rule", "category": "vague", "kind": "existence", "severity": "warning",
    "scope": "sentence", "message": "m", "question": "q?", "rationale": "r", "source": "s",
    "match": {"patterns": ["foo"]}, "examples": {"bad": ["foo"], "good": ["bar"]},
}


def test_valid_rule_parses():
    rule = parse_rule(BASE, "V900.toml")
    assert rule.code == "V900" and rule.bad_examples == ("foo",)


@pytest.mark.parametrize("change, needle", [
    ({"severty": "warning"}, "severty"),
    ({"kind": "regex"}, "kind"),
    ({"code": "Q001"}, "code"),
    ({"name": "Not Kebab"}, "kebab"),
    ({"match": {"patern": ["x"]}}, "patern"),
    ({"match": {"patterns": ["(unclosed"]}}, "regex"),
    ({"examples": {"bad": ["x"], "ugly": ["y"]}}, "ugly"),
    ({"scope": 3}, "scope"),
])
def test_invalid_rule_is_an_error_naming_the_file(change, needle):
    with pytest.raises(RuleError) as error:
        parse_rule({**BASE, **change}, "spinlint/rules/V900.toml")
    assert "V900.toml" in str(error.value) and needle in str(error.value)


def test_selectors():
    assert matches_selector("V001", ["V"]) and matches_selector("V001", ["V00"])
    assert matches_selector("B003", ["ALL"]) and not matches_selector("B003", ["V", "E"])
