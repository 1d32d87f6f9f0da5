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
from spinlint.ruleset import builtin_rules

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
