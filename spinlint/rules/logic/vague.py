"""Logic checks for vague prose: nominal chains, abstract sentences, paragraphs of stacked mild cues."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator, Mapping

from ...text.caching import cached_up_to
from ...text.casefold import any_case, lowered
from ...text.syllables import CACHED_WORD_CHARS
from .common import Offsets


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


# -- stacked nominalisations ---------------------------------------------------------------------

_NOMINAL_SUFFIX = re.compile(r"(?:[ia]tion|sion|ment|ance|ence|ity|ities|ness|[iy][sz]ation|tions|sions|ments|ances|ences)$")
# Words with a nominal ending that name a thing or place, not a process.
_CONCRETE_NOMINALS = frozenset("""
city cities nation nations station stations question questions mention government governments department departments
apartment apartments equipment moment moments document documents element elements instrument instruments segment
segments cement basement basements comment comments pavement parliament university universities community
communities entity entities facility facilities authority authorities county counties majority minority identity
business businesses lotion ration portion portions audience sentence sentences evidence science sciences conference
conferences residence fence fences dance dances chance chances balance distance ambulance insurance office
""".split())
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\"“”]")
_PREPOSITIONS = frozenset("of for in to on across through within into by with".split())


def is_nominalisation(word: str) -> bool:
    """A long abstract noun made from a verb or adjective: optimisation, alignment, capability."""
    lower = word.lower()
    return len(lower) >= 7 and lower not in _CONCRETE_NOMINALS and bool(_NOMINAL_SUFFIX.search(lower))


# Cached per distinct word: the rules see each common word thousands of times.
_per_word = cached_up_to(CACHED_WORD_CHARS, 8192)


_nominal_word = _per_word(is_nominalisation)
# Every nominalisation ends with one of these (in lower case).  None of them overlaps itself and words
# never overlap, so the sum of their counts in a sentence bounds its number of nominalisations.
_NOMINAL_MARKS = ("tion", "sion", "ment", "ance", "ence", "ity", "itie", "ness")


def _nominalisations_at_most(text: str) -> int:
    folded = lowered(text)
    if folded is None:
        return sum(map(_nominal_word, _WORD.findall(text)))
    count = folded.count
    return sum(map(count, _NOMINAL_MARKS))


def stacked_nominalisations(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """Chains like 'the optimisation of the alignment of capabilities'.

    Nominalisations joined directly ('capability enablement') or by up to
    three words that include a preposition ('of the', 'of data') count as
    one chain.
    """
    minimum = int(options.get("min_nominals", 3))
    if _nominalisations_at_most(text) < minimum:
        return  # too few nominalisations in the whole sentence for any chain to reach the minimum
    tokens = _WORD.findall(text)
    if sum(1 for index, token in enumerate(tokens)
           if _nominal_word(token) and not (index > 0 and token[:1].isupper())) < minimum:
        return  # the same, counted exactly: nominalisations that are not part of a name
    words = _words(text)
    chain: list[re.Match] = []
    gap: list[str] = []

    def flush() -> Iterator[Offsets]:
        if len(chain) >= minimum:
            yield chain[0].start(), chain[-1].end()

    for index, word in enumerate(words):
        lower = word.group(0).lower()
        between = text[chain[-1].end():word.start()] if chain else ""
        # A capitalised word mid-sentence is part of a name ("the American Association for ...").
        named = index > 0 and word.group(0)[:1].isupper()
        if _nominal_word(lower) and not named:
            joined = chain and not _CLAUSE_BREAK.search(between) and (
                not gap or (len(gap) <= 3 and any(g in _PREPOSITIONS for g in gap)))
            if not joined:
                yield from flush()
                chain = []
            chain.append(word)
            gap = []
        elif chain and len(gap) < 3 and not _CLAUSE_BREAK.search(between):
            gap.append(lower)
        else:
            yield from flush()
            chain, gap = [], []
    yield from flush()


# -- abstract sentences --------------------------------------------------------------------------

_FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet for of in on at to from by with within without into onto over under about across
through between among this that these those it its we our us you your they their them he she his her i me my is are
was were be been being has have had do does did will would shall should can could may might must not no all any
each every some more most less such than then there here which who whom whose what when where why how as if also
just only very too much many new own same other another both either neither while whilst because since until
toward towards upon
""".split())


def _lemma_candidates(word: str) -> Iterator[str]:
    """The word, then crude lemmas: the norms rate lemmas ('enable'), text has inflections ('enables')."""
    yield word
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                                ("ing", "e"), ("d", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            yield word[: -len(suffix)] + replacement


def _concreteness(word: str, rating: Callable[[str], float | None]) -> float | None:
    for candidate in _lemma_candidates(word):
        value = rating(candidate)
        if value is not None:
            return value
    return None


@_per_word
def _word_rating(word: str) -> float | None:
    """``_concreteness`` of one lower-case word with the shipped ratings."""
    from ...text.concreteness import rating  # the ratings table loads only when this rule runs

    return _concreteness(word, rating)


# Evaluative, aspirational words of mission statements; an abstract sentence is a slogan when it leans on them.
_ASPIRATION = re.compile(
    r"(?:commit\w*|value[sd]?|vision\w*|innovat\w*|growth|excellen\w*|transform\w*|purpose\w*|opportunit\w*|"
    r"future|sustainab\w*|meaningful|responsibl\w*|inclusi\w*|strateg\w*|holistic\w*|empower\w*|potential|"
    r"progress|impact\w*|success\w*|excellence|trust\w*|passion\w*|journey|possibilit\w*|stakeholders?|"
    r"collaborat\w*|synerg\w*|agil\w*|resilien\w*|leadership|mission|ambition\w*|shared|together)$",
    re.IGNORECASE)


@_per_word
def _is_aspiration(word: str) -> bool:
    return _ASPIRATION.match(word) is not None


# In lower-cased text, where an _ASPIRATION word can start (no word starts right after a letter):
# the number of matches bounds the number of aspiration words.
_ASPIRATION_START = re.compile(
    r"(?<![a-z])(?:commit|value|vision|innovat|growth|excellen|transform|purpose|opportunit|future|sustainab|"
    r"meaningful|responsibl|inclusi|strateg|holistic|empower|potential|progress|impact|success|trust|passion|"
    r"journey|possibilit|stakeholder|collaborat|synerg|agil|resilien|leadership|mission|ambition|shared|together)")


def _aspirations_at_most(text: str) -> int:
    folded = lowered(text)
    if folded is None:
        return sum(map(_is_aspiration, _WORD.findall(text)))
    return len(_ASPIRATION_START.findall(folded))


_DIGIT = re.compile(r"\d")


def abstract_sentence(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """A sentence whose rated content words are nearly all abstract and that names nothing.

    Uses the Brysbaert et al. (2014) concreteness norms (1 = abstract,
    5 = concrete).  A digit or a mid-sentence proper name is a concrete
    referent, so such sentences are never flagged; and the sentence must
    lean on mission-statement words (commitment, vision, value...), because
    sober abstraction (accounting policy, risk factors) is not spin.
    """
    if _DIGIT.search(text):
        return
    # The cheapest tests first: most sentences lean on fewer than two mission-statement words.
    minimum_aspirations = int(options.get("min_aspiration_words", 2))
    if _aspirations_at_most(text) < minimum_aspirations:
        return
    tokens = _WORD.findall(text)
    if sum(map(_is_aspiration, tokens)) < minimum_aspirations:
        return  # abstract but sober (accounting, risk factors): not the slogan this rule is after
    if any(word[:1].isupper() and index > 0 and not word.isupper() for index, word in enumerate(tokens)):
        return
    rated = []
    for word in tokens:
        lower = word.lower().strip("'’-")
        if lower in _FUNCTION_WORDS or len(lower) < 3:
            continue
        value = _word_rating(lower)
        if value is not None:
            rated.append(value)
    if len(rated) < int(options.get("min_content_words", 8)):
        return
    mean = sum(rated) / len(rated)
    concrete = sum(1 for value in rated if value >= float(options.get("concrete_word_rating", 3.5)))
    if mean < float(options.get("max_mean_rating", 2.4)) and concrete <= int(options.get("max_concrete_words", 1)):
        start = len(text) - len(text.lstrip())
        yield start, len(text.rstrip())


# -- stacked mild cues ---------------------------------------------------------------------------

# Six classes of mild vague cue.  Each word is common in plain prose and too weak to flag alone; a paragraph that leans
# on many of them, from several classes at once, has little left once they are taken out.  Technical senses are
# vetoed where they are common: an API "key", "leading to" and "leading zeros".
_MILD_CUES = {
    "praise": r"powerful|seamless(?:ly)?|robust|innovative|unique|comprehensive|flexible|intelligent|valuable|"
              r"excellent|vast|huge|(?<!api\s)(?<!private\s)(?<!public\s)(?<!secret\s)(?<!primary\s)(?<!foreign\s)"
              r"(?<!sort\s)(?<!access\s)(?<!partition\s)key(?![-=:])|critical|essential|crucial|vital|cutting-edge|"
              r"world-class|best-in-class|industry-leading|leading(?!\s+(?:to|zeros?|whitespace|slash|edge)\b)|"
              r"unparalleled|exceptional|remarkable|incredible|amazing|exciting|compelling|transformative|"
              r"game-changing|next-generation|state-of-the-art|modern|dynamic|holistic|strategic|meaningful|impactful|"
              r"tremendous|significant|streamlined|intuitive|effortless(?:ly)?|unprecedented|invaluable|pivotal|"
              r"profound|diverse|inspiring|thoughtful",
    "intensifier": r"truly|highly|incredibly|radically|constantly|increasingly|deeply|extremely|greatly|dramatically|"
                   r"vastly|continuously|ever|always|tirelessly|actively",
    "aspiration": r"commit(?:s|ted|ment|ments)?|vision(?:s|ary)?|innovat\w*|growth|excellen\w*|"
                  r"transform(?:s|ed|ing|ation|ational|ative)?|purpose(?:ful)?|opportunit(?:y|ies)|future|sustainab\w*|"
                  r"empower\w*|potential|progress|impact|success(?:es|ful|fully)?|journey|possibilit(?:y|ies)|"
                  r"collaborat\w*|synerg\w*|agility|resilien\w*|mission|ambitio\w*|together",
    "abstract_noun": r"capabilit(?:y|ies)|ecosystems?|landscape|foundation|initiatives?|solutions?|stakeholders?|"
                     r"engagement|expertise|perspectives?|priorit(?:y|ies)|objectives?|outcomes?|effectiveness|"
                     r"governance|efficienc(?:y|ies)|productivity|experiences?|culture|strateg(?:y|ies)|adoption|"
                     r"awareness|leadership|approach(?:es)?|efforts?|challenges?",
    "vague_amount": r"many|numerous|various|several|countless|a\s+number\s+of|(?:the\s+)?vast\s+majority|"
                    r"a\s+wide\s+range\s+of|a\s+variety\s+of|a\s+host\s+of|myriad|plenty",
    "enabling_verb": r"enabl\w*|empower\w*|foster\w*|driv(?:e|es|ing)|enhanc\w*|deliver\w*|streamlin\w*|"
                     r"accelerat\w*|optimi[sz]\w*|ensur\w*|facilitat\w*|leverag\w*|unlock\w*|elevat\w*|"
                     r"strengthen\w*|boost\w*|maximi[sz]\w*|harness\w*",
}
# One pass finds every cue; the name of the group that matched is its class.  It runs case-sensitively on a lower-cased
# copy of the paragraph (several times faster than IGNORECASE); ``any_case`` is the exact path for the rare text that
# cannot be lower-cased safely.
_MILD_CUE_SOURCE = (r"\b(?<!-)(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in _MILD_CUES.items())
                    + r")(?![\w-])")
_MILD_CUE = re.compile(_MILD_CUE_SOURCE)


def stacked_mild_cues(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """A paragraph dense with mild vague cues drawn from several classes.

    A long paragraph needs more cues at a lower density than a short one:
    nine cues at eight per hundred words, or six at twelve per hundred.
    """
    short_minimum = int(options.get("short_min_cues", 6))
    long_minimum = int(options.get("long_min_cues", 9))
    folded = lowered(text)
    matches = list(_MILD_CUE.finditer(folded) if folded is not None else any_case(_MILD_CUE_SOURCE).finditer(text))
    if len(matches) < min(short_minimum, long_minimum):
        return
    if len({match.lastgroup for match in matches}) < int(options.get("min_cue_kinds", 4)):
        return
    density = 100 * len(matches) / len(text.split())  # words counted by whitespace: no second regex pass
    if ((len(matches) >= long_minimum and density >= float(options.get("long_per_100_words", 8)))
            or (len(matches) >= short_minimum and density >= float(options.get("short_per_100_words", 12)))):
        # From the first cue to the last: the stretch the reader should rewrite.
        yield matches[0].start(), matches[-1].end()


VAGUE_CHECKS = {
    "stacked_nominalisations": stacked_nominalisations,
    "abstract_sentence": abstract_sentence,
    "stacked_mild_cues": stacked_mild_cues,
}
