"""The shipped rules' regexes, compiled ahead: what ``.pyc`` files are to modules.

Python's ``re`` parses and compiles a pattern in pure Python; the rule regexes a
two-kilobyte memo needs cost about 40 ms, an eighth of a one-file run.  The
compiled form is a list of integers that ``_sre.compile`` (the C half of
``re.compile``) accepts directly, so ``python -m spinlint.rules.tables`` stores it in
``spinlint/rules/compiled-regexes.json`` for this Python (version and ``_sre.MAGIC``).

A stored entry is used only if the running Python is the one it was made with
and the regex source is the same (by digest); anything else, or any error,
compiles the ordinary way.  ``tests/test_regexcache.py`` checks that every stored
entry is exactly what ``re`` compiles today.

Before a source can be looked up it has to be written: a vocabulary's phrases become one
trie-shaped alternation (``vocabulary.alternation``), about 40 ms for the shipped rules.
``phrase-alternations.json`` holds those alternations keyed by a digest of the phrases, so a
rule whose vocabularies (after config changes) are the shipped ones reads its source instead.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator

from .. import warmstart
from ..text import vocabulary
from ..warmstart import runtime_key
from .ruleset import generated_table, source_key

STORE = "compiled-regexes.json"
ALTERNATIONS = "phrase-alternations.json"
FLAGS = re.IGNORECASE  # every rule alternation is compiled with these


@lru_cache(maxsize=1)
def _stored() -> dict:
    data = generated_table(STORE)
    return data.get("regexes", {}) if data.get("runtime") == runtime_key() else {}


def compile_rule_regex(source: str) -> re.Pattern:
    """``re.compile(source, re.IGNORECASE)``, from the stored compiled form when there is one."""
    entry = _stored().get(source_key(source))
    if entry is not None:
        try:
            return warmstart.compiled_from(source, entry)
        except Exception:  # noqa: BLE001 - a stored entry is only ever a shortcut
            pass
    return re.compile(source, FLAGS)


def compiled_entry(source: str) -> list:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``source``, packed for storing."""
    return warmstart.compiled_entry(source, FLAGS)[2:]  # without the (source, flags) the table keys by


def store(sources: Iterable[str]) -> dict:
    return {"runtime": runtime_key(),
            "regexes": {source_key(source): compiled_entry(source) for source in sorted(set(sources))}}


def phrase_key(phrases: Iterable[str]) -> str:
    """The key of a phrase list: the alternation depends only on the set of phrases."""
    return source_key("\n".join(sorted(set(phrases))))


@lru_cache(maxsize=1)
def _stored_alternations() -> dict:
    return generated_table(ALTERNATIONS).get("alternations", {})


_recording: dict[str, str] | None = None


def phrase_alternation(phrases: tuple[str, ...]) -> str:
    """``vocabulary.alternation(phrases)``, from the stored table when it has these phrases."""
    key = phrase_key(phrases)
    if _recording is not None:
        _recording[key] = vocabulary.alternation(phrases)
        return _recording[key]
    stored = _stored_alternations().get(key)
    return stored if isinstance(stored, str) else vocabulary.alternation(phrases)


@contextmanager
def recording_alternations() -> Iterator[dict[str, str]]:
    """Inside the block every alternation is written afresh and kept: phrase key -> source (for the table)."""
    global _recording
    _recording = {}
    try:
        yield _recording
    finally:
        _recording = None
