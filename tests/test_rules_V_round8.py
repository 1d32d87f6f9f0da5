"""Round eight of the V rules (issue 14: generalisation).  Three structures were widened, each for a move of the
guideline's taxonomy rather than for a phrasing:

- V005 (vague.weasel): a finding with no finder — an agentless passive ("it has been observed that") or a source no
  reader can look up ("trends indicate", "experience shows", "best practices call for");
- V022 (vague.slogan): a goal, aim or role whose object is itself an aspiration ("our goal is to empower", "we see
  our role as enabling", "a mission to support");
- V027 (vague.no_referent): help or enablement towards doing something "better" or "faster" with no baseline.

Every sentence here is written for this test.  The positives vary the verb, tense, voice, word order, register and
hedging of one move; the near misses share its words and lack the move (an owned account, a figure, a named
baseline, a literal sense).
"""

from __future__ import annotations

import pytest

from rule_codes import vague_codes




FIRES = [
    # V005: a finding with no finder.
    ("V005", "It has long been observed that open-plan offices reduce deep work."),
    ("V005", "It has been found that users prefer shorter onboarding flows."),
    ("V005", "It has often been reported that smaller teams may ship sooner."),
    ("V005", "Experience shows that big-bang migrations rarely go to plan."),
    ("V005", "History teaches us that every platform shift rewards the early movers."),
    ("V005", "Industry trends suggest that buyers now expect self-service."),
    ("V005", "Best practice dictates that every service has a single owner."),
    ("V005", "Recent studies have found that remote staff are more engaged."),
    ("V005", "Frankly, mounting evidence has confirmed what managers suspected all along."),
    # V022: a goal, aim, role or mission whose object is an aspiration.
    ("V022", "Our goal is to empower every resident to shape the city."),
    ("V022", "The team's aim was to inspire a new generation of makers."),
    ("V022", "Our ambition remains to transform how people experience public services."),
    ("V022", "Its aim will be to foster a culture of curiosity."),
    ("V022", "Our goal is to enable every department to move at its own pace."),
    ("V022", "We see our role as supporting the people who do the real work."),
    ("V022", "The foundation has a bold mission to democratise access to knowledge."),
    ("V022", "The new charter gives the office a mission to champion digital inclusion."),
    # V027: help towards "better" or "faster" with nothing to compare against.
    ("V027", "The platform helps finance teams close the books faster."),
    ("V027", "We empower clinicians to care for patients more effectively."),
    ("V027", "These changes will help everyone collaborate better, wherever they sit."),
    ("V027", "Helping agencies serve the public better, and at lower cost, is why we exist."),
    ("V027", "The redesign has enabled our staff to answer questions more confidently."),
    ("V027", "With the new dashboard, managers are helped to plan more efficiently."),
    ("V027", "It may help some teams ship features a little faster."),
]

NEAR_MISSES = [
    # V005: an owned account, a log, a figure in the finding, a cited source, a finding with a finder.
    ("V005", "Our experience shows that the form works best with three steps."),
    ("V005", "The browser history shows which pages the tester opened."),
    ("V005", "It has been shown that 40% of calls come before nine (Ortiz, 2022)."),
    ("V005", "We observed that the queue drains faster at night."),
    ("V005", "The 2024 staff survey found that most nurses want fixed rotas."),
    ("V005", "Past trends show a 3% rise in applications each spring."),
    ("V005", "The pump has been found to leak under high pressure."),
    # V022: a goal that can be checked, a literal mission, a role that is a part, a feature switched on.
    ("V022", "Our goal is to reply to every letter within a week."),
    ("V022", "The aim of the survey was to count the trees in each park."),
    ("V022", "The crew's mission to the space station lasts six months."),
    ("V022", "Her role as supporting actress won her an award."),
    ("V022", "Our goal was to drive the bus route past the new clinic."),
    ("V022", "Our goal is to enable two-factor login on every account."),
    # V027: a baseline, a figure, a comparative that does not close the clause, a plain help.
    ("V027", "The index helps the search run faster than a full scan."),
    ("V027", "The new sorter helped the depot clear 300 more parcels an hour."),
    ("V027", "The glossary helps readers better understand the tax form."),
    ("V027", "Volunteers helped to paint the hall faster than planned."),
    ("V027", "The guide helps you choose a better phone plan."),
    ("V027", "Caching helped page loads get faster: from 2.1 seconds to 0.8."),
    ("V027", "Sam helped us move the piano, and the trolley made it easier."),
]


@pytest.mark.parametrize("code,text", FIRES, ids=[f"{code}-{index}" for index, (code, _) in enumerate(FIRES)])
def test_round8_rule_fires(code, text):
    assert code in vague_codes(text)


@pytest.mark.parametrize("code,text", NEAR_MISSES,
                         ids=[f"{code}-{index}" for index, (code, _) in enumerate(NEAR_MISSES)])
def test_round8_near_miss_is_left_alone(code, text):
    assert code not in vague_codes(text)
