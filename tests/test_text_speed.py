"""The fast paths of readability, syllables, logic and sentence splitting give exactly the old results.

Each fast path is compared with the plain computation it replaces on thousands of
generated sentences (and, when present on this machine, on the benchmark corpus),
and every per-process cache is checked to be bounded.  No timing here.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from spinlint import readability, syllables

BENCH_CORPUS = Path("/tmp/spinlint-bench/corpus/archive/shard-000")

# Words chosen to exercise every branch: passives, nominalisations, abstract slogans, numbers,
# names, contractions, odd casing, curly quotes, and the characters whose case folds are unusual.
_VOCABULARY = """
the a an our we they it this that of for in to on by with across through within into and or but
was were is are be been being get got gotten has have had will would may might could if unless not no
made taken given done seen held paid built cut kept left lost shown told sold found chosen driven
impacted affected eliminated reduced terminated exposed deleted accessed missed delayed cancelled
closed laid off let go mistakes errors roles jobs employees staff data records targets deadlines
decision decisions choice it decided determined agreed concluded deemed necessary arrived come
optimisation optimization alignment capabilities enablement transformation realisation
organisation organization implementation governance management effectiveness performance
commitment vision values innovation growth excellence purpose opportunity future sustainability
meaningful responsible inclusive strategy holistic empower potential progress impact success
trust passion journey possibility stakeholders collaboration synergy agility resilience leadership
mission ambition shared together nation station question city government department business
university community evidence science conference residence insurance balance position section
need indeed speed seed hundred unfortunately regrettably significantly quickly directly recently
Acme Maria London KPI AI API NASA Q3 2024 40% $12m 3.5 don't won't it's we're they've I'll
McDonald's O'Neil co-founder state-of-the-art e-mail re-org AI-first end-to-end x y z
Mr. Dr. Inc. U.S. e.g. i.e. etc. vs. No. St. Jan. approx. p.m. a.m.
“quoted” ‘single’ — – … ® € é ö İstanbul ıdea ſynergy Kelvin\u212a MADE WAS Were BEEN Decided
hyperscaler upskilling agentic synergistically deltax pollable writebacks garbagecollected
""".split()
_PUNCTUATION = [".", ",", ";", ":", "!", "?", "", "", "", "", "", "", " -", " (", ")", '"', "'", "’", "”"]


def generated_sentences(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    sentences = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 40)):
            word = rng.choice(_VOCABULARY)
            roll = rng.random()
            if roll < 0.1:
                word = word.capitalize()
            elif roll < 0.13:
                word = word.upper()
            words.append(word + rng.choice(_PUNCTUATION))
        separator = rng.choice([" ", " ", " ", "  ", "\n", " \u00a0"])
        sentences.append(separator.join(words).strip())
    return sentences


def corpus_texts(limit: int) -> list[str]:
    if not BENCH_CORPUS.is_dir():
        pytest.skip("benchmark corpus not built on this machine")
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(BENCH_CORPUS.glob("*.txt"))[:limit]]


# -- readability -----------------------------------------------------------------------------------


def test_lowered_patterns_rely_only_on_the_listed_case_folds():
    # Outside _FOLDS_TO_ASCII, lower() keeps length, word-ness and space-ness, and no character
    # matches an ASCII letter or digit under IGNORECASE unless lower() makes it that letter.
    ascii_word = re.compile(r"[a-z0-9_]", re.IGNORECASE)
    word, space = re.compile(r"\w"), re.compile(r"\s")
    unusual = set()
    for code in range(128, 0x110000):
        char = chr(code)
        lower = char.lower()
        if (len(lower) != 1 or lower.isascii() or ascii_word.fullmatch(char)
                or bool(word.match(char)) != bool(word.match(lower))
                or bool(space.match(char)) != bool(space.match(lower))):
            unusual.add(char)
    assert unusual <= readability._FOLDS_TO_ASCII


def test_passive_lookahead_letters_cover_every_form_of_be_and_get():
    forms = re.search(r"\(\?:([a-z|]+)\)", readability._PASSIVE.pattern).group(1).split("|")
    assert {form[0] for form in forms} <= set("abgiw")


def test_sentence_stats_equal_the_reference_on_generated_sentences():
    sentences = generated_sentences(4000)
    sentences += ["", " ", "Roles were impacted.", "İt WAS ſeen by Kelvin\u212a.", "MISTAKES WERE MADE"]
    for sentence in sentences:
        assert readability.sentence_stats(sentence) == readability.reference_sentence_stats(sentence), sentence
        assert readability.passive_spans(sentence) == _reference_passive_spans(sentence), sentence
        assert readability.nominalisations(sentence) == _reference_nominalisations(sentence), sentence


def test_sentence_stats_equal_the_reference_on_the_benchmark_corpus():
    for text in corpus_texts(150):
        for paragraph in text.split("\n\n"):
            assert readability.sentence_stats(paragraph) == readability.reference_sentence_stats(paragraph)


def _reference_passive_spans(text: str) -> list[tuple[int, int, bool]]:
    return [(match.start(), match.end(1), match.group(2) is not None) for match in readability._PASSIVE.finditer(text)
            if match.group(1).lower() not in readability._NOT_PARTICIPLES]


def _reference_nominalisations(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in readability._NOMINALISATION.finditer(text)
            if match.group().lower() not in readability._NOT_NOMINALISATIONS]


def test_readability_caches_are_bounded():
    for cached in (readability._sentence_stats, readability._word_counts, syllables.syllables):
        assert cached.cache_info().maxsize is not None and cached.cache_info().maxsize <= 65536


# -- syllables -------------------------------------------------------------------------------------


def test_prefix_walk_finds_the_same_hyphenation_points_as_the_full_search():
    rng = random.Random(5)
    words = rng.sample(sorted(syllables._build_table()), 3000)
    words += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz'-") for _ in range(rng.randint(1, 24)))
              for _ in range(3000)]
    words += ["", "a", "ab", "hyperscaler", "garbagecollected", "handlelidswitchexternalpower"]
    lines, longest = syllables._hyphen_lines()
    prefixes = syllables._pattern_prefixes()
    for word in words:
        full = syllables._points(word, lines, longest, missing=None)
        assert syllables._points(word, prefixes, longest, missing=syllables._ABSENT) == full, word
