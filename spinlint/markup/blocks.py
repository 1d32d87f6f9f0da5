"""Building blocks of prose piece by piece, and what all markups share: directives and evidence markers."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..document import Block, BlockTable, Directive, EvidenceMarker, Run, Span

# An action must end at a space, a comma or the comment's end: "spinlint-disable-lines" is a misspelling to
# report, not "disable" (every code) followed by noise.
DIRECTIVE = re.compile(r"spinlint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])"
                       r"[ \t]*([A-Za-z0-9, \t]*)")
# Anything else spelt like a directive: reported (X001) so that a typo does not silently silence nothing.
DIRECTIVE_LIKE = re.compile(r"spinlint-[A-Za-z][\w-]*")
# Bounded, and no "<" inside: an unbounded lazy run made every "<!-- spinlint-" that never closes rescan
# the rest of the document (quadratic).
HTML_COMMENT_DIRECTIVE = re.compile(r"<!--[ \t]*(spinlint-[^<>]{0,300}?)[ \t]*-->")
URL = re.compile(r"\bhttps?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]")
# [3], [12, 14], [^note] and (Author, 2021) / (Author et al. 2021): citations and footnote references.
CITATION = re.compile(r"\[\^[\w-]{1,40}\]|\[\d{1,3}(?:\s?[,–-]\s?\d{1,3}){0,5}\]"
                      r"|\((?:[A-Z][\w'-]{1,40}(?: et al\.| and [A-Z][\w'-]{1,40})?,? (?:19|20)\d\d[a-z]?)"
                      r"(?:; [A-Z][\w'-]{1,40}(?: et al\.)?,? (?:19|20)\d\d[a-z]?){0,5}\)")


def directive_from(comment: str, span: Span) -> Directive | None:
    """A Directive if ``comment`` (the inside of a comment) is one."""
    match = DIRECTIVE.search(comment)
    if not match:
        return Directive(action="unknown", codes=(), span=span) if DIRECTIVE_LIKE.search(comment) else None
    codes = tuple(code.strip().upper() for code in re.split(r"[,\s]+", match.group(2)) if code.strip())
    return Directive(action=match.group(1), codes=codes, span=span)


def html_comment_directives(text: str, start: int = 0, end: int | None = None) -> list[Directive]:
    found = []
    for match in HTML_COMMENT_DIRECTIVE.finditer(text, start, len(text) if end is None else end):
        directive = directive_from(match.group(1), Span(match.start(), match.end()))
        if directive:
            found.append(directive)
    return found


def markers_in(text: str, offset: int = 0) -> list[EvidenceMarker]:
    """Links and citations written into prose (source offsets = ``offset`` + index in ``text``)."""
    markers = [EvidenceMarker("link", Span(offset + m.start(), offset + m.end()), m.group())
               for m in URL.finditer(text)]
    markers += [EvidenceMarker("footnote" if m.group().startswith("[^") else "citation",
                               Span(offset + m.start(), offset + m.end()), m.group())
                for m in CITATION.finditer(text)]
    return markers


class BlockBuilder:
    """Accumulates prose and the runs that map it back to the source."""

    def __init__(self, kind: str = "paragraph"):
        self.kind = kind
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.markers: list[EvidenceMarker] = []
        self.length = 0

    def add(self, prose: str, source_start: int, source_end: int) -> None:
        if not prose:
            return
        self.parts.append(prose)
        self.runs.append(Run(self.length, len(prose), source_start, source_end))
        self.length += len(prose)

    def has_text(self) -> bool:
        return any(part.strip() for part in self.parts)

    def build(self) -> Block | None:
        if not self.has_text():
            return None
        return Block(kind=self.kind, text="".join(self.parts), runs=tuple(self.runs),
                     markers=tuple(sorted(self.markers, key=lambda marker: marker.span.start)))


# Bounds on what rules read (issue 7).  A stretch of more than MAX_TOKEN_CHARS without whitespace is not
# prose (a minified line, a blob, a run of dashes); rule patterns cost time in proportion to the length of
# such runs, so each becomes one placeholder character mapped to its whole source stretch.  Evidence
# markers were taken from the source text before this, so a long URL still counts as a link.
MAX_TOKEN_CHARS = 256
TOKEN_PLACEHOLDER = "\u2026"
LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))
# Paragraph-scope rules read a paragraph at a time, and only its first 20,000 characters
# (kinds.MAX_UNIT_CHARS); a longer "paragraph" is cut at whitespace so that none of it goes unread.
MAX_BLOCK_CHARS = 20_000


def bounded(blocks: BlockTable) -> BlockTable:
    """``blocks`` with long non-whitespace runs collapsed and over-long blocks cut into pieces."""
    if not any(map(_needs_bounds, blocks.texts())):
        return blocks  # nearly every document: the table is kept, not copied
    result = BlockTable()
    for index, text in enumerate(blocks.texts()):
        if not _needs_bounds(text):
            result.append_from(blocks, index)
            continue
        block = blocks[index]
        if LONG_TOKEN.search(block.text):
            block = _collapse_long_tokens(block)
        for piece in (_split(block) if len(block.text) > MAX_BLOCK_CHARS else [block]):
            result.append(piece)
    return result


def _needs_bounds(text: str) -> bool:
    return len(text) > MAX_TOKEN_CHARS and (len(text) > MAX_BLOCK_CHARS or LONG_TOKEN.search(text) is not None)


def _collapse_long_tokens(block: Block) -> Block:
    builder = BlockBuilder(block.kind)
    builder.markers = list(block.markers)
    position = 0
    for token in LONG_TOKEN.finditer(block.text):
        start, end = block.unsplit(token.start(), token.end())
        start = max(start, position)  # widening may reach back into the previous token's stretch
        if end <= start:
            continue
        _copy(block, position, start, builder)
        span = block.to_source(start, end)
        builder.add(TOKEN_PLACEHOLDER, span.start, span.end)
        position = end
    _copy(block, position, len(block.text), builder)
    return builder.build() or block


def _copy(block: Block, start: int, end: int, builder: BlockBuilder) -> None:
    """Append block.text[start:end] to ``builder`` with its runs (verbatim runs clipped to the range)."""
    for piece in block.pieces(start, end):
        builder.add(*piece)


def _split(block: Block) -> list[Block]:
    text = block.text
    pieces: list[Block] = []
    start = 0
    while start < len(text):
        end = len(text)
        if end - start > MAX_BLOCK_CHARS:
            cut = max(text.rfind(" ", start + MAX_BLOCK_CHARS // 2, start + MAX_BLOCK_CHARS),
                      text.rfind("\n", start + MAX_BLOCK_CHARS // 2, start + MAX_BLOCK_CHARS))
            end = cut + 1 if cut > start else start + MAX_BLOCK_CHARS
            end = block.unsplit(start, end)[1]
        builder = BlockBuilder(block.kind)
        _copy(block, start, end, builder)
        piece = builder.build()
        if piece is not None:
            pieces.append(piece)
        start = end
    if not pieces:
        return [block]
    # Each marker goes with the piece whose source stretch it starts in (the last piece keeps the rest).
    bounds = [piece.runs[0].source_start for piece in pieces[1:]]
    grouped: list[list[EvidenceMarker]] = [[] for _ in pieces]
    for marker in block.markers:
        grouped[bisect_right(bounds, marker.span.start)].append(marker)
    return [Block(kind=piece.kind, text=piece.text, runs=piece.runs, markers=tuple(markers))
            for piece, markers in zip(pieces, grouped)]
