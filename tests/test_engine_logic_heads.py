"""A logic rule may declare word heads (option ``heads``): the engine then skips units without one."""

import re
from dataclasses import replace
from types import MappingProxyType

import pytest

from spinlint import markup
from spinlint.document import Source
from spinlint.rules import logic
from spinlint.rules.engine import Engine
from spinlint.rules.features import Features
from spinlint.rules.ruleset import RuleError, builtin_rules
from spinlint.text.segment import segment

_ROADMAP = re.compile(r"\broad\s*maps?\b", re.IGNORECASE)
CALLS: list[str] = []


def roadmap_check(text, options):
    CALLS.append(text)
    for found in _ROADMAP.finditer(text):
        yield found.span()


@pytest.fixture
def roadmap_rule(monkeypatch):
    monkeypatch.setitem(logic.LOGIC, "test_roadmap", roadmap_check)
    CALLS.clear()
    shipped = next(rule for rule in builtin_rules() if rule.kind == "logic" and rule.scope == "sentence")

    def rule(heads=None, scope="sentence"):
        options = {} if heads is None else {"heads": heads}
        return replace(shipped, code="T900", scope=scope, match=MappingProxyType({"function": "test_roadmap"}),
                       options=MappingProxyType(options))
    return rule


DOCUMENT = """Our roadmap is public. Nothing else here is about plans.

We met twice. The road map for next year comes in May.

A third paragraph with no such word at all."""


def findings(engine):
    segments = segment(markup.parse(Source(path="memo.md", text=DOCUMENT)))
    return [(f.code, f.span, f.match) for f in engine.run(segments, Features(segments))]


@pytest.mark.parametrize("scope", ["sentence", "paragraph"])
def test_declared_heads_skip_units_and_keep_every_finding(roadmap_rule, scope):
    everywhere = findings(Engine([roadmap_rule(scope=scope)]))
    calls_everywhere = len(CALLS)
    CALLS.clear()
    filtered = findings(Engine([roadmap_rule(["roadmap", "road"], scope=scope)]))
    assert filtered == everywhere and [match for _, _, match in filtered] == ["roadmap", "road map"]
    assert len(CALLS) < calls_everywhere
    assert all(_ROADMAP.search(text) for text in CALLS)


def test_without_word_heads_the_declared_heads_are_ignored(roadmap_rule):
    engine = Engine([roadmap_rule(["roadmap", "road"])], use_word_heads=False)
    findings(engine)
    assert len(CALLS) == 5  # every sentence


@pytest.mark.parametrize("heads", ["roadmap", ["to"], [], ["road map"]])
def test_heads_the_filter_cannot_find_are_refused(roadmap_rule, heads):
    with pytest.raises(RuleError, match="T900"):
        Engine([roadmap_rule(heads)])
