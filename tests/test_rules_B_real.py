"""The B rules' cases from reading real text (this round): each false alarm fixed by principle stays silent, and each
widened structure fires. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from rule_codes import blame_codes


codes = blame_codes


@pytest.mark.parametrize("text", [
    # B004: a pension plan frozen to future accruals is plan accounting
    "Since 2012 all of our defined-benefit pension plans have been frozen to new accruals.",
    # B004: a price rise with its cost driver is a pricing account
    "In the paints segment, prices were increased to offset higher resin costs.",
    # B004: a scenario the writer imagines, not an event reported
    "Perhaps you reused that password on another site and it was leaked there.",
    # B006: the organization of things, not of people
    "We streamlined the organization of the help centre so that each form has one page.",
    # B017: the size word denied, the harm enlarged
    "Stale search results aren't just a minor inconvenience; they send readers to the wrong form.",
    # B017: few people knowing something is not a harm shrunk
    "Only a limited number of staff were told about the new logo before launch.",
    # B028: an amplifier that is only a device
    "The venue hired an amplifier so the speakers could be heard in the hall.",
    # B014: a constraint with its owner and specifics
    "We could not publish on Friday because the statistics office asked for two more days.",
    # B024: a delay with a specific, counted cause
    "The new depot was delayed by the January floods, which stopped work for 6 weeks.",
])
def test_real_text_false_alarms_stay_silent(text):
    assert not codes(text)


@pytest.mark.parametrize("text, code", [
    ("Pension benefits were frozen for current staff.", "B004"),  # a benefit, not a plan
    ("The launch was delayed as a result of unforeseen issues.", "B004"),  # a delay keeps its veil
    ("AI is a multiplier: it multiplies the weaknesses of teams that already struggle.", "B028"),
    ("A chatbot connected to poor data will produce wrong answers at scale.", "B028"),
    ("Buying an AI platform without fixing how work is reviewed won't deliver the expected value.", "B028"),
    ("Public projects often get stuck because of bureaucracy.", "B001"),
    ("The rise in bookings was partly offset by the impact of economic uncertainty in Europe.", "B008"),
    ("We were unable to finish the migration due to budget constraints.", "B014"),
    ("Most of the disappointment with the launch stems from unrealistic expectations.", "B014"),
    ("Some tenants' addresses were mistakenly emailed to the whole mailing list.", "B004"),
    ("The new portal has been delayed by an uncertain funding environment.", "B024"),
    ("The rollout slipped to June because of outdated systems in the regional offices.", "B001"),
])
def test_widened_structures_fire(text, code):
    assert code in codes(text)
