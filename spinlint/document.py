"""The values that flow through the pipeline: source → blocks → segments.

Every offset here is a Python string index (code points).  Offsets named
``source_*`` index the decoded original file text; offsets inside a
``Block`` index its markup-free ``text``.  A Block knows how to map its own
offsets back to the source, so positions reported to users are always exact
in the original file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Span:
    """A half-open range ``[start, end)`` in the source text."""

    start: int
    end: int


@dataclass(frozen=True)
class Landmark:
    """Where a part of a document read out of a binary format (.docx, .pdf, .eml) starts in its text.

    ``label`` names the part as its reader would find it ("page 3", "paragraph 12").
    """

    offset: int
    label: str


@dataclass(frozen=True)
class Source:
    """A decoded document. ``path`` is the name shown to the user."""

    path: str
    text: str
    format: str = "text"  # "text" | "markdown" | "html"
    # The file's name as the operating system gives it (undecodable bytes as surrogates), for URIs;
    # ``path`` escapes those bytes as \xNN for display, which cannot be turned back into the name.
    os_path: str | None = None
    # For text extracted from a document format, in offset order: line numbers in ``text`` mean
    # nothing to its reader, pages and paragraphs do.
    landmarks: tuple[Landmark, ...] = ()

    @cached_property
    def _landmark_offsets(self) -> list[int]:
        return [landmark.offset for landmark in self.landmarks]

    def location(self, offset: int) -> str:
        """The label of the part that holds ``offset`` ("" for files that are text already)."""
        index = bisect_right(self._landmark_offsets, offset) - 1
        return self.landmarks[index].label if index >= 0 else ""


@dataclass(frozen=True)
class Run:
    """A stretch of block text copied from the source.

    ``text[prose_start:prose_start + prose_len]`` came from
    ``source[source_start:source_end]``.  When the lengths agree the mapping is
    character by character; otherwise (an HTML entity, a collapsed escape) any
    position inside the run maps to the whole source stretch.
    """

    prose_start: int
    prose_len: int
    source_start: int
    source_end: int


@dataclass(frozen=True)
class EvidenceMarker:
    """A link, footnote reference or citation: not prose, but support for a claim."""

    kind: str  # "link" | "footnote" | "citation"
    span: Span  # in the source
    target: str = ""


@dataclass(frozen=True)
class Directive:
    """An inline ``spinlint-disable`` / ``spinlint-enable`` comment."""

    action: str  # "disable" | "enable" | "disable-line" | "disable-next-line" | "disable-file" | "unknown" (a typo)
    codes: tuple[str, ...]  # empty = all codes
    span: Span  # the comment itself, in the source


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit of prose with a map back to the source.

    ``markers`` are the evidence markers that sit inside or directly after
    this block (their spans are source spans).
    """

    kind: str  # "paragraph" | "heading" | "list_item" | "quote" | "table_cell"
    text: str
    runs: tuple[Run, ...]
    markers: tuple[EvidenceMarker, ...] = ()

    def to_source(self, start: int, end: int) -> Span:
        """Map a prose range of this block to a source span."""
        if not self.runs:
            return Span(0, 0)
        if end <= start:
            pos = self._position(start, is_end=False)
            return Span(pos, pos)
        return Span(self._position(start, is_end=False), self._position(end, is_end=True))

    @cached_property
    def run_starts(self) -> list[int]:
        """Where each run starts in the block text (for bisecting)."""
        # Built once per block: a block of many short lines has hundreds of thousands of runs,
        # and rebuilding this list for every finding made positions quadratic.
        return [run.prose_start for run in self.runs]

    def _position(self, offset: int, *, is_end: bool) -> int:
        starts = self.run_starts
        # For an end offset we want the run that holds the character before it.
        probe = offset - 1 if is_end else offset
        index = max(0, bisect_right(starts, probe) - 1)
        run = self.runs[index]
        inside = offset - run.prose_start
        source_len = run.source_end - run.source_start
        if run.prose_len == source_len:
            inside = min(max(inside, 0), source_len)
            return run.source_start + inside
        if is_end:
            return run.source_end if inside > 0 else run.source_start
        return run.source_start if inside < run.prose_len else run.source_end


@dataclass(frozen=True)
class Document:
    """A parsed source: its prose blocks, evidence markers and directives."""

    source: Source
    blocks: tuple[Block, ...]
    directives: tuple[Directive, ...] = ()
    markers: tuple[EvidenceMarker, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence inside a block: ``block.text[start:end]``."""

    block_index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Segments:
    """A document cut into the three scopes rules read."""

    document: Document
    sentences: tuple[Sentence, ...]
    # sentence indices per block (paragraph scope), aligned with document.blocks
    paragraphs: tuple[tuple[int, ...], ...] = field(default=())
