"""The shipped classifier, run from plain arrays with numpy alone.

Training fits scikit-learn's ``TfidfVectorizer``s with the analysers defined
here and ``DenseFeatures`` below, then exports vocabularies, idf weights,
coefficients and the sigmoid calibration to ``<name>.npz`` (loaded with
``allow_pickle=False``).  This module recomputes the same numbers without
importing scikit-learn; ``tests/test_model_training.py`` proves they agree to
1e-9.  The card ``<name>.json`` beside the artefact holds its sha256, checked
at load, and the thresholds.

Scoring a batch (one document's sentences) makes one pass over its tokens
through a bounded per-token cache, runs each feature pattern once over the
whole batch, and keeps the batch's rows so that ``explain`` reuses them;
``tests/test_model_speed.py`` proves the numbers equal a plain
sentence-by-sentence computation.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np

from ..text.asciiregex import ascii_safe as _ascii_safe
from ..text.wordtable import WordTable
from . import LABELS, MODEL_NAME
from .storedzip import read_stored_npz
from .terms import TermIndex
from .wordvectors import WordVectors

RETRAIN_HINT = ("retrain with 'spinlint model train' or run without the model rules ('--ignore M')")

# -- analysers shared by training and the runtime ---------------------------------------------------

_TOKEN = re.compile(r"\w+(?:'\w+)*|[%$€£]")
_DIGIT = re.compile(r"\d")
CHAR_SIZES = (2, 3, 4, 5)


def lower(text: str) -> str:
    """Lower-cased, with the typographic apostrophe made plain: what every feature reads."""
    return text.lower().replace("\u2019", "'")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; every digit becomes 0 so numbers keep their shape, not their value."""
    # Replacing digits before tokenising gives the same tokens (\w matches both) in one pass.
    return _TOKEN.findall(_DIGIT.sub("0", lower(text)))


def word_grams(token_list: list[str]) -> list[str]:
    return token_list + [f"{first} {second}" for first, second in zip(token_list, token_list[1:])]


def word_analyzer(text: str) -> list[str]:
    """Word 1-2-grams (the ``analyzer`` of the word ``TfidfVectorizer``)."""
    return word_grams(tokens(text))


# Every per-token cache is bounded so a long scan's memory stays flat: a worker meets tens of
# thousands of distinct tokens, and each entry costs a few hundred bytes.  The caches fill with
# the first tokens met and then stop growing; by then the frequent ones are in.  12,000 tokens
# keep two scan workers within the archive's memory budget (`benchmarks/stages.py steady
# --token-cache N` shows the trade-off; benchmarks/README.md).
CHAR_GRAM_CACHE = 8_192
CHAR_COLUMN_CACHE = 12_000
TOKEN_INFO_CACHE = 12_000
# Bounded in bytes too: a longer token (a URL, a hash) is described afresh each time, never kept.
CACHED_TOKEN_CHARS = 24
# math.log1p of the small counts every sentence has: numpy's log1p may differ from math's in the last bit,
# and the model was fitted on math's.
_LOG1P = np.array([math.log1p(count) for count in range(1024)])


def _log1p_table(largest: int) -> np.ndarray:
    """math.log1p(k) for k = 0..largest (a sentence of more than 1023 tokens gets its own table)."""
    return _LOG1P if largest < len(_LOG1P) else np.array([math.log1p(count) for count in range(largest + 1)])


def char_grams(token: str) -> list[str]:
    """Character 2-5-grams inside one token padded with spaces (like scikit-learn's ``char_wb``)."""
    padded = f" {token} "
    return [padded[start:start + size] for size in CHAR_SIZES for start in range(len(padded) - size + 1)]


@lru_cache(maxsize=CHAR_GRAM_CACHE)
def token_char_grams(token: str) -> tuple[str, ...]:
    """``char_grams`` cached for training's analyser (the runtime caches whole token entries instead)."""
    return tuple(char_grams(token))


def char_analyzer(text: str) -> list[str]:
    """Character n-grams of every token (the ``analyzer`` of the character ``TfidfVectorizer``)."""
    return [gram for token in tokens(text) for gram in token_char_grams(token)]


# -- named dense features -----------------------------------------------------------------------------

_PASSIVE = (r"\b(?:was|were|been|being|is|are|be|got|gets|get)\s+(?:\w+ly\s+)?"
            r"(?:\w+(?:ed|en|wn)|made|lost|left|held|cut|hit|set|put|paid|sold|kept|brought|caught|led)\b")

# (name, pattern, transform): 'log' = log(1 + count), 'flag' = 1 if any match.  Order is part of the model.
_REGEX_FEATURES: tuple[tuple[str, str, str], ...] = (
    ("percent", r"%|\bper ?cent\b|\bpercentage points?\b", "log"),
    ("money or units", r"[$€£¥]\s?0|\b0[0,.]*\s?(?:million|billion|thousand|bn|kg|km|mb|gb|tb|ms|seconds?|"
                       r"minutes?|hours?|days?|weeks?|months?|years?|people|employees|customers|users|times)\b", "log"),
    ("year", r"\b(?:19|20)\d\d\b", "log"),
    ("citation", r"\[\d+\]|\(\s*[a-z][\w-]+(?: et al\.?)?,? \d{4}[a-z]?\)|\bet al\b|\bdoi\b|https?://", "log"),
    ("source attribution", r"\baccording to\b|\b(?:said|says|told|reported|stated|wrote|testified|announced)\b", "log"),
    ("research words", r"\b(?:study|studies|survey|surveys|trial|trials|experiment\w*|analysis|audit|"
                       r"measured|sample|respondents|participants|dataset|data from|published)\b", "log"),
    ("modal verbs", r"\b(?:may|might|could|would|should|can|must)\b", "log"),
    ("future 'will'", r"\b(?:will|going to)\b|'ll\b", "log"),
    ("first person plural", r"\b(?:we|our|us|ours|ourselves)\b", "log"),
    ("agentless passive", _PASSIVE + r"(?!\s+by\b)", "log"),
    ("passive with agent", _PASSIVE + r"\s+by\b", "log"),
    ("external cause", r"\b(?:due to|because of|as a result of|driven by|caused by|attributable to|impacted by|"
                       r"affected by|owing to|resulting from|stemming from)\b", "log"),
    ("negative outcome", r"\b(?:declin\w*|decreas\w*|loss(?:es)?|fell|drop(?:ped)?|delay\w*|impair\w*|layoffs?|"
                         r"shortfall|headwinds?|challeng\w*|disrupt\w*|miss(?:ed)?|fail\w*|setbacks?|outages?|"
                         r"errors?|mistakes?|incidents?|breach\w*|weak\w*|lower than)\b", "log"),
    ("external forces", r"\b(?:macroeconomic|market conditions|economic conditions|unprecedented|beyond our control|"
                        r"outside (?:of )?our control|industry-wide|pandemic|inflation\w*|regulators?|weather|"
                        r"supply chain|geopolitical|uncertain environment|the environment)\b", "log"),
    ("question or exclamation", r"[?!]", "log"),
)
# The same patterns written so that re can scan for their first characters in C: a leading \b before a
# word character c is the same test as "c(?<!\wc)" made after reading c, and a group of alternatives is
# the same alternatives in the same order, each with the rest of the pattern after it.  A pattern that
# opens with \b gives re nothing to scan for, so it tries every position; these skip to the positions
# where a first character occurs.  Only patterns whose first characters are few are rewritten: for one of
# a dozen first letters (the research words, the negative outcomes) re stops at most letters anyway and the
# rewrite measured slower.  Training and ``DenseFeatures.row`` read the originals; the batch reads these,
# and tests/test_model_speed.py holds their matches to the originals'.
_SCANNABLE_SOURCES: dict[str, str] = {
    "percent": r"%|p(?<!\wp)er ?cent\b|p(?<!\wp)ercentage points?\b",
    "money or units": r"\$\s?0|€\s?0|£\s?0|¥\s?0|0(?<!\w0)[0,.]*\s?(?:million|billion|thousand|bn|kg|km|mb|gb|tb|ms|"
                      r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|people|employees|customers|users|"
                      r"times)\b",
    "year": r"(?:1(?<!\w1)9|2(?<!\w2)0)\d\d\b",
    "citation": r"\[\d+\]|\(\s*[a-z][\w-]+(?: et al\.?)?,? \d{4}[a-z]?\)|e(?<!\we)t al\b|d(?<!\wd)oi\b|https?://",
    "modal verbs": r"(?:m(?<!\wm)(?:ay|ight|ust)|c(?<!\wc)(?:ould|an)|w(?<!\ww)ould|s(?<!\ws)hould)\b",
    "future 'will'": r"w(?<!\ww)ill\b|g(?<!\wg)oing to\b|'ll\b",
    "first person plural": r"(?:w(?<!\ww)e|o(?<!\wo)(?:ur|urs|urselves)|u(?<!\wu)s)\b",
}
_PASSIVE_VERB_SCANNABLE = r"(?:w(?<!\ww)(?:as|ere)|b(?<!\wb)(?:een|eing|e)|i(?<!\wi)s|a(?<!\wa)re|g(?<!\wg)(?:ot|ets|et))"
_SCANNABLE_SOURCES["agentless passive"] = (
    _PASSIVE_VERB_SCANNABLE + _PASSIVE.removeprefix(r"\b(?:was|were|been|being|is|are|be|got|gets|get)")
    + r"(?!\s+by\b)")
_SCANNABLE_SOURCES["passive with agent"] = (
    _PASSIVE_VERB_SCANNABLE + _PASSIVE.removeprefix(r"\b(?:was|were|been|being|is|are|be|got|gets|get)") + r"\s+by\b")


# On ASCII text without U+001C..U+001F, Python's ASCII and Unicode \w, \d, \s and \b agree character for
# character (tested; ``_ascii_safe`` is ``spinlint.text.asciiregex.ascii_safe``), so the ASCII-compiled patterns
# find exactly the same matches there, about a third faster.
@lru_cache(maxsize=4)
def _compiled_regex(ascii_only: bool, scannable: bool = False) -> tuple[tuple[str, re.Pattern, str], ...]:
    """The feature patterns (or their ``_SCANNABLE_SOURCES``), compiled on first use (a run without the model
    never pays for them)."""
    flags = re.ASCII if ascii_only else 0
    return tuple((name, re.compile(_SCANNABLE_SOURCES.get(name, pattern) if scannable else pattern, flags), transform)
                 for name, pattern, transform in _REGEX_FEATURES)

# A number with no source, study or citation beside it: the made-up statistic, as
# opposed to "digits = evidence", which a claim full of invented percentages would pass.
_UNSOURCED = "numbers without a source"
_SOURCE_FEATURES = ("citation", "source attribution", "research words")

_LOG_PATTERNS = np.array([transform == "log" for _, _, transform in _REGEX_FEATURES])
_SOURCE_COLUMNS = [offset for offset, (name, _, _) in enumerate(_REGEX_FEATURES) if name in _SOURCE_FEATURES]

_FIXED_NAMES = ("mean concreteness", "abstract words", "concrete words", "no rated words",
                "digits", "no digits", "sentence length", "short sentence")

_FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at by for with from as is are was were be been being it its this that these "
    "those there their they them he she his her we our us you your i me my not no so than then too very also can "
    "will would should could may might must do does did have has had which who whom whose what when where why how "
    "all any each some such into over under about after before between through during out up down off again".split()
)


def concreteness_lookup(table: Mapping[str, float], token: str) -> float | None:
    """A token's Brysbaert rating, trying a naive singular / stem when the inflected form is not rated."""
    if token in table:
        return table[token]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                                ("ing", "e")):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            stem = token[: -len(suffix)] + replacement
            if stem in table:
                return table[stem]
    return None


@dataclass(frozen=True, eq=False)
class DenseFeatures:
    """Named, hand-made features of one sentence: lexicon hits, concreteness, numbers, sources, modals, voice.

    ``lexicons`` is frozen into the model at training time (name, phrases) so a
    later edit of a vocabulary file cannot silently change what the model sees.
    """

    lexicons: tuple[tuple[str, tuple[str, ...]], ...]
    concreteness: Mapping[str, float] = field(repr=False)

    def names(self) -> list[str]:
        return ([f"lexicon '{name}'" for name, _ in self.lexicons] + list(_FIXED_NAMES)
                + [name for name, _, _ in _REGEX_FEATURES] + [_UNSOURCED])

    @property
    def _phrase_index(self) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {}
            for lexicon_id, (_, phrases) in enumerate(self.lexicons):
                for phrase in phrases:
                    phrase_tokens = tuple(tokens(phrase))
                    if phrase_tokens:
                        cached.setdefault(phrase_tokens[0], []).append((phrase_tokens[1:], lexicon_id))
            object.__setattr__(self, "_index", cached)
        return cached

    @property
    def _phrase_trie(self) -> dict[str, tuple[list[int], dict]]:
        """The lexicons' phrases as a trie of tokens: node = (ids of the lexicons whose phrase ends here,
        children by next token).  A phrase listed twice counts twice, as in ``lexicon_counts``."""
        cached = self.__dict__.get("_trie")
        if cached is None:
            cached = {}
            for lexicon_id, (_, phrases) in enumerate(self.lexicons):
                for phrase in phrases:
                    children, node = cached, None
                    for token in tokens(phrase):
                        node = children.get(token)
                        if node is None:
                            node = children[token] = ([], {})
                        children = node[1]
                    if node is not None:
                        node[0].append(lexicon_id)
            object.__setattr__(self, "_trie", cached)
        return cached

    def lexicon_counts(self, token_list: list[str]) -> list[int]:
        """Per lexicon, how many of its phrases start at each token (the plain way)."""
        counts = [0] * len(self.lexicons)
        index = self._phrase_index
        for position, token in enumerate(token_list):
            for rest, lexicon_id in index.get(token, ()):
                if not rest or tuple(token_list[position + 1:position + 1 + len(rest)]) == rest:
                    counts[lexicon_id] += 1
        return counts

    def rating(self, token: str) -> float | None:
        """A token's concreteness rating if it is a rated content word (function words and numbers are not)."""
        usable = token.isalpha() and len(token) > 2 and token not in _FUNCTION_WORDS
        return concreteness_lookup(self.concreteness, token) if usable else None

    @staticmethod
    def _values_from(counts: list[int], ratings: list[float], numbers: int, length: int) -> list[float]:
        values = [math.log1p(count) for count in counts]
        if ratings:
            values += [sum(ratings) / len(ratings) - 3.0,
                       sum(1 for rating in ratings if rating < 2.5) / len(ratings),
                       sum(1 for rating in ratings if rating >= 4.0) / len(ratings), 0.0]
        else:
            values += [0.0, 0.0, 0.0, 1.0]
        return values + [math.log1p(numbers), 0.0 if numbers else 1.0, math.log1p(length),
                         1.0 if length < 8 else 0.0]

    def _plain_token_values(self, token_list: list[str]) -> list[float]:
        """Lexicon hits, concreteness, numbers and length, one feature at a time (the reference)."""
        ratings = [rating for rating in map(self.rating, token_list) if rating is not None]
        numbers = sum(1 for token in token_list if "0" in token)
        return self._values_from(self.lexicon_counts(token_list), ratings, numbers, len(token_list))

    def describe(self, token: str) -> tuple[float | None, tuple | None, bool]:
        """What the token columns need of one token: (rating, its node in the phrase trie, has a digit)."""
        return self.rating(token), self._phrase_trie.get(token), "0" in token

    def _described(self, token: str) -> tuple[float | None, tuple | None, bool]:
        cache = self.__dict__.get("_tokens")
        if cache is None:
            cache = {}
            object.__setattr__(self, "_tokens", cache)
        info = cache.get(token)
        if info is None:
            info = self.describe(token)
            if len(cache) < TOKEN_INFO_CACHE and len(token) <= CACHED_TOKEN_CHARS:  # memory stays flat
                cache[token] = info
        return info

    def token_columns(self, token_lists: list[list[str]], ratings: Sequence[float | None],
                      phrases: Sequence[tuple | None], digits: Sequence[bool]) -> np.ndarray:
        """The token columns of a batch (lexicon hits, concreteness, numbers, length), shape (n, width).

        ``ratings``, ``phrases`` and ``digits`` hold each token's ``describe`` in batch order.  Counts
        go through a table of ``math.log1p`` and the ratings' sums through Python's ``sum``, so every
        number equals ``_plain_token_values`` row by row (tested).
        """
        n, n_lexicons = len(token_lists), len(self.lexicons)
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n)
        offsets = np.concatenate(([0], np.cumsum(lengths))).tolist()
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        hits = []  # row * n_lexicons + lexicon id, once per phrase found
        starts = [position for position, node in enumerate(phrases) if node is not None]
        if starts:
            flat = [token for token_list in token_lists for token in token_list]
            row_of = rows.tolist()
            for position in starts:
                ids, children = phrases[position]
                row = row_of[position]
                base = row * n_lexicons
                for lexicon_id in ids:
                    hits.append(base + lexicon_id)
                following, end = position + 1, offsets[row + 1]  # a phrase never runs past its sentence
                while children and following < end:
                    node = children.get(flat[following])
                    if node is None:
                        break
                    ids, children = node
                    for lexicon_id in ids:
                        hits.append(base + lexicon_id)
                    following += 1
        counts = np.bincount(np.asarray(hits, dtype=np.int64), minlength=n * n_lexicons).reshape(n, n_lexicons)
        log1p = _log1p_table(int(lengths.max()) if n else 0)
        columns = np.zeros((n, n_lexicons + len(_FIXED_NAMES)), dtype=np.float64)
        columns[:, :n_lexicons] = log1p[counts]
        values = np.array(ratings, dtype=np.float64)  # None -> NaN, which no comparison below counts
        rated = ~np.isnan(values)
        rated_rows = rows[rated]
        rated_counts = np.bincount(rated_rows, minlength=n)
        rated_offsets = np.concatenate(([0], np.cumsum(rated_counts))).tolist()
        listed = values[rated].tolist()
        sums = np.asarray([sum(listed[start:end]) for start, end in zip(rated_offsets, rated_offsets[1:])],
                          dtype=np.float64)
        has_ratings = rated_counts > 0
        divisor = np.maximum(rated_counts, 1)
        columns[:, n_lexicons] = np.where(has_ratings, sums / divisor - 3.0, 0.0)
        columns[:, n_lexicons + 1] = np.bincount(rows[values < 2.5], minlength=n) / divisor
        columns[:, n_lexicons + 2] = np.bincount(rows[values >= 4.0], minlength=n) / divisor
        columns[:, n_lexicons + 3] = ~has_ratings
        numbers = np.bincount(rows[np.array(digits, dtype=bool)], minlength=n)
        columns[:, n_lexicons + 4] = log1p[numbers]
        columns[:, n_lexicons + 5] = numbers == 0
        columns[:, n_lexicons + 6] = log1p[lengths]
        columns[:, n_lexicons + 7] = lengths < 8
        return columns

    def row(self, text: str) -> list[float]:
        """One sentence's features, the plain way (the reference ``transform`` is tested against)."""
        token_list = tokens(text)
        values = self._plain_token_values(token_list)
        lowered = text.lower().replace("\u2019", "'")
        normalised = _DIGIT.sub("0", lowered)
        sourced = False
        for name, pattern, transform in _compiled_regex(False):
            # 'year' needs the real digits; the others read digit-normalised text.
            count = len(pattern.findall(lowered if name == "year" else normalised))
            values.append(math.log1p(count) if transform == "log" else float(count > 0))
            sourced = sourced or (name in _SOURCE_FEATURES and count > 0)
        has_numbers = any("0" in token for token in token_list)
        values.append(1.0 if has_numbers and not sourced else 0.0)
        return values

    def transform(self, texts: Iterable[str], token_lists: list[list[str]] | None = None) -> np.ndarray:
        """All rows at once: the same numbers as ``row`` (tested), with each regex run once per batch."""
        lowered = [lower(text) for text in texts]
        normalised = [_DIGIT.sub("0", text) for text in lowered]
        if token_lists is None:
            token_lists = [_TOKEN.findall(text) for text in normalised]
        return self.matrix(lowered, normalised, token_lists)

    def matrix(self, lowered: list[str], normalised: list[str], token_lists: list[list[str]],
               token_columns: np.ndarray | None = None) -> np.ndarray:
        """``transform`` from texts already lower-cased (``lower``) and digit-normalised, their tokens and
        (if the caller has them) their ``token_columns``."""
        n = len(lowered)
        matrix = np.zeros((n, len(self.names())), dtype=np.float64)
        if not n:
            return matrix
        if token_columns is None:
            infos = [self._described(token) for token_list in token_lists for token in token_list]
            ratings, phrases, digits = zip(*infos) if infos else ((), (), ())
            token_columns = self.token_columns(token_lists, ratings, phrases, digits)
        width = token_columns.shape[1]
        matrix[:, :width] = token_columns
        # One search per pattern over the batch joined by NUL, a character no pattern can match or cross;
        # then every match is placed in its sentence at once.
        joined, joined_normalised = "\x00".join(lowered), "\x00".join(normalised)
        positions, pattern_ids = [], []
        for offset, (name, pattern, _) in enumerate(_compiled_regex(_ascii_safe(joined), scannable=True)):
            found = [match.start() for match in pattern.finditer(joined if name == "year" else joined_normalised)]
            positions += found
            pattern_ids += [offset] * len(found)
        starts = np.cumsum([0] + [len(text) + 1 for text in lowered[:-1]])
        rows = np.searchsorted(starts, positions, side="right") - 1
        n_patterns = len(_REGEX_FEATURES)
        counts = np.bincount(rows * n_patterns + np.asarray(pattern_ids, dtype=np.int64),
                             minlength=n * n_patterns).reshape(n, n_patterns)
        # The table holds math.log1p, not numpy's: the two may differ in the last bit and the model was
        # fitted on math's.
        matrix[:, width:width + n_patterns] = np.where(_LOG_PATTERNS, _log1p_table(int(counts.max()))[counts],
                                                       counts > 0)
        sourced = (counts[:, _SOURCE_COLUMNS] > 0).any(axis=1)
        has_numbers = matrix[:, len(self.lexicons) + _FIXED_NAMES.index("digits")] > 0
        matrix[:, -1] = (has_numbers & ~sourced).astype(np.float64)
        return matrix


# -- the exported model -------------------------------------------------------------------------------


class ModelError(Exception):
    """The model file is missing, tampered with, or malformed (the message is one line)."""


def _text_array(values: Iterable[str]) -> np.ndarray:
    """Strings as one UTF-8 blob of newline-joined lines (npz without pickle, compact)."""
    return np.frombuffer("\n".join(values).encode("utf-8"), dtype=np.uint8)


def _text_of(array: np.ndarray) -> str:
    """The newline-joined strings of a ``_text_array``, as one string."""
    return str(memoryview(array), "utf-8")


def _from_text_array(array: np.ndarray) -> list[str]:
    text = _text_of(array)
    return text.split("\n") if text else []


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class _Block:
    """One TF-IDF block: term -> column, idf, and the coefficient slice per label."""

    terms: TermIndex
    idf: np.ndarray
    coef: np.ndarray  # (labels, terms)


# Explanations reuse the rows of the last scored batch (the engine explains the sentences it has just
# scored); a batch longer than this is not kept, so the memo's memory stays bounded.
EXPLAIN_MEMO_ROWS = 20_000
MEANING_EXPLANATION = "wording close to labelled examples"
_NO_COLUMNS = np.zeros(0, dtype=np.int64)
_NO_ENTRIES = (_NO_COLUMNS, _NO_COLUMNS, np.zeros(0, dtype=np.float64))


def _mean_vectors(vectors: WordVectors, rows: np.ndarray, columns: np.ndarray, n: int) -> np.ndarray:
    """``vectors.matrix_of_columns`` bit for bit (tested), with one ``reduceat`` instead of an index per value.

    Tokens come in sentence order, so each sentence's known words are one run of rows, and reduceat along
    axis 0 adds a run's rows one after another in input order, as the bincount over (row, dimension) bins
    does; no value is -0.0 (every scale is positive), so starting from the first row or from 0.0 is the same.
    """
    known = columns >= 0
    values = vectors.codes[columns[known]].astype(np.float64) * vectors.scale
    counts = np.bincount(rows[known], minlength=n)
    out = np.zeros((n, vectors.dimensions))
    present = np.flatnonzero(counts)
    if len(present):
        ends = np.cumsum(counts[present])
        out[present] = np.add.reduceat(values, ends - counts[present], axis=0)
    found = counts.astype(np.float64)
    found[found == 0] = 1.0
    return out / found[:, None]


@dataclass(frozen=True, eq=False)
class _Batch:
    """A batch's features: TF-IDF entries (row, column, value; sorted by row then column) and dense rows."""

    word: tuple[np.ndarray, np.ndarray, np.ndarray]
    char: tuple[np.ndarray, np.ndarray, np.ndarray]
    dense: np.ndarray
    rows: dict[str, int]  # sentence text -> row
    meaning: np.ndarray | None = None  # mean word vectors times the model's weight, when it has them
    rules: np.ndarray | None = None  # the rule families' hits per sentence (rule_hits.py), when the model reads them


class ExportedModel:
    """Calibrated linear classifiers over word + character TF-IDF and named dense features."""

    def __init__(self, arrays: Mapping[str, np.ndarray], card: Mapping):
        self.labels = tuple(card.get("labels", LABELS))
        self.thresholds = {label: float(card["thresholds"][label]) for label in self.labels}
        self.card = card
        word_terms = TermIndex.read(arrays, "word_terms")
        char_terms = TermIndex.read(arrays, "char_terms")
        coef = np.asarray(arrays["coef"], dtype=np.float64)
        n_word, n_char = len(word_terms), len(char_terms)
        self.word = _Block(word_terms, arrays["word_idf"], coef[:, :n_word])
        self.char = _Block(char_terms, arrays["char_idf"], coef[:, n_word:n_word + n_char])
        self.document_model = None
        if "document_coef" in arrays:
            from .document_model import DocumentModel

            self.document_model = DocumentModel.from_arrays(arrays)
        self.meaning: WordVectors | None = None
        self.meaning_weight = 1.0
        if "meaning_vectors" in arrays:
            self.meaning = WordVectors.from_arrays(arrays, prefix="meaning_")
            self.meaning_weight = float(np.asarray(arrays["meaning_weight"]).reshape(-1)[0])
        n_meaning = self.meaning.dimensions if self.meaning is not None else 0
        # the rule families whose hits are the last columns (rule_hits.py); none in a model without them
        self.rule_families = (tuple(_from_text_array(arrays["rule_hit_families"]))
                              if "rule_hit_families" in arrays else ())
        end = coef.shape[1] - len(self.rule_families)
        self.dense_coef = coef[:, n_word + n_char:end - n_meaning]
        self.meaning_coef = coef[:, end - n_meaning:end]
        self.rules_coef = coef[:, end:]
        names = _from_text_array(arrays["lexicon_names"])
        phrases = _from_text_array(arrays["lexicon_phrases"])
        sizes = arrays["lexicon_sizes"].tolist()
        lexicons, start = [], 0
        for name, size in zip(names, sizes):
            lexicons.append((name, tuple(phrases[start:start + size])))
            start += size
        # Written sorted and unique by export_arrays (tests/test_wordtable.py checks the shipped artefact).
        concreteness = WordTable.from_sorted(_from_text_array(arrays["concreteness_words"]),
                                             np.asarray(arrays["concreteness_values"], dtype=np.float64).tobytes())
        self.dense = DenseFeatures(tuple(lexicons), concreteness)
        self.dense_names = self.dense.names()
        self.intercept = np.asarray(arrays["intercept"], dtype=np.float64)
        self.calibration_a = np.asarray(arrays["calibration_a"], dtype=np.float64)
        self.calibration_b = np.asarray(arrays["calibration_b"], dtype=np.float64)
        if self.dense_coef.shape[1] != len(self.dense_names) or self.intercept.shape != (len(self.labels),):
            raise ValueError("coefficients do not match the features")
        self._token_columns: dict[str, tuple[int, np.ndarray, int]] = {}
        self._last: _Batch | None = None

    # -- features ------------------------------------------------------------------------------

    def _describe_tokens(self, tokens: list[str]) -> dict[str, tuple]:
        """Each distinct token's (word column or -1, its character n-gram columns, how many, then the
        dense block's ``describe``: rating, phrases, has a digit, then its word-vector row or -1), with one
        vocabulary search for all of their n-grams; kept in a bounded cache."""
        words = self.word.terms.columns(tokens).tolist()
        # The word-vector row of each token (-1: none) rides in the same cached entry, so a cached token
        # costs the word vectors no vocabulary search either.
        meanings = self.meaning.terms.columns(tokens).tolist() if self.meaning is not None else [-1] * len(tokens)
        described = {}
        for token, word, found, meaning in zip(tokens, words, self._char_columns(tokens), meanings):
            entry = (word, found, len(found), *self.dense.describe(token), meaning)
            described[token] = entry
            if len(self._token_columns) < CHAR_COLUMN_CACHE and len(token) <= CACHED_TOKEN_CHARS:
                self._token_columns[token] = entry
        return described

    def _char_columns(self, tokens: list[str]) -> list[np.ndarray]:
        """Each token's character n-gram columns found in the vocabulary, with one search for all of them."""
        if not len(self.char.terms):  # a model without the character block skips the n-grams altogether
            return [_NO_COLUMNS] * len(tokens)
        grams = [char_grams(token) for token in tokens]
        columns = self.char.terms.columns([gram for token_grams in grams for gram in token_grams])
        ends = np.cumsum([len(token_grams) for token_grams in grams]).tolist()
        result, start = [], 0
        for end in ends:
            found = columns[start:end]
            found = found[found >= 0]
            start = end
            result.append(found if len(found) else _NO_COLUMNS)
        return result

    @staticmethod
    def _tfidf(rows, columns, block: _Block, n: int):
        """Sublinear tf * idf, l2-normalised per row: the same arithmetic as TfidfTransformer."""
        width = len(block.terms) or 1
        keys, counts = np.unique(np.asarray(rows, dtype=np.int64) * width + np.asarray(columns, dtype=np.int64),
                                 return_counts=True)
        rows_a, columns_a = keys // width, keys % width
        data = (np.log(counts.astype(np.float64)) + 1.0) * block.idf[columns_a]
        norms = np.sqrt(np.bincount(rows_a, weights=data * data, minlength=n))
        norms[norms == 0.0] = 1.0
        return rows_a, columns_a, data / norms[rows_a]

    @property
    def reads_rule_hits(self) -> bool:
        """Does this model take the rule families' findings per sentence as features?"""
        return bool(self.rule_families)

    def _rule_hits(self, texts: list[str], rule_hits) -> np.ndarray | None:
        if not self.rule_families:
            return None
        if rule_hits is None:  # no hits given: sentences no rule flagged
            return np.zeros((len(texts), len(self.rule_families)))
        return np.asarray(rule_hits, dtype=np.float64).reshape(len(texts), len(self.rule_families))

    def _features(self, texts: list[str], rule_hits=None) -> _Batch:
        """Every feature of a batch, from one cache look-up per token of the whole batch (no loop per
        sentence): the same entries, in the same order, as featurising each sentence on its own."""
        lowered = [lower(text) for text in texts]
        normalised = [_DIGIT.sub("0", text) for text in lowered]
        token_lists = [_TOKEN.findall(text) for text in normalised]  # = tokens(text), sharing the lowering
        n = len(texts)
        flat = [token for token_list in token_lists for token in token_list]
        cache = self._token_columns
        fresh = self._describe_tokens([token for token in dict.fromkeys(flat) if token not in cache])
        entries = [cache.get(token) or fresh[token] for token in flat]
        word_columns, char_arrays, char_counts, ratings, phrases, digits, meanings = (
            zip(*entries) if entries else ((),) * 7)
        rows = np.repeat(np.arange(n, dtype=np.int64), [len(token_list) for token_list in token_lists])
        unigrams = np.array(word_columns, dtype=np.int64)
        # Bigrams over the whole batch; a pair that spans two sentences is dropped by its rows differing.
        bigrams = self.word.terms.columns(list(map(" ".join, zip(flat, flat[1:]))))
        in_sentence = (bigrams >= 0) & (rows[:-1] == rows[1:])
        known = unigrams >= 0
        word = self._tfidf(np.concatenate((rows[known], rows[:-1][in_sentence])),
                           np.concatenate((unigrams[known], bigrams[in_sentence])), self.word, n)
        char = _NO_ENTRIES  # the shipped model has no character n-grams: nothing to count or weigh
        if len(self.char.terms):
            char = self._tfidf(np.repeat(rows, np.array(char_counts, dtype=np.int64)),
                               np.concatenate(char_arrays) if char_arrays else _NO_COLUMNS, self.char, n)
        token_columns = self.dense.token_columns(token_lists, ratings, phrases, digits)
        meaning = None
        if self.meaning is not None:
            meaning = _mean_vectors(self.meaning, rows, np.array(meanings, dtype=np.int64), n) * self.meaning_weight
        return _Batch(word, char, self.dense.matrix(lowered, normalised, token_lists, token_columns),
                      {text: row for row, text in enumerate(texts)}, meaning, self._rule_hits(texts, rule_hits))

    def _decision(self, batch: _Batch) -> np.ndarray:
        n = batch.dense.shape[0]
        scores = np.zeros((n, len(self.labels)))
        for (rows, columns, values), block in ((batch.word, self.word), (batch.char, self.char)):
            if not len(block.terms):
                continue  # its bincounts would add only zeros
            for label_index, coef in enumerate(block.coef):  # each row a contiguous view: a fast 1-D take
                scores[:, label_index] += np.bincount(rows, weights=values * coef[columns], minlength=n)
        scores += batch.dense @ self.dense_coef.T
        if batch.meaning is not None:
            scores += batch.meaning @ self.meaning_coef.T
        if batch.rules is not None:
            scores += batch.rules @ self.rules_coef.T
        return scores + self.intercept

    def decision_function(self, texts: list[str], rule_hits=None) -> np.ndarray:
        """The linear models' scores before calibration, shape (n, labels)."""
        return self._decision(self._features(list(texts), rule_hits))

    def predict_proba(self, texts: list[str], rule_hits=None) -> np.ndarray:
        """Calibrated probability per label, shape (n, labels): one batched call per document.

        ``rule_hits`` (n, families): did a rule of each family fire in each sentence (``rule_hits``); a model that
        reads them and is given none reads every sentence as one no rule flagged (``spinlint.lint.rule_hits_alone``
        gives the hits of sentences linted alone)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.labels)))
        batch = self._features(texts, rule_hits)
        decision = self._decision(batch)
        # One assignment, so a concurrent explain sees either the previous batch or this one.
        self._last = batch if len(texts) <= EXPLAIN_MEMO_ROWS else None
        # scikit-learn's sigmoid calibration: p = 1 / (1 + exp(a * f + b)).
        return 1.0 / (1.0 + np.exp(self.calibration_a * decision + self.calibration_b))

    def explain(self, text: str, label: str, k: int = 3, rule_hits=None) -> list[tuple[str, float]]:
        """The ``k`` named features pushing ``text`` hardest towards ``label`` (logit contributions).

        Word n-grams and dense features are named; character n-grams are left
        out because a fragment such as 'ock ' explains nothing to a reader.
        A sentence of the last scored batch reuses that batch's row.
        """
        label_index = self.labels.index(label)
        batch = self._last
        row = batch.rows.get(text) if batch is not None else None
        if row is None:
            batch, row = self._features([text], None if rule_hits is None else [rule_hits]), 0
        rows, columns, values = batch.word
        start, end = np.searchsorted(rows, (row, row + 1)).tolist()
        columns = columns[start:end]
        word = values[start:end] * self.word.coef[label_index][columns]
        dense = batch.dense[row] * self.dense_coef[label_index]
        terms, names = self.word.terms, self.dense_names
        positive = [(f"'{terms.term(column)}'", weight) for column, weight in zip(columns.tolist(), word.tolist())
                    if weight > 0]
        positive += [(name, weight) for name, weight in zip(names, dense.tolist()) if weight > 0]
        if batch.rules is not None:
            from .rule_hits import NAMES

            rules = batch.rules[row] * self.rules_coef[label_index]
            positive += [(name, weight) for name, weight in zip(NAMES, rules.tolist()) if weight > 0]
        named = sorted(positive, key=lambda item: (-item[1], item[0]))[:k]
        if batch.meaning is not None and len(named) < k:
            # 96 unnamed dimensions explain nothing one by one; together they say the wording resembles
            # labelled examples, which a reader is told only when the named reasons run out
            meaning = float(batch.meaning[row] @ self.meaning_coef[label_index])
            if meaning > 0:
                named.append((MEANING_EXPLANATION, meaning))
        return named


# -- export and load ----------------------------------------------------------------------------------


def export_arrays(*, word_terms: list[str], word_idf: np.ndarray, char_terms: list[str], char_idf: np.ndarray,
                  coef: np.ndarray, intercept: np.ndarray, calibration_a: np.ndarray, calibration_b: np.ndarray,
                  dense: DenseFeatures, meaning: tuple[WordVectors, float] | None = None,
                  document_model=None, rule_hit_families: Sequence[str] = ()) -> dict[str, np.ndarray]:
    """The plain arrays that make up an artefact (written by ``train.write_npz``, uncompressed)."""
    words = sorted(dense.concreteness)
    extra: dict[str, np.ndarray] = {}
    if meaning is not None:
        vectors, weight = meaning
        extra = {**vectors.arrays(prefix="meaning_"), "meaning_weight": np.asarray([weight], dtype=np.float64)}
    if document_model is not None:
        extra.update(document_model.arrays())
    if rule_hit_families:
        extra["rule_hit_families"] = _text_array(rule_hit_families)
    # Each vocabulary goes with its sorted keys, so loading builds no index (spinlint/model/terms.py).
    extra.update(TermIndex("\n".join(word_terms)).arrays("word_terms"))
    extra.update(TermIndex("\n".join(char_terms)).arrays("char_terms"))
    return {**extra,
        "word_idf": np.asarray(word_idf, dtype=np.float64),
        "char_idf": np.asarray(char_idf, dtype=np.float64),
        "coef": np.asarray(coef, dtype=np.float64), "intercept": np.asarray(intercept, dtype=np.float64),
        "calibration_a": np.asarray(calibration_a, dtype=np.float64),
        "calibration_b": np.asarray(calibration_b, dtype=np.float64),
        "lexicon_names": _text_array(name for name, _ in dense.lexicons),
        "lexicon_sizes": np.asarray([len(phrases) for _, phrases in dense.lexicons], dtype=np.int64),
        "lexicon_phrases": _text_array(phrase for _, phrases in dense.lexicons for phrase in phrases),
        "concreteness_words": _text_array(words),
        "concreteness_values": np.asarray([dense.concreteness[w] for w in words], dtype=np.float64),
    }


def default_path() -> Path:
    from ..resources import models_dir

    return models_dir() / f"{MODEL_NAME}.npz"


def load(path: Path | None = None) -> ExportedModel:
    """Load an artefact after checking its sha256 against the card ``<name>.json`` beside it."""
    path = Path(path) if path is not None else default_path()
    card_path = path.with_suffix(".json")
    if not path.is_file():
        raise ModelError(f"model file {path} is missing: {RETRAIN_HINT}")
    if not card_path.is_file():
        raise ModelError(f"model card {card_path} is missing: {RETRAIN_HINT}")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
        expected = card["artefact"]["sha256"]
    except (ValueError, KeyError, TypeError, OSError):
        raise ModelError(f"model card {card_path} is malformed: {RETRAIN_HINT}") from None
    # One read: the bytes that are hashed are the bytes that are loaded.
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != expected:
        raise ModelError(f"model file {path} does not match the sha256 in {card_path.name} "
                         f"(modified or corrupt): {RETRAIN_HINT}")
    try:
        arrays = read_stored_npz(content)
        if arrays is None:  # not the uncompressed kind train.write_npz writes
            with np.load(io.BytesIO(content), allow_pickle=False) as archive:
                arrays = {key: archive[key] for key in archive.files}
        return ExportedModel(arrays, card)
    except (ValueError, KeyError, TypeError, OSError, UnicodeDecodeError, IndexError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ModelError(f"model file {path} is malformed ({message}): {RETRAIN_HINT}") from None
