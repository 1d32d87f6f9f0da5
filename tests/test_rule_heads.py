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


# Where a check opens by searching one head regex and returns when it finds nothing, its declared heads must be
# that regex's words: every word of English (the ~40,000 rated for concreteness, plus inflections and the hyphen
# and apostrophe shapes the regexes name) that the regex finds at its start begins with a declared head.
OPENING_REGEX = {"B029": "_COMPELLED_HEAD", "B030": "_PARTY_HEAD", "B031": "_CAUSE_LINK_HEAD"}


def english_words() -> list[str]:
    import spinlint.text

    listed = (Path(spinlint.text.__file__).parent / "concreteness-words.txt").read_text(encoding="utf-8")
    words = set(re.findall(r"[a-z][a-z'-]*", listed.lower()))
    return sorted(words | {word + ending for word in words for ending in ("s", "es", "ed", "ing")})


@pytest.mark.parametrize("code", sorted(OPENING_REGEX))
def test_declared_heads_are_the_words_of_the_checks_opening_regex(code):
    from spinlint.rules.logic import blame

    rule = next(rule for rule in WITH_HEADS if rule.code == code)
    opening = getattr(blame, OPENING_REGEX[code])
    heads = tuple(rule.options["heads"])
    missed = [word for word in english_words() if opening.match(word) and not word.startswith(heads)]
    assert not missed, f"{code}: {OPENING_REGEX[code]} finds {missed[:5]} but the heads do not"
