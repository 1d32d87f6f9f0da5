"""The rule families' hits the sentence model reads (spinlint/model/rule_hits.py), and the classifier findings
that are not repeated where a rule of their family already flagged the sentence."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

import spinlint
from spinlint.document import Span
from spinlint.lint import rule_hits_alone
from spinlint.model import lone_hits, rule_hits


def _finding(code: str, start: int, end: int):
    return SimpleNamespace(code=code, span=Span(start, end))


def test_a_finding_counts_for_the_sentence_it_starts_in():
    spans = [(0, 10), (11, 30), (31, 50)]
    findings = [_finding("B012", 12, 40), _finding("V003", 31, 33), _finding("M002", 0, 10),
                _finding("R001", 0, 50), _finding("E005", 10, 11)]  # E005 starts in the gap between two
    hits = rule_hits.hits_by_span(findings, spans)
    assert hits.tolist() == [[0, 0, 0], [0, 1, 0], [1, 0, 0]]


def test_sentences_of_a_passage_are_found_in_order():
    text = "We cut the budget. We cut the budget. Then the market fell."
    sentences = ["We cut the budget.", "We cut the budget.", "Then the market fell."]
    findings = [_finding("B020", text.rindex("We cut"), text.rindex("We cut") + 6)]
    hits = lone_hits.hits_in_passage(text, sentences, findings)
    assert hits[:, 1].tolist() == [0, 1, 0]


def test_a_sentence_read_alone_gets_its_families_hits():
    hits = rule_hits_alone([
        "Market headwinds and our legacy systems held us back this quarter.",
        "The depot opened at six and closed at four.",
    ])
    assert hits[0, rule_hits.column_of_label("blame")] == 1
    assert not hits[1].any()


def test_each_label_has_its_family():
    assert [rule_hits.FAMILIES[rule_hits.column_of_label(label)] for label in ("vague", "blame", "evidence_gap")] \
        == ["V", "B", "E"]


MEMO = """Quarterly update

Market headwinds and our legacy systems held us back this quarter, and the shortfall is not a reflection of our
decisions.

The depot on Mill Road opened at six and closed at four on each weekday in March.
"""


def test_a_classifier_finding_is_not_repeated_where_its_family_already_fired():
    from spinlint.model.loading import load_model

    model = load_model(None)
    if not model.reads_rule_hits:
        pytest.skip("the shipped model does not read rule hits")
    findings = spinlint.analyze(MEMO, "memo.txt").files[0].findings
    blame_rules = [f for f in findings if f.code.startswith("B")]
    assert blame_rules, "the memo's blame sentence should get a B finding"
    sentence = "Market headwinds and our legacy systems held us back this quarter, and the shortfall is not a " \
               "reflection of our\ndecisions."
    probability = model.predict_proba([sentence], rule_hits=np.asarray([[0.0, 1.0, 0.0]]))[0][1]
    # without the rule, the classifier would flag this sentence as blame: the test is not vacuous
    assert probability >= model.thresholds["blame"]
    lines = {f.line for f in blame_rules}
    assert not [f for f in findings if f.code == "M002" and f.line in lines]
