"""Words a regex cannot match without: most rules are settled by a set test, not a scan.

A rule's alternation is scanned at Python-regex speed, a few megabytes a
second, and a document meets some fifty of them.  Yet most rules match
nothing in most documents.  For each alternation we work out, once, a set of
*word heads*: short lower-case strings such that every match contains a word
(a run of word characters) beginning with one of them.  A text none of whose
words begins with a head cannot match, and a set of the text's word prefixes
answers that for every rule at once.

The heads come from the regex's parse tree (``re._parser``, the parser behind
``re.compile``).  Only literal ASCII word characters that sit at the start of
a word in every match are used: after the ``(?<!\\w)`` every alternation
begins with, or after something that always consumes a non-word character
such as ``\\s+``.  Anything the walk does not understand gives no head, and a
rule without heads is always scanned, so the filter can only skip work, never
a finding (``tests/test_prefilter.py`` checks this on every shipped rule).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..text.casefold import lowered
from .ruleset import generated_table, source_key

# Heads longer than this are cut: a text's prefix set holds prefixes up to this length.
HEAD_CHARS = 8
# Shorter heads ("if", "an") are in nearly every sentence and would filter nothing.
MIN_HEAD_CHARS = 3
_MAX_VARIANTS = 512

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
# A pseudo-head for "a word that begins with a digit" (\d at the start of a word): it cannot be
# a real prefix, since '<' is not a word character.
DIGIT_HEAD = "<digit>"


class HeadFinder:
    """Finds which of a fixed set of heads each unit's words begin with.

    The heads a word begins with are worked out once per distinct word and kept (a bounded
    table, cleared when full): words repeat across a run's documents, so most words cost one
    dictionary lookup.
    """

    TABLE_SIZE = 10_000

    def __init__(self, wanted: Iterable[str] | None = None):
        self.wanted = None if wanted is None else frozenset(wanted)
        self._heads_of_word: dict[str, tuple[str, ...]] = {}

    def heads_of_word(self, word: str) -> tuple[str, ...]:
        """The wanted heads (prefixes up to ``HEAD_CHARS``, or ``DIGIT_HEAD``) a lower-cased word begins with."""
        heads = self._heads_of_word.get(word)
        if heads is None:
            wanted = self.wanted
            found = [DIGIT_HEAD] if _DIGIT.match(word) else []
            found += [word[:size] for size in range(MIN_HEAD_CHARS, min(len(word), HEAD_CHARS) + 1)]
            heads = tuple(head for head in found if wanted is None or head in wanted)
            if len(self._heads_of_word) >= self.TABLE_SIZE:
                self._heads_of_word.clear()
            self._heads_of_word[word] = heads
        return heads

    def masks(self, units: Iterable[str]) -> dict[str, int] | None:
        """Each wanted head present, with a bit per unit holding a word that begins with it.

        None when some unit holds a character whose case folding the filter does not follow.
        """
        # The units of a document share most of their words: each distinct word's heads are read once.
        units_of_word: dict[str, int] = {}
        for index, text in enumerate(units):
            folded = lowered(text)
            if folded is None:
                return None
            bit = 1 << index
            for word in _WORD.findall(folded):
                units_of_word[word] = units_of_word.get(word, 0) | bit
        masks: dict[str, int] = {}
        known = self._heads_of_word
        for word, bits in units_of_word.items():
            heads = known.get(word)
            if heads is None:
                heads = self.heads_of_word(word)
            for head in heads:
                masks[head] = masks.get(head, 0) | bits
        return masks


def heads_of(source: str) -> frozenset[str] | None:
    """Word heads every match of a rule regex (``source``, compiled case-insensitively) contains, or None."""
    try:
        from re import _constants, _parser  # absent or changed: no filter, nothing else changes

        walker = _Walker(_constants)
        found, _ = walker.sequence(list(_parser.parse(source, re.IGNORECASE)), at_word_start=False)
    except Exception:  # noqa: BLE001 - any surprise from a private module means: no filter
        return None
    if found is None or _score(found)[0] is False:
        return None
    return frozenset(head[:HEAD_CHARS] for head in found)


# -- requirements: every word a match needs, not only the most selective -----------------------------
#
# A rule of many alternatives has, as a whole, only common heads ("use", "change"), and they pass
# nearly every sentence to the regex, which then matches nothing.  Each alternative alone needs
# several words ("remind" and "customers"), and a sentence without all of one alternative's
# words cannot match it.  A rule's *requirements* are its alternatives, each a tuple of head
# sets: a match of that alternative contains a word beginning with a head of every set.

Requirements = tuple  # tuple[tuple[frozenset[str], ...], ...]

# Past this many alternatives (a long vocabulary) the rule is one alternative: the table stays
# small and so does the work per document.
MAX_ALTERNATIVES = 128


def requirements_of(source: str) -> Requirements | None:
    """The alternatives of a rule regex (compiled case-insensitively) with the head sets each needs, or None."""
    try:
        from re import _constants, _parser  # absent or changed: no filter, nothing else changes

        parsed = list(_parser.parse(source, re.IGNORECASE))
        alternatives = _Walker(_constants).alternatives(parsed, at_word_start=False)
        if alternatives is None or len(alternatives) > MAX_ALTERNATIVES:
            required: list[frozenset[str]] = []
            _Walker(_constants).sequence(parsed, False, required)
            alternatives = [tuple(required)] if required else None
    except Exception:  # noqa: BLE001 - any surprise from a private module means: no filter
        return None
    if alternatives is None:
        return None
    tidied: list[tuple[frozenset[str], ...]] = []
    for alternative in map(_tidy, alternatives):
        if alternative not in tidied:
            tidied.append(alternative)
    # An alternative that needs everything another needs, and more, can only pass where the other does.
    kept = [alternative for alternative in tidied
            if not any(other != alternative and set(other) <= set(alternative) for other in tidied)]
    return tuple(kept) if kept and all(kept) else None


def _tidy(sets: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """Distinct head sets, most selective first, without the sets another implies."""
    distinct = list(dict.fromkeys(frozenset(head[:HEAD_CHARS] for head in heads) for heads in sets))
    # A set holding all of another's heads and more is met wherever the other is.
    kept = [heads for heads in distinct if not any(other < heads for other in distinct)]
    return tuple(sorted(kept, key=lambda heads: (_score(heads), sorted(heads)), reverse=True))


class CandidateFinder:
    """For many rules at once, the units (a bit each) where each rule may match.

    One pass over the units' distinct words finds the heads present (``HeadFinder``), each distinct head
    set of all the rules gets the bits of the units meeting it, and an alternative whose most selective
    set is met somewhere needs its other sets met in the same unit.
    """

    def __init__(self, requirements: dict[int, Requirements]):
        self.rules = tuple(requirements)
        set_ids: dict[frozenset[str], int] = {}
        # alternatives by the id of their first (most selective) set: (rule, ids of their other sets)
        self._by_first_set: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        for rule, alternatives in requirements.items():
            for alternative in alternatives:
                ids = [set_ids.setdefault(heads, len(set_ids)) for heads in alternative]
                self._by_first_set.setdefault(ids[0], []).append((rule, tuple(ids[1:])))
        sets_of_head: dict[str, list[int]] = {}
        for heads, set_id in set_ids.items():
            for head in heads:
                sets_of_head.setdefault(head, []).append(set_id)
        self._sets_of_head = {head: tuple(ids) for head, ids in sets_of_head.items()}
        self._heads = HeadFinder(sets_of_head)

    def units(self, texts: Iterable[str]) -> dict[int, int] | None:
        """Rule → bits of the units it may match in; None when the units' case folding is not followed."""
        masks = self._heads.masks(texts)
        if masks is None:
            return None
        met: dict[int, int] = {}
        sets_of_head = self._sets_of_head
        for head, bits in masks.items():
            for set_id in sets_of_head[head]:
                met[set_id] = met.get(set_id, 0) | bits
        found = dict.fromkeys(self.rules, 0)
        by_first_set = self._by_first_set
        for set_id, first_bits in met.items():
            for rule, others in by_first_set.get(set_id, ()):
                bits = first_bits
                for other in others:
                    bits &= met.get(other, 0)
                    if not bits:
                        break
                found[rule] |= bits
        return found


# -- heads of the shipped rules, worked out ahead ---------------------------------------------------
#
# Parsing every rule's regex again costs a few tenths of a second, more than a one-file run can
# spare, so the heads of the shipped rules are stored in spinlint/rules/word-heads.json, keyed by
# a digest of the regex source: a vocabulary added in config changes the source and misses the
# table, and that rule's heads are then worked out in a long run only.  A test fails when the
# table is stale; `python -m spinlint.rules.tables` rewrites it.

SHIPPED = "word-heads.json"
UNKNOWN = object()


@lru_cache(maxsize=1)
def _shipped_table() -> dict[str, list[str] | None]:
    return generated_table(SHIPPED)


def shipped_requirements(source: str):
    """The stored requirements of a shipped rule's regex source, or ``UNKNOWN`` when it is not stored."""
    table = _shipped_table()
    key = source_key(source)
    if key not in table:
        return UNKNOWN
    stored = table[key]
    if stored is None:
        return None
    try:
        return tuple(tuple(frozenset(heads.split(" ")) for heads in alternative.split("|"))
                     for alternative in stored)
    except (AttributeError, TypeError):  # a table of another layout: worked out as if not stored
        return UNKNOWN


def heads_table(sources) -> dict[str, list[str] | None]:
    """Each source's requirements for JSON: an alternative is one string, its head sets split by "|" and
    their heads by spaces (as nested lists the table took ten times as long to decode, at every start)."""
    table = {}
    for source in sources:
        found = requirements_of(source)
        table[source_key(source)] = None if found is None else [
            "|".join(" ".join(sorted(heads)) for heads in alternative) for alternative in found]
    return dict(sorted(table.items()))


class _OverBudget(Exception):
    pass


class _Walker:
    """Walks a parsed regex keeping one fact: is the previous character surely not a word character?"""

    # Alternatives times what follows them can multiply; past this many steps a start gives no heads.
    STEP_BUDGET = 20_000

    def __init__(self, ops):
        self.ops = ops
        self.steps = 0

    def alternatives(self, items: list, at_word_start: bool) -> list[tuple[frozenset[str], ...]] | None:
        """The top-level alternatives of ``items``, each as the head sets every match of it meets, or None.

        Only a sequence that is one group or one alternation (zero-width assertions aside) is split;
        anything else is one alternative whose requirements are every head set ``sequence`` finds.
        """
        ops = self.ops
        body = []
        for op, value in items:
            if op in (ops.ASSERT, ops.ASSERT_NOT, ops.AT):
                if not body and op is ops.ASSERT_NOT and value[0] == -1 and self._is_word_class(list(value[1])):
                    at_word_start = True
                continue
            body.append((op, value))
        if len(body) == 1 and body[0][0] is ops.SUBPATTERN:
            return self.alternatives(list(body[0][1][-1]), at_word_start)
        if len(body) == 1 and body[0][0] is ops.BRANCH:
            found: list[tuple[frozenset[str], ...]] = []
            for alternative in body[0][1][1]:
                parts = self.alternatives(list(alternative), at_word_start)
                if parts is None:
                    return None
                found.extend(parts)
            return found
        required: list[frozenset[str]] = []
        self.sequence(items, at_word_start, required)
        return [tuple(required)] if required else None

    def sequence(self, items: list, at_word_start: bool, required: list | None = None
                 ) -> tuple[frozenset[str] | None, bool]:
        """(best heads found in the sequence or None, is the position after it surely a word start?)

        ``required``, when given, receives every usable head set found at this level, not only the best:
        each holds for every match of the sequence.
        """
        ops = self.ops
        best: frozenset[str] | None = None

        def better(current, candidate):
            if required is not None and candidate and _score(candidate)[0]:
                required.append(frozenset(candidate))
            return _better(current, candidate)

        for index, (op, value) in enumerate(items):
            if at_word_start:
                self.steps = 0
                try:
                    best = better(best, self.heads_from(items[index:]))
                except _OverBudget:
                    pass
            if op in (ops.ASSERT, ops.ASSERT_NOT):
                direction, body = value
                if op is ops.ASSERT_NOT and direction == -1 and self._is_word_class(list(body)):
                    at_word_start = True  # (?<!\w): the previous character is not a word character
                continue  # other lookarounds are zero width and promise nothing
            if op is ops.AT:
                continue
            if op is ops.SUBPATTERN:
                found, at_word_start = self.sequence(list(value[-1]), at_word_start)
                best = better(best, found)
            elif op is ops.BRANCH:
                found, at_word_start = self.branch(value[1], at_word_start)
                best = better(best, found)
            elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT):
                low, high, body = value
                body = list(body)
                if self._all_non_word(body):
                    at_word_start = at_word_start or low >= 1
                elif low >= 1 and high == 1:
                    found, at_word_start = self.sequence(body, at_word_start)
                    best = better(best, found)
                else:
                    # Repeated or optional: heads inside would have to hold for every repetition.
                    found, after_body = self.sequence(body, False)
                    if low >= 1:
                        best = better(best, found)
                    at_word_start = after_body if low >= 1 else (at_word_start and after_body)
            else:
                at_word_start = self._consumes_non_word(op, value)
        return best, at_word_start

    def branch(self, alternatives, at_word_start: bool) -> tuple[frozenset[str] | None, bool]:
        """Heads of an alternation: every alternative must promise some, and the union is promised."""
        heads: set[str] | None = set()
        after = True
        for alternative in alternatives:
            found, alternative_after = self.sequence(list(alternative), at_word_start)
            after = after and alternative_after
            heads = None if heads is None or found is None else heads | found
        return (frozenset(heads) if heads else None), after

    def heads_from(self, items: list, head: str = "") -> set[str] | None:
        """The lower-cased literal starts (up to ``HEAD_CHARS``) of whatever matches ``items`` here."""
        ops = self.ops
        self.steps += 1
        if self.steps > self.STEP_BUDGET:
            raise _OverBudget
        known = {head} if head else None
        if len(head) == HEAD_CHARS or not items:
            return known
        (op, value), rest = items[0], items[1:]
        if op in (ops.ASSERT, ops.ASSERT_NOT, ops.AT):
            return self.heads_from(rest, head)  # zero width: the characters around it stay contiguous
        if not head and self._starts_with_digit(op, value):
            return {DIGIT_HEAD}
        separator = self._separator(op, value)
        if separator is not None:
            if not head:
                return None
            # The word ends here if the separator is there: promise it, or the next word if that is
            # more selective ("co" of "co-create" is in every text; "create" is not).
            selective = len(head) >= MIN_HEAD_CHARS and head not in _COMMON
            ended = {head} if selective else _more_selective({head}, self.heads_from(rest, ""))
            if separator >= 1:
                return ended
            joined = self.heads_from(rest, head) or {head}  # "cocreate": no separator at all
            found = ended | joined
            return found if len(found) <= _MAX_VARIANTS else known
        if op is ops.LITERAL or (op is ops.IN and self._small_word_class(value)):
            chars = dict.fromkeys(chr(value).lower() if op is ops.LITERAL else
                                  (chr(item).lower() for _, item in value))
            if not all(char in _WORD_CHARS for char in chars):
                return known
            found: set[str] = set()
            for char in chars:
                found |= self.heads_from(rest, head + char) or {head + char}
            return found if len(found) <= _MAX_VARIANTS else known
        branches: list[list] = []
        if op is ops.SUBPATTERN:
            branches = [list(value[-1]) + rest]
        elif op is ops.BRANCH:
            branches = [list(alternative) + rest for alternative in value[1]]
        elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT):
            low, high, body = value
            branches = [list(body) + rest if high == 1 else list(body)]
            if low == 0:
                branches.append(rest)
        if not branches:
            return known
        found = set()
        for branch in branches:
            heads = self.heads_from(branch, head)
            if heads is None:
                return known
            found |= heads
            if len(found) > _MAX_VARIANTS:
                return known
        return found

    def _separator(self, op, value) -> int | None:
        """The least number of non-word characters this item consumes, or None if it may be a word's."""
        ops = self.ops
        if op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT):
            low, _, body = value
            return low if self._all_non_word(list(body)) else None
        return 1 if self._consumes_non_word(op, value) else None

    def _starts_with_digit(self, op, value) -> bool:
        """``\\d`` or ``\\d+``: whatever matches begins with a digit."""
        ops = self.ops
        if op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT):
            low, _, body = value
            body = list(body)
            return low >= 1 and len(body) == 1 and self._starts_with_digit(*body[0])
        return op is ops.IN and list(value) == [(ops.CATEGORY, ops.CATEGORY_DIGIT)]

    def _small_word_class(self, value) -> bool:
        ops = self.ops
        return len(value) <= 4 and all(kind is ops.LITERAL and item < 128 for kind, item in value)

    def _consumes_non_word(self, op, value) -> bool:
        """One character that is surely not a word character (a space, a hyphen, a comma ...)."""
        ops = self.ops
        if op is ops.LITERAL:
            return not _WORD.fullmatch(chr(value))
        if op is ops.IN:
            for kind, item in value:
                if kind is ops.LITERAL and not _WORD.fullmatch(chr(item)):
                    continue
                if kind is ops.CATEGORY and item in (ops.CATEGORY_SPACE, ops.CATEGORY_NOT_WORD):
                    continue
                return False
            return bool(value)
        return False

    def _all_non_word(self, items: list) -> bool:
        return bool(items) and all(self._consumes_non_word(op, value) for op, value in items)

    def _is_word_class(self, items: list) -> bool:
        ops = self.ops
        return (len(items) == 1 and items[0][0] is ops.IN
                and list(items[0][1]) == [(ops.CATEGORY, ops.CATEGORY_WORD)])


# Heads that begin most sentences' words filter little; a choice without them is preferred.
# Only selectivity depends on this list, never a finding.
_COMMON = frozenset("""
the and that have for not with you this but his from they she will one all would there their what
out about who get which when make can like time just him know take people into year your good some
could them see other than then now look only come its over think also back after use two how our
work first well way even new want because any these give day most are was were been has had more
here upon said such many very where much through between should each those both made may being
does did less own same under while last still without every part today
""".split())


def _score(heads: Iterable[str]) -> tuple[bool, bool, int, int]:
    heads = list(heads)
    # A word that begins with a digit is about as common as one that begins with given three letters.
    shortest = min(MIN_HEAD_CHARS if head == DIGIT_HEAD else len(head[:HEAD_CHARS]) for head in heads)
    return (shortest >= MIN_HEAD_CHARS, _COMMON.isdisjoint(heads), shortest, -len(heads))


def _more_selective(first: set[str], second: set[str] | None) -> set[str]:
    return first if not second or "" in second or _score(first) >= _score(second) else second


def _better(current: frozenset[str] | None, candidate: Iterable[str] | None) -> frozenset[str] | None:
    """The more selective head set: longer shortest head, then fewer heads."""
    if not candidate:
        return current
    candidate = frozenset(candidate)
    if not _score(candidate)[0]:  # an empty or too short head filters nothing
        return current
    if current is None:
        return candidate
    return candidate if _score(candidate) > _score(current) else current
