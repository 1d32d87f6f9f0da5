"""Plain text: paragraphs are separated by blank lines; directive comment lines are not prose."""

from __future__ import annotations

import re

from ..document import BlockTable, Directive, Document, Source, Span
from .blocks import BlockBuilder, directive_from, html_comment_directives, markers_in

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# A paragraph of one short line that starts with a capital and has no closing punctuation reads as a title,
# an email subject or a sign-off ("Update on Tuesday's outage", "Subject: Next steps"), not a statement:
# it is marked a heading, so the rules still read it but the model and the document scores do not.
TITLE_LINE = re.compile(r"[A-Z0-9][^\r\n]*[^\s.!?;:,…\"'”’)\]]")
TITLE_MAX_WORDS = 12
COMMENT_LINE = re.compile(r"[ \t]*(?:#|//|<!--)[ \t]*spinlint-")


def parse_text(source: Source) -> Document:
    text = source.text
    blocks, directives = BlockTable(), []
    builder = BlockBuilder()

    def flush() -> None:
        nonlocal builder
        if len(builder.parts) == 1 and _is_title(builder.parts[0]):
            builder.kind = "heading"
        block = builder.build()
        if block is not None:
            blocks.append(block)
        builder = BlockBuilder()

    for match in LINE.finditer(text):
        line = match.group()
        if not line:
            break
        start = match.start()
        body = line.rstrip("\r\n")
        if COMMENT_LINE.match(body):
            flush()
            if "<!--" in body:
                directives.extend(html_comment_directives(text, start, start + len(body)))
            else:
                directive = directive_from(body, Span(start, start + len(body)))
                if directive:
                    directives.append(directive)
        elif not body.strip():
            flush()
        else:
            _add_prose_line(builder, line, start, directives)
    flush()
    return Document(source=source, blocks=blocks, directives=tuple(directives), markers=blocks.markers())


def _add_prose_line(builder: BlockBuilder, line: str, start: int, directives: list) -> None:
    """A line of prose; a directive comment at its end (``… <!-- spinlint-disable-line V001 -->``) is taken
    out of the prose and kept as a directive."""
    found = html_comment_directives(line) if "<!--" in line else []
    directives.extend(Directive(d.action, d.codes, Span(start + d.span.start, start + d.span.end)) for d in found)
    position = 0
    for directive in found:
        builder.add(line[position:directive.span.start], start + position, start + directive.span.start)
        position = directive.span.end
    builder.add(line[position:], start + position, start + len(line))
    builder.markers.extend(markers_in(line, start))


def _is_title(line: str) -> bool:
    text = line.strip()
    return bool(TITLE_LINE.fullmatch(text)) and len(text.split()) <= TITLE_MAX_WORDS
