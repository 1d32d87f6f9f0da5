"""Round six of the V rules: paragraphs of stacked mild cues (V032), epochal framing (V033), and the widened V015
(boilerplate apology) and V021 (the things a notice is about). Sizes played down without a figure, and the epochal
claims proper, are left to the blame and evidence families (B017, B033; E014, E021), tested here.

Every sentence here is written for this test.  Each positive is paired with near misses that share its words and lack
its structure.
"""

from __future__ import annotations

import pytest

import spinlint
from spinlint.config import Settings
from rule_codes import vague_codes




FIRES = [
    ("V032", "Our powerful new platform empowers teams to unlock meaningful growth. It fosters collaboration across "
             "the ecosystem and delivers truly seamless experiences."),
    ("V032", "At Ashgrove we are deeply committed to excellence. Our diverse team brings unique expertise and a shared "
             "vision, and we constantly strive to deliver innovative solutions that empower our partners."),
    ("V032", "The programme is a significant milestone on our journey. It strengthens governance, ensures a robust "
             "foundation for the future and helps every team harness new opportunities."),
    ("V033", "Public transport is at an inflection point."),
    ("V033", "Remote working is here to stay."),
    ("V033", "The sector is entering its automation decade."),
    ("V033", "Our new assistant will change the way you work."),
    ("V015", "The trust apologises for any inconvenience this may cause."),
    ("V015", "We are sorry for any confusion this has caused."),
    ("V015", "We would like to reassure our members that their savings are safe."),
    ("V021", "A number of appointment letters contained incorrect dates."),
    ("V021", "Some trains on the valley line were cancelled this morning."),
    ("V021", "A handful of patient records were accessed without permission."),
]

NEAR_MISSES = [
    # V032: cues of one or two classes only, a technical "key", or a long concrete paragraph.
    ("V032", "Many teams, several councils and various suppliers came to the workshop. Many brought laptops and "
             "several brought printed maps."),
    ("V032", "Store the API key and the private key in the vault, and set the sort key of each table."),
    ("V032", "The powerful pump moves water to the roof tank. A float switch stops it when the tank is full and "
             "starts it again when the level falls below a metre."),
    # V033: literal turning points, set points and changes that are described.
    ("V033", "The boiler switches off when the water reaches the set point."),
    ("V033", "The penalty was the turning point of the final."),
    ("V033", "We will change the way the form asks for a date: it offers a calendar."),
    ("V033", "The future of the pool is uncertain until the council votes."),
    ("V033", "Enter the postcode in the first box."),
    # V015: an apology for a named harm.
    ("V015", "We are sorry that your order arrived a week late, and we have refunded the postage."),
    ("V015", "Any inconvenience to drivers ends when the bridge reopens."),
    # V021: a plain mention of letters or trains, or a count given.
    ("V021", "Some letters were sent to members before the meeting."),
    ("V021", "Several shops have seen busy weekends since the market moved."),
    ("V021", "A number of trains were cancelled on 3 May, 14 of them on the valley line."),
    ("V021", "The change was due to the collection of certain accounts receivable."),
]


@pytest.mark.parametrize("code,text", FIRES, ids=[f"{code}-{index}" for index, (code, _) in enumerate(FIRES)])
def test_round6_rule_fires(code, text):
    assert code in vague_codes(text)


@pytest.mark.parametrize("code,text", NEAR_MISSES,
                         ids=[f"{code}-{index}" for index, (code, _) in enumerate(NEAR_MISSES)])
def test_round6_near_miss_is_left_alone(code, text):
    assert code not in vague_codes(text)


@pytest.mark.parametrize("text", [
    "This is a once-in-a-lifetime chance to rethink how towns are planned.",
    "Good data has never been more important for charities.",
    "The sector is entering a new era of automation.",
    "The future of farming is autonomous.",
])
def test_epochal_claims_are_the_evidence_familys_and_not_flagged_twice(text):
    report = spinlint.analyze(text, filename="note.txt", config=Settings(select=("V", "E")))
    codes = {finding.code for finding in report.files[0].findings}
    assert "V033" not in codes and codes & {"E014", "E021"}, codes


@pytest.mark.parametrize("text", [
    "A small number of customers were affected by the billing error.",
    "Only a handful of accounts were accessed in the incident.",
    "The numbers involved are very small, and the fault has been fixed.",
])
def test_harm_sized_by_a_soft_word_is_the_blame_familys_minimisation(text):
    # A vague-family twin of these rules fired with them on 23 of its 24 written passages: one phrase, one finding.
    report = spinlint.analyze(text, filename="note.txt", config=Settings(select=("B",)))
    assert {finding.code for finding in report.files[0].findings} & {"B017", "B033"}
