"""Readability numbers from one pass of counts per sentence.

The formulas are textstat's (0.7, English): Flesch reading ease, Flesch–Kincaid
grade, Gunning fog (Dale–Chall easy words excluded from the hard words) and
SMOG, with textstat's word list rules and syllable counts.  Calling textstat's
dozen functions would re-tokenise the text for each and make it import nltk
(and download cmudict), so the counts are taken once here and
``tests/test_readability.py`` checks every number against textstat itself.
Sentence counts come from the segmenter (Punkt), not textstat's regex.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from .caching import cached_up_to
from .casefold import any_case, lowered
from .syllables import CACHED_WORD_CHARS, easy_words, syllables

_NON_CONTRACTION_APOSTROPHE = r"'(?!(?:[tsd]|ve|ll|re))"
_PUNCTUATION = r"[^\w\s']"
# textstat removes both in turn; each decision looks only at the original text (the apostrophe's
# lookahead) or at characters the first step keeps, so one pass removes exactly the same.
_NOT_IN_WORDS = re.compile(f"{_NON_CONTRACTION_APOSTROPHE}|{_PUNCTUATION}")
# A form of "be"/"get", an optional adverb, then a past participle: the shape of a passive verb.
# Matched with IGNORECASE (any_case) or, compiled below, case-sensitively on lower-cased text.
_PASSIVE = (
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)\s+(?:\w+ly\s+)?"
    r"((?:\w+ed|made|taken|given|done|seen|known|held|paid|built|cut|hit|kept|left|lost|put|set|shown|spent|"
    r"told|sold|brought|bought|found|won|written|chosen|driven|broken|begun|frozen|hidden|laid|led|meant|"
    r"shut|split|spread|struck|thrown|understood|undertaken|withdrawn|drawn|grown|forgotten|overseen|felt|"
    r"heard|sent|dealt|let|born|borne|hurt|sought|taught|thought|caught|fought|swept|sunk|upheld|withheld))\b"
    r"(\s+by\b)?"
)
_BE_OR_GET = r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)"
# The same passive pattern for lower-cased text (see lowered), written so that re scans for the letters
# a match can start with in C instead of trying every position: each form of "be"/"get" in the same
# order, grouped by first letter c, with the leading \b tested as c(?<!\wc) once c is read (the same
# test, since c is a word character).  tests/test_readability.py holds its matches to _PASSIVE's.
_PASSIVE_LOWER = re.compile(
    r"(?:a(?<!\wa)(?:m|re)|i(?<!\wi)s|w(?<!\ww)(?:as|ere)|b(?<!\wb)(?:e|een|eing)|g(?<!\wg)(?:et|ets|ot|otten|etting))"
    + _PASSIVE.removeprefix(_BE_OR_GET))
_NOT_PARTICIPLES = frozenset({"need", "indeed", "speed", "seed", "feed", "bed", "red", "shed", "bred", "weed",
                              "exceed", "proceed", "succeed", "hundred", "sacred", "naked", "wicked", "kindred"})
# Matched like _PASSIVE.
_NOMINALISATION = r"\b[a-z]{3,}(?:tions?|sions?|ments?|ness|ances?|ences?|ities|ity|isations?|izations?)\b"
_NOMINALISATION_LOWER = re.compile(_NOMINALISATION)
# Nouns with these endings that are not verbs or adjectives turned into nouns.
_NOT_NOMINALISATIONS = frozenset({
    "nation", "nations", "station", "stations", "question", "questions", "mention", "moment", "moments",
    "comment", "comments", "element", "elements", "segment", "segments", "city", "cities", "business",
    "witness", "lioness", "fitness", "chance", "chances", "finance", "science", "sciences", "sentence",
    "sentences", "evidence", "fence", "fences", "lotion", "potion", "ocean", "document", "documents",
    "instrument", "instruments", "apartment", "department", "departments", "government", "governments",
    "cement", "fragment", "garment", "ornament", "parliament", "quantity", "entity", "entities", "university",
    "community", "communities", "pension", "pensions", "mansion", "tension", "vision", "television",
    "dimension", "version", "versions", "ambulance", "audience", "conference", "conferences", "residence",
    "experience", "experiences", "balance", "insurance", "province", "lieutenant", "position", "positions",
    "portion", "portions", "section", "sections", "option", "options", "caution", "ration", "fraction",
})


@dataclass(frozen=True, slots=True)
class SentenceStats:
    words: int
    syllables: int
    polysyllables: int  # three or more syllables (SMOG)
    hard_words: int  # three or more syllables and not a Dale–Chall easy word (Gunning fog)
    passive: int  # passive verb groups
    nominalisations: int


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    words_per_sentence: float
    long_sentences: int
    passive_rate: float  # passive verb groups per 100 sentences
    nominalisation_rate: float  # nominalisations per 100 words

    def to_dict(self) -> dict:
        return {key: round(value, 2) if isinstance(value, float) else value for key, value in asdict(self).items()}


def words(text: str) -> list[str]:
    """textstat's words: punctuation removed (contraction apostrophes kept), split on whitespace."""
    return _NOT_IN_WORDS.sub("", text).split()


def passive_spans(text: str) -> list[tuple[int, int, bool]]:
    """Each passive verb group in ``text``: (start, end, whether an agent follows with "by")."""
    return _passive_spans(text, lowered(text))


def _passive_spans(text: str, folded: str | None) -> list[tuple[int, int, bool]]:
    pattern, subject = (any_case(_PASSIVE), text) if folded is None else (_PASSIVE_LOWER, folded)
    spans = []
    for match in pattern.finditer(subject):
        if match.group(1).lower() in _NOT_PARTICIPLES:
            continue
        spans.append((match.start(), match.end(1), match.group(2) is not None))
    return spans


def nominalisations(text: str) -> list[tuple[int, int]]:
    return _nominalisations(text, lowered(text))


def _nominalisations(text: str, folded: str | None) -> list[tuple[int, int]]:
    if folded is None:
        pattern, subject = any_case(_NOMINALISATION), text
    elif ("tion" in folded or "sion" in folded or "ment" in folded or "ness" in folded or "ance" in folded
          or "ence" in folded or "ity" in folded or "itie" in folded):
        pattern, subject = _NOMINALISATION_LOWER, folded
    else:
        return []  # every ending of _NOMINALISATION contains one of these
    return [(match.start(), match.end()) for match in pattern.finditer(subject)
            if match.group().lower() not in _NOT_NOMINALISATIONS]


# Per-word counts packed in one integer (syllables + polysyllable flag << 40 + hard-word flag << 80)
# so that a sentence's three totals are one C-level sum; no field can overflow into the next
# for any text shorter than 2**40 characters.
_POLYSYLLABLE = 1 << 40
_HARD_WORD = 1 << 80
_FIELD = _POLYSYLLABLE - 1


def _counts(word: str) -> int:
    """One word's packed counts."""
    lower = word.lower()
    count = syllables(lower)
    if count < 3:
        return count
    return count + _POLYSYLLABLE + (0 if lower in easy_words() else _HARD_WORD)


# Per distinct word as written (words() keeps case).
_word_counts = cached_up_to(CACHED_WORD_CHARS, 16384)(_counts)


def _total_counts(tokens: list[str]) -> int:
    if not tokens or max(map(len, tokens)) <= CACHED_WORD_CHARS:
        return sum(map(_word_counts.cached, tokens))  # the common case: one C-level loop over the LRU
    return sum(map(_word_counts, tokens))


# Boilerplate sentences repeat across an archive, most do not.
@cached_up_to(1000, 2048)
def sentence_stats(text: str) -> SentenceStats:
    tokens = words(text)
    total = _total_counts(tokens)
    folded = lowered(text)
    return SentenceStats(words=len(tokens), syllables=total & _FIELD, polysyllables=(total >> 40) & _FIELD,
                         hard_words=total >> 80, passive=len(_passive_spans(text, folded)),
                         nominalisations=len(_nominalisations(text, folded)))



def combine(stats: list[SentenceStats], *, long_sentence_words: int = 35) -> Readability:
    """Document numbers from per-sentence counts (textstat's formulas)."""
    word_count = sum(item.words for item in stats)
    sentence_count = len(stats)
    syllable_count = sum(item.syllables for item in stats)
    per_sentence = word_count / sentence_count if sentence_count else 0.0
    per_word = syllable_count / word_count if word_count else 0.0
    if per_sentence and per_word:
        reading_ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
        grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    else:
        reading_ease = grade = 0.0
    fog = 0.4 * (per_sentence + 100 * sum(item.hard_words for item in stats) / word_count) if word_count else 0.0
    polysyllables = sum(item.polysyllables for item in stats)
    smog = 1.043 * math.sqrt(30 * polysyllables / sentence_count) + 3.1291 if sentence_count else 0.0
    return Readability(
        words=word_count, sentences=sentence_count, syllables=syllable_count,
        flesch_reading_ease=reading_ease, flesch_kincaid_grade=grade, gunning_fog=fog, smog_index=smog,
        words_per_sentence=per_sentence,
        long_sentences=sum(1 for item in stats if item.words > long_sentence_words),
        passive_rate=100 * sum(item.passive for item in stats) / sentence_count if sentence_count else 0.0,
        nominalisation_rate=100 * sum(item.nominalisations for item in stats) / word_count if word_count else 0.0,
    )


def document_readability(sentences: list[str], *, long_sentence_words: int = 35,
                         stats: list[SentenceStats] | None = None) -> Readability:
    if stats is None:
        stats = [sentence_stats(sentence) for sentence in sentences]
    return combine(stats, long_sentence_words=long_sentence_words)
