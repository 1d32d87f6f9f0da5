"""Round 6 of the blame rules: each new or widened structure fires on the sentences written for it, and its near
misses stay silent. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from rule_codes import blame_codes
from spinlint.rules.logic.blame import (
    deficiency_as_agent,
    placeholder_fault_as_cause,
)


codes = blame_codes


@pytest.mark.parametrize("text, code", [
    # B036: the kind of fault as the whole cause
    ("Card payments at the Ostley depot failed on Friday due to a technical issue.", "B036"),
    ("Evening classes were cancelled for operational reasons.", "B036"),
    ("A software problem meant some tenants were not sent their rent statements.", "B036"),
    ("The council's booking site suffered an unexpected outage, and residents could not reserve a slot.", "B036"),
    ("Our chat service was unavailable following an intermittent connectivity issue.", "B036"),
    # B037: the failure declared universal
    ("Every app goes down now and then, and ours had its turn on Sunday.", "B037"),
    ("All software has bugs, and the new timetable planner is no exception.", "B037"),
    ("Setbacks are a natural part of any transformation of this size.", "B037"),
    ("No forecasting model is infallible.", "B037"),
    # B038: a deficient condition as the grammatical agent, or as the cause of the bad news
    ("Outdated tooling keeps ward clerks from seeing which beds are free.", "B038"),
    ("Tool sprawl slows every engineering team down.", "B038"),
    ("The new portal went live late because of years of technical debt in the old one.", "B038"),
    ("Patients waited longer this winter as a result of creaking legacy IT.", "B038"),
    # B039: the incident named only by its category
    ("Marlow Dental recently became aware of unauthorised access to its booking system.", "B039"),
    ("An unauthorised third party obtained some customers' contact details.", "B039"),
    ("Fenwick Rail is dealing with a cyber incident affecting ticket machines.", "B039"),
    ("Some tenants may have experienced delays when reporting repairs online.", "B039"),
    # B040: the cut reported with the cause the organisation cites
    ("Alder Toys is closing its Wrexham warehouse, citing a difficult retail climate.", "B040"),
    ("Ticket prices are rising again, the club said, blaming the cost of running the ground.", "B040"),
    # B041: the bad news blamed on a cause by the speaker's own attribution
    ("Tollgate Buses blamed the cancellations on the national driver shortage.", "B041"),
    ("The group put the weaker sales down to a cautious consumer.", "B041"),
    # B038, widened: a lack or a shortage on the adopters' side
    ("A lack of data skills derails most analytics projects in local government.", "B038"),
    ("Ultimately, this reflects years of underinvested infrastructure at the depot.", "B038"),
    ("The clunky rota tool and a few stubborn habits in the night team slowed everything down.", "B038"),
    ("The timetable launch slipped to May, owing to staffing pressures and the complexity of legacy records.", "B038"),
    ("Correction: a data processing error affected some figures in Tuesday's bulletin.", "B036"),
    # B012, widened: the partner as the subject of the failure
    ("Our ticketing partner is experiencing an outage that is stopping online sales.", "B012"),
    # B014, widened: the target of a sophisticated attack
    ("The clinic was the target of a highly sophisticated criminal attack.", "B014"),
    # B019, widened: the strength of a named company's capabilities
    ("The quick recovery demonstrated the strength of Pellow's resilience arrangements.", "B019"),
    # B026, widened: the claim rejected, or called untrue, with no account
    ("Dunmore Water firmly rejects claims that it ignored warnings about the reservoir.", "B026"),
    ("That isn't true, and we won't be commenting further.", "B026"),
    # B004, widened: the mistake's sequel with the same missing actor
    ("Lessons have been learned, and the parking scheme will be reviewed.", "B004"),
    # B031, widened: a harm link ("held back by") is its own setback
    ("The switch to online bookings has been held back by staff who refuse to use it.", "B031"),
    # B023, widened: the event declared unforeseeable
    ("The failure of the flood barrier could not reasonably have been foreseen.", "B023"),
    ("No planner in the county would have predicted a storm like that.", "B023"),
    # B020, widened: the reminder in the passive and the duty put on the audience
    ("After the billing errors, customers are reminded that direct debit dates cannot be changed online.", "B020"),
    ("It is the tenant's responsibility to report a leak within 24 hours.", "B020"),
    # B019, widened: the cause given, then the company's side cleared by contrast
    ("The outage was caused by a power fault at the data centre rather than our own network.", "B019"),
    ("The recall does not reflect any deficiency in our testing.", "B019"),
    # B027, widened: a failure rate or the vendor's "we" outside the cause does not clear the shift
    ("Around 60% of automation pilots stall because the teams are not ready.", "B027"),
    ("We keep seeing AI projects fail because their data is not ready.", "B027"),
])
def test_round6_structures_fire(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text, code", [
    # B036: a specified fault, a possibility, a documentation note, a reason that is no failure
    ("Card payments failed on Friday due to an error in the terminal update we sent on Thursday.", "B036"),
    ("If a technical issue stops your upload, try again from the desktop site.", "B036"),
    ("Due to a known issue, dark mode is off on older tablets.", "B036"),
    ("He stepped down from the board for health reasons.", "B036"),
    ("The pool closed early after a pump failure in the plant room.", "B036"),
    ("The incident affected the lift for an hour.", "B036"),
    # B037: a universal without a failure, a denied universal, a measured rate
    ("Every app in the catalogue has an accessibility statement.", "B037"),
    ("Not every release goes wrong: the last nine went out without a rollback.", "B037"),
    ("Around 4% of our releases fail their first checks.", "B037"),
    # B038: a specific, dated account; the speaker owning the choice; a question; good news
    ("The 2001 housing database holds one phone number per tenant, so 2,400 records were updated by hand.", "B038"),
    ("We decided to keep the old rota tool for a year, and it slowed the team.", "B038"),
    ("Is outdated tooling holding your team back?", "B038"),
    ("Revenue grew because clients replaced outdated systems with ours.", "B038"),
    ("Most of our traffic comes from legacy systems that call the old API.", "B038"),
    ("The new ramp was held back by two weeks of rain.", "B031"),
    ("The review rejects the claim that the crossing is unsafe, citing two years of camera counts.", "B026"),
    ("That is not true of the 2021 figures, which we corrected in March.", "B026"),
    ("Our delivery partner is experiencing strong demand for the new van.", "B012"),
    # B039: an incident explained, a policy, a possibility
    ("On 9 June a phishing e-mail gave an attacker one clerk's password.", "B039"),
    ("Report any suspicious activity to the service desk.", "B039"),
    ("A security incident could interrupt our operations.", "B039"),
    ("From 14:05 to 14:30 some tenants saw errors because a certificate we manage expired.", "B039"),
    # B040: a cited cause with its figure, or good news
    ("Alder Toys is closing its Wrexham warehouse, citing a 40% fall in orders since 2023.", "B040"),
    ("The library extended its hours, citing demand from students.", "B040"),
    # B041: an independent finding, a counted cause, the speaker's own cause
    ("The inquiry blamed the delays on the contractor's missing permits.", "B041"),
    ("Tollgate Buses blamed the cancellations on 23 drivers being off sick on Monday.", "B041"),
    # B023: an admission, not an excuse
    ("The job had no check that would have stopped it, and it has one now.", "B023"),
    # B020: the organisation's own duty
    ("It is our responsibility to check every cable, and we now do it daily.", "B020"),
    # B019: the cause owned
    ("The delay was down to our own crane booking, not the weather.", "B019"),
    # B027: the speaker's own side inside the cause, or a relayed finding
    ("Our pilot stalled because our data was not ready, and we have fixed it.", "B027"),
    ("The most common reason given for stopping, cited by 20 firms, was that staff were not ready.", "B027"),
])
def test_round6_near_misses_stay_silent(text, code):
    assert code not in codes(text)


def test_b004_is_silent_when_the_writer_owns_the_account_in_another_sentence():
    owned = ("Twelve warehouse roles are being made redundant in Corby. I proposed the closure, and the board agreed.")
    hidden = "Twelve warehouse roles are being made redundant in Corby. The site will close in May."
    assert "B004" not in codes(owned)
    assert "B004" in codes(hidden)


def test_b004_still_skips_a_speculation_in_its_own_sentence_only():
    text = ("Perhaps the courier lost the parcel. Forty staff were made redundant at the Vale depot this week.")
    assert "B004" in codes(text)


@pytest.mark.parametrize("check, head_free", [
    (placeholder_fault_as_cause, "The bus left on time and the café opened at nine."),
    (deficiency_as_agent, "The bus left on time and the café opened at nine."),
])
def test_new_logic_checks_return_at_once_without_their_head_words(check, head_free):
    assert list(check(head_free, {})) == []


def test_the_seed_example_is_still_a_blame_finding():
    seed = ("By introducing new technology into outdated models and systems, organizations are failing to unlock the "
            "full productivity value of generative AI across their workforce.")
    assert any(code.startswith("B") for code in codes(seed))
