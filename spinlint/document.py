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
from typing import Iterator, Sequence


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class EvidenceMarker:
    """A link, footnote reference or citation: not prose, but support for a claim."""

    kind: str  # "link" | "footnote" | "citation"
    span: Span  # in the source
    target: str = ""


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline ``spinlint-disable`` / ``spinlint-enable`` comment."""

    action: str  # "disable" | "enable" | "disable-line" | "disable-next-line" | "disable-file" | "unknown" (a typo)
    codes: tuple[str, ...]  # empty = all codes
    span: Span  # the comment itself, in the source


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of prose with a map back to the source.

    The values here are slotted: a list of one-word items makes a block, a run and a sentence for
    every few bytes of input, and a per-object ``__dict__`` tripled what they cost.

    ``markers`` are the evidence markers that sit inside or directly after
    this block (their spans are source spans).
    """

    kind: str  # "paragraph" | "heading" | "list_item" | "quote" | "table_cell"
    text: str
    runs: tuple[Run, ...]
    markers: tuple[EvidenceMarker, ...] = ()
    # Ranges of ``text`` holding a word that was written in disguise (hidden characters, look-alike
    # letters) in the source; set by spinlint.text.normalise, which also undid the disguise in ``text``.
    disguised: tuple[tuple[int, int], ...] = ()
    _run_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def to_source(self, start: int, end: int) -> Span:
        """Map a prose range of this block to a source span."""
        if not self.runs:
            return Span(0, 0)
        if end <= start:
            pos = self._position(start, is_end=False)
            return Span(pos, pos)
        return Span(self._position(start, is_end=False), self._position(end, is_end=True))

    @property
    def run_starts(self) -> list[int]:
        """Where each run starts in the block text (for bisecting)."""
        # Built once per block, and only for a block whose positions are asked for: a block of many
        # short lines has hundreds of thousands of runs, and rebuilding this list for every finding
        # made positions quadratic.
        if self._run_starts is None:
            object.__setattr__(self, "_run_starts", [run.prose_start for run in self.runs])
        return self._run_starts

    def pieces(self, start: int, end: int) -> Iterator[tuple[str, int, int]]:
        """``text[start:end]`` as (prose, source start, source end): verbatim runs clipped to the range,
        other runs whole (see ``unsplit``)."""
        if start >= end or not self.runs:
            return
        runs, text = self.runs, self.text
        index = max(0, bisect_right(self.run_starts, start) - 1)
        while index < len(runs) and runs[index].prose_start < end:
            run = runs[index]
            run_end = run.prose_start + run.prose_len
            low, high = max(start, run.prose_start), min(end, run_end)
            if low < high:
                if run.prose_len == run.source_end - run.source_start:
                    shift = run.source_start - run.prose_start
                    yield text[low:high], low + shift, high + shift
                else:
                    yield text[run.prose_start:run_end], run.source_start, run.source_end
            index += 1

    def unsplit(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) grown so that it does not cut through a run that is not a verbatim copy."""
        if not self.runs:
            return start, end
        starts, runs = self.run_starts, self.runs
        first = runs[max(0, bisect_right(starts, start) - 1)]
        if first.prose_len != first.source_end - first.source_start and start > first.prose_start:
            start = first.prose_start
        last = runs[max(0, bisect_right(starts, end - 1) - 1)]
        last_end = last.prose_start + last.prose_len
        if last.prose_len != last.source_end - last.source_start and end < last_end:
            end = last_end
        return start, end

    def edited(self, edits: Sequence[tuple[int, int, str]],
               disguised: tuple[tuple[int, int], ...] = ()) -> Block:
        """This block with each ``text[start:end]`` replaced (edits sorted and apart); the runs follow.

        A replaced stretch maps to the source stretch it came from, so positions stay exact in the
        original however the copy was changed.
        """
        groups: list[list] = []  # [low, high, edits inside]: edits that share a run are mapped together
        for start, end, replacement in edits:
            low, high = self.unsplit(start, end)
            if groups and low < groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], high)
                groups[-1][2].append((start, end, replacement))
            else:
                groups.append([low, high, [(start, end, replacement)]])
        parts: list[str] = []
        runs: list[Run] = []
        length = 0

        def add(prose: str, source_start: int, source_end: int) -> None:
            nonlocal length
            if prose:
                parts.append(prose)
                runs.append(Run(length, len(prose), source_start, source_end))
                length += len(prose)

        position = 0
        for low, high, inside in groups:
            for piece in self.pieces(position, low):
                add(*piece)
            new, cursor = [], low
            for start, end, replacement in inside:
                new += [self.text[cursor:start], replacement]
                cursor = end
            new.append(self.text[cursor:high])
            span = self.to_source(low, high)
            add("".join(new), span.start, span.end)
            position = high
        for piece in self.pieces(position, len(self.text)):
            add(*piece)
        return Block(kind=self.kind, text="".join(parts), runs=tuple(runs), markers=self.markers,
                     disguised=disguised)

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


@dataclass(frozen=True, slots=True)
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
