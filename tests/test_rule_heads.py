"""A logic rule's declared word heads may only skip work: wherever its check fires, a head is present.

The heads are written by hand beside the check (B027's come from its two regexes), so this holds them to the check
on the rule's own examples and fire fixture and on sentences written here, each of which the check finds: one with
every shape the regexes' alternatives take.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spinlint.rules import logic
from spinlint.rules.ruleset import builtin_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
WORD = re.compile(r"\w[\w'’-]*")
WITH_HEADS = [rule for rule in builtin_rules() if rule.kind == "logic" and rule.options.get("heads")]

# Written for this test: the adopters blamed through each failure phrase B027 reads.
ADOPTION_FAILURES = [
    "Most companies fail at AI because their data is not ready.",
    "Most organisations struggle with AI because their data is messy.",
    "Projects fall short because teams lack the skills to use the tool.",
    "Rollouts get stuck because managers refuse to change how they work.",
    "Many programmes don't deliver results because their people resist new ways of working.",
    "Most firms haven't seen returns because their employees are not ready.",
    "The biggest barrier to AI adoption is still the company culture.",
    "For most firms the biggest obstacle to adopting AI is their own people.",
]


def has_head(text: str, heads) -> bool:
    return any(word.lower().startswith(tuple(heads)) for word in WORD.findall(text))


def cases(rule) -> list[str]:
    texts = list(rule.bad_examples)
    fire = FIXTURES / rule.code / "fire.md"
    if fire.exists():
        texts += [block for block in fire.read_text(encoding="utf-8").split("\n\n") if not block.startswith("#")]
    if rule.code == "B027":
        texts += ADOPTION_FAILURES
    return texts


def test_some_rule_declares_heads():
    assert WITH_HEADS


@pytest.mark.parametrize("rule", WITH_HEADS, ids=lambda rule: rule.code)
def test_the_check_fires_only_where_a_head_is(rule):
    check = logic.LOGIC[rule.match["function"]]
    options = dict(rule.options)
    fired = 0
    for text in cases(rule):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if list(check(sentence, options)):
                fired += 1
                assert has_head(sentence, rule.options["heads"]), f"{rule.code} fires on {sentence!r} without a head"
    assert fired >= 5, f"{rule.code}: too few cases fire to hold its heads to the check"
