"""Round 7 of the evidence rules: precision first (a claim whose paragraph states its limits, names code, points at
the evidence it shows, sizes a change by a floor, or cites a dated report; a saving that follows from work skipped;
a survey's counted opinion; a group ranked by a superlative; a commitment), then recall by structure (a tool that lets
people do better or faster, a plan credited with a benefit to come, an outcome ensured without exception, an
unmeasured size on an advantage). The sentences are written for these tests."""

from __future__ import annotations

import pytest

import spinlint
from spinlint.config import Settings


def fires(code: str, text: str) -> bool:
    report = spinlint.analyze(text, filename="example.txt", config=Settings(select=(code,)))
    return any(finding.code == code for finding in report.files[0].findings)


CAUGHT = [
    # E024: the people enabled, and an unmeasured comparative on what they do
    ("E024", "The Pollen dashboard helps caseworkers work more efficiently."),
    ("E024", "Moving to shared services will allow the council to better serve its residents."),
    ("E024", "Our new search tool enables analysts to find records faster."),
    ("E024", "Pairing new hires with mentors lets teams ramp up quicker."),
    # E025: a plan, deal or set of initiatives credited with a benefit still to come
    ("E025", "The merger of the two divisions will provide greater operating efficiencies."),
    ("E025", "Our new pricing initiatives are designed to unlock growth across the portfolio."),
    ("E025", "The Harlow acquisition is well positioned to enhance our reach in the north."),
    # E002: an outcome ensured without exception
    ("E002", "The smart planner ensures your crews are always on the best route."),
    ("E002", "Our review step ensures that every release ships with the right settings every time."),
    # E012: an unmeasured size on an advantage, a boost or value
    ("E012", "The new planner brings a noticeable boost in route quality."),
    ("E012", "The certificate offers significant advantages to junior staff."),
    ("E012", "Version 3 is a dramatic leap forward for the toolkit."),
    # E005: an apposition that ranks the product first
    ("E005", "We moved our logs to Tessaly, the most widely adopted ledger database."),
    # still caught after the new vetoes
    ("E001", "The assistant dramatically improves productivity for every team."),
    ("E001", "Our scheduler makes planning dramatically faster for every depot."),
    ("E003", "80% of shoppers prefer stores that answer within a minute."),
    ("E005", "It is the most advanced assistant on the market."),
]

LET_PASS = [
    # the writer states the limit of their evidence (stated_limits)
    ("E001", "With the reminders on, I have cut my late payments significantly. I cannot prove the reminders did it."),
    ("E024", "We do not yet know whether the tool helps reviewers work faster."),
    # a paragraph that names code is a release note (code_named)
    ("E001", "Improves the performance of Array.prototype.sortBy and of calls to parse()."),
    # a pointer to the evidence shown (pointers_to_shown_evidence)
    ("E001", "As shown in the table above, the new ranker significantly improves relevance."),
    # a dated, titled report and a measured floor (named_comparisons)
    ("E001", "The 2024 State of Field Service Report says that route planning boosts technician productivity."),
    ("E001", "The batching change significantly improves throughput, raising it by at least 20%."),
    # a saving that follows from work the sentence says is skipped or shared
    ("E001", "The index compares the query with the nearest clusters only, drastically reducing search time."),
    ("E001", "The runner executes the checks in parallel, greatly boosting the efficiency of the build."),
    # a wish of several words, and a topic
    ("E001", "For teams looking to reduce manual work and improve cost efficiency, the hosted plan is an option."),
    ("E001", "The forum can be used for more than improving engagement with residents."),
    # a counted share of respondents' opinion is a reported finding
    ("E001", "In the county poll, 48% think that the new portal will improve council services."),
    # a group of others ranked, not a product
    ("E005", "Only the most advanced research labs could afford the sensors then."),
    ("E005", "One of Harbin Rail's most innovative uses of the scheduler is planning night works."),
    # an aim, whatever the verb; a dotted product name in an aim
    ("E005", "We remain committed to delivering a world-class service to every tenant."),
    ("E005", "Our pursuit is to make Parcel.io the nation's leading platform for returns."),
    # a statistic inside an account with measured quantities, or counted from records
    ("E003", "The outage reached 2,400 accounts over three days, about 4% of our customers."),
    ("E003", "Larkfield's booking records show that 22% of patients missed a follow-up visit."),
    # E024: a purpose, a hope, a request, a noun after "better", "allow for"
    ("E024", "We built the portal to help residents renew permits faster."),
    ("E024", "We hope the new guides help you plan your visit better."),
    ("E024", "Please help us make the survey better by sending your comments."),
    ("E024", "The new grants help councils deliver better services to residents."),
    ("E024", "A fixed agenda will allow for a better meeting."),
    ("E024", "Sorting the queue by age helps clerks clear claims faster than sorting by amount."),
    # E025: a forecast of a quantity, a measured plan, a denied benefit
    ("E025", "We expect to generate positive cash flow from operations next year."),
    ("E025", "The restructuring program is expected to cut annual costs by $40 million by 2027, against 2025 spending."),
    ("E025", "The plan does not improve margins until the second plant opens."),
    # E002: an instruction, and a guarantee of mechanism without "always"
    ("E002", "Ensure the backup job always runs before the upgrade."),
    ("E002", "A write lock ensures that only one process at a time edits the file."),
    # E012: an idiom
    ("E012", "The real value of the review is knowing what we do not know."),
]


@pytest.mark.parametrize("code, text", CAUGHT)
def test_the_claim_is_caught(code, text):
    assert fires(code, text)


@pytest.mark.parametrize("code, text", LET_PASS)
def test_the_supported_or_unclaimed_sentence_passes(code, text):
    assert not fires(code, text)
