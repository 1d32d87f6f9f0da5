"""HTML through the standard library's parser: visible prose only, entities mapped back exactly.

Character references are kept out of ``handle_data`` (``convert_charrefs=False``)
so that every data chunk is a verbatim slice of the source and each entity is
a one-character run covering its ``&…;`` text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..document import Document, EvidenceMarker, Source, Span
from .blocks import BlockBuilder, directive_from, markers_in

INVISIBLE = {"script", "style", "template", "noscript", "head", "svg", "math", "code", "pre", "iframe",
             "object", "select", "textarea"}
BLOCK_TAGS = {"p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3",
              "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "table", "tr", "td", "th",
              "caption", "figure", "figcaption", "hr", "body", "html", "form", "fieldset", "details",
              "summary", "address"}  # <br> is a line break inside a block, not a boundary
BLOCK_KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
               "h6": "heading", "li": "list_item", "blockquote": "quote", "td": "table_cell", "th": "table_cell"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
NEWLINE = re.compile(r"\n")


class _ProseParser(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        # HTMLParser counts lines on "\n" only; offsets are rebuilt from its (line, column).
        self.line_starts = [0] + [match.end() for match in NEWLINE.finditer(text)]
        self.hidden: list[str] = []
        self.blocks = []
        self.directives = []
        self.builder = BlockBuilder()

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def flush(self, kind: str = "paragraph") -> None:
        block = self.builder.build()
        if block is not None:
            self.blocks.append(block)
        self.builder = BlockBuilder(kind)

    def handle_starttag(self, tag, attrs):
        start = self.position()
        if tag in INVISIBLE and tag not in VOID:
            self.hidden.append(tag)
            return
        if tag in BLOCK_TAGS:
            self.flush(BLOCK_KINDS.get(tag, "paragraph"))
        if self.hidden:
            return
        values = dict(attrs)
        end = start + len(self.get_starttag_text() or "")
        if tag == "br":
            self.builder.add("\n", start, end)
        if tag == "a" and values.get("href"):
            self.builder.markers.append(EvidenceMarker("link", Span(start, end), values["href"] or ""))
        elif tag in ("cite", "sup") or (tag == "a" and "footnote" in (values.get("class") or "")):
            self.builder.markers.append(EvidenceMarker("citation" if tag == "cite" else "footnote",
                                                       Span(start, end), tag))

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.handle_starttag(tag, attrs)
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if self.hidden:
            if tag == self.hidden[-1]:
                self.hidden.pop()
            elif tag in self.hidden:
                del self.hidden[self.hidden.index(tag):]
            return
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if self.hidden or not data:
            return
        start = self.position()
        self.builder.add(data, start, start + len(data))
        self.builder.markers.extend(markers_in(data, start))

    def _reference(self, raw: str) -> None:
        if self.hidden:
            return
        start = self.position()
        end = start + len(raw)
        if self.text[end:end + 1] == ";":
            end += 1
        self.builder.add(html.unescape(self.text[start:end]) or " ", start, end)

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)

    def handle_comment(self, data):
        start = self.position()
        directive = directive_from(data, Span(start, start + len(data) + 7))
        if directive:
            self.directives.append(directive)


def parse_html(source: Source) -> Document:
    parser = _ProseParser(source.text)
    parser.feed(source.text)
    parser.close()
    parser.flush()
    markers = tuple(marker for block in parser.blocks for marker in block.markers)
    return Document(source=source, blocks=tuple(parser.blocks), directives=tuple(parser.directives),
                    markers=markers)
