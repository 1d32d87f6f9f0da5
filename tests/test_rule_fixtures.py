"""Each rule's fixture documents, read paragraph by paragraph.

``tests/fixtures/rules/<CODE>/fire.md`` holds cases that must fire and
``pass.md`` near misses that must not.  test_rule_examples.py lints each file
as a whole; here every paragraph of fire.md must fire on its own, so one
lucky line cannot hide nine misses.  Headings (``# ...``) only label the file.
Document-scope rules (density, document metrics) are judged on the whole file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import spinlint
from spinlint.config import Settings
from spinlint.rules.ruleset import builtin_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CATALOGUE = [rule for rule in builtin_rules() if rule.prefix in "VBER"]
# Logic checks whose finding is the whole sentence: quoting it in the message would repeat it.
WHOLE_SENTENCE_LOGIC = {"abstract_sentence"}


def fired(text: str, code: str, filename: str) -> list[str]:
    report = spinlint.analyze(text, filename=filename, config=Settings(select=(code,)))
    return [finding.match for finding in report.files[0].findings if finding.code == code]


def paragraphs(text: str) -> list[str]:
    blocks = [block.strip() for block in text.split("\n\n")]
    return [block for block in blocks if block and not block.startswith("#")]


def test_catalogue_size():
    counts = {prefix: sum(rule.prefix == prefix for rule in CATALOGUE) for prefix in "VBER"}
    assert counts["V"] >= 13 and counts["B"] >= 9 and counts["E"] >= 11 and counts["R"] >= 5, counts


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.code)
def test_rule_has_fixtures_and_examples(rule):
    assert (FIXTURES / rule.code / "fire.md").is_file(), f"{rule.code}: missing fire.md"
    assert (FIXTURES / rule.code / "pass.md").is_file(), f"{rule.code}: missing pass.md"
    assert len(rule.bad_examples) >= 2 and len(rule.good_examples) >= 2, f"{rule.code}: needs 2 bad and 2 good examples"
    quotes_whole_unit = rule.kind == "metric" or rule.match.get("function") in WHOLE_SENTENCE_LOGIC
    assert "{match}" in rule.message or quotes_whole_unit, f"{rule.code}: message should quote {{match}}"
    assert rule.suggestion, f"{rule.code}: needs a suggestion"


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.code)
def test_every_fire_paragraph_fires(rule):
    text = (FIXTURES / rule.code / "fire.md").read_text(encoding="utf-8")
    if rule.scope == "document":
        assert fired(text, rule.code, "fire.md"), f"{rule.code} did not fire on fire.md"
        return
    missed = [paragraph for paragraph in paragraphs(text) if not fired(paragraph, rule.code, "fire.md")]
    assert not missed, f"{rule.code} missed: {missed}"


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.code)
def test_no_near_miss_fires(rule):
    text = (FIXTURES / rule.code / "pass.md").read_text(encoding="utf-8")
    matches = fired(text, rule.code, "pass.md")
    assert not matches, f"{rule.code} fired on near misses: {matches}"


# Shapes that once made single rule patterns backtrack. How long each rule takes on them is timed by
# benchmarks/rule_hostile.py (speed targets are benchmarks, not unit tests); here every rule must run on
# them without raising. None of them is spin, so a rule that finds something in them is a false alarm.
HOSTILE = {
    "repeated words": "fail " + "the new of a " * 150,
    "dashes": "- " * 1000,
    "cause chains": "struggled " + "because of the " * 120,
    "numbers": "1,2,3.4 " * 250,
    "capitals": "Aa " * 600,
}


@pytest.mark.parametrize("rule", [rule for rule in CATALOGUE if rule.kind not in ("metric", "classifier")],
                         ids=lambda rule: rule.code)
def test_every_rule_runs_on_hostile_input_and_finds_nothing_there(rule):
    from spinlint.rules.kinds import ConditionalKind, LogicKind, VocabularyOverrides, compile_rule

    kind = compile_rule(rule, VocabularyOverrides())
    for name, text in HOSTILE.items():
        if isinstance(kind, ConditionalKind):
            found = [claim for claim in kind.claims(text) if kind.evidence_in(text, claim) is None]
        elif isinstance(kind, LogicKind):
            found = list(kind.hits(text, dict(rule.options)))
        else:
            found = list(kind.hits(text))
        assert not found, f"{rule.code} finds {found[:3]} in {name}"


def test_vocabularies_name_their_sources_and_have_no_duplicates():
    from spinlint.text import vocabulary
    from spinlint.text.vocabularies import __name__ as package
    from importlib import resources

    for name in vocabulary.names():
        raw = resources.files(package).joinpath(f"{name}.txt").read_text(encoding="utf-8")
        header = [line for line in raw.splitlines() if line.startswith("#")]
        assert any("spinlint project" in line for line in header), f"{name}.txt: header should say who curated it"
        phrases = [line.split("#", 1)[0].strip().lower() for line in raw.splitlines()]
        phrases = [phrase for phrase in phrases if phrase]
        duplicates = {phrase for phrase in phrases if phrases.count(phrase) > 1}
        assert not duplicates, f"{name}.txt repeats {sorted(duplicates)}"
