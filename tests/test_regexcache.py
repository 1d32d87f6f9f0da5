"""Stored compiled regexes are exactly what re.compile makes (spinlint.rules.regexcache)."""

import json
import re
from importlib import resources

import pytest

from spinlint.rules import regexcache, ruleset, tables
from spinlint.rules.engine import Engine
from spinlint.rules.kinds import VocabularyOverrides, compile_rule
from spinlint.rules.ruleset import builtin_rules
from spinlint.text import vocabulary


def stored_file():
    return json.loads(resources.files("spinlint.rules").joinpath(regexcache.STORE).read_text(encoding="utf-8"))


def test_the_stored_regexes_are_current_for_this_python():
    stored = stored_file()
    if stored["runtime"] != regexcache.runtime_key():
        pytest.skip(f"stored for {stored['runtime']}, this is {regexcache.runtime_key()}: re.compile is used")
    assert stored == regexcache.store(tables.regex_sources()), "run: python -m spinlint.rules.tables"


def test_a_stored_regex_matches_exactly_like_re_compile():
    texts = [example for rule in builtin_rules() for example in (*rule.bad_examples, *rule.good_examples)]
    text = "\n".join(texts)
    used_store = 0
    for source in tables.regex_sources():
        fast, reference = regexcache.compile_rule_regex(source), re.compile(source, re.IGNORECASE)
        used_store += ruleset.source_key(source) in regexcache._stored()
        assert (fast.pattern, fast.flags, fast.groups, fast.groupindex) == \
            (reference.pattern, reference.flags, reference.groups, reference.groupindex)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in reference.finditer(text)]
    if stored_file()["runtime"] == regexcache.runtime_key():
        assert used_store == len(tables.regex_sources())


def test_a_damaged_or_missing_entry_compiles_the_ordinary_way(monkeypatch):
    source = tables.regex_sources()[0]
    damaged = {ruleset.source_key(source): [34, "AAAA", 0, {}, [None]]}
    monkeypatch.setattr(regexcache, "_stored", lambda: damaged)
    assert regexcache.compile_rule_regex(source).pattern == source
    assert regexcache.compile_rule_regex(r"(?<!\w)plain(?!\w)").search("A PLAIN text")


def stored_alternations():
    return json.loads(resources.files("spinlint.rules").joinpath(regexcache.ALTERNATIONS).read_text(encoding="utf-8"))


def test_the_stored_phrase_alternations_are_current():
    assert stored_alternations() == tables.alternations_table(), "run: python -m spinlint.rules.tables"


def test_the_shipped_rules_are_built_without_writing_an_alternation(monkeypatch):
    def refuse(phrases):
        raise AssertionError(f"alternation written afresh for {len(phrases)} phrases")

    monkeypatch.setattr(vocabulary, "alternation", refuse)
    Engine(builtin_rules())


def test_stored_alternations_give_the_sources_written_afresh(monkeypatch):
    from_table = tables.regex_sources()
    monkeypatch.setattr(regexcache, "_stored_alternations", lambda: {})
    assert tables.regex_sources() == from_table


def test_a_vocabulary_changed_by_config_writes_its_alternation_afresh():
    rule = next(rule for rule in builtin_rules() if "buzzwords" in rule.match.get("vocabularies", []))
    kind = compile_rule(rule, VocabularyOverrides(add={"buzzwords": ("zyxquorble",)}))
    assert kind.pattern.search("a zyxquorble plan")
    assert not compile_rule(rule, VocabularyOverrides()).pattern.search("a zyxquorble plan")
