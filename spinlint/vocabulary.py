"""Named word lists shared by the rules and the classifier's features.

Each list is ``spinlint/vocabularies/<name>.txt``: one phrase per line, ``#``
starts a comment, and a substitution list writes ``phrase => replacement``.
Lists are curated by the project; their header comments name the sources.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PACKAGE = "spinlint.vocabularies"


def names() -> list[str]:
    """Every vocabulary shipped with spinlint, sorted."""
    folder = resources.files(_PACKAGE)
    return sorted(entry.name[:-4] for entry in folder.iterdir() if entry.name.endswith(".txt"))


@lru_cache(maxsize=None)
def _entries(name: str) -> tuple[tuple[str, str], ...]:
    try:
        raw = resources.files(_PACKAGE).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"unknown vocabulary {name!r}; known: {', '.join(names())}") from None
    entries = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        phrase, _, replacement = line.partition("=>")
        entries.append((phrase.strip().lower(), replacement.strip()))
    return tuple(entries)


def get(name: str, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The phrases of one vocabulary, lower-cased, with config additions and removals applied."""
    removed = {phrase.lower() for phrase in remove}
    phrases = [phrase for phrase, _ in _entries(name) if phrase not in removed]
    phrases.extend(phrase.lower() for phrase in add if phrase.lower() not in removed)
    return tuple(dict.fromkeys(phrases))


def swaps(name: str) -> dict[str, str]:
    """A substitution vocabulary as ``{phrase: replacement}``."""
    return {phrase: replacement for phrase, replacement in _entries(name) if replacement}


def phrase_pattern(phrase: str) -> str:
    """A regex for one literal phrase: any whitespace between words; a hyphen may be a space or nothing."""
    parts = []
    for word in phrase.split():
        pieces = [re.escape(piece) for piece in word.split("-")]
        parts.append("[-\\s]?".join(pieces))
    return "\\s+".join(parts)


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """One alternation for many phrases, longest first so the longest phrase wins."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(phrase_pattern(phrase) for phrase in ordered)
