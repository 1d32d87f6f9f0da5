"""Round 6 of the evidence rules: each claim a rule must still catch, and the supported or reported near miss it now
lets pass (a stated bound, a named research programme, a list that carries the finding, a change log, a change
record, an adoption count, an epoch reported as someone's thesis). The sentences are written for these tests."""

from __future__ import annotations

import pytest

import spinlint
from spinlint.config import Settings


def fires(code: str, text: str) -> bool:
    report = spinlint.analyze(text, filename="example.txt", config=Settings(select=(code,)))
    return any(finding.code == code for finding in report.files[0].findings)


KEPT = [
    ("E002", "Our coaching method is proven to lift sales."),
    ("E002", "The plan is guaranteed to cut your energy bill."),
    ("E007", "Our research shows that remote teams ship more."),
    ("E007", "New research shows that copilots make juniors happier."),
    ("E007", "When research shows that copilots make juniors happier, managers listen."),
    ("E011", "Analysts are now 5x more productive."),
    ("E011", "Our new ranker makes search 10x smarter."),
    ("E011", "Compaction brings a 4x storage saving."),
    ("E006", "The gateway reduces memory usage by 35%."),
    ("E012", "The migration delivered significant savings."),
    ("E012", "Teams report substantial gains from the new console."),
    ("E013", "Trusted by thousands of leading brands."),
    ("E014", "Agentic search is a paradigm shift for every library."),
    ("E014", "Pocket scanners are a game-changer for small warehouses."),
    ("E021", "Drones are reshaping the farming industry."),
    ("E021", "Generative tools are revolutionising the publishing world."),
    ("E021", "Wearable sensors usher in the next wave of digital care."),
    ("E021", "Paying by palm will become the norm."),
    # a capability with no bound
    ("E023", "Kestrel Queue handles events at web scale."),
    ("E023", "The exporter ships traces with negligible overhead."),
    # three benefits stacked in one paragraph, none measured
    ("E022", "The new rota app improves staff engagement, makes shift swaps easier and cuts down on paperwork."),
    ("E022", "Brindle is a powerful way to plan routes. It streamlines depot operations and helps drivers work smarter."),
]

LET_PASS = [
    # a guarantee that states its bound, and "proven to be" read as "turned out to be"
    ("E002", "Each estimate is guaranteed to be within 2% of the exact count."),
    ("E002", "Cleaning the old records has proven to be a slow job."),
    ("E002", "The trial run might have proven to be a rehearsal for a bigger attack."),
    # research named by its programme or publisher, or sourced elsewhere in the paragraph
    ("E007", "The Marlow research shows that small teams recover from outages faster."),
    ("E007", "MCRG research shows that small teams recover from outages faster."),
    ("E007", "The numbers show that short projects fail less, according to the Brenn Institute's annual review."),
    ("E007", "In our poll, the Tarrow team found that staff who felt informed trusted the tool more. "
             "Our data suggest that clear rules help."),
    # a finding or a gain that introduces the list carrying it
    ("E007", "Our research reveals two patterns in how teams adopt the tool:"),
    ("E012", "We made significant improvements with the following changes:"),
    # a change log: what was improved, not how much was gained
    ("E012", "The update brings major improvements to the spam filter."),
    # the change record or the workload a speed-up was measured on
    ("E011", "After acme/indexer#4411, profiles load 10x faster for a deployment with many variants."),
    ("E011", "Harlan's caching paper claimed a 6x speedup on cold reads, which others could not reproduce."),
    ("E006", "In tests on a single small node, the new join cut latency by 64%."),
    # an adoption counted next to the endorsement
    ("E013", "The registry serves 120,000 packages trusted by millions of developers."),
    # an epoch reported as someone's thesis
    ("E014", "Kuhn argued that science moves by a paradigm shift rather than by steady steps."),
    ("E014", "Ferro 2.0 is the idea that software will see a paradigm shift as models write more code."),
    # a change to a thing, a default with its release
    ("E021", "The filter transforms the raw log into a table."),
    ("E021", "Dark mode will become the default in the May release."),
    ("E021", "Could paying by palm become the norm?"),
    ("E021", "Are cheap sensors really reshaping the farming landscape?"),
    # two benefits are not a stack; a number, a source, a comparison or a price measures or bounds them
    ("E022", "The new rota app improves staff engagement and makes shift swaps easier."),
    ("E022", "The rota app improves engagement, makes swaps easier and cuts paperwork: swaps took 2 days, now 1."),
    ("E022", "According to the ward survey, the rota app improves engagement, makes swaps easier and cuts paperwork."),
    ("E022", "The rota app makes swaps easier than the paper sheet, improves engagement and cuts down on paperwork."),
    ("E022", "The rota app improves engagement, makes swaps easier and cuts paperwork, in exchange for a monthly fee."),
    # a bound stated, denied, hedged or weighed against an alternative
    ("E023", "Kestrel Queue handled 2 million events a minute at web scale in our March load test."),
    ("E023", "Kestrel Queue is not yet ready to run at enterprise scale."),
    ("E023", "Tracing every call might add negligible overhead, but we have not checked."),
    # planned, hedged or asked, not asserted
    ("E022", "We aim to improve engagement, to make swaps easier and to cut down on paperwork."),
    ("E022", "The rota app could improve engagement, might make swaps easier and may cut down on paperwork."),
    ("E022", "Will the rota app improve engagement, make swaps easier and cut down on paperwork?"),
]


def test_stacked_benefits_are_counted_once_each() -> None:
    from spinlint.rules.logic.evidence import stacked_unmeasured_benefits

    text = "The app makes swaps faster, improves staff engagement and cuts down on paperwork."
    (start, end, extras), = stacked_unmeasured_benefits(text, {"min_claims": 3})
    assert text[start:end] == "makes swaps faster"
    assert extras == {"count": 3}


@pytest.mark.parametrize(("code", "text"), KEPT)
def test_rule_still_catches(code: str, text: str) -> None:
    assert fires(code, text)


@pytest.mark.parametrize(("code", "text"), LET_PASS)
def test_rule_lets_supported_or_reported_claim_pass(code: str, text: str) -> None:
    assert not fires(code, text)
