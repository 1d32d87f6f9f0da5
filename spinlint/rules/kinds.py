"""The closed set of rule kinds, each compiled once from its rule file.

A compiled kind answers one question for one unit of text (a sentence, a
paragraph): where does it match?  The engine decides which units to feed it
and turns matches into findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

from ..text import vocabulary
from . import regexcache
from .ruleset import Rule, RuleError, check_patterns, rule_file

# No unit longer than this reaches a pattern: the segmenter already caps
# sentences, and this guards paragraph-scope evidence searches too.
MAX_UNIT_CHARS = 20_000

_WRAP_START = r"(?<!\w)(?:"
_QUOTED = re.compile(r'"[^"\n]+"|“[^”\n]+”')
# A quotation is skipped only when the unit attributes it to someone criticising or reporting it: a
# journalist's '..., critics said', 'what the company calls "rightsizing"', 'the phrase "AI-first"'.
# A company quoting its own people ('"We will transform care," said our CEO') is the company speaking.
_CRITICAL_FRAME = re.compile(
    r"\b(?:critic(?:s|ism|ised|ized)?|sceptic(?:s|al)?|skeptic(?:s|al)?|detractors?|opponents?|campaigners?|"
    r"(?:mock|derid|ridicul|lampoon|scoff|dismiss|laugh|sneer|jeer)(?:s|es|ed|ing)?|so-called|journalists?|reporters?|"
    r"fact[- ]check\w*|watchdogs?|what\s+(?:it|they|the\s+(?:company|firm|vendor|bank|agency))\s+(?:calls?|called|dubs?|"
    r"dubbed|terms?|termed)|the\s+(?:word|words|phrase|phrases|term|terms|label|buzzword|buzzwords|slogan)|"
    # a reporter's attribution: 'X described the error as "..."', '..., it said in a statement on Monday'
    r"(?:described|characteri[sz]ed|portrayed|framed)\s+(?:[\w-]+\s+){0,8}?as|in\s+a\s+statement\s+(?:on|to|issued|released|sent|posted)|"
    # a critique of the quoted claim: '"...up to 30%", but did not say what it was measured against'
    r"(?:did|does|would)\s+not\s+(?:say|give|explain|specify|disclose|provide|publish|show|offer|name)|"
    r"(?:gave|offered|provided|published|cited|showed)\s+no\s+(?:baseline|source|figures?|data|details?|evidence|method)|"
    r"declined\s+to\s+(?:say|give|comment|explain|name)|without\s+(?:saying|giving|explaining|naming|evidence))\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    extras: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class VocabularyOverrides:
    """Config additions to and removals from named vocabularies."""

    add: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    remove: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def phrases(self, name: str) -> tuple[str, ...]:
        try:
            return vocabulary.get(name, self.add.get(name, ()), self.remove.get(name, ()))
        except KeyError as error:
            raise RuleError(str(error.args[0])) from None


def alternation_source(patterns: list[str] | tuple[str, ...], phrases: tuple[str, ...] = ()) -> str | None:
    """The source of one alternation with word boundaries (compiled case-insensitively), or None."""
    parts = [f"(?:{pattern})" for pattern in patterns]
    if phrases:
        parts.append(f"(?:{regexcache.phrase_alternation(phrases)})")
    if not parts:
        return None
    return _WRAP_START + "|".join(parts) + r")(?!\w)"


class _Compiled:
    """An alternation of a kind, compiled the first time it is used.

    Compiling every rule's regexes costs about a tenth of a second, most of a
    one-file run; with word heads known (``spinlint.rules.prefilter``) a rule whose
    words are not in the document is never compiled.  After the first use the
    compiled pattern is a plain attribute of the kind.
    """

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, kind, owner=None):
        if kind is None:
            return self
        source = kind.sources[self.name]
        compiled = None
        if source is not None:
            try:
                compiled = regexcache.compile_rule_regex(source)  # = re.compile(source, re.IGNORECASE)
            except re.error as error:
                origin = rule_file(f"{kind.rule.code}.toml")
                check_patterns(origin, kind.rule.match)  # names the pattern that is not a valid regex
                raise RuleError(f"{origin}: the patterns do not combine into one regex: {error}") from None
        kind.__dict__[self.name] = compiled
        return compiled


def compile_all(kind) -> None:
    """Compile every alternation of a kind now (rule checks and tests; runs compile lazily)."""
    for name in getattr(kind, "sources", {}):
        getattr(kind, name)


def _vocab_phrases(names: list[str], overrides: VocabularyOverrides, inflect: bool = False) -> tuple[str, ...]:
    phrases: list[str] = []
    for name in names:
        phrases.extend(overrides.phrases(name))
    if inflect:
        phrases = [form for phrase in phrases for form in inflections(phrase)]
    return tuple(dict.fromkeys(phrases))


# -- inflection: a vocabulary lists one form, the text uses any ---------------------------------

_INFLECTABLE = re.compile(r"[a-z]{4,}$")
_UNINFLECTED = frozenset("""
with from into onto over under across about this that these those their there them they your ours what which
when where while than then also only such very more most less much many some every each other
""".split())
_SUFFIXES = ("", "e", "s", "es", "ed", "ing")
# Above this many forms of one phrase, only its first and last words inflect (verb first, noun last).
_MAX_FORMS = 64


def word_forms(word: str) -> tuple[str, ...]:
    """A word's regular inflections from any one of them: streamline(s|d), streamlining; synergy, synergies.

    Over-generation is harmless ("workforced" never occurs in text); a form that is another common word
    would not be, which is why only rules that ask for it (``inflect = true``) use this.
    """
    piece = word.rsplit("-", 1)[-1]  # "right-size": the last piece inflects
    head = word[: len(word) - len(piece)]
    if not _INFLECTABLE.match(piece) or piece in _UNINFLECTED:
        return (word,)
    if piece.endswith(("ies", "ied")) or (piece.endswith("y") and piece[-2] not in "aeiou"):
        stem = piece[:-3] if piece.endswith(("ies", "ied")) else piece[:-1]
        return tuple(dict.fromkeys([word] + [head + stem + ending for ending in ("y", "ies", "ied", "ying")]))
    base = piece
    for suffix in ("ing", "ed", "es", "s", "e"):
        if piece.endswith(suffix) and len(piece) - len(suffix) >= 3 and not (
                suffix == "s" and piece[-2] in "siu"):
            base = piece[: -len(suffix)]
            break
    forms = [word] + [head + base + ending for ending in _SUFFIXES]
    if base != piece and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouslfz":
        forms += [head + base[:-1], head + base[:-1] + "s"]  # "cutting" -> "cut", "cuts"
    return tuple(dict.fromkeys(forms))


def inflections(phrase: str) -> list[str]:
    """Every form of a phrase whose words inflect regularly ("streamline our organization" -> "...lining...")."""
    words = phrase.split()
    options = [word_forms(word) for word in words]
    total = 1
    for forms in options:
        total *= len(forms)
    if total > _MAX_FORMS and len(words) > 2:
        options = [forms if index in (0, len(words) - 1) else (words[index],) for index, forms in enumerate(options)]
    phrases = [""]
    for forms in options:
        phrases = [f"{prefix} {form}".strip() for prefix in phrases for form in forms]
    return phrases


def critically_quoted(text: str) -> list[tuple[int, int]]:
    """The quotations in ``text`` that it attributes to a critic or a reporter, not to the author."""
    spans = [found.span() for found in _QUOTED.finditer(text)]
    if not spans:
        return []
    pieces, last = [], 0
    for start, end in spans:  # the frame must sit outside the quotation: a quote cannot frame itself
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return spans if _CRITICAL_FRAME.search(" ".join(pieces)) else []


def _is_quoted_or_named(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Words a critic or reporter is quoted as using, or a capitalised name mid-sentence, are not the author's own."""
    if any(q_start <= start and end <= q_end for q_start, q_end in quoted):
        return True
    word = text[start:end]
    before = text[:start].rstrip()
    sentence_start = not before or before[-1] in ".!?:;\u2022-–—(\"“'"
    # Title case ("Empower Suite") reads as a name; an acronym-led word ("AI-first") does not.
    title_case = word[:1].isupper() and word[1:2].islower()
    return bool(title_case and not sentence_start)


class PatternKind:
    """Shared by existence, substitution and occurrence: a pattern with vetoes."""

    pattern = _Compiled()
    unless = _Compiled()

    def __init__(self, rule: Rule, overrides: VocabularyOverrides):
        match = rule.match
        self.rule = rule
        self.skip_quoted = match.get("skip_quoted", True)
        self.swaps: dict[str, str] = {}
        if rule.kind == "substitution":
            for name in match.get("vocabularies", []):
                removed = set(overrides.remove.get(name, ()))
                self.swaps.update({k: v for k, v in vocabulary.swaps(name).items() if k not in removed})
            self.swaps.update({k.lower(): v for k, v in match.get("swaps", {}).items()})
            pattern = alternation_source([], tuple(self.swaps))
        else:
            phrases = _vocab_phrases(match.get("vocabularies", []), overrides, match.get("inflect", False))
            pattern = alternation_source(match.get("patterns", []), phrases)
        if pattern is None:
            raise RuleError(f"{rule.code}: the rule has no patterns or vocabulary entries")
        self.sources = {"pattern": pattern, "unless": alternation_source(match.get("unless", []))}

    def hits(self, text: str) -> list[Hit]:
        text = text[:MAX_UNIT_CHARS]
        # Most units match nothing: one search settles them before any other work (a plain
        # function, not a generator, because it runs once per rule and sentence).
        if self.pattern.search(text) is None:
            return []
        if self.unless is not None and self.unless.search(text):
            return []
        quoted = critically_quoted(text) if self.skip_quoted else []
        found_hits = []
        for found in self.pattern.finditer(text):
            start, end = found.span()
            if self.skip_quoted and _is_quoted_or_named(text, start, end, quoted):
                continue
            extras = {}
            if self.swaps:
                key = " ".join(found.group(0).lower().replace("-", " ").split())
                replacement = self.swaps.get(key) or self.swaps.get(found.group(0).lower(), "")
                extras = {"replacement": replacement}
            found_hits.append(Hit(start, end, extras))
        return found_hits


class ConditionalKind:
    """A claim fires unless evidence sits in the same scope (not overlapping the claim)."""

    claim = _Compiled()
    evidence = _Compiled()
    unless = _Compiled()
    not_after = _Compiled()

    def __init__(self, rule: Rule, overrides: VocabularyOverrides):
        match = rule.match
        self.rule = rule
        self.skip_quoted = match.get("skip_quoted", False)
        self.use_markers = match.get("evidence_markers", True)
        self.sources = {
            "claim": alternation_source(match.get("claim", []),
                                        _vocab_phrases(match.get("claim_vocabularies", []), overrides,
                                                       match.get("inflect", False))),
            "evidence": alternation_source(match.get("evidence", []),
                                           _vocab_phrases(match.get("evidence_vocabularies", []), overrides)),
            "unless": alternation_source(match.get("unless", [])),
            # what, just before a claim, makes it no claim of a result: "could reduce", "if it saves time"
            "not_after": _ending_alternation(match.get("not_after", [])),
        }
        if self.sources["claim"] is None:
            raise RuleError(f"{rule.code}: a conditional rule needs claim patterns or vocabularies")

    def claims(self, text: str) -> list[Hit]:
        text = text[:MAX_UNIT_CHARS]
        if self.claim.search(text) is None:  # the common case
            return []
        if self.unless is not None and self.unless.search(text):
            return []
        quoted = critically_quoted(text) if self.skip_quoted else []
        return [Hit(start, end) for start, end in (found.span() for found in self.claim.finditer(text))
                if not (self.skip_quoted and _is_quoted_or_named(text, start, end, quoted))
                and not self._hedged(text, start)]

    def _hedged(self, text: str, start: int) -> bool:
        if self.not_after is None:
            return False
        return self.not_after.search(text, max(0, start - NOT_AFTER_WINDOW), start) is not None

    def evidence_spans(self, text: str) -> list[tuple[int, int]]:
        """Every evidence span in ``text``; found once per scope unit, however many claims it holds.

        A figure offered as a ceiling ("up to 50% of teams", "as much as $2 million") is the claim's
        best case, not its support: it is never evidence, whatever pattern it matched.
        """
        if self.evidence is None:
            return []
        text = text[:MAX_UNIT_CHARS]
        return [found.span() for found in self.evidence.finditer(text)
                if not _CEILING_BEFORE.search(text, max(0, found.start() - 24), found.start())]

    def evidence_in(self, text: str, claim: Hit) -> tuple[int, int] | None:
        """The first evidence span in ``text`` that does not overlap the claim."""
        return first_apart(self.evidence_spans(text), claim)


# How far before a claim its ``not_after`` context is looked for: a few words.
NOT_AFTER_WINDOW = 48


def _ending_alternation(patterns: list[str]) -> str | None:
    """``patterns`` joined so that a match must end where the claim starts."""
    source = alternation_source(patterns)
    return None if source is None else f"(?:{source})\\s*$"


_CEILING_BEFORE = re.compile(r"(?:\bup\s+to|\bas\s+(?:much|many|high|little|few)\s+as|\bby\s+up\s+to)\s*[$€£]?$",
                             re.IGNORECASE)


def first_apart(spans: list[tuple[int, int]], claim: Hit) -> tuple[int, int] | None:
    """The first span that does not overlap the claim (evidence cannot be the claim itself)."""
    return next(((start, end) for start, end in spans if end <= claim.start or start >= claim.end), None)


class MetricKind:
    SENTENCE_METRICS = ("words", "syllables_per_word", "passive", "nominalisations")
    DOCUMENT_METRICS = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "passive_rate",
                        "nominalisation_rate", "flesch_reading_ease")

    def __init__(self, rule: Rule, overrides: VocabularyOverrides):
        self.rule = rule
        self.metric = rule.match.get("metric", "")
        allowed = self.SENTENCE_METRICS if rule.scope == "sentence" else self.DOCUMENT_METRICS
        if self.metric not in allowed:
            raise RuleError(f"{rule.code}: metric {self.metric!r} is not one of {', '.join(allowed)} "
                            f"for scope {rule.scope!r}")


class ClassifierKind:
    LABELS = ("vague", "blame", "evidence_gap")

    def __init__(self, rule: Rule, overrides: VocabularyOverrides):
        self.rule = rule
        self.label = rule.match.get("label", "")
        if self.label not in self.LABELS:
            raise RuleError(f"{rule.code}: label {self.label!r} is not one of {', '.join(self.LABELS)}")


class LogicKind:
    # Handled by the engine itself rather than by a function in spinlint.rules.logic.
    ENGINE_FUNCTIONS = ("unused_suppression", "disguised_words")

    def __init__(self, rule: Rule, overrides: VocabularyOverrides):
        self.rule = rule
        name = rule.match.get("function", "")
        self.function: Callable[..., Iterator] | None = None
        if name in self.ENGINE_FUNCTIONS:
            return
        from .logic import LOGIC  # the registry is the only place a function can come from

        if name not in LOGIC:
            raise RuleError(f"{rule.code}: logic function {name!r} is not registered in spinlint.rules.logic")
        self.function = LOGIC[name]

    def hits(self, text: str, options: Mapping[str, Any]) -> Iterator[Hit]:
        if self.function is None:
            return
        for item in self.function(text[:MAX_UNIT_CHARS], options):
            extras = item[2] if len(item) > 2 else {}
            yield Hit(item[0], item[1], extras)


KIND_CLASSES = {
    "existence": PatternKind,
    "substitution": PatternKind,
    "occurrence": PatternKind,
    "conditional": ConditionalKind,
    "metric": MetricKind,
    "classifier": ClassifierKind,
    "logic": LogicKind,
}


def compile_rule(rule: Rule, overrides: VocabularyOverrides):
    """The rule's kind, ready to run; its regexes compile on first use (``compile_all`` forces it)."""
    return KIND_CLASSES[rule.kind](rule, overrides)
