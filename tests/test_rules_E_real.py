"""The E rules' cases learnt from real text: each pair is a claim the rule keeps and the near miss it now lets pass
(a purpose, a hedge, a named comparison, a stated mechanism or trade-off, a term of art, an aim). The sentences are
written for these tests."""

from __future__ import annotations

import pytest

import spinlint
from spinlint.config import Settings


def fires(code: str, text: str) -> bool:
    report = spinlint.analyze(text, filename="example.txt", config=Settings(select=(code,)))
    return any(finding.code == code for finding in report.files[0].findings)


KEPT = [
    ("E001", "The new planner dramatically improves query performance."),
    ("E001", "Not only does the cache make pages dramatically faster, it also costs less."),
    ("E001", "The new tool saves teams time."),
    ("E005", "Orrin, the leading open-source search engine, ships today."),
    ("E005", "Kestrel has become the go-to platform for small logistics firms."),
    ("E005", "The release brings unmatched flexibility to every team."),
    ("E012", "The rollout delivered significant savings."),
    ("E017", "The plug-in integrates seamlessly with your existing tools."),
    ("E019", "Pairing the teams with the new planner drives real business value."),
    ("E019", "Sorrel helps support staff work more quickly and efficiently."),
    ("E020", "With version 3, Tamsin set a new benchmark for small-office routers."),
    ("E020", "Brackwater, the industry's fastest build cache, is now open source."),
    ("E021", "Secure supply chains have never been so urgent."),
]

LET_PASS = [
    # a purpose or a topic, not a result
    ("E001", "Writes are queued on a background thread to save time on the request path."),
    ("E001", "Profilers are the usual tools for finding and improving slow queries."),
    ("E001", "Our goal this year is to rebuild the search page and improve user satisfaction."),
    # a hedged possibility or a denial
    ("E001", "A shared pool could reduce this friction, but nobody has tried it."),
    ("E001", "We can't promise it will save money."),
    # a named comparison, a mechanism, a trade-off, a named research programme
    ("E001", "The sparse index significantly reduces the memory footprint compared to an in-memory graph."),
    ("E001", "Batching the requests significantly improves throughput by avoiding a lock per request."),
    ("E001", "A second pass improves accuracy further, but with increased storage costs."),
    ("E001", "In 2024, Harlow Institute researchers found that shorter rotas improved job satisfaction."),
    # "save time for" sets time aside
    ("E001", "Save time for questions at the end of the session."),
    # terms of art and literal words, third-party rankings in ordinary English, aims
    ("E005", "The paper compares three state-of-the-art parsers on one treebank."),
    ("E005", "Unmatched brackets in the template stop the build."),
    ("E005", "One of the leading causes of failed uploads is an expired token."),
    ("E005", "The first solution we tried was a nightly job, and it was too slow."),
    ("E005", "Our mission is to be a world-class service for the people who file with us."),
    # a survey the paragraph names
    ("E003", "The 2025 Tallis developer report notes that 30% of developers distrust generated code."),
    # a magnitude under a modal or a hope
    ("E012", "A faster parser might offer significant gains for large projects."),
    ("E012", "We are hoping to land major improvements to the resolver this year."),
    # seamlessness missing, or advice
    ("E017", "There are still no tools that seamlessly connect the two archives."),
    ("E017", "Use the bundled exporter for seamless integration with the metrics server."),
    # an outcome with its measure, or an ease with a dummy object (a how-to)
    ("E019", "Sorrel helps support staff work faster and better: median reply time fell from 9 to 6 hours in a 2025 trial."),
    ("E019", "Built-in reminders make it much easier to collect every form."),
    # a rank with its ranking, or an aim
    ("E020", "Brackwater is the industry's fastest build cache in the 2025 CacheBench ranking of 9 tools."),
    ("E020", "We want to be the world's most trusted build cache."),
    # a future left open, a change denied
    ("E021", "The future of the depot is up to the council."),
    ("E021", "The patch will not radically change the storage format."),
]


@pytest.mark.parametrize("code, text", KEPT)
def test_claim_still_fires(code, text):
    assert fires(code, text), f"{code} should fire on: {text!r}"


@pytest.mark.parametrize("code, text", LET_PASS)
def test_near_miss_passes(code, text):
    assert not fires(code, text), f"{code} should not fire on: {text!r}"
