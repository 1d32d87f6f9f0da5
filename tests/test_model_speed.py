"""The runtime's fast path (per-token caches, batched numpy, explanations reusing the scored batch) gives
the same probabilities and explanations as a plain sentence-by-sentence computation, and its caches stay
bounded.  No timing here: speed is measured outside the test suite (see issue 6).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from spinlint.model import runtime

SHIPPED = runtime.default_path()
pytestmark = pytest.mark.skipif(not SHIPPED.is_file(), reason="no shipped model in models/")
CORPUS = Path("/tmp/spinlint-bench/corpus/archive/shard-000")  # the local benchmark corpus, absent in CI

# Words and phrases written for this test: buzzwords, hedges, blame, numbers, sources, passives, plain nouns.
WORDS = ("we", "our", "team", "will", "may", "could", "leverage", "synergies", "unlock", "value", "journey",
         "best-in-class", "world-class", "arguably", "many", "experts", "believe", "the", "a", "invoice",
         "pump", "valve", "warehouse", "parcels", "delays", "were", "caused", "by", "headwinds", "macroeconomic",
         "according", "to", "survey", "respondents", "revenue", "fell", "declined", "12%", "$4", "million",
         "in", "2023", "1998", "(smith,", "2019)", "[3]", "et", "al", "was", "quickly", "closed", "sold",
         "customers", "due", "inflation", "going", "forward", "it", "is", "widely", "believed", "that",
         "we'll", "we\u2019ll", "doi", "https://example.org/report", "per", "cent", "over", "ticket", "rack",
         "moving", "needle", "circle", "back", "holistic", "ecosystem", "zqvx", "reimagining", "possible",
         "outages", "breach", "regulators", "weather", "studies", "show", "three", "4.5", "km", "?", "!")
# Non-ASCII text takes the Unicode-compiled patterns; these words make a batch take that path.
UNICODE_WORDS = WORDS + ("caf\u00e9", "\u20ac5", "na\u00efve", "\u2014", "\u201cquoted\u201d", "\u0130stanbul",
                         "\u0663\u0664", "\u00a0per\u00a0cent", "\u00b2", "r\u00e9sum\u00e9s", "\u00e9will",
                         "may\u00e9", "was\u00a0made", "were\u2009sold")


def generated_sentences(count: int, seed: int = 6, words: tuple[str, ...] = WORDS) -> list[str]:
    rng = random.Random(seed)
    sentences = []
    for _ in range(count):
        words_drawn = [rng.choice(words) for _ in range(rng.randint(1, 40))]
        sentences.append(" ".join(words_drawn).capitalize() + rng.choice((".", ".", "?", "!", "")))
    # Edge cases: no tokens at all, one token, a repeated sentence, digits only.
    return sentences + ["!!! ...", "Synergies.", sentences[0], "2024 2025 12 13 4.5%"]


@pytest.fixture(scope="module")
def model():
    return runtime.load()


@lru_cache(maxsize=None)
def plain_vocabulary(name: str) -> dict[str, int]:
    """Term -> column as a plain dict, read from the artefact's own arrays (not through the TermIndex)."""
    with np.load(SHIPPED) as arrays:
        terms = bytes(arrays[f"{name}_terms"]).decode("utf-8").split("\n")
    return {term: column for column, term in enumerate(terms)}


def reference_tfidf(grams: list[str], block, name: str) -> dict[int, float]:
    """Sublinear tf-idf with l2 norm for one sentence, the textbook way."""
    vocabulary = plain_vocabulary(name)
    counts = Counter(vocabulary[gram] for gram in grams if gram in vocabulary)
    data = {column: (math.log(count) + 1.0) * float(block.idf[column]) for column, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in data.values())) or 1.0
    return {column: value / norm for column, value in data.items()}


def reference_meaning(model, text: str) -> list[float]:
    """The mean word vector of the sentence's known words, word by word, times the model's weight."""
    if model.meaning is None:
        return []
    with np.load(SHIPPED) as arrays:
        terms = bytes(arrays["meaning_terms"]).decode("utf-8").split("\n")
        table = arrays["meaning_vectors"].astype(np.float64) * arrays["meaning_scale"]
    rows = {term: row for row, term in enumerate(terms)}
    found = [table[rows[token]] for token in runtime.tokens(text) if token in rows]
    if not found:
        return [0.0] * table.shape[1]
    return list(np.sum(found, axis=0) / len(found) * model.meaning_weight)


def reference_probabilities(model, text: str) -> list[float]:
    word = reference_tfidf(runtime.word_analyzer(text), model.word, "word")
    char = reference_tfidf(runtime.char_analyzer(text), model.char, "char")
    dense = model.dense.row(text)
    meaning = reference_meaning(model, text)
    probabilities = []
    for index in range(len(model.labels)):
        score = (sum(value * float(model.word.coef[index, column]) for column, value in word.items())
                 + sum(value * float(model.char.coef[index, column]) for column, value in char.items())
                 + sum(value * float(weight) for value, weight in zip(dense, model.dense_coef[index]))
                 + sum(value * float(weight) for value, weight in zip(meaning, model.meaning_coef[index]))
                 + float(model.intercept[index]))
        exponent = float(model.calibration_a[index]) * score + float(model.calibration_b[index])
        probabilities.append(1.0 / (1.0 + math.exp(exponent)))
    return probabilities


def reference_explain(model, text: str, label: str, k: int = 3) -> list[tuple[str, float]]:
    index = model.labels.index(label)
    word = reference_tfidf(runtime.word_analyzer(text), model.word, "word")
    terms = {column: term for term, column in plain_vocabulary("word").items()}
    contributions = [(f"'{terms[column]}'", value * float(model.word.coef[index, column]))
                     for column, value in word.items()]
    contributions += [(name, value * float(weight)) for name, value, weight
                      in zip(model.dense_names, model.dense.row(text), model.dense_coef[index])]
    positive = sorted((item for item in contributions if item[1] > 0), key=lambda item: (-item[1], item[0]))[:k]
    meaning = sum(value * float(weight) for value, weight in zip(reference_meaning(model, text),
                                                                  model.meaning_coef[index]))
    if model.meaning is not None and len(positive) < k and meaning > 0:
        positive.append((runtime.MEANING_EXPLANATION, meaning))
    return positive


def assert_same_explanation(actual, expected):
    assert [name for name, _ in actual] == [name for name, _ in expected]
    assert [value for _, value in actual] == pytest.approx([value for _, value in expected], rel=1e-12, abs=1e-15)


def assert_batch_matches_reference(model, texts: list[str]):
    matrix = model.predict_proba(texts)
    assert matrix.shape == (len(texts), len(model.labels))
    for row, text in enumerate(texts):
        assert matrix[row].tolist() == pytest.approx(reference_probabilities(model, text), abs=1e-9), text
    # Explanations right after scoring come from the batch's rows; they must equal a fresh computation.
    for text in texts[::3]:
        for label in model.labels:
            assert_same_explanation(model.explain(text, label, k=3), reference_explain(model, text, label))


@pytest.mark.parametrize("words", [WORDS, UNICODE_WORDS], ids=["ascii", "unicode"])
def test_batched_probabilities_and_explanations_equal_the_plain_computation(model, words):
    sentences = generated_sentences(240, words=words)
    for start in range(0, len(sentences), 40):  # one batch per "document", as the engine calls it
        assert_batch_matches_reference(model, sentences[start:start + 40])


def test_a_sentence_scores_the_same_alone_and_in_any_batch(model):
    sentences = generated_sentences(30, seed=11)
    together = model.predict_proba(sentences)
    for row, text in enumerate(sentences):
        # Equal up to the last bits the matrix product of the dense block may round differently per batch size.
        assert model.predict_proba([text])[0].tolist() == pytest.approx(together[row].tolist(), abs=1e-12)
    assert model.predict_proba([]).shape == (0, len(model.labels))


def test_explaining_a_sentence_outside_the_last_batch_recomputes_it(model):
    scored, other = generated_sentences(20, seed=1), generated_sentences(5, seed=2)
    model.predict_proba(scored)
    for text in other:
        for label in model.labels:
            assert_same_explanation(model.explain(text, label, k=5), reference_explain(model, text, label, k=5))


def test_caches_stay_bounded_and_results_do_not_change_when_full(monkeypatch):
    monkeypatch.setattr(runtime, "CHAR_COLUMN_CACHE", 50)
    monkeypatch.setattr(runtime, "TOKEN_INFO_CACHE", 50)
    monkeypatch.setattr(runtime, "EXPLAIN_MEMO_ROWS", 10)
    fresh = runtime.load()
    rng = random.Random(3)
    texts = [" ".join(f"{rng.choice(WORDS)} zq{rng.randrange(10**6)}x" for _ in range(12)) + "." for _ in range(30)]
    assert_batch_matches_reference(fresh, texts)  # 30 rows > 10: not memoised, explain recomputes
    assert fresh._last is None
    assert len(fresh._token_columns) <= 50
    fresh.dense.transform(texts)  # the training-side path keeps its own per-token cache
    assert len(fresh.dense.__dict__["_tokens"]) <= 50
    assert_batch_matches_reference(fresh, texts[:8])
    assert fresh._last is not None and len(fresh._last.rows) == 8


def test_long_tokens_are_never_cached():
    fresh = runtime.load()
    long_token = "x" * (runtime.CACHED_TOKEN_CHARS + 1)
    texts = [f"We measured {long_token} and https://example.org/{'a' * 300} twice."]
    assert_batch_matches_reference(fresh, texts)
    assert all(len(token) <= runtime.CACHED_TOKEN_CHARS for token in fresh._token_columns)
    fresh.dense.transform(texts)
    assert all(len(token) <= runtime.CACHED_TOKEN_CHARS for token in fresh.dense.__dict__["_tokens"])


def test_dense_batch_equals_the_plain_rows_with_the_shipped_lexicons(model):
    # The shipped lexicons have multi-word phrases sharing first words ("in order to", "in terms of"):
    # the phrase trie must count exactly what the plain per-phrase comparison counts, never across sentences.
    phrases = [phrase for _, listed in model.dense.lexicons for phrase in listed[:40]]
    rng = random.Random(9)
    texts = generated_sentences(60, seed=5) + [" ".join(rng.sample(phrases, 6)) for _ in range(60)]
    texts += phrases[:200] + [phrase.split()[0] for phrase in phrases[:50]]
    assert model.dense.transform(texts).tolist() == [model.dense.row(text) for text in texts]
    assert_batch_matches_reference(model, texts)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the local benchmark corpus is absent (as in CI)")
def test_benchmark_documents_score_the_same_as_the_plain_computation(model):
    for path in sorted(CORPUS.iterdir())[:25]:
        text = path.read_text(encoding="utf-8", errors="replace")
        sentences = [part.strip() for line in text.splitlines() for part in line.split(". ")
                     if len(part.split()) >= 5]
        assert_batch_matches_reference(model, sentences)


def test_ascii_and_unicode_classes_agree_on_ascii_except_four_separators():
    # The premise of the ASCII-compiled feature patterns, checked for every ASCII character.
    import re

    for code in range(128):
        char = chr(code)
        for pattern in (r"\w", r"\d", r"\s", r"\b"):
            unicode_match = re.search(pattern, f"{char}a") is not None, re.search(pattern, f"a{char}") is not None
            ascii_match = (re.search(pattern, f"{char}a", re.ASCII) is not None,
                           re.search(pattern, f"a{char}", re.ASCII) is not None)
            if unicode_match != ascii_match:
                assert pattern == r"\s" and not runtime._ascii_safe(char), (pattern, char)


def test_ascii_compiled_patterns_find_the_same_matches_on_ascii_text():
    rng = random.Random(4)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .,;:!?%$'()[]-_/\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x00"
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(300)]
    texts += [text.replace(" ", rng.choice(("\t", "\n", "\x1c", "  ", "\x0b"))) for text in texts[:100]]
    checked = 0
    for text in texts:
        lowered = runtime.lower(text)
        for (_, unicode_pattern, _), (_, ascii_pattern, _) in zip(runtime._compiled_regex(False),
                                                                   runtime._compiled_regex(True)):
            expected = [match.span() for match in unicode_pattern.finditer(lowered)]
            if runtime._ascii_safe(lowered):
                checked += 1
                assert [match.span() for match in ascii_pattern.finditer(lowered)] == expected, (text, ascii_pattern)
    assert checked > 5000
    dense = runtime.DenseFeatures((("hedge", ("may", "per cent")),), {"invoice": 4.5})
    assert dense.transform(texts).tolist() == [dense.row(text) for text in texts]



def test_word_vector_means_are_bit_for_bit_the_binned_sums(model):
    # runtime._mean_vectors replaces WordVectors.matrix_of_columns on the scoring path
    vectors = model.meaning
    if vectors is None:
        pytest.skip("the shipped model has no word vectors")
    rng = np.random.default_rng(4)
    for n in (1, 2, 7, 40):
        lengths = rng.integers(0, 30, size=n)
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        columns = rng.integers(-1, len(vectors.terms), size=len(rows))
        columns[rng.random(len(rows)) < 0.3] = -1  # unknown words, and now and then a sentence of none
        fast = runtime._mean_vectors(vectors, rows, columns, n)
        assert fast.tobytes() == vectors.matrix_of_columns(rows, columns, n).tobytes()


def _pattern_test_texts() -> list[str]:
    """Lower-cased texts that press on the patterns' edges: their own words glued to word characters,
    random strings over their letters, generated sentences, the shipped examples and fixtures."""
    import re

    rng = random.Random(9)
    pieces = sorted({word for _, source, _ in runtime._REGEX_FEATURES for word in re.findall(r"[a-z0-9']+", source)})
    pieces += ["19", "20", "1999", "2024", "0", "00", "0.0", "$", "€", "£", "¥", "%", "(", ")", "[0]", "et al.",
               "http://", "https://", "é", "_", "\u00a0", "\x00", "-", ",", ".", " by", " ly"]
    glue = (" ", " ", " ", "", "_", "x", "é", "0", "'", "-", "\n", "\x00", "\u00a0", "  ")
    texts = ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 25))) for _ in range(3000)]
    letters = "abcdefghilmnoprstuwy0 '%$()[]-_.,\u00e9\x00"
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 80))) for _ in range(2000)]
    texts += generated_sentences(500) + generated_sentences(300, seed=3, words=UNICODE_WORDS)
    shipped = Path(__file__).resolve().parent.parent
    for folder in (shipped / "examples", shipped / "tests" / "fixtures" / "documents", CORPUS):
        if folder.is_dir():
            texts += [path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.iterdir())[:200]
                      if path.is_file()]
    return [runtime._DIGIT.sub("0", runtime.lower(text)) for text in texts] + [runtime.lower(text) for text in texts]


def test_scannable_patterns_find_the_same_matches_as_the_model_s_own():
    # The batch runs _SCANNABLE_SOURCES; training and DenseFeatures.row run _REGEX_FEATURES.
    texts = _pattern_test_texts()
    for ascii_only in (False, True):
        pairs = list(zip(runtime._compiled_regex(ascii_only), runtime._compiled_regex(ascii_only, scannable=True)))
        assert len(pairs) == len(runtime._REGEX_FEATURES)
        for text in texts:
            if ascii_only and not runtime._ascii_safe(text):
                continue
            for (name, original, _), (_, scannable, _) in pairs:
                assert [match.span() for match in scannable.finditer(text)] == \
                    [match.span() for match in original.finditer(text)], (name, text[:200])
