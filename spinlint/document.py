"""The values that flow through the pipeline: source → blocks → segments.

Every offset here is a Python string index (code points).  Offsets named
``source_*`` index the decoded original file text; offsets inside a
``Block`` index its markup-free ``text``.  A Block knows how to map its own
offsets back to the source, so positions reported to users are always exact
in the original file.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Iterator, Mapping, Sequence


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


# Offsets kept in the tables below: unsigned 32-bit, so a document of up to four billion characters
# (a Python string of that size alone would need more memory than any machine this runs on).
OFFSET = "I"
BLOCK_KINDS = ["paragraph", "heading", "list_item", "quote", "table_cell"]
_KIND_CODE = {kind: code for code, kind in enumerate(BLOCK_KINDS)}


def _kind_code(kind: str) -> int:
    if kind not in _KIND_CODE:
        _KIND_CODE[kind] = len(BLOCK_KINDS)
        BLOCK_KINDS.append(kind)
    return _KIND_CODE[kind]


class BlockTable(Sequence[Block]):
    """A document's blocks kept as columns; a ``Block`` is made only when one is asked for.

    Why columns: a list of one-word items makes a block for every few bytes of input, and as objects
    (a Block, its tuple of runs, a Run and the int objects of its offsets) each cost about 330 bytes,
    80 times what it read.  Here a block is a kind byte, a text reference and four offsets a run.
    The last block made is kept, because findings ask for the same block one after another.

    A table is filled once (by a parser, with ``append``) and then only read; ``with_blocks`` gives a
    table that shares these columns with some blocks replaced (the normalised copy).
    """

    __slots__ = ("_kinds", "_texts", "_runs", "_run_ends", "_markers", "_disguised", "_replaced", "_last")

    def __init__(self, blocks: Iterable[Block] = ()):
        self._kinds = bytearray()
        self._texts: list[str] = []
        self._runs = array(OFFSET)  # four per run: prose_start, prose_len, source_start, source_end
        self._run_ends = array(OFFSET)  # per block: where its runs end in ``_runs``
        self._markers: dict[int, tuple[EvidenceMarker, ...]] = {}  # sparse: most blocks have none
        self._disguised: dict[int, tuple[tuple[int, int], ...]] = {}
        self._replaced: dict[int, Block] = {}
        self._last: tuple[int, Block] | None = None
        for block in blocks:
            self.append(block)

    def append(self, block: Block) -> None:
        index = len(self._texts)
        self._kinds.append(_kind_code(block.kind))
        self._texts.append(block.text)
        runs = self._runs
        for run in block.runs:
            runs.extend((run.prose_start, run.prose_len, run.source_start, run.source_end))
        self._run_ends.append(len(runs))
        if block.markers:
            self._markers[index] = block.markers
        if block.disguised:
            self._disguised[index] = block.disguised

    def append_from(self, other: BlockTable, index: int) -> None:
        """Append block ``index`` of ``other`` without making its Block."""
        if index in other._replaced:
            self.append(other._replaced[index])
            return
        low = other._run_ends[index - 1] if index else 0
        new = len(self._texts)
        self._kinds.append(other._kinds[index])
        self._texts.append(other._texts[index])
        self._runs.extend(other._runs[low:other._run_ends[index]])
        self._run_ends.append(len(self._runs))
        if index in other._markers:
            self._markers[new] = other._markers[index]
        if index in other._disguised:
            self._disguised[new] = other._disguised[index]

    def with_blocks(self, changes: Mapping[int, Block]) -> BlockTable:
        """This table with the blocks at the given indices replaced (the columns are shared, not copied)."""
        table = BlockTable.__new__(BlockTable)
        for name in ("_kinds", "_texts", "_runs", "_run_ends", "_markers", "_disguised"):
            setattr(table, name, getattr(self, name))
        table._replaced = {**self._replaced, **changes}
        table._last = None
        return table

    def __len__(self) -> int:
        return len(self._texts)

    def __iter__(self) -> Iterator[Block]:
        for index in range(len(self._texts)):
            yield self[index]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[item] for item in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._texts)
        if not 0 <= index < len(self._texts):
            raise IndexError("block index out of range")
        if self._replaced and index in self._replaced:
            return self._replaced[index]
        last = self._last
        if last is not None and last[0] == index:
            return last[1]
        runs = self._runs
        low = self._run_ends[index - 1] if index else 0
        block = Block(kind=BLOCK_KINDS[self._kinds[index]], text=self._texts[index],
                      runs=tuple(Run(runs[at], runs[at + 1], runs[at + 2], runs[at + 3])
                                 for at in range(low, self._run_ends[index], 4)),
                      markers=self._markers.get(index, ()), disguised=self._disguised.get(index, ()))
        self._last = (index, block)
        return block

    def text(self, index: int) -> str:
        replaced = self._replaced.get(index) if self._replaced else None
        return replaced.text if replaced is not None else self._texts[index]

    def kind(self, index: int) -> str:
        replaced = self._replaced.get(index) if self._replaced else None
        return replaced.kind if replaced is not None else BLOCK_KINDS[self._kinds[index]]

    def texts(self) -> list[str]:
        """Every block's text, in order (the table's own list when no block was replaced: do not change it)."""
        if not self._replaced:
            return self._texts
        texts = list(self._texts)
        for index, block in self._replaced.items():
            texts[index] = block.text
        return texts

    def disguised_blocks(self) -> Iterator[int]:
        """The indices of the blocks that record disguised words, in order."""
        found = {index for index, block in self._replaced.items() if block.disguised}
        found.update(index for index in self._disguised if index not in self._replaced)
        return iter(sorted(found))

    def markers(self) -> tuple[EvidenceMarker, ...]:
        """Every block's evidence markers, block after block."""
        if not self._replaced:
            return tuple(marker for index in sorted(self._markers) for marker in self._markers[index])
        return tuple(marker for block in self for marker in block.markers)


@dataclass(frozen=True)
class Document:
    """A parsed source: its prose blocks, evidence markers and directives."""

    source: Source
    blocks: BlockTable
    directives: tuple[Directive, ...] = ()
    markers: tuple[EvidenceMarker, ...] = ()

    def __post_init__(self):
        if not isinstance(self.blocks, BlockTable):
            object.__setattr__(self, "blocks", BlockTable(self.blocks))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside a block: ``block.text[start:end]``."""

    block_index: int
    start: int
    end: int
    text: str


class SentenceTable(Sequence[Sentence]):
    """A document's sentences as columns (see ``BlockTable``: a Sentence object and its int offsets cost
    about 150 bytes, the columns 12 and a reference to the text).  Read the columns directly in loops;
    indexing makes a ``Sentence``."""

    __slots__ = ("block_indices", "starts", "ends", "texts")

    def __init__(self, sentences: Iterable[Sentence] = ()):
        self.block_indices = array(OFFSET)
        self.starts = array(OFFSET)
        self.ends = array(OFFSET)
        self.texts: list[str] = []
        for sentence in sentences:
            self.append(sentence.block_index, sentence.start, sentence.end, sentence.text)

    def append(self, block_index: int, start: int, end: int, text: str) -> None:
        self.block_indices.append(block_index)
        self.starts.append(start)
        self.ends.append(end)
        self.texts.append(text)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[item] for item in range(*index.indices(len(self)))]
        return Sentence(self.block_indices[index], self.starts[index], self.ends[index], self.texts[index])


class ParagraphTable(Sequence[tuple[int, ...]]):
    """Per block, the indices of its sentences (consecutive, so only where each block's run ends is kept)."""

    __slots__ = ("_ends",)

    def __init__(self, paragraphs: Iterable[Sequence[int]] = ()):
        self._ends = array(OFFSET)
        for indices in paragraphs:
            self.close(indices[-1] + 1 if indices else (self._ends[-1] if self._ends else 0))

    def close(self, sentence_count: int) -> None:
        """End the next block's paragraph where the sentences counted so far end."""
        self._ends.append(sentence_count)

    def __len__(self) -> int:
        return len(self._ends)

    def range(self, index: int) -> range:
        if index < 0:
            index += len(self._ends)
        return range(self._ends[index - 1] if index else 0, self._ends[index])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[item] for item in range(*index.indices(len(self)))]
        return tuple(self.range(index))


@dataclass(frozen=True)
class Segments:
    """A document cut into the three scopes rules read."""

    document: Document
    sentences: SentenceTable
    # sentence indices per block (paragraph scope), aligned with document.blocks
    paragraphs: ParagraphTable = field(default_factory=ParagraphTable)

    def __post_init__(self):
        if not isinstance(self.sentences, SentenceTable):
            object.__setattr__(self, "sentences", SentenceTable(self.sentences))
        if not isinstance(self.paragraphs, ParagraphTable):
            object.__setattr__(self, "paragraphs", ParagraphTable(self.paragraphs))
