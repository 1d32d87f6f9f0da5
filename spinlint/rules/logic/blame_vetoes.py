"""The blame family's shared vetoes: the kinds of account the guideline says are not blame.

A bad outcome with a cause is blame only when the cause is offered *instead of* an account. Two accounts are not
shifts, whatever rule found the cause (corpora/guideline.md, blame, "Label 0 when"), and every B rule applies them:

- an **owned** account: the writer names itself as the cause or takes responsibility ("we misjudged demand",
  "that was our mistake", "the update we shipped on Tuesday");
- a **relayed** finding: the text attributes the explanation to an independent finder — a survey, a study, an
  inquiry, named people ("respondents cited", "according to the filing", "critics said") — which is reporting;
A third, the **mechanism** of an incident timeline (clock times, UTC, a CVE id), is not family-wide: the guideline's
own euphemised notice ("Between 02:00 and 02:40 on 3 May, an issue occurred during routine maintenance") has times
and is still blame, so times silence only the rules that hand a cause to a named party (B030, B031), where a
timeline beside the party is the postmortem's account.

Logic checks call ``account_given`` on the text they read (a paragraph check passes the sentence it matched in
for the relayed test, so one attribution does not silence a whole memo). Pattern rules cannot call Python, so
each B pattern rule lists ``PATTERN_VETOES`` verbatim as its ``unless``; tests/test_rules_B_round7.py holds the
rule files to this module.
"""

from __future__ import annotations

import re

# The writer as the cause or the one responsible. "We decided" alone is not here: a layoff memo says it and
# still hides why (B004's reading); owning the mistake, the miss or the change that broke things is.
OWNED_ACCOUNT = (
    r"\b(?:we|i)\s+(?:should\s+have|should\s*n.t\s+have|failed\s+to|got\s+(?:this|it)\s+wrong|(?:was|were)\s+wrong|"
    r"made\s+(?:a|the|this|that)\s+(?:mistake|error|wrong\s+call)|(?:take|accept)\s+(?:full\s+)?responsibility|"
    r"(?:am|are|was|were|remain)\s+(?:fully\s+)?responsible|underestimated|misjudged|misconfigured|overhired|"
    r"(?:didn.t|did\s+not)\s+(?:catch|check|test|notice|spot|plan|prepare|follow|review|act|listen|anticipate|see|"
    r"have\s+enough))\b"
    r"|\bi\s+(?:proposed|recommended|agreed|approved|chose|decided)\b|\bon\s+my\s+(?:recommendation|proposal|advice)\b"
    r"|\b(?:our|my)\s+(?:own\s+)?(?:mistake|fault|error|failure|oversight|responsibility)\b"
    # The change that broke things, owned: "a software update we sent", "the config change our team pushed".
    r"|\b(?:change|update|deploy(?:ment)?|release|script|migration|configuration|config|patch|upgrade|job|query|"
    r"commit|rule|setting)s?\s+(?:that\s+|which\s+)?(?:we|our\s+(?:own\s+)?(?:[\w-]+\s+)?team)\s+(?:had\s+)?"
    r"(?:sent|shipped|deployed|pushed|made|ran|applied|released|introduced|rolled\s+out|wrote|merged|scheduled)\b")

# Reporting: the explanation is an independent finder's, and the text says so — a survey's respondents, a study, an
# inquiry, critics, the engineers who were there. The organisation's own explanation relayed ("the company said
# the challenges were beyond its control", "the airline blamed the cancellations on ...") is not here: repeating
# the shift without testing it is still the shift (B040, B041), and so is the writer's own survey ("according to
# our survey, hourly workers don't show the same commitment") or its internal review.
RELAYED_FINDING = (
    r"\b(?:according\s+to(?!\s+(?:our|my)\b)|respondents|interviewees|(?:cited|reported|given|named|listed|mentioned)\s+by|"
    r"(?:we|they)\s+(?:interviewed|surveyed)|"
    r"(?:the|a|an|its|their)\s+(?!internal\b|own\b)(?:\S+\s+)?(?:survey|study|audit|review|investigation|inquiry|analysis|"
    r"research|regulator|watchdog|ombudsman|court|tribunal)\s+(?:has\s+|had\s+)?(?:found|finds|showed|shows|"
    r"concluded|concludes|suggested|suggests|ruled)|"
    r"(?:critics|analysts|researchers|investigators|auditors|economists|experts|engineers|employees|workers|staff|"
    r"unions?|campaigners|residents)\s+(?:have\s+|had\s+)?(?:said|say|says|told|argue|argued|claim|claimed|blame|"
    r"blamed|cited|reported|found))\b")

# An incident timeline's clock times, a time zone, a CVE id (see the module docstring for where it applies).
SPECIFIC_MECHANISM = r"\b\d{1,2}:\d\d\b|\butc\b|\bcve-\d[\d-]*"

PATTERN_VETOES = (OWNED_ACCOUNT, RELAYED_FINDING)

_OWNED = re.compile(OWNED_ACCOUNT, re.IGNORECASE)
_RELAYED = re.compile(RELAYED_FINDING, re.IGNORECASE)
_MECHANISM = re.compile(SPECIFIC_MECHANISM, re.IGNORECASE)


def owned_account(text: str) -> bool:
    return _OWNED.search(text) is not None


def relayed_finding(text: str) -> bool:
    return _RELAYED.search(text) is not None


def specific_mechanism(text: str) -> bool:
    return _MECHANISM.search(text) is not None


def account_given(text: str, sentence: str | None = None) -> bool:
    """Does ``text`` give one of the family-wide accounts that are not blame (owned, relayed)?

    ``sentence`` (for a paragraph check) narrows the relayed test to the sentence that matched: the writer owning
    the cause anywhere in a paragraph is an owned account, but a survey quoted two sentences away does not make
    this sentence reporting.
    """
    return owned_account(text) or relayed_finding(text if sentence is None else sentence)
