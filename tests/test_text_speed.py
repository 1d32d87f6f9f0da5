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

from spinlint.text import readability, syllables

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
'tis rock'n'roll ''s 've' 'll. '.t x'-t o'clock y'all 're' 'd' 'S
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


def test_passive_lookahead_letters_cover_every_form_of_be_and_get():
    forms = re.search(r"\(\?:([a-z|]+)\)", readability._PASSIVE).group(1).split("|")
    assert {form[0] for form in forms} <= set("abgiw")


def test_sentence_stats_equal_the_reference_on_generated_sentences():
    sentences = generated_sentences(4000)
    sentences += ["", " ", "Roles were impacted.", "İt WAS ſeen by Kelvin\u212a.", "MISTAKES WERE MADE"]
    for sentence in sentences:
        assert readability.words(sentence) == _reference_words(sentence), sentence
        assert readability.sentence_stats(sentence) == reference_sentence_stats(sentence), sentence
        assert readability.passive_spans(sentence) == _reference_passive_spans(sentence), sentence
        assert readability.nominalisations(sentence) == _reference_nominalisations(sentence), sentence


def test_sentence_stats_equal_the_reference_on_the_benchmark_corpus():
    for text in corpus_texts(150):
        for paragraph in text.split("\n\n"):
            assert readability.sentence_stats(paragraph) == reference_sentence_stats(paragraph)


def reference_sentence_stats(text: str) -> readability.SentenceStats:
    """The plain per-word computation (as before the fast path) ``sentence_stats`` must always equal."""
    easy = syllables.easy_words()
    total = polysyllables = hard = 0
    tokens = _reference_words(text)
    for word in tokens:
        lower = word.lower()
        count = syllables.syllables(lower)
        total += count
        if count >= 3:
            polysyllables += 1
            if lower not in easy:
                hard += 1
    return readability.SentenceStats(words=len(tokens), syllables=total, polysyllables=polysyllables,
                                     hard_words=hard, passive=len(_reference_passive_spans(text)),
                                     nominalisations=len(_reference_nominalisations(text)))


def _reference_words(text: str) -> list[str]:
    without_apostrophes = re.sub(readability._NON_CONTRACTION_APOSTROPHE, "", text)
    return re.sub(readability._PUNCTUATION, "", without_apostrophes).split()


def _reference_passive_spans(text: str) -> list[tuple[int, int, bool]]:
    pattern = re.compile(readability._PASSIVE, re.IGNORECASE)
    return [(match.start(), match.end(1), match.group(2) is not None) for match in pattern.finditer(text)
            if match.group(1).lower() not in readability._NOT_PARTICIPLES]


def _reference_nominalisations(text: str) -> list[tuple[int, int]]:
    pattern = re.compile(readability._NOMINALISATION, re.IGNORECASE)
    return [(match.start(), match.end()) for match in pattern.finditer(text)
            if match.group().lower() not in readability._NOT_NOMINALISATIONS]


def test_readability_caches_are_bounded_in_entries_and_length():
    for cached in (readability.sentence_stats, readability._word_counts, syllables.syllables):
        assert cached.cache_info().maxsize is not None and cached.cache_info().maxsize <= 65536
    long_word = "x" * (syllables.CACHED_WORD_CHARS + 1)
    long_sentence = " ".join(["word"] * 400)
    before = [cached.cache_info().currsize for cached in (syllables.syllables, readability._word_counts,
                                                           readability.sentence_stats)]
    assert readability.sentence_stats(long_word + " " + long_sentence) == reference_sentence_stats(
        long_word + " " + long_sentence)
    after = [cached.cache_info().currsize for cached in (syllables.syllables, readability._word_counts,
                                                          readability.sentence_stats)]
    assert after[0] <= before[0] + 1 and after[1] <= before[1] + 1 and after[2] == before[2]  # only "word" is new


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


# -- logic -----------------------------------------------------------------------------------------
# The functions as they were before their fast paths, kept here as the reference.


def _reference_stacked_nominalisations(text, options):
    from spinlint.rules.logic import vague as logic

    minimum = int(options.get("min_nominals", 3))
    words = list(logic._WORD.finditer(text))
    chain, gap = [], []

    def flush():
        if len(chain) >= minimum:
            yield chain[0].start(), chain[-1].end()

    for index, word in enumerate(words):
        lower = word.group(0).lower()
        between = text[chain[-1].end():word.start()] if chain else ""
        named = index > 0 and word.group(0)[:1].isupper()
        if logic.is_nominalisation(lower) and not named:
            joined = chain and not re.search(r"[.,;:!?()\"“”]", between) and (
                not gap or (len(gap) <= 3 and any(g in logic._PREPOSITIONS for g in gap)))
            if not joined:
                yield from flush()
                chain = []
            chain.append(word)
            gap = []
        elif chain and len(gap) < 3 and not re.search(r"[.,;:!?()\"“”]", between):
            gap.append(lower)
        else:
            yield from flush()
            chain, gap = [], []
    yield from flush()


def _reference_abstract_sentence(text, options):
    from spinlint.rules.logic import vague as logic
    from spinlint.text.concreteness import rating

    if re.search(r"\d", text):
        return
    words = list(logic._WORD.finditer(text))
    if any(word.group(0)[:1].isupper() and index > 0 and not word.group(0).isupper()
           for index, word in enumerate(words)):
        return
    rated = []
    for word in words:
        lower = word.group(0).lower().strip("'’-")
        if lower in logic._FUNCTION_WORDS or len(lower) < 3:
            continue
        value = logic._concreteness(lower, rating)
        if value is not None:
            rated.append(value)
    if len(rated) < int(options.get("min_content_words", 8)):
        return
    aspirations = sum(1 for word in words if logic._ASPIRATION.match(word.group(0)))
    if aspirations < int(options.get("min_aspiration_words", 2)):
        return
    mean = sum(rated) / len(rated)
    concrete = sum(1 for value in rated if value >= float(options.get("concrete_word_rating", 3.5)))
    if mean < float(options.get("max_mean_rating", 2.4)) and concrete <= int(options.get("max_concrete_words", 1)):
        start = len(text) - len(text.lstrip())
        yield start, len(text.rstrip())


def _reference_agentless_bad_news_passive(text, options):
    from spinlint.rules.logic import blame as logic
    from spinlint.rules.logic.blame_vetoes import account_given, owned_account

    if owned_account(text):
        return
    for found in re.compile(logic._PASSIVE, re.IGNORECASE).finditer(text):
        if account_given(logic._sentence_around(text, found.start(), found.end())):
            continue
        if logic._has_agent(text, found.end()):
            continue
        participle = found.group("participle")
        clause = logic._clause_start(text, found.start())
        if logic._NEGATION.search(text, clause, found.start()):
            continue
        if found.group(0).lower().startswith("would"):
            continue
        if logic._HYPOTHETICAL.search(text[max(0, found.start() - 30):found.start()]):
            continue
        if logic._NEGATED_VERB.search(text[max(0, found.start() - 12):found.start("participle")]):
            continue
        if logic._CONDITION_OPENS.search(text, max(0, found.start() - 70), found.start()) or \
                logic._GENERIC_BEFORE.search(text, max(0, found.start() - 30), found.start()):
            continue
        cause = logic._CAUSE_AFTER_PASSIVE.match(text[found.end():found.end() + 90])
        caused = cause is not None and not logic._PLACEHOLDER_CAUSE.match(text, found.end() + cause.end())
        if logic._ALWAYS.match(participle):
            if not caused:
                yield logic.skip_spaces(text, clause, found.start()), found.end()
            continue
        counted = logic._COUNT.search(text, clause, found.start()) is not None
        for group, (participles, subjects) in zip(logic._SUBJECT_GROUPS, logic._SUBJECTS):
            if not participles.match(participle):
                continue
            nearest = None
            for nearest in subjects.finditer(text, clause, found.start()):
                pass
            if not nearest:
                continue
            if group not in ("people", "roles") and (counted or logic._RELATIVE.search(text, nearest.end(), found.start())):
                break
            if group == "data" and caused:
                break
            yield nearest.start(), found.end()
            break


def _reference_agentless_decision(text, options):
    from spinlint.rules.logic import blame as logic
    from spinlint.rules.logic.blame_vetoes import account_given

    if account_given(text):
        return
    for found in re.compile(logic._DECISION, re.IGNORECASE).finditer(text):
        if logic._has_agent(text, found.end()):
            continue
        if logic._DECISION_FRAME.search(text, max(0, found.start() - 40), found.start()) or \
                logic._PLANNED.search(found.group(0)):
            continue
        outside = text[:found.start()] + " " + text[found.end():]
        if not (logic._HARD_QUALIFIER.search(text) or logic._HARD_DECISION.search(outside)):
            continue
        yield found.start(), found.end()


_REFERENCES = {
    "stacked_nominalisations": _reference_stacked_nominalisations,
    "abstract_sentence": _reference_abstract_sentence,
    "agentless_bad_news_passive": _reference_agentless_bad_news_passive,
    "agentless_decision": _reference_agentless_decision,
}
_OPTION_SETS = [{}, {"min_nominals": 2}, {"min_nominals": 1}, {"min_content_words": 3, "min_aspiration_words": 1},
                {"min_content_words": 5, "min_aspiration_words": 0, "max_mean_rating": 3.0, "max_concrete_words": 3}]

_SLOGAN_WORDS = """our we the of and to in with for a commitment vision values innovation growth excellence purpose
opportunity future sustainability potential progress impact success trust passion journey stakeholders
collaboration synergy resilience leadership mission ambition shared together responsible inclusive strategic
meaningful empowerment transformation alignment optimisation enablement realisation effectiveness capability
governance integrity belief idea concept freedom truth quality""".split()


def _slogans(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_SLOGAN_WORDS) for _ in range(rng.randint(6, 30))).capitalize()
            + rng.choice([".", "", "!"]) for _ in range(count)]


def _blame(count: int, seed: int = 4) -> list[str]:
    """Passive bad news and agentless decisions, with and without agents, negations and hedges."""
    rng = random.Random(seed)
    subjects = ["mistakes", "roles", "some jobs", "customer data", "records", "our targets", "the decision",
                "a difficult decision", "it", "the bus", "Payments", "Staff", "no data", "the office", "choices"]
    verbs = ["was", "were", "has been", "had been", "have been", "will be", "would be", "may be", "be", "been", "got",
             "get", "gets", "is being", "are being", "WERE", "Has Been"]
    adverbs = ["", "", "unfortunately ", "also ", "recently ", "temporarily "]
    participles = ["made", "taken", "impacted", "cut", "exposed", "lost", "missed", "delayed", "closed", "laid off",
                   "let go", "decided", "agreed", "reached", "arrived at", "breached", "reduced", "published"]
    tails = ["", " by the board", " by 20%", " by mistake", " by next week", " last year", ", and the plan changed",
             " by an outage", " when the review ended", " by our team"]
    lead = ["", "If ", "Unfortunately, ", "We regret that ", "When ", "Sadly "]
    return [rng.choice(lead) + " ".join([rng.choice(subjects), rng.choice(verbs), rng.choice(adverbs)
                                         + rng.choice(participles)]) + rng.choice(tails) + rng.choice([".", ";", ""])
            for _ in range(count)]


def _compare_logic(texts: list[str]) -> dict[str, int]:
    from spinlint.rules.logic import LOGIC

    fired = dict.fromkeys(_REFERENCES, 0)
    for name, reference in _REFERENCES.items():
        for options in _OPTION_SETS:
            for text in texts:
                expected = list(reference(text, options))
                assert list(LOGIC[name](text, options)) == expected, (name, options, text)
                fired[name] += bool(expected)
    return fired


def test_logic_functions_equal_the_reference_on_generated_sentences():
    texts = generated_sentences(3000, seed=23) + _slogans(1500) + _blame(1500)
    texts += ["Mistakes were made.", "MISTAKES WERE MADE.", "İt was decided that roles were cut.",
              "The decision was taken to close the plant.", "Data was ſtolen and roles were eliminated.",
              "The optimisation of the alignment of capabilities enablement matters."]
    # Words glued to punctuation, hyphens and apostrophes: the prefilters count inside such words too.
    glue = ["-", "’", "'", "x-", "-x", "’s", "'s", "_", "é", "1", "(", "“", "—"]
    rng = random.Random(31)
    texts += [" ".join(rng.choice(glue) * (rng.random() < 0.5) + rng.choice(_SLOGAN_WORDS)
                       + rng.choice(glue) * (rng.random() < 0.5) for _ in range(rng.randint(3, 25)))
              for _ in range(1500)]
    fired = _compare_logic(texts)
    assert all(count > 20 for count in fired.values()), fired  # every function's positive branch was exercised


def test_logic_functions_equal_the_reference_on_the_benchmark_corpus():
    sentences = [sentence for text in corpus_texts(120) for sentence in re.split(r"(?<=[.!?])\s+", text)]
    _compare_logic(sentences)


def test_logic_caches_are_bounded():
    from spinlint.rules.logic import vague as logic

    for cached in (logic._nominal_word, logic._word_rating, logic._is_aspiration):
        assert cached.cache_info().maxsize is not None and cached.cache_info().maxsize <= 65536
    before = logic._nominal_word.cache_info().currsize
    assert logic._nominal_word("optimisation" * 10) is True
    assert logic._nominal_word.cache_info().currsize == before  # long words are not kept


# -- sentence splitting ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fast_punkt():
    from spinlint.text import punkt

    fast = punkt._fast_punkt()
    if fast is None:
        pytest.skip("the installed nltk is not a version the fast splitter was checked against")
    return fast


def _nltk_tokenizer():
    from spinlint.text import punkt

    return punkt.tokenizer()  # nltk's own PunktSentenceTokenizer with the shipped parameters


def test_fast_splitter_uses_nltks_patterns(fast_punkt):
    import regex

    from spinlint.text import punkt

    nltk_punkt = punkt._punkt_module()
    variables = nltk_punkt.PunktLanguageVars()
    token = nltk_punkt.PunktToken
    pairs = [(fast_punkt.period_context, variables.period_context_re()),
             (fast_punkt.word_tokenizer, variables._word_tokenizer_re()),
             (fast_punkt.realignment, variables.re_boundary_realignment),
             (fast_punkt.ellipsis, token._RE_ELLIPSIS), (fast_punkt.numeric, token._RE_NUMERIC),
             (fast_punkt.initial, token._RE_INITIAL)]
    for ours, theirs in pairs:
        theirs = getattr(theirs, "_rx", theirs)  # nltk wraps its compiled patterns in a timeout guard
        # nltk joins {"?", "!"} in set order, which changes with the string hash seed.
        source = theirs.pattern.replace(r"!\?", r"\?!")
        if isinstance(ours, punkt._AsciiOnRe):  # \d or \w: nltk's own engine beyond ASCII
            assert ours.pattern == source and type(ours.engine_for("é")) is type(theirs)
            assert ours.engine_for("é").flags == theirs.flags and ours.on_ascii.flags == theirs.flags & ~regex.V0
        else:
            assert ours.pattern == punkt._on_re(source) and ours.flags == theirs.flags & ~regex.V0
            assert "\\d" not in source and "\\w" not in source.lower()
    for name in ("_ORTHO_UC", "_ORTHO_LC", "_ORTHO_MID_UC", "_ORTHO_BEG_LC"):
        assert getattr(punkt, name) == getattr(nltk_punkt, name)
    assert punkt._PUNCTUATION == nltk_punkt.PunktSentenceTokenizer.PUNCTUATION
    assert punkt._SENT_END_CHARS == variables.sent_end_chars


def _every_code_point() -> str:
    return "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))


def test_re_reads_the_rewritten_space_classes_as_regex_reads_backslash_s_on_every_code_point():
    import regex

    from spinlint.text import punkt

    text = _every_code_point()
    assert set(re.findall(punkt._REGEX_SPACE, text)) == set(regex.findall(r"\s", text))
    assert set(re.findall(punkt._REGEX_NON_SPACE, text)) == set(regex.findall(r"\S", text))
    assert set(re.findall(r"\s", text)) - set(regex.findall(r"\s", text)) == set("\x1c\x1d\x1e\x1f")


def test_re_and_regex_read_digits_and_word_characters_alike_on_ascii_only():
    import regex

    ascii_text = "".join(map(chr, range(128)))
    for pattern in (r"\d", r"\w", r"\W", r"[^\W\d]"):  # (\s differs even here: U+001C-U+001F)
        assert re.findall(pattern, ascii_text) == regex.findall(pattern, ascii_text), pattern
    # Beyond ASCII they part (a combining accent is \w to regex only), so those tokens go to regex.
    assert regex.match(r"[^\W\d]\.$", "\u0301.") and not re.match(r"[^\W\d]\.$", "\u0301.")


def test_nltks_patterns_on_re_match_as_on_regex_over_every_code_point(fast_punkt):
    import regex

    from spinlint.text import punkt

    characters = _every_code_point()
    rng = random.Random(5)
    pieces, at = [], 0
    while at < len(characters):  # every code point, between the punctuation and spaces Punkt looks for
        step = rng.randint(1, 12)
        pieces.append(characters[at:at + step] + rng.choice([". ", ".", "? ", " ", "\n", ".\x1c", '." ', "..", "-- "]))
        at += step
    text = "".join(pieces)
    for ours, source, flags in ((fast_punkt.period_context, punkt.PERIOD_CONTEXT, re.UNICODE | re.VERBOSE),
                                (fast_punkt.word_tokenizer, punkt.WORD_TOKENIZER, re.UNICODE | re.VERBOSE),
                                (fast_punkt.realignment, punkt.BOUNDARY_REALIGNMENT, re.MULTILINE),
                                (fast_punkt.ellipsis, punkt.ELLIPSIS, 0)):
        reference = regex.compile(source, flags)
        assert [(m.span(), m.groups()) for m in ours.finditer(text)] == \
            [(m.span(), m.groups()) for m in reference.finditer(text)], source[:40]
        lines = text.split("\n")[:20000]
        assert [bool(ours.match(line)) for line in lines] == [bool(reference.match(line)) for line in lines]


def test_fast_splitter_equals_nltk_where_re_and_regex_part(fast_punkt):
    tokenizer = _nltk_tokenizer()
    texts = ["Dr.\x1cSmith went. Home.", "It ended.\x1dThen more. A.\x1e B.", "One.\x1f Two. Three.",
             "He met e\u0301. Then left.", "\u0301. Next one.", "See \u0669\u0662. Next.", "Item \U00010D40. Next.",
             "J. Smith and Ö. Öberg met. Then \u00b2. And 1\u00b2. Done.", "No. \u0663 items. Yes."]
    for text in texts:
        assert fast_punkt.spans(text) == list(tokenizer.span_tokenize(text)), text


def _punkt_texts(count: int, seed: int = 17) -> list[str]:
    """Paragraphs full of what Punkt has to decide: abbreviations, initials, numbers, ellipses, quotes."""
    from spinlint.text import punkt

    data = punkt._read_params()
    rng = random.Random(seed)
    abbreviations = [word + "." for word in rng.sample(data["abbrev_types"], 60)]
    collocations = [f"{first}. {second.capitalize() if rng.random() < 0.5 else second}"
                    for first, second in rng.sample(data["collocations"], min(60, len(data["collocations"])))]
    starters = [word.capitalize() for word in rng.sample(data["sent_starters"], min(40, len(data["sent_starters"])))]
    ortho = rng.sample(sorted(data["ortho_context"]), 300)
    pieces = (abbreviations + collocations + starters + ortho + _VOCABULARY
              + ["J.", "K.", "A.B.", "No.", "3.", "12.5", "2024.", "-1.5", "...", "..", ". . .", "--", "?", "!",
                 "?!", "(see below.)", '"Done."', "“Yes.”", "‘Fine.’", "»Ja.«", "e.g.", "i.e.", "U.S.", "p.m.",
                 "Inc.", "Corp.,", "etc.)", "1.", "a.", "IV.", "x-ray.", "co-op.", "T-Mobile.",
                 "St.-Louis"])
    texts = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 60)):
            word = rng.choice(pieces)
            roll = rng.random()
            if roll < 0.15:
                word += rng.choice([".", ".", "?", "!", ".)", '."', ".”", ".'", ",", ";", ":"])
            elif roll < 0.22:
                word = word.capitalize()
            elif roll < 0.25:
                word = word.upper()
            words.append(word)
            words.append(rng.choice([" ", " ", " ", " ", "  ", "\n", "\n\n", " \n", "\t", " \u00a0", ""]))
        texts.append("".join(words))
    return texts


def test_fast_splitter_equals_nltk_on_thousands_of_generated_texts(fast_punkt):
    tokenizer = _nltk_tokenizer()
    texts = _punkt_texts(3000) + ["", " ", "\n", "No boundary here", "End.", "  Lead. Trail.  ", "A. B. C.",
                                  "(One.) Two.", "One.) Two.", "Wait... what? Yes!", "He said \"go.\" We went."]
    boundaries = 0
    for text in texts:
        expected = list(tokenizer.span_tokenize(text))
        assert fast_punkt.spans(text) == expected, text
        boundaries += len(expected)
    assert boundaries > 10000


def test_fast_splitter_equals_nltk_on_the_benchmark_corpus(fast_punkt):
    tokenizer = _nltk_tokenizer()
    for text in corpus_texts(300):
        for paragraph in text.split("\n\n"):
            assert fast_punkt.spans(paragraph) == list(tokenizer.span_tokenize(paragraph))


def test_sentence_spans_are_nltks_and_the_cache_is_bounded():
    from spinlint.text import punkt

    tokenizer = _nltk_tokenizer()
    for text in _punkt_texts(300, seed=29):
        assert punkt.sentence_spans(text) == list(tokenizer.span_tokenize(text))
        assert punkt.sentence_spans(text) == list(tokenizer.span_tokenize(text))  # cached
    assert punkt._spans.cache_info().maxsize <= 4096
    before = punkt._spans.cache_info().currsize
    long_paragraph = "We grew. " * 1000
    assert punkt.sentence_spans(long_paragraph) == list(tokenizer.span_tokenize(long_paragraph))
    assert punkt._spans.cache_info().currsize == before  # long paragraphs are not kept


def test_splitting_needs_no_nltk_import(repo):
    import subprocess
    import sys

    script = ("import sys; from spinlint.text.punkt import sentence_spans, _fast_punkt\n"
              "spans = sentence_spans('Acme Inc. grew. Margins fell.')\n"
              "print(_fast_punkt() is not None, len(spans), any(name.split('.')[0] == 'nltk' for name in sys.modules))")
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=repo,
                            check=True).stdout.split()
    if output[0] == "False":
        pytest.skip("the installed nltk is not a version the fast splitter was checked against")
    assert output[1:] == ["2", "False"]


def test_dictionary_words_binary_search_cannot_reach_are_still_found(monkeypatch):
    expected = {word: syllables._search(word) for word in ("sepultura", "stilted", "stilton", "zzqxv")}
    assert expected["sepultura"] is not None and expected["zzqxv"] is None
    monkeypatch.setattr(syllables, "_UNREACHABLE_BY_LENGTH", {})  # an unknown file: every miss is scanned
    assert {word: syllables._search(word) for word in expected} == expected


def _reference_segment(document):
    """spinlint.text.segment.segment as it was: every span and every piece through _chunks."""
    from spinlint.text.punkt import sentence_spans
    from spinlint.text.segment import MAX_PUNKT_CHARS, _chunks

    sentences, paragraphs = [], []
    for block_index, block in enumerate(document.blocks):
        first = len(sentences)
        spans = []
        for piece_start, piece_end in _chunks(block.text, 0, len(block.text), MAX_PUNKT_CHARS):
            spans.extend((piece_start + start, piece_start + end)
                         for start, end in sentence_spans(block.text[piece_start:piece_end]))
        for start, end in spans:
            for chunk_start, chunk_end in _chunks(block.text, start, end):
                sentences.append((block_index, chunk_start, chunk_end, block.text[chunk_start:chunk_end]))
        paragraphs.append(tuple(range(first, len(sentences))))
    return sentences, paragraphs


def test_segment_equals_the_reference_on_short_long_and_huge_paragraphs():
    from spinlint import markup
    from spinlint.document import Source
    from spinlint.text.segment import segment

    rng = random.Random(41)
    paragraphs = _punkt_texts(200, seed=43)
    paragraphs += [" ".join(rng.choice(_VOCABULARY) for _ in range(900)) + ".",  # one sentence over the limit
                   "word " * 30000,  # past Punkt's piece size, no boundary at all
                   "We grew. " * 15000 + "x" * 3000, "", "   ", "."]
    for format_, text in (("text", "\n\n".join(paragraphs)), ("markdown", "\n\n".join(paragraphs[:50]))):
        document = markup.parse(Source("memo", text, format_))
        result = segment(document)
        # segment() cuts the normalised copy of the blocks (spinlint.text.normalise), which it returns
        sentences, paragraph_indexes = _reference_segment(result.document)
        assert [(s.block_index, s.start, s.end, s.text) for s in result.sentences] == sentences
        assert list(result.paragraphs) == paragraph_indexes


def test_paragraph_spans_equal_the_reference_past_punkts_piece_size():
    from spinlint.text.punkt import sentence_spans
    from spinlint.text.segment import MAX_PUNKT_CHARS, _chunks, _spans

    for text in ("We grew. " * 15000, "word " * 30000, "x" * (MAX_PUNKT_CHARS + 10), "Short. Text.", ""):
        expected = []
        for piece_start, piece_end in _chunks(text, 0, len(text), MAX_PUNKT_CHARS):
            expected.extend((piece_start + start, piece_start + end)
                            for start, end in sentence_spans(text[piece_start:piece_end]))
        assert _spans(text) == expected
