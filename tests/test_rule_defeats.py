"""Issue 14's three defeats stay gone: quotations, digits as evidence, and inflected forms."""

from __future__ import annotations

import pytest

import spinlint
from spinlint.config import Settings
from spinlint.rules.kinds import critically_quoted, inflections, word_forms
from spinlint.rules.ruledocs import render_rule_text
from spinlint.rules.ruleset import rules_by_code


def codes(text: str, select: tuple[str, ...] = ("V", "B", "E")) -> set[str]:
    report = spinlint.analyze(text, filename="memo.txt", config=Settings(select=select))
    return {finding.code for finding in report.files[0].findings}


# -- quotations ------------------------------------------------------------------------------------

def test_a_company_quoting_its_own_people_is_checked_whatever_the_quote_length():
    short = '"This will transform care," said Dana Reyes, our chief executive.'
    long = ('"This is a moment for our whole company, for every one of our customers and for the partners who '
            'have stood by us through a long and demanding year, and this launch will transform care," said '
            'Dana Reyes, our chief executive.')
    assert "E008" in codes(short)
    assert "E008" in codes(long)


def test_a_quotation_attributed_to_critics_or_reporters_is_skipped():
    assert "E008" not in codes('"It will transform care," critics said, mocking the launch.')
    assert "B006" not in codes('Staff were told of what the company calls "rightsizing" on Monday.')
    assert critically_quoted('"Seamless," sceptics wrote.') == [(0, 11)]
    assert critically_quoted('"Seamless," our founder wrote.') == []


def test_explain_says_what_is_skipped():
    text = render_rule_text(rules_by_code()["V011"])
    assert "What it skips" in text and "critic" in text


# -- a digit is not evidence -----------------------------------------------------------------------

def test_a_ceiling_does_not_silence_a_weasel_or_a_certain_future():
    plain = "Industry leaders agree this will transform how teams work."
    with_ceiling = plain[:-1] + ", with savings of up to 50%."
    assert {"V004", "V005", "E008"} <= codes(plain)
    assert {"V004", "V005", "E008"} <= codes(with_ceiling)


def test_a_ceiling_inside_an_evidence_pattern_is_still_not_evidence():
    assert "E008" in codes("This will transform care for up to 40% of patients.")
    assert "E008" not in codes("This will transform care: in a 2024 pilot, 40% of patients waited less.")


def test_a_counted_sample_still_answers_a_weasel():
    assert "V004" not in codes("In our survey of 212 finance directors, many said they had paused AI projects.")


# -- inflection ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("We will streamline our organization this spring.", "B006"),
    ("We will right-size the sales team.", "B006"),
    ("We rightsized the sales team.", "B006"),
    ("Our outdated systems that have held us back are being replaced.", "B001"),
    ("Legacy processes are holding us back.", "B001"),
    ("The cuts are a response to market headwinds.", "B008"),
])
def test_inflected_forms_are_caught(text, code):
    assert code in codes(text)


def test_word_forms_come_from_any_form():
    assert {"streamline", "streamlines", "streamlined", "streamlining"} <= set(word_forms("streamlining"))
    assert {"right-size", "right-sized", "right-sizing"} <= set(word_forms("right-size"))
    assert {"cut", "cuts", "cutting"} <= set(word_forms("cutting"))
    assert "cute" not in word_forms("cutting")
    assert "streamlined the organisation" in inflections("streamline the organisation")


def test_the_right_size_of_a_building_is_not_a_layoff():
    assert "B006" not in codes("The right size for the new warehouse is 4,000 square metres.")


def test_the_issue_seed_example_is_a_blame_finding_with_a_question():
    seed = ("By introducing new technology into outdated models and systems, organizations are failing to unlock "
            "the full productivity value of generative AI across their workforce.")
    report = spinlint.analyze(seed, filename="memo.txt", config=Settings(select=("B",)))
    findings = report.files[0].findings
    assert findings and findings[0].code == "B001"
    assert findings[0].question.endswith("?")


def test_a_reporter_quoting_the_company_is_reporting():
    sentence = ('Aldmoor described the error as "a recognised challenge across the entire industry" in a statement '
                'on Monday.')
    assert "B016" not in codes(sentence)
    assert "B016" in codes("The error is a recognised challenge across the entire industry.")


def test_a_number_of_several_digits_vetoes_like_a_single_digit():
    # unless patterns are matched as whole words: a bare \d would only ever veto one-digit numbers
    assert "B015" in codes("Some customers may have experienced delays.")
    assert "B015" not in codes("Some customers, 4,200 of them, may have experienced delays.")
    assert "V021" not in codes("We are investigating the 2024 incident report with the regulator.")
