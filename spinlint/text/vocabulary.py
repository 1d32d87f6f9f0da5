"""Named word lists shared by the rules and the classifier's features.

Each list is ``spinlint/text/vocabularies/<name>.txt``: one phrase per line, ``#``
starts a comment, and a substitution list writes ``phrase => replacement``.
Lists are curated by the project; their header comments name the sources.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# Beside this module, found from its path: importing importlib.resources costs a one-file run more
# (tempfile, shutil, lzma) than reading the lists.
_FOLDER = Path(__file__).parent / "vocabularies"


def names() -> list[str]:
    """Every vocabulary shipped with spinlint, sorted."""
    return sorted(entry.name[:-4] for entry in _FOLDER.iterdir() if entry.name.endswith(".txt"))


@lru_cache(maxsize=None)
def _entries(name: str) -> tuple[tuple[str, str], ...]:
    try:
        raw = (_FOLDER / f"{name}.txt").read_text(encoding="utf-8")
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
    """A regex for one literal phrase: any whitespace between words; a hyphen may be a space or nothing; an
    apostrophe straight or curly."""
    return "".join(_atoms(phrase))


def _atoms(phrase: str) -> list[str]:
    """The phrase as regex atoms: one per character, plus the separators between pieces and words."""
    atoms: list[str] = []
    for word_index, word in enumerate(phrase.split()):
        if word_index:
            atoms.append("\\s+")
        for piece_index, piece in enumerate(word.split("-")):
            if piece_index:
                atoms.append("[-\\s]?")
            atoms.extend(_APOSTROPHE if char in "'\u2019" else re.escape(char) for char in piece)
    return atoms


# Published text writes "people's" with a straight or a curly apostrophe; a list names the phrase once.
_APOSTROPHE = "['\u2019]"


_END = ""  # trie key marking "a phrase ends here" (no atom is empty)


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """One alternation for many phrases, written as a trie so the longest phrase wins.

    A flat ``a|b|c`` makes Python's regex engine try every phrase at every word
    start; sharing prefixes tries one branch per distinct next character, which
    is several times faster on a long lexicon.  At every node longer
    continuations come first and "stop here" last, so a match is the one the
    longest-first flat list would give (``tests/test_vocabulary_trie.py``).
    """
    root: dict = {}
    for phrase in set(phrases):
        node = root
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _trie_pattern(root)[0]


def _trie_pattern(node: dict) -> tuple[str, int]:
    """(the regex for the phrases below ``node``, the most atoms any of them has left)."""
    branches = []
    for atom, child in node.items():
        if atom != _END:
            pattern, depth = _trie_pattern(child)
            branches.append((-depth - 1, atom, atom + pattern))
    if not branches:
        return "", 0
    branches.sort()
    parts = [part for _, _, part in branches]
    depth = -branches[0][0]
    if _END in node:
        return "(?:" + "|".join(parts) + ")?", depth
    return (parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"), depth
