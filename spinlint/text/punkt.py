"""Sentence boundaries with NLTK Punkt, using parameters spinlint trains itself and ships as JSON.

Importing ``nltk`` runs its package ``__init__``, which imports nearly every
subpackage (about a second, most of it scipy via ``nltk.metrics``).  Punkt
needs none of that, so ``_punkt_module`` imports just ``nltk.tokenize.punkt``
behind placeholder parent packages and then removes the placeholders, leaving
a later real ``import nltk`` unaffected.  ``tests/test_punkt.py`` checks the
result against the library imported the ordinary way.

Splitting runs a copy of the algorithm of nltk's ``PunktSentenceTokenizer.span_tokenize``
(``_FastPunkt``) with nltk's own patterns, when the installed nltk is a version that copy was
checked against (``VERIFIED_NLTK``); otherwise nltk itself runs.  nltk compiles them with the
``regex`` engine; the copy runs them on ``re`` where the two engines read them alike, which saves
importing ``regex`` (see ``_on_re`` and ``_AsciiOnRe``).  The copy decides each candidate boundary
from plain strings instead of building annotated token objects, and needs no nltk import at all
(about 60 ms of start-up).
``tests/test_text_speed.py`` checks that it gives nltk's spans on thousands of texts.

Train the parameters with ``python -m spinlint.text.punkt train`` (see ``main``).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import sys
import types
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..resources import models_dir, package_data
from .caching import cached_up_to

PARAMS_FILE = "punkt-params.json"
# Abbreviations of corporate prose that must never end a sentence, whatever the training data saw.
CORPORATE_ABBREVIATIONS = (
    "u.s", "u.k", "e.u", "inc", "corp", "co", "ltd", "llc", "plc", "l.p", "n.a", "s.a", "approx", "e.g", "i.e",
    "vs", "etc", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "jr", "sr", "st", "dept", "est", "fig", "al",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mgmt", "int'l",
)


def _punkt_module():
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.tokenize.punkt")
    placeholders = {}
    for name in ("nltk", "nltk.tokenize"):
        spec = importlib.util.find_spec(name) if name == "nltk" else None
        location = (list(spec.submodule_search_locations) if spec else
                    [str(Path(placeholders["nltk"].__path__[0]) / "tokenize")])
        module = types.ModuleType(name)
        module.__path__ = location
        placeholders[name] = module
        sys.modules[name] = module
    try:
        return importlib.import_module("nltk.tokenize.punkt")
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def params_to_dict(params) -> dict:
    return {
        "format": "spinlint-punkt-1",
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([list(pair) for pair in params.collocations]),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": {word: int(flags) for word, flags in sorted(params.ortho_context.items())},
    }


def params_from_dict(data: dict):
    punkt = _punkt_module()
    if data.get("format") != "spinlint-punkt-1":
        raise ValueError("not a spinlint Punkt parameter file")
    params = punkt.PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for word, flags in data["ortho_context"].items():
        params.ortho_context[word] = int(flags)
    return params


def _read_params() -> dict:
    path = models_dir() / PARAMS_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RuntimeError(f"{path}: cannot read the sentence-splitter parameters ({error}); "
                           "reinstall spinlint or run `python -m spinlint.text.punkt train`") from None


@lru_cache(maxsize=1)
def tokenizer():
    """The Punkt tokenizer with the shipped parameters (built once per process)."""
    return _punkt_module().PunktSentenceTokenizer(params_from_dict(_read_params()))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return list(_spans(text))


# Paragraphs repeat within a run of drafts, rarely across an archive: a small cache, short paragraphs only.
@cached_up_to(2000, 256)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    fast = _fast_punkt()
    if fast is not None:
        return tuple(fast.spans(text))
    return tuple(tokenizer().span_tokenize(text))


# -- the copy of nltk's span_tokenize ----------------------------------------------------------------

# nltk versions whose span_tokenize _FastPunkt reproduces (tests/test_text_speed.py compares them).
VERIFIED_NLTK = ("3.10.4",)


@lru_cache(maxsize=1)
def _fast_punkt() -> _FastPunkt | None:
    try:
        version = package_data("nltk", "VERSION").read_text(encoding="utf-8").strip()
    except (OSError, RuntimeError):
        return None
    if version not in VERIFIED_NLTK:
        return None
    if importlib.util.find_spec("regex") is None:
        return None  # nltk's engine, needed for the tokens re reads differently
    return _FastPunkt(_read_params())


# nltk's PunktLanguageVars and PunktToken patterns, built the way nltk builds them.
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
PERIOD_CONTEXT = r"""
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))""" % {"NonWord": _NON_WORD, "SentEndChars": r"[\.\?!]"}
WORD_TOKENIZER = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )""" % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START}
BOUNDARY_REALIGNMENT = r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)'
ELLIPSIS = r"\.\.+$"
NUMERIC = r"^-?[\.,]?\d[\d,\.-]*\.?$"
INITIAL = r"[^\W\d]\.$"
# nltk's orthographic-context bits: upper/lower case first letter seen at a sentence start,
# mid-sentence, or in an unknown position.
_ORTHO_BEG_UC, _ORTHO_MID_UC, _ORTHO_UNK_UC = 1 << 1, 1 << 2, 1 << 3
_ORTHO_BEG_LC, _ORTHO_MID_LC, _ORTHO_UNK_LC = 1 << 4, 1 << 5, 1 << 6
_ORTHO_UC = _ORTHO_BEG_UC + _ORTHO_MID_UC + _ORTHO_UNK_UC
_ORTHO_LC = _ORTHO_BEG_LC + _ORTHO_MID_LC + _ORTHO_UNK_LC
_SENT_END_CHARS = (".", "?", "!")
_PUNCTUATION = tuple(";:,.!?")
_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace: what nltk's _get_last_whitespace_index looks for
_UNKNOWN = "unknown"


# re's \s also matches U+001C-U+001F (str.isspace) and regex's does not; on every other code point the
# two agree (tests/test_text_speed.py checks them all), so patterns without \d or \w run on re with
# these two classes in place of \s and \S.
_REGEX_SPACE, _REGEX_NON_SPACE = r"[^\S\x1c-\x1f]", r"[\S\x1c-\x1f]"
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _on_re(pattern: str) -> str:
    """A pattern without \\d or \\w (or \\s inside a set), rewritten so that re matches what regex matches."""
    return _ESCAPE.sub(lambda escape: {"s": _REGEX_SPACE, "S": _REGEX_NON_SPACE}.get(escape.group(1),
                                                                                    escape.group(0)), pattern)


class _AsciiOnRe:
    """A pattern with \\d or \\w, which re and regex read alike only on ASCII: re there, regex otherwise.

    Outside ASCII they part on thousands of code points (combining marks, digits of newer Unicode),
    and tokens are nearly all ASCII, so regex is imported only for the first token that is not."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags
        self.on_ascii = re.compile(pattern, flags)
        self._on_unicode = None

    def engine_for(self, text: str):
        if text.isascii():
            return self.on_ascii
        if self._on_unicode is None:
            import regex

            self._on_unicode = regex.compile(self.pattern, self.flags)
        return self._on_unicode

    def match(self, text: str):
        return self.engine_for(text).match(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.engine_for(text).sub(replacement, text)


class _Token(NamedTuple):
    sentbreak: bool  # after the first pass
    abbreviation: bool
    ellipsis: bool
    period_final: bool
    type_no_period: str
    type_no_sentperiod: str  # as the next token, seen before its own second pass
    initial: bool


class _FastPunkt:
    """nltk's ``PunktSentenceTokenizer(params).span_tokenize`` for the shipped parameters."""

    def __init__(self, data: dict):
        self.abbrev_types = frozenset(data["abbrev_types"])
        self.collocations = frozenset(tuple(pair) for pair in data["collocations"])
        self.sent_starters = frozenset(data["sent_starters"])
        self.ortho_context = {word: int(flags) for word, flags in data["ortho_context"].items()}
        self.period_context = re.compile(_on_re(PERIOD_CONTEXT), re.UNICODE | re.VERBOSE)
        self.word_tokenizer = re.compile(_on_re(WORD_TOKENIZER), re.UNICODE | re.VERBOSE)
        self.realignment = re.compile(_on_re(BOUNDARY_REALIGNMENT), re.MULTILINE)
        self.ellipsis = re.compile(_on_re(ELLIPSIS))
        self.numeric = _AsciiOnRe(NUMERIC)
        self.initial = _AsciiOnRe(INITIAL, re.UNICODE)
        self._tokens: dict[str, _Token] = {}

    def spans(self, text: str) -> list[tuple[int, int]]:
        # _slices_from_text
        slices = []
        last_break = 0
        for match, context in self._end_contexts(text):
            if self._contains_sentbreak(context):
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))
        # _realign_boundaries
        spans = []
        realign = 0
        last = len(slices) - 1
        for index, (start, stop) in enumerate(slices):
            start += realign
            if index == last:
                if text[start:stop]:
                    spans.append((start, stop))
                continue
            next_start, next_stop = slices[index + 1]
            found = self.realignment.match(text[next_start:next_stop])
            if found:
                spans.append((start, next_start + len(found.group(0).rstrip())))
                realign = found.end()
            else:
                realign = 0
                if text[start:stop]:
                    spans.append((start, stop))
        return spans

    def _end_contexts(self, text: str):
        """_match_potential_end_contexts: each candidate boundary with the word before it and the token after."""
        previous_start = previous_stop = 0
        previous_match = None
        for match in self.period_context.finditer(text):
            before = text[previous_stop:match.start()]
            last_space = max(map(before.rfind, _WHITESPACE))
            if last_space > 0:  # nltk's index 0 means "none found" too
                word_start = last_space + previous_stop + 1
            else:
                word_start = previous_start
            if previous_match and previous_stop <= word_start:
                yield previous_match, (text[previous_start:previous_stop] + previous_match.group()
                                       + previous_match.group("after_tok"))
            previous_match = match
            previous_start, previous_stop = word_start, match.start()
        if previous_match:
            yield previous_match, (text[previous_start:previous_stop] + previous_match.group()
                                   + previous_match.group("after_tok"))

    def _contains_sentbreak(self, context: str) -> bool:
        """text_contains_sentbreak: does a token other than the last end a sentence?"""
        tokens = []
        for line in context.split("\n"):
            if line.strip():
                tokens.extend(self.word_tokenizer.findall(line))
        return any(self._breaks(tokens[index], tokens[index + 1]) for index in range(len(tokens) - 1))

    def _facts(self, token: str) -> _Token:
        """What the annotation passes read about one token (cached per distinct token, bounded)."""
        facts = self._tokens.get(token)
        if facts is None:
            if len(self._tokens) >= 8192:
                self._tokens.clear()  # bounded: in entries here, in length below
            sentbreak, abbreviation, ellipsis = self._first_pass(token)
            typ = self.numeric.sub("##number##", token.lower())
            no_period = typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ
            facts = _Token(sentbreak, abbreviation, ellipsis, token.endswith("."), no_period,
                           no_period if sentbreak else typ, self.initial.match(token) is not None)
            if len(token) <= 40:
                self._tokens[token] = facts
        return facts

    def _first_pass(self, token: str) -> tuple[bool, bool, bool]:
        """(sentbreak, abbreviation, ellipsis) from the token alone."""
        if token in _SENT_END_CHARS:
            return True, False, False
        if self.ellipsis.match(token):
            return False, False, True
        if token.endswith(".") and not token.endswith(".."):
            bare = token[:-1].lower()
            if bare in self.abbrev_types or bare.split("-")[-1] in self.abbrev_types:
                return False, True, False
            return True, False, False
        return False, False, False

    def _breaks(self, token: str, following: str) -> bool:
        """Whether ``token`` ends a sentence, given the next token (both annotation passes)."""
        facts = self._facts(token)
        if not facts.period_final:
            return facts.sentbreak
        typ = facts.type_no_period
        next_typ = self._facts(following).type_no_sentperiod
        initial = facts.initial
        if (typ, next_typ) in self.collocations:
            return False
        if (facts.abbreviation or facts.ellipsis) and not initial:
            if self._ortho_heuristic(following, next_typ) is True:
                return True
            if following[0].isupper() and next_typ in self.sent_starters:
                return True
        if initial or typ == "##number##":
            starter = self._ortho_heuristic(following, next_typ)
            if starter is False:
                return False
            if (starter == _UNKNOWN and initial and following[0].isupper()
                    and not self.ortho_context.get(next_typ, 0) & _ORTHO_LC):
                return False
        return facts.sentbreak

    def _ortho_heuristic(self, token: str, typ: str) -> bool | str:
        if token in _PUNCTUATION:
            return False
        context = self.ortho_context.get(typ, 0)
        if token[0].isupper() and context & _ORTHO_LC and not context & _ORTHO_MID_UC:
            return True
        if token[0].islower() and (context & _ORTHO_UC or not context & _ORTHO_BEG_LC):
            return False
        return _UNKNOWN


def train(corpus_dir: Path):
    """Learn Punkt parameters from every ``.txt`` file in ``corpus_dir`` (sorted, so runs are reproducible)."""
    punkt = _punkt_module()
    trainer = punkt.PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for path in sorted(corpus_dir.glob("*.txt")):
        trainer.train(path.read_text(encoding="utf-8"), finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types.update(CORPORATE_ABBREVIATIONS)
    return params


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m spinlint.text.punkt", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["train"])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"),
                        help="the datasets folder (default ../shared/datasets)")
    parser.add_argument("--out", type=Path, default=Path("models") / PARAMS_FILE)
    args = parser.parse_args(argv)
    corpus = args.data / "sec-10k-mdna-unlabelled"
    if not corpus.is_dir():
        parser.error(f"{corpus}: not found")
    data = params_to_dict(train(corpus))
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['abbrev_types'])} abbreviations, {len(data['collocations'])} collocations, "
          f"{len(data['sent_starters'])} sentence starters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
