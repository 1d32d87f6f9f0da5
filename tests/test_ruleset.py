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


CONDITIONAL = {**BASE, "code": "E900", "category": "evidence", "kind": "conditional",
               "match": {"claim": ["will transform"], "evidence_sets": ["first", "second"], "evidence": ["own"]}}


def test_evidence_sets_resolve_in_the_order_named_then_the_rules_own():
    sets = {"first": ["a", "b"], "second": ["c"], "unused": ["z"]}
    rule = parse_rule(CONDITIONAL, "E900.toml", evidence_sets=sets)
    assert list(rule.match["evidence"]) == ["a", "b", "c", "own"]


def test_an_unknown_evidence_set_is_an_error_naming_the_file_and_the_set():
    with pytest.raises(RuleError) as error:
        parse_rule(CONDITIONAL, "spinlint/rules/E900.toml", evidence_sets={"first": ["a"]})
    assert "E900.toml" in str(error.value) and "'second'" in str(error.value)


def test_shipped_rules_that_accept_the_same_support_read_one_definition_of_it():
    from spinlint.rules.ruleset import rules_by_code, shipped_evidence_sets

    sets = shipped_evidence_sets()
    rules = rules_by_code()
    measured = sets["percent_of_a_base"] + sets["measurements"]
    for code in ("E002", "E008", "E012"):
        assert list(rules[code].match["evidence"]) == measured
    assert list(rules["E019"].match["evidence"]) == list(rules["E001"].match["evidence"])
    assert list(rules["E020"].match["evidence"]) == sets["comparisons"] + sets["rankings_and_records"]
    # A pattern belongs to one set: a set that repeated another's entry would drift from it when one is corrected.
    every = [pattern for patterns in sets.values() for pattern in patterns]
    assert len(every) == len(set(every))


@pytest.mark.parametrize("table, needle", [
    ({"broken": {"patterns": ["x"]}}, "description"),
    ({"empty": {"description": "d", "patterns": []}}, "non-empty"),
])
def test_a_malformed_evidence_set_is_an_error_naming_the_sets_file(table, needle):
    from spinlint.rules.ruleset import _pattern_sets

    with pytest.raises(RuleError) as error:
        _pattern_sets(table)
    assert "evidence-sets.toml" in str(error.value) and needle in str(error.value)


def test_a_rules_veto_sets_come_before_its_own_unless_and_an_unknown_one_is_an_error():
    rule = parse_rule({**BASE, "match": {"patterns": ["x"], "unless_sets": ["owned"], "unless": ["mine"]}},
                      "V900.toml", veto_sets={"owned": ["we did it"]})
    assert list(rule.match["unless"]) == ["we did it", "mine"]
    with pytest.raises(RuleError) as error:
        parse_rule({**BASE, "match": {"patterns": ["x"], "unless_sets": ["nope"]}}, "spinlint/rules/V900.toml",
                   veto_sets={"owned": ["a"]})
    assert "V900.toml" in str(error.value) and "'nope'" in str(error.value) and "veto-sets.toml" in str(error.value)
