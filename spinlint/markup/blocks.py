"""Building blocks of prose piece by piece, and what all markups share: directives and evidence markers."""

from __future__ import annotations

import re

from ..document import Block, Directive, EvidenceMarker, Run, Span

DIRECTIVE = re.compile(r"spinlint-(disable-next-line|disable-file|disable|enable)\b[ \t]*([A-Za-z0-9, \t]*)")
HTML_COMMENT_DIRECTIVE = re.compile(r"<!--[ \t]*(spinlint-[^>]*?)[ \t]*-->")
URL = re.compile(r"\bhttps?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]")
# [3], [12, 14], [^note] and (Author, 2021) / (Author et al. 2021): citations and footnote references.
CITATION = re.compile(r"\[\^[\w-]{1,40}\]|\[\d{1,3}(?:\s?[,–-]\s?\d{1,3}){0,5}\]"
                      r"|\((?:[A-Z][\w'-]{1,40}(?: et al\.| and [A-Z][\w'-]{1,40})?,? (?:19|20)\d\d[a-z]?)"
                      r"(?:; [A-Z][\w'-]{1,40}(?: et al\.)?,? (?:19|20)\d\d[a-z]?){0,5}\)")


def directive_from(comment: str, span: Span) -> Directive | None:
    """A Directive if ``comment`` (the inside of a comment) is one."""
    match = DIRECTIVE.search(comment)
    if not match:
        return None
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
