"""Round 8 of the blame rules (issue 14, generalisation): each structure added or widened this round fires on varied
sentences written for the same move — other verbs, tenses, word orders and registers — and stays silent on near
misses that are not the move (owned accounts, measured causes, technical diagnoses, the same words in a clean
sentence). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from rule_codes import blame_codes


codes = blame_codes


# -- B044: the product denied as the cause, the failure moved to people, data or process -----------------------

@pytest.mark.parametrize("text", [
    # the thing as the subject of a denied fault, in several tenses and hedges
    "When AI projects stall, the technology is rarely at fault. Usually the data is a mess.",
    "Technology isn't the bottleneck; your approval process is.",
    "Most pilots stall. The technology itself has never been the hurdle; leadership has.",
    "The platform has not been the problem. Users never logged in.",
    "The robots were never what held the warehouses back: it was the managers' reluctance to change shifts.",
    # a fault-word as the subject of a denied thing
    "The biggest barrier to AI in retail isn't the technology. It's the people.",
    "Our biggest obstacle is not technical. It's our managers.",
    "The problem was never the algorithm, but the people using it.",
    "What held the pilot back wasn't the AI but the lack of clean data.",
    # the thing as the agent of a denied cause
    "Failed deployments are almost never caused by the software itself, but by the teams running it.",
    # a denied category and the fixed denials
    "It isn't a software problem, it's a people problem.",
    "None of this is about the product. It is about how teams use it.",
    "The shortfall had nothing to do with our platform and everything to do with customer processes.",
    "Those scanners now sit idle through no fault of the equipment, because the clinics never trained staff.",
    "If your rollout stalled, don't blame the tool: blame the data you fed it.",
    "Poor harvests this year say more about the sites than about the machines.",
])
def test_product_cleared_by_denial_fires(text):
    assert "B044" in codes(text)


@pytest.mark.parametrize("text", [
    # a technical diagnosis: one component ruled out for another, no people, data or process blamed
    "The model is rarely the bottleneck in a retrieval pipeline; the index lookup is.",
    "The GPU is rarely the bottleneck in this benchmark. Disk reads take 70% of each step.",
    # a postmortem's timeline or a version names the mechanism
    "The platform was not the cause: our 14:02 config change dropped the cache, and we reverted it at 14:40.",
    "The engine is not the cause of the timeout. The client sends 40 MB payloads; raise the limit in v2.3.",
    # the writer owns the failure
    "The tool is not to blame for the slow start, and neither are the teams: we underestimated the training.",
    "The bug wasn't in the model. We misconfigured the data pipeline, and we fixed it on Monday.",
    # the same words with no failure moved
    "It isn't a software problem, so we can fix it this week without a release.",
    "The technology is ready for use in all forty branches from Monday.",
    # a relayed finding
    "Staff said the system was not the problem; the rota was.",
])
def test_product_cleared_by_denial_near_misses(text):
    assert "B044" not in codes(text)


# -- B027 widened: the adopters as the subject of their own shortfall ------------------------------------------

@pytest.mark.parametrize("text", [
    # a shortfall with a cause pointing back at the adopters
    "Most companies are failing to get value from AI because they treat it as a side project.",
    "Organisations struggle to scale generative AI because they never fix the basics.",
    "Many enterprises aren't seeing returns on automation since they haven't redesigned their workflows.",
    "Retailers keep failing to unlock the value of their AI investments, because their store teams won't trust it.",
    # the shortfall that is itself the adopters' deficiency
    "Most firms simply aren't ready for agentic AI.",
    "Hospitals have been slow to adopt the platform, which is why savings have lagged.",
    "Banks were too slow to adopt cloud, and now they are paying for it.",
    "Plenty of councils still haven't modernised their case systems, so the new tools sit unused.",
])
def test_adopters_fall_short_fires(text):
    assert "B027" in codes(text)


@pytest.mark.parametrize("text", [
    # the cause is the technology, not the adopters
    "Companies are struggling to get value from AI because the models still hallucinate.",
    "Many agencies have been slow to adopt cloud services because procurement rules take 18 months.",
    # the writer's own side, a figure, a condition (a risk factor) or no technology at all
    "Our customers aren't seeing the savings yet because our connector is slow.",
    "62% of companies are not ready for AI, the survey found.",
    "If customers are not ready to adopt our platform, our revenue could decline.",
    "Most companies are not ready to report under the new rules.",
    "Many hospitals are not yet ready for the winter surge.",
    "Employees were unable to use the system because it was down from 09:00 to 11:00.",
])
def test_adopters_fall_short_near_misses(text):
    assert "B027" not in codes(text)


# -- B008 narrowed: a force whose own effect is measured is reporting --------------------------------------------

@pytest.mark.parametrize("text", [
    "Revenue decreased 4% due to currency headwinds, which reduced reported sales by $120 million.",
    "Operating income declined due to foreign exchange headwinds of $45 million.",
    "Segment income fell 6% due to soft market conditions, which cut volumes in the region by 4% and prices by 1%.",
    "Margins fell because of pricing pressures that took about 2 points off the gross margin.",
    "Earnings slipped amid macro headwinds totalling roughly $30 million.",
])
def test_measured_force_is_reporting(text):
    assert "B008" not in codes(text)


@pytest.mark.parametrize("text", [
    # the figure belongs to the decline, not to the force: the force is still unmeasured
    "Net sales decreased 3% due to challenging market conditions.",
    "Sales fell 12% due to weak demand, and costs rose by $5 million.",
    "Margins fell amid macro headwinds; we also cut 40 roles.",
    "Volume decreased 10 percent, reflecting challenging business conditions.",
    "Revenue slowed in the quarter due to macroeconomic headwinds.",
])
def test_unmeasured_force_still_fires(text):
    assert "B008" in codes(text)


# -- B021 widened: an impersonal force as the agent of the decision or the outcome -------------------------------

@pytest.mark.parametrize("text", [
    "Headwinds in the advertising market meant we had to let 80 colleagues go.",
    "The current economic climate means we have to close two of our branches.",
    "The weather meant the council had to cancel the festival.",
    "Ongoing uncertainty in the sector means we must pause hiring.",
    "The pace of change in our industry has left several roles redundant.",
    "Today's market has made these cuts unavoidable.",
    "Inflation has rendered the old pricing model unsustainable.",
    "A tougher macro backdrop is behind this quarter's miss.",
    "Supply chain disruption was largely to blame for the delays in the spring.",
    "Market volatility was to blame for the weaker results.",
    "Market forces are reshaping our workforce.",
])
def test_force_as_agent_fires(text):
    assert "B021" in codes(text)


@pytest.mark.parametrize("text", [
    # a figure inside the force is a measured cause
    "A 12% fall in ad spend meant we had to cut 80 roles.",
    "Higher costs of $4m a year have made the Leeds store unviable.",
    # no hard decision, no bad news, or no business outcome
    "The pace of change means we have to keep learning.",
    "Market conditions were behind the decision to open two new stores.",
    "The economy is behind the strong rise in sales.",
    "Icy conditions made the roads impossible for two days.",
    "The team is responsible for the decline dashboard.",
])
def test_force_as_agent_near_misses(text):
    assert "B021" not in codes(text)


# -- B042 widened: "weather disrupted deliveries", the force noun right before a bare participle ----------------

@pytest.mark.parametrize("text", [
    "Weather disrupted deliveries across the network last week.",
    "Storms delayed the rollout of the new timetable.",
    "Supply chain challenges continue to delay shipments of the new model.",
    "Competition squeezed margins in the second half.",
    "Flooding disrupted services on the coastal line.",
])
def test_force_harms_outcome_fires(text):
    assert "B042" in codes(text)


@pytest.mark.parametrize("text", [
    "Customers with delayed orders can claim a refund.",
    "The storm delayed deliveries by 2 days in 14 depots.",
    "Weather could disrupt deliveries next week.",
    "Despite the weather, deliveries ran on time.",
    "Staff with disrupted shifts will be paid for the full day.",
])
def test_force_harms_outcome_near_misses(text):
    assert "B042" not in codes(text)


# -- B031 widened: a pronoun carries the bad news, and the group's conduct is a failing --------------------------

@pytest.mark.parametrize("text", [
    "This came down to one driver not doing what every other driver does every single day.",
    "Most of these were caused by customers failing to update the app.",
    "That was down to users not reading the instructions.",
    "It was largely due to staff ignoring the new checklist.",
    "Many of them were caused by residents skipping the booking step.",
])
def test_failing_conduct_after_a_pronoun_fires(text):
    assert "B031" in codes(text)


@pytest.mark.parametrize("text", [
    "This is because customers are choosing the premium plan.",
    "This was due to customers upgrading early.",
    "That was down to our own team not testing the change, and we have added the test.",
    "It is because users asked for it in the 2024 survey.",
    "These were caused by drivers not scanning returns between 09:00 and 09:40 UTC after our scanner update.",
])
def test_failing_conduct_after_a_pronoun_near_misses(text):
    assert "B031" not in codes(text)


# -- B022 widened: a layoff term and a performance or fit criterion put on the people --------------------------

@pytest.mark.parametrize("text", [
    "We are letting go of colleagues whose skills no longer match where we are heading.",
    "These departures reflect our commitment to a high-performance culture.",
    "Roles affected were identified through our regular performance review process.",
    "Those leaving were selected using this year's performance ratings.",
    "To keep talent density high, we are parting ways with some of the company.",
    "Underperforming teams will see the deepest redundancies.",
])
def test_cuts_as_performance_fires(text):
    assert "B022" in codes(text)


@pytest.mark.parametrize("text", [
    "This decision is not about individual performance; we overhired in 2024.",
    "Performance reviews will continue as normal for staff not affected by the redundancies.",
    "Laid-off staff will keep their performance bonus for 2025.",
    "Due to weak financial performance, we are letting go of 80 colleagues.",
    "We are cutting 120 roles because we overhired in 2024 and revenue fell 18%; the decision was mine.",
    "Exits from the fund reflected weak performance in bond markets.",
])
def test_cuts_as_performance_near_misses(text):
    assert "B022" not in codes(text)
