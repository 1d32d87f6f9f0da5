"""The logic checks in spinlint.rules.logic, called directly on sentences."""

from __future__ import annotations

import pytest

from spinlint.rules.logic import (LOGIC, abstract_sentence, agentless_bad_news_passive, agentless_decision,
                                  is_nominalisation, stacked_nominalisations)


def matches(function, text: str, **options) -> list[str]:
    return [text[item[0]:item[1]] for item in function(text, options)]


@pytest.mark.parametrize("text, expected", [
    ("Mistakes were made.", "Mistakes were made"),
    ("Unfortunately, some roles were impacted as part of the review.", "roles were impacted"),
    ("Customer data was exposed for three days.", "data was exposed"),
    ("About 200 employees were laid off in the spring.", "About 200 employees were laid off"),
    ("Our quarterly targets were missed.", "targets were missed"),
    ("Headcount was reduced by 12% this year.", "Headcount was reduced"),  # an amount, not an agent
    ("Two jobs were cut by mistake.", "jobs were cut"),  # a manner, not an agent
    ("Colleagues have been let go as part of the review.", "Colleagues have been let go"),
    ("Several positions were consolidated this quarter.", "positions were consolidated"),  # a layoff euphemism
    ("Staff were furloughed for six weeks.", "Staff were furloughed"),
    ("Forty roles were affected by the restructuring.", "roles were affected"),  # a process is no agent
    ("Some jobs were impacted by the reorganization, and others moved.", "jobs were impacted"),
    ("Out of caution, certain features were temporarily disabled.", "features were temporarily disabled"),
    ("Subscription prices were increased on 1 March.", "prices were increased"),  # the guideline's price rise
    ("Customer data was exposed by default for three weeks.", "data was exposed"),  # a default, still bad news
    ("Pension benefits were frozen for current staff.", "benefits were frozen"),  # a benefit, not a plan
    ("The rollout was paused because of the volatile environment.", "rollout was paused"),  # a reason, still veiled
])
def test_agentless_bad_news_passive_fires(text, expected):
    assert matches(agentless_bad_news_passive, text) == [expected]


@pytest.mark.parametrize("text", [
    "The report was published on Monday.",  # ordinary passive
    "Mistakes were made by our release team.",  # agent named
    "Payments were made on time to all suppliers.",  # 'made' is bad news only for mistakes
    "The samples were exposed to light for ten minutes.",  # 'exposed' is bad news only for data
    "Deadlines were missed by the contractor.",
    "No payments were taken twice and no data was lost.",  # negated: good news
    "The bus was delayed.",  # not a sensitive subject
    "Roles were impacted by the restructuring the board approved.",
    "Roles were impacted by our restructuring.",  # 'our' owns the decision
    "The two databases were consolidated last year.",  # 'consolidated' is bad news only for people
    "The feature was disabled by default.",  # a setting, not an event
    "Prices were raised by our pricing committee in March.",  # agent named
    "All of the defined-benefit pension plans were frozen to future accruals.",  # plan accounting
    "Prices were increased in response to higher freight costs.",  # a price rise with its cost driver
    "Maybe you reused it elsewhere and that password was leaked.",  # an imagined scenario
])
def test_agentless_bad_news_passive_is_silent(text):
    assert matches(agentless_bad_news_passive, text) == []


def test_agentless_decision():
    assert matches(agentless_decision, "The decision was taken to close the plant.") == ["The decision was taken"]
    assert matches(agentless_decision, "It was decided that the office would close by June.") == ["It was decided"]
    assert matches(agentless_decision, "The decision was taken by the board on Friday.") == []
    assert matches(agentless_decision, "The referee's decision was final.") == []


def test_nominalisation_words():
    assert is_nominalisation("optimisation") and is_nominalisation("capabilities") and is_nominalisation("alignment")
    assert not is_nominalisation("station") and not is_nominalisation("government") and not is_nominalisation("city")


@pytest.mark.parametrize("text, expected", [
    ("Our priority is the optimisation of the alignment of capabilities.",
     ["optimisation of the alignment of capabilities"]),
    ("We drive stakeholder alignment optimisation across the organisation.",
     ["alignment optimisation across the organisation"]),
    ("The installation of the station in the city took a week.", []),
    ("The implementation, the evaluation and the documentation are separate steps.", []),  # commas break a chain
])
def test_stacked_nominalisations(text, expected):
    assert matches(stacked_nominalisations, text) == expected


def test_stacked_nominalisations_option():
    text = "The evaluation of the implementation took a week."
    assert matches(stacked_nominalisations, text) == []
    assert matches(stacked_nominalisations, text, min_nominals=2) == ["evaluation of the implementation"]


def test_abstract_sentence():
    abstract = ("Our strategy reflects a deep commitment to responsible innovation and sustainable value creation "
                "for all stakeholders.")
    assert matches(abstract_sentence, abstract) == [abstract]
    concrete = "The new kitchen has two ovens, a walk-in fridge and a dishwasher that cleans 600 plates an hour."
    assert matches(abstract_sentence, concrete) == []
    named = "Our commitment to responsible innovation means that Maria Lopez reviews every model before release."
    assert matches(abstract_sentence, named) == []
    assert matches(abstract_sentence, "Trust matters.") == []  # too short to judge


def test_registry_holds_only_functions_named_by_rules():
    from spinlint.rules.ruleset import builtin_rules

    named = {rule.match.get("function") for rule in builtin_rules() if rule.kind == "logic"}
    assert set(LOGIC) <= named, f"unused logic functions: {set(LOGIC) - named}"
    assert all(callable(function) for function in LOGIC.values())


@pytest.mark.parametrize("text", [
    "Our subcontractors failed to deliver the steel on time.",
    "The outage was caused by a third-party provider.",
    "The leak was down to a junior member of the finance team.",
    "Malicious actors were to blame for the disruption.",
])
def test_cause_handed_to_other_party_prefilter_keeps_every_match(text):
    """The head-word prefilter of B030's check only skips sentences the full pattern cannot match."""
    from spinlint.rules.logic import blame

    assert blame._HANDED_TO.search(text) is not None
    assert list(blame.cause_handed_to_other_party(text, {}))


def test_a_check_name_registered_by_two_families_is_refused():
    from spinlint.rules.logic import join_families

    def check(text, options):
        return iter(())

    assert set(join_families({"a": check}, {"b": check})) == {"a", "b"}
    with pytest.raises(RuntimeError, match="'a'"):
        join_families({"a": check}, {"a": check})
