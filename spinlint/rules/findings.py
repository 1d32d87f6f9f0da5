"""What a rule reports: a ``Finding`` with a source span, and its position."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from ..document import Span


@dataclass(frozen=True, slots=True)
class Finding:
    """Slotted: dense prose gives a finding every few dozen characters, and a per-object ``__dict__``
    made each one about 280 bytes instead of 184."""

    code: str
    name: str
    category: str
    severity: str
    message: str
    span: Span  # in the source text
    match: str  # exactly source.text[span.start:span.end]
    suggestion: str = ""
    question: str = ""
    score: float | None = None
    reason: str = ""
    evidence: Span | None = None
    scope: str = "sentence"
    # which sentence the finding belongs to (index into Segments.sentences); -1 = document level
    sentence_index: int = -1
    # 1-based positions in the original file, filled in once by the report stage
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # the page or paragraph of a .docx, .pdf or .eml source ("page 3"); "" for text files
    location: str = ""


@dataclass(frozen=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int


SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps source offsets to 1-based (line, column).

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only (not at the other Unicode
    line separators ``str.splitlines`` knows), so positions agree with what
    editors show. Columns count code points; an end column is exclusive.
    """

    def __init__(self, text: str):
        # One regex pass: the earlier find-"\r"-then-find-"\n" loop rescanned to the end of the text for the
        # character that never came, which made \n-only text (almost every Unix file) quadratic.
        # An array, not a list: a list held an int object and a pointer (36 bytes) for every line, nine
        # times the input for a list of one-word items.
        starts = array("I" if len(text) < 2 ** 32 else "q", [0])
        starts.extend(match.end() for match in _LINE_END.finditer(text))
        self._starts = starts

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def position(self, span: Span) -> Position:
        line, column = self.locate(span.start)
        end_line, end_column = self.locate(span.end)
        return Position(line, column, end_line, end_column)

    def line_start(self, line: int) -> int:
        """The offset where a 1-based line starts (the end of text past the last line)."""
        if line - 1 < len(self._starts):
            return self._starts[line - 1]
        return self._starts[-1]
