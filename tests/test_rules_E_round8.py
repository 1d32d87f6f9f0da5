"""Round 8 of the evidence rules: generalisation. E026 catches the structure of a sweeping claim of change left
unshown (a thing transforming a whole domain, a potential or promise said to be held, a step forward claimed, a way
said to be paved); E020 widens its record claim to a bar said to be raised, whatever the wording. Each structure is checked on varied paraphrases
(verb, tense, voice, word order, register, hedge) and on near misses that are not the move: the change measured, a
purpose, a possibility, a denial, the writer's own plan, a topic, the same words in a plain sense. The sentences are
written for these tests."""

from __future__ import annotations

import pytest

import spinlint
from spinlint.config import Settings


def fires(code: str, text: str) -> bool:
    report = spinlint.analyze(text, filename="example.txt", config=Settings(select=(code,)))
    return any(finding.code == code for finding in report.files[0].findings)


CAUGHT = [
    # a thing transforming a whole domain or way of working
    "Machine learning is transforming the home search process.",
    "Open data has been quietly reshaping how agencies work with each other.",
    "Cloud platforms are fundamentally redefining the way hospitals deliver care.",
    "Generative tools were already revolutionising customer service long before the launch.",
    "Honestly, the new app is now changing the way our residents report problems.",
    "Low-code builders have been reinventing internal workflows across the sector.",
    "The assistant transforms how small firms handle their paperwork.",
    # a potential or a promise claimed as held
    "Shared ledgers hold vast potential to transform public services.",
    "The technique holds a lot of promise for scaling the barriers between teams.",
    "Edge inference offers enormous potential for rural clinics.",
    "This early work is already showing tremendous promise.",
    "Digital twins have huge potential in water management.",
    "With its open design, the toolkit has real potential across every department.",
    # a step forward claimed
    "For clinics, the booking assistant represents a major step forward.",
    "Version 5 is a significant leap forward in retrieval quality.",
    "Many users will see the redesign as a big step forward.",
    "It marks an important step forward for open government.",
    "The release is, in short, a giant leap forward.",
    # a way said to be paved
    "Version 4 lays the groundwork for a new kind of machine-to-machine collaboration.",
    "The protocol paves the way for more intelligent, autonomous applications.",
    "This release laid the foundation for the next generation of data tools.",
    "Together, the partners are paving the way for a better patient experience.",
    "The standard lays the foundation for truly open services.",
]

LET_PASS = [
    # the change measured in the paragraph
    "Since the booking assistant went live in March, phone bookings fell from 900 to 400 a week.",
    "The new model is transforming how we rank results: recall rose from 61% to 74% across 12,000 queries.",
    "In the 2025 pilot, the ledger cut title transfers from 40 to 12 days; it holds great promise for other registries.",
    "The release is a major step forward: p95 latency fell from 90 ms to 35 ms on the same hardware.",
    # a purpose, a possibility, a condition, a denial
    "The pilot aims to transform how residents report potholes.",
    "Shared ledgers could hold promise for land registries, but no agency has tested one yet.",
    "If the trial succeeds, it may pave the way for a new kind of service.",
    "The tool is not transforming the way teams work, at least not yet.",
    # the writer's own programme, and a topic to read about
    "We are reshaping our organisation around three regional hubs.",
    "Read on to learn how open APIs are transforming government.",
    "In this post, explore how cities are reimagining their bus networks.",
    # the same words in a plain, measured or literal sense
    "The crew laid the foundation for the new depot in May.",
    "Each step forward in the tutorial adds one field to the form.",
    "The service holds the potential customers' details for 30 days.",
    "Transforming the CSV file into JSON takes one command.",
    "The update is changing the way the date field is stored.",
    "We are changing the way we report outages.",
]


@pytest.mark.parametrize("text", CAUGHT)
def test_sweeping_change_left_unshown_is_caught(text):
    assert fires("E026", text), text


@pytest.mark.parametrize("text", LET_PASS)
def test_near_misses_pass(text):
    assert not fires("E026", text), text


# E027: a comparison with a whole field of alternatives nobody names
CAUGHT_E027 = [
    "The operator recovers from failures faster than any human operator could.",
    "The model balances accuracy and speed better than most of its peers.",
    "Our ledger is simply cheaper to run than every other option on the market.",
    "Honestly, the new planner is more flexible than traditional scheduling tools.",
    "Built on Rust, it was far more reliable than the competition from day one.",
    "The portal makes renewals easier than any other council service.",
    "Teams with a healthy culture outperform the competition.",
    "In every region, the agents outperformed their rivals.",
    "The hybrid ranker beats traditional keyword search.",
    "Tessaly surpasses legacy ledgers in every respect.",
    "No other product can give you this kind of historical analysis.",
    "When it comes to flexibility, nothing else comes close.",
    "No competing vendor offers this level of control.",
]

LET_PASS_E027 = [
    # the alternative named, or the difference measured
    "The model is more accurate than BERT-base on all five of the tasks we tested.",
    "On the same 32-core host, the operator restored service in 40 seconds; our on-call engineers took 11 minutes.",
    "It was faster than any other index we tried: 12 ms at p95 against 30 ms for the next best, on 1M vectors.",
    "The hybrid ranker beats BM25 on nine of the twelve datasets in the table below.",
    # a possibility, a condition, a denial
    "The new index may be faster than most alternatives, but we have not benchmarked it.",
    "If it is cheaper than competing tools, we will switch next year.",
    "The new planner is not better than any other tool we tried.",
    # the same words in another sense
    "The delay reflected late supplier data rather than any problem with the planner.",
    "Rainfall this spring was higher than any other spring since 1990.",
    "Please submit the form no later than Friday.",
    # a comparison of quantity, counted rather than judged
    "The club has won more championships than any other team in the league.",
    "Other teams can reuse the component.",
]


@pytest.mark.parametrize("text", CAUGHT_E027)
def test_comparison_with_unnamed_field_is_caught(text):
    assert fires("E027", text), text


@pytest.mark.parametrize("text", LET_PASS_E027)
def test_comparison_near_misses_pass(text):
    assert not fires("E027", text), text


# E003: a share of a whole market, population or industry stated as a fact, with no source
CAUGHT_E003 = [
    "The platform already commands over 70% of the market.",
    "Only 0.1% of the world's population can write code today.",
    "Roughly 40 percent of the global workforce will need retraining.",
    "Open-source databases now account for 35% of the industry, and the share keeps growing.",
    "Fewer than 5 per cent of the internet is accessible to screen readers.",
    "Honestly, 60–70% of the economy runs on spreadsheets.",
]

LET_PASS_E003 = [
    # the share sourced, dated or counted
    "According to the 2024 Ofcom Technology Tracker, 12% of the UK population had no home internet.",
    "In our 2025 survey of 1,200 retailers, 35% of the industry said they planned to switch.",
    # a coverage figure, and a share of a quantity rather than of a population
    "We said we would cover 90% of the population with 5G by the end of 2022, and we reached 78%.",
    "The new network reaches 80% of the population in the region.",
    "The firm said automation would free up 30% of workforce capacity.",
    # the same words with no share of a population
    "The market opened 2% higher on Monday.",
    "Half of the world's ports are in Asia.",
]


@pytest.mark.parametrize("text", CAUGHT_E003)
def test_unsourced_share_of_a_population_is_caught(text):
    assert fires("E003", text), text


@pytest.mark.parametrize("text", LET_PASS_E003)
def test_share_near_misses_pass(text):
    assert not fires("E003", text), text


# E020: a bar said to be set or raised
CAUGHT_E020 = [
    "The new retrieval model sets a new high bar for zero-shot search.",
    "With this launch, the team is raising the bar for accessible public websites.",
    "Their hybrid index set a new standard in efficient search.",
    "The handbook raises the standard for how councils publish data.",
    "By pairing the two models, the system has set a new benchmark for multilingual search.",
    "Once again, Tessaly raised the bar on developer experience.",
]

LET_PASS_E020 = [
    "The index set a new standard for the benchmark, answering 1.4 times the queries of the previous leader.",
    "Our goal is to set a new standard for accessible forms.",
    "We are raising the bar for code review on every team.",
    "The form sets a default for the date field.",
    "Set the bar height to 40 pixels in the chart options.",
    "The council raised the standard rate of council tax by 3%.",
]


@pytest.mark.parametrize("text", CAUGHT_E020)
def test_bar_said_to_be_raised_is_caught(text):
    assert fires("E020", text), text


@pytest.mark.parametrize("text", LET_PASS_E020)
def test_bar_near_misses_pass(text):
    assert not fires("E020", text), text
