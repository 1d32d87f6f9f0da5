"""The model's TermIndex answers exactly as a dict of its terms would, hash collisions included."""

from __future__ import annotations

import random

import numpy as np
import pytest

from spinlint.model import runtime, terms
from spinlint.model.terms import TermIndex

TERMS = ["leverage", "synergy", "leverage synergy", "caf\u00e9", "\u20ac5", "a", "", "z z", "q", "we'll"]
STRANGERS = ["Leverage", "syn", "leverage  synergy", "cafe", "5", "b", "zz", "\u00e9", "we\u2019ll", "x" * 40]


def dict_of(term_list: list[str]) -> dict[str, int]:
    return {term: column for column, term in enumerate(term_list)}


def check_against_dict(index: TermIndex, term_list: list[str], probes: list[str]) -> None:
    expected = dict_of(term_list)
    assert len(index) == len(term_list)
    assert index.columns(probes).tolist() == [expected.get(probe, -1) for probe in probes]
    assert [index.get(probe) for probe in probes] == [expected.get(probe, -1) for probe in probes]
    assert [index.term(column) for column in range(len(term_list))] == term_list


def test_small_vocabulary_matches_a_dict():
    probes = TERMS + STRANGERS
    random.Random(3).shuffle(probes)
    check_against_dict(TermIndex("\n".join(TERMS)), TERMS, probes)


def test_empty_vocabulary_finds_nothing():
    index = TermIndex("")
    assert len(index) == 0
    assert index.columns(["a", "b"]).tolist() == [-1, -1]
    assert index.get("a") == -1
    assert index.columns([]).tolist() == []


def test_colliding_hashes_never_give_a_wrong_column(monkeypatch):
    # Every string of the same length shares a key: each look-up has to compare the texts.
    monkeypatch.setattr(terms, "keys_of", lambda encoded: np.array([len(term) for term in encoded], dtype=np.int64))
    probes = TERMS + STRANGERS + ["abc", "zzzzzzzz"]
    check_against_dict(TermIndex("\n".join(TERMS)), TERMS, probes)


@pytest.mark.skipif(not runtime.default_path().is_file(), reason="no shipped model in models/")
def test_shipped_vocabularies_match_a_dict():
    with np.load(runtime.default_path()) as arrays:
        for name in ("word", "char", "meaning"):
            text = bytes(arrays[f"{name}_terms"]).decode("utf-8")
            if not text and name == "char":
                continue  # the shipped model has no character n-gram block (docs/scoring.md)
            term_list = text.split("\n")
            rng = random.Random(len(term_list))
            probes = rng.sample(term_list, 3000) + [term[::-1] for term in rng.sample(term_list, 3000)]
            probes += [term + "s" for term in rng.sample(term_list, 1000)]
            check_against_dict(TermIndex("\n".join(term_list)), term_list, probes)
            # the keys and order the artefact stores, read as loading reads them
            check_against_dict(TermIndex.read(arrays, f"{name}_terms"), term_list, probes)


def test_stored_arrays_give_the_same_answers():
    stored = TermIndex("\n".join(TERMS)).arrays("terms")
    assert set(stored) == {"terms", "terms_keys", "terms_order"}
    probes = TERMS + STRANGERS
    check_against_dict(TermIndex.read(stored, "terms"), TERMS, probes)
    # an artefact written before the keys were stored is indexed at load
    check_against_dict(TermIndex.read({"terms": stored["terms"]}, "terms"), TERMS, probes)


def test_keys_that_do_not_match_the_terms_are_refused():
    stored = TermIndex("\n".join(TERMS)).arrays("terms")
    with pytest.raises(ValueError):
        TermIndex.from_arrays(stored["terms"], stored["terms_keys"][:-1], stored["terms_order"][:-1])
    with pytest.raises(ValueError):
        TermIndex.from_arrays(stored["terms"], stored["terms_keys"][::-1], stored["terms_order"])


def test_a_lone_surrogate_is_looked_up_not_raised():
    index = TermIndex("\n".join(TERMS))
    assert index.columns(["\udcff", "leverage", "a\nb"]).tolist() == [-1, 0, -1]

