"""Plain text: paragraphs are separated by blank lines; directive comment lines are not prose."""

from __future__ import annotations

import re

from ..document import Document, Source, Span
from .blocks import BlockBuilder, directive_from, html_comment_directives, markers_in

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
COMMENT_LINE = re.compile(r"[ \t]*(?:#|//|<!--)[ \t]*spinlint-")


def parse_text(source: Source) -> Document:
    text = source.text
    blocks, directives = [], []
    builder = BlockBuilder()

    def flush() -> None:
        nonlocal builder
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
            builder.add(line, start, match.end())
            builder.markers.extend(markers_in(line, start))
    flush()
    markers = tuple(marker for block in blocks for marker in block.markers)
    return Document(source=source, blocks=tuple(blocks), directives=tuple(directives), markers=markers)
