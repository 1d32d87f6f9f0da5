"""The copy of the prose that rules and the model read: disguised words undone, positions kept.

A document someone else prepared can hide its words from a linter while a reader sees them as
usual: a zero-width space or soft hyphen inside a word, a variation selector after a letter,
full-width or mathematical letters, a Cyrillic "е" among Latin letters.  Each block's text is
normalised here, once, before it is cut into sentences:

- default-ignorable characters (spinlint.text.confusables) are removed;
- letters, digits and spaces in a compatibility form become their NFKC form (full-width and
  mathematical letters, ligatures, the no-break space), and a letter followed by combining marks is
  composed.  Punctuation and symbols are left alone: "…" and superscript footnote numbers mean
  something to the sentence splitter and the evidence rules;
- Cyrillic and Greek look-alikes become the Latin letter they are drawn like, but only in a word
  that also holds Latin letters, so Russian or Greek prose is not turned into nonsense.

The block is rebuilt with ``Block.edited``, so every finding still points into the original file.
Words that were disguised (not merely composed, or a ligature from a PDF) are recorded on the block
for rule X002.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace
from itertools import accumulate

from ..document import Block, Document
from .confusables import DEFAULT_IGNORABLE, LATIN_LOOKALIKES, LOOKALIKE

NON_ASCII = re.compile(r"[^\x00-\x7f]+")
IGNORABLE_RUN = re.compile(DEFAULT_IGNORABLE.pattern + "+")
# Hidden characters do not end a word: "lev\u200berage" is one word.
WORD = re.compile(r"(?:\w|%s)+" % DEFAULT_IGNORABLE.pattern)
LATIN_LETTER = re.compile(r"[A-Za-z]")
COMPATIBLE = ("Nd", "Nl", "Zs")  # besides letters: what NFKC may change

Edit = tuple[int, int, str, bool]  # start, end, replacement, whether it undoes a disguise


def normalised(document: Document) -> Document:
    blocks = document.blocks
    changes = {}
    for index, text in enumerate(blocks.texts()):
        if text.isascii():
            continue  # nearly every block: nothing can be disguised in ASCII, and no Block need be made
        block = blocks[index]
        new = normalised_block(block)
        if new is not block:
            changes[index] = new
    if not changes:
        return document
    return replace(document, blocks=blocks.with_blocks(changes))


def normalised_block(block: Block) -> Block:
    text = block.text
    if text.isascii():
        return block  # nearly every block: nothing can be disguised in ASCII
    edits = _edits(text)
    if not edits:
        return block
    return block.edited(_merged(edits), _disguised_words(text, edits))


def _edits(text: str) -> list[Edit]:
    folded = _lookalikes_to_fold(text)
    edits: list[Edit] = []
    for run in NON_ASCII.finditer(text):
        start, end = run.span()
        piece = run.group()
        if (unicodedata.is_normalized("NFKC", piece) and not DEFAULT_IGNORABLE.search(piece)
                and not (folded and LOOKALIKE.search(piece))):
            continue
        index = start
        if start > 0 and unicodedata.combining(text[start]):
            index = start - 1  # a combining mark belongs to the (ASCII) letter before the run
        while index < end:
            hidden = IGNORABLE_RUN.match(text, index)
            if hidden:
                edits.append((index, hidden.end(), "", _between_letters(text, index, hidden.end())))
                index = hidden.end()
                continue
            after = index + 1
            while after < end and unicodedata.combining(text[after]):
                after += 1
            edit = _cluster_edit(text, index, after, index in folded)
            if edit is not None:
                edits.append(edit)
            index = after
    return edits


def _cluster_edit(text: str, start: int, end: int, fold: bool) -> Edit | None:
    """The edit for one character and the combining marks after it, or None if it stays."""
    cluster = text[start:end]
    char = cluster[0]
    new = LATIN_LOOKALIKES[char] + cluster[1:] if fold else cluster
    disguise = fold
    category = unicodedata.category(char)
    if category[0] == "L" or category in COMPATIBLE or len(cluster) > 1:
        compatible = unicodedata.normalize("NFKC", new)
        if compatible != new:
            # A letter drawn in another form (ｌ, 𝐥): a disguise.  A ligature or a composed accent is not.
            disguise = disguise or (len(compatible) == 1 and compatible.isascii() and compatible.isalnum()
                                    and not char.isascii())
            new = compatible
    return (start, end, new, disguise) if new != cluster else None


def _lookalikes_to_fold(text: str) -> set[int]:
    """Where the Cyrillic and Greek look-alikes are that sit in words with Latin letters."""
    if not LOOKALIKE.search(text):
        return set()
    positions: set[int] = set()
    for word in WORD.finditer(text):
        letters = word.group()
        if LOOKALIKE.search(letters) and LATIN_LETTER.search(unicodedata.normalize("NFKC", letters)):
            positions.update(word.start() + found.start() for found in LOOKALIKE.finditer(letters))
    return positions


def _between_letters(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def _merged(edits: list[Edit]) -> list[tuple[int, int, str]]:
    """The edits for ``Block.edited``, neighbours of the same length joined: a full-width word is one run."""
    merged: list[list] = []
    for start, end, replacement, _ in edits:
        if (merged and merged[-1][1] == start and len(replacement) == end - start
                and len(merged[-1][2]) == merged[-1][1] - merged[-1][0]):
            merged[-1][1] = end
            merged[-1][2] += replacement
        else:
            merged.append([start, end, replacement])
    return [(start, end, replacement) for start, end, replacement in merged]


def _disguised_words(text: str, edits: list[Edit]) -> tuple[tuple[int, int], ...]:
    """Ranges, in the normalised text, of the words a disguise was taken out of (English words only)."""
    disguises = [edit[0] for edit in edits if edit[3]]
    if not disguises:
        return ()
    starts = [edit[0] for edit in edits]
    shifts = list(accumulate(len(replacement) - (end - start) for start, end, replacement, _ in edits))
    found = []
    for word in WORD.finditer(text):
        start, end = word.span()
        if bisect_left(disguises, start) == bisect_left(disguises, end):
            continue
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        # \w does not take combining marks, so a word may end inside the edit that composed its last letter
        end = max(end, edits[last - 1][1])
        pieces, cursor = [], start
        for edit_start, edit_end, replacement, _ in edits[first:last]:
            pieces += [text[cursor:edit_start], replacement]
            cursor = edit_end
        pieces.append(text[cursor:end])
        normal = "".join(pieces)
        if normal.isascii() and LATIN_LETTER.search(normal):
            moved = start + (shifts[first - 1] if first else 0)
            found.append((moved, moved + len(normal)))
    return tuple(found)
