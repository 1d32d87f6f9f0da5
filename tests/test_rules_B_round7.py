"""Round 7 of the blame rules: the family's shared vetoes (an owned account, a relayed finding)
silence every B rule they apply to, the pattern rules name them as veto sets, and the new structures fire on the
sentences written for them while their near misses stay silent. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from spinlint.rules.logic import blame_vetoes
from spinlint.rules.ruleset import builtin_rules
from rule_codes import blame_codes


codes = blame_codes


def test_every_b_pattern_rule_names_the_shared_vetoes():
    """Each B pattern rule names the family's veto sets, so its ``unless`` starts with their patterns, and the logic
    checks read the very same patterns: one definition of each account."""
    from spinlint.rules.ruleset import shipped_veto_sets

    sets = shipped_veto_sets()
    shared = sets["owned_account"] + sets["relayed_finding"]
    pattern_rules = [rule for rule in builtin_rules() if rule.code.startswith("B") and rule.kind == "existence"]
    assert pattern_rules
    for rule in pattern_rules:
        assert list(rule.match.get("unless_sets", ())) == ["owned_account", "relayed_finding"], rule.code
        assert list(rule.match["unless"][:len(shared)]) == shared, rule.code
    assert blame_vetoes.OWNED_ACCOUNT == "|".join(sets["owned_account"])
    assert blame_vetoes.RELAYED_FINDING == "|".join(sets["relayed_finding"])


@pytest.mark.parametrize("text", [
    "We misjudged how many people would book in the first week.",
    "That was our mistake, and I take full responsibility for it.",
    "The outage came from a configuration change our platform team pushed on Tuesday.",
    "I agreed to that delay in 2023.",
])
def test_owned_accounts(text):
    assert blame_vetoes.owned_account(text)


@pytest.mark.parametrize("text", [
    "According to the inquiry, the flooding was made worse by blocked drains.",
    "Respondents cited slow approvals as the main reason projects stalled.",
    "Two of the depot's engineers said the fault began after a software update.",
    "The regulator's review found that the operator had ignored three warnings.",
])
def test_relayed_findings(text):
    assert blame_vetoes.relayed_finding(text)


@pytest.mark.parametrize("text", [
    # the organisation's own explanation, relayed by a reporter, is still the shift (B040, B041)
    "The company said the challenges facing the industry were beyond its control.",
    "The airline blamed the cancellations on air traffic control staffing.",
    # the writer's own survey is the writer speaking
    "According to our survey, younger staff simply don't stay as long.",
])
def test_not_relayed(text):
    assert not blame_vetoes.relayed_finding(text)


@pytest.mark.parametrize("text", [
    "We owe our customers an explanation.",
    "We decided to close the branch.",  # deciding is not owning why (B004 reads a layoff memo this way)
    "The team shipped the release on Monday.",
])
def test_not_owned(text):
    assert not blame_vetoes.owned_account(text)


@pytest.mark.parametrize("text", [
    # the shift as it is said: the rules fire
    "Delivery times slipped because our courier partner failed to deliver the parcels on time.",
    "Customer records were exposed, and the systems have since been secured.",
    "Due to an increasingly challenging market environment, the opening has been postponed.",
    "By introducing new technology into outdated models and systems, organizations are failing to unlock the full "
    "productivity value of generative AI across their workforce.",
])
def test_the_shift_still_fires(text):
    assert codes(text)


@pytest.mark.parametrize("text", [
    # owned: the writer is the cause
    "Delivery times slipped because our courier partner failed to deliver, and we should have checked its plan.",
    "Service was lost for six hours after a software update we sent to the ground station.",
    # relayed: an independent finder's explanation, reported
    "According to the inquiry, the opening was postponed due to an increasingly challenging market environment.",
    "Investigators said the records were exposed through a misconfigured storage bucket.",
    # mechanism: the data event followed by what caused it
    "At 09:14 UTC customer records were exposed when the export job wrote to a public folder.",
])
def test_the_accounts_are_silent(text):
    assert not codes(text)


def test_times_alone_are_no_account():
    """The guideline's euphemised notice has times and is still blame (Version 4): times are not a family veto."""
    notice = "Between 02:00 and 02:40 on 3 May, an issue occurred during routine maintenance."
    assert "B005" in codes(notice)


@pytest.mark.parametrize("text", [
    # B004: data followed by the mechanism that exposed it is a causal account; a condition is not an event
    "The two packages were compromised because a workflow pulled an unpinned action from a fork.",
    "If a wrong decision was made, the retrospective is where we find out.",
    "Old releases are signed so they stay safe in case publishing tokens are compromised later.",
])
def test_agentless_passive_near_misses(text):
    assert "B004" not in codes(text)


@pytest.mark.parametrize("text", [
    # a cause that only names the kind of thing keeps the passive hidden
    "A small set of customer details was exposed as a result of unauthorised activity.",
    # a decision with a reason still hides who decided
    "The rollout was paused because of the volatile environment.",
])
def test_agentless_passive_still_fires(text):
    assert "B004" in codes(text)


@pytest.mark.parametrize("text", [
    # B042: the organisation's own result as the patient, an outside agent as the doer
    "Membership income was squeezed this year by a cautious consumer and tougher competition.",
    "The rollout of the new timetable was held back by supplier problems.",
    "Punctuality on the coast line has been hit by extreme weather and ageing legacy track.",
    "Take-up has been undermined by customers who never read the welcome pack.",
])
def test_result_harmed_by_outside_agent(text):
    assert "B042" in codes(text)


@pytest.mark.parametrize("text", [
    "Membership income was squeezed by higher card processing costs.",  # an accounting item
    "Punctuality was hit by 14 days of track closures in March.",  # a figure makes it checkable
    "Take-up was held back by our choice to launch without a paper form.",  # the organisation as the agent
    "Membership income may be squeezed by a cautious consumer next year.",  # a possibility
    "The rollout was held back by the following factors: staffing and the weather.",  # a list announced
    "The harbour wall was hit by a storm on Sunday.",  # not the organisation's result
])
def test_result_harmed_near_misses(text):
    assert "B042" not in codes(text)


@pytest.mark.parametrize("text, fires", [
    # B042 in the active voice: the outside word in the subject, the organisation's outcome as the object
    ("Stormy weather and a weak holiday market have hurt our bookings.", True),
    ("Late deliveries from the panel supplier have delayed the refit programme.", True),
    ("The 40 late panels from the supplier delayed the refit programme.", False),  # a figure in the cause
    ("Rough seas in these markets affect demand every winter.", False),  # present tense: an exposure
    ("The market dip will delay progress on the new depot.", False),  # a plan, not an event
    ("Passengers with delayed journeys can claim a refund.", False),  # an adjective, not the verb
])
def test_outside_agent_active_voice(text, fires):
    assert ("B042" in codes(text)) is fires


@pytest.mark.parametrize("text, fires", [
    # B003, widened: the threat aimed at the people who do not take the change up, in its wider forms
    ("Staff who resist the new rota risk being left behind.", True),
    ("Members who wait to register online will ultimately pay the price.", True),
    ("Branches that delay the switch to the new tills risk falling behind.", True),
    ("Teachers who stick with paper registers will soon become irrelevant.", True),
    # aimed at companies in a market, it is a forecast, not a burden moved onto anyone
    ("Banks that fail to modernise risk being left behind.", False),
    ("Nurses who wait for the evening handover will get the new rota first.", False),
])
def test_threat_to_people_who_do_not_adopt(text, fires):
    assert ("B003" in codes(text)) is fires


@pytest.mark.parametrize("text, fires", [
    # B043: people cast as behind the direction the organisation set
    ("Around 30 advisers whose work has not kept up with where the practice is going will leave this month.", True),
    ("Too many crews have not adapted to new ways of working.", True),
    ("We let go of team members who were not ready for the next chapter.", True),
    # support named, or a plain report, stays silent
    ("Too many crews have not adapted to the new handsets, so we are adding a second training day.", False),
    ("The crews adapted to the new handsets within a week.", False),
])
def test_people_cast_as_behind_the_change(text, fires):
    assert ("B043" in codes(text)) is fires


@pytest.mark.parametrize("text, fires", [
    # B024, widened: the bad news as the result of the force, and overruns among the bad news
    ("The overruns on the bridge were the result of a volatile supply-chain environment.", True),
    ("The delays were largely down to a challenging planning landscape.", True),
    ("The record year was the result of a supportive market environment.", False),  # good news
])
def test_environment_as_cause_widened(text, fires):
    assert ("B024" in codes(text)) is fires


@pytest.mark.parametrize("text, fires", [
    # B009 reads a decision with a human cost, not a process note
    ("A decision has been made to close the Harlow depot.", True),
    ("The painful decision was taken last week.", True),
    ("The Approved label shows that the decision has been made.", False),
    ("Our retrospectives tell us if a wrong decision was made.", False),
    ("Decisions will be made at the March meeting.", False),
    ("It was decided to let teams choose their own editor.", False),
])
def test_agentless_decision_needs_a_hard_decision(text, fires):
    assert ("B009" in codes(text)) is fires


@pytest.mark.parametrize("text", [
    # B004: a habit, a capability or an infinitive is not an event
    "A reused password can still be compromised.",
    "Newsletters tend to get overlooked, so we also print a flyer.",
    "The review looks for lessons to be learned from the outage.",
    # B005: a condition, a question, a named finder
    "If a similar outage occurred today, the site would stay up.",
    "This problem was identified by Mira Castellanos, who reported it to us.",
    # B030: a question, a party not failing an obligation, supervision
    "What about suppliers who did not win a place on the framework?",
    "The intruder did not change any of the stored records.",
    "Our team will also provide oversight of the contractor.",
])
def test_plain_near_misses_round7(text):
    assert not codes(text)


@pytest.mark.parametrize("text, code", [
    ("Around 40 roles are set to be cut in March.", "B004"),  # a planned event keeps its infinitive
    ("The vendor didn't deliver the new portal on time.", "B030"),
    ("An issue occurred during the migration.", "B005"),
])
def test_round7_vetoes_leave_the_shift(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text, fires", [
    # B016, widened: the bad news filed under what everyone suffers
    ("Like others across the sector, we saw more missed collections this winter.", True),
    ("Membership dropped in line with broader trends across the leisure market.", True),
    ("Falling footfall is consistent with broader trends across the high street.", True),
    ("As with any new service, we started with a small pilot.", False),
])
def test_failure_filed_under_what_everyone_suffers(text, fires):
    assert ("B016" in codes(text)) is fires


def test_the_error_made_by_a_party_still_fires():
    """Narrowing B030's optional word to adverbs must keep 'mistakes were made by the intern'."""
    assert "B030" in codes("Mistakes were made by the intern.")
