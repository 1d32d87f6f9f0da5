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

Both are defined once, as the veto sets ``owned_account`` and ``relayed_finding`` of
``spinlint/rules/catalogue/veto-sets.toml``: the B pattern rules name them with ``unless_sets``, and logic checks
call ``account_given`` on the text they read (a paragraph check passes the sentence it matched in for the relayed
test, so one attribution does not silence a whole memo).
"""

from __future__ import annotations

import re

from ..ruleset import shipped_veto_sets

# The two accounts, defined once in the veto sets the B pattern rules name with ``unless_sets``.
OWNED_ACCOUNT = "|".join(shipped_veto_sets()["owned_account"])
RELAYED_FINDING = "|".join(shipped_veto_sets()["relayed_finding"])

# An incident timeline's clock times, a time zone, a CVE id (see the module docstring for where it applies).
SPECIFIC_MECHANISM = r"\b\d{1,2}:\d\d\b|\butc\b|\bcve-\d[\d-]*"

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
