"""Markup → prose blocks with an exact map back to the source (plain text, Markdown, HTML)."""

from __future__ import annotations

from dataclasses import replace

from ..document import Document, Source
from .blocks import bounded


def parse(source: Source) -> Document:
    document = _parse(source)
    blocks = bounded(document.blocks)
    return document if blocks is document.blocks else replace(document, blocks=blocks)


def _parse(source: Source) -> Document:
    if source.format == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(source)
    if source.format == "html":
        from .html import parse_html

        return parse_html(source)
    from .text import parse_text

    return parse_text(source)
