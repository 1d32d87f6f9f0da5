"""HTML through the standard library's parser: visible prose only, entities mapped back exactly.

Character references are kept out of ``handle_data`` (``convert_charrefs=False``)
so that every data chunk is a verbatim slice of the source and each entity is
a one-character run covering its ``&…;`` text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..document import BlockTable, Document, EvidenceMarker, Source, Span
from .blocks import BlockBuilder, directive_from, markers_in

INVISIBLE = {"script", "style", "template", "noscript", "head", "title", "svg", "math", "code", "pre", "iframe",
             "object", "select", "textarea"}
# HTML5 lets </head> be left out: the head ends at the first tag that cannot be in it, or at the first
# text that is not whitespace (the body has begun).  Without this a page with no </head> hid its body.
HEAD_CONTENT = {"base", "link", "meta", "title", "style", "script", "noscript", "template"}
BLOCK_TAGS = {"p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3",
              "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "table", "tr", "td", "th",
              "caption", "figure", "figcaption", "hr", "body", "html", "form", "fieldset", "details",
              "summary", "address"}  # <br> is a line break inside a block, not a boundary
BLOCK_KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
               "h6": "heading", "li": "list_item", "blockquote": "quote", "td": "table_cell", "th": "table_cell"}
# Elements whose content a browser shows (or keeps) as text, never parsing a comment in it: a directive
# written there is on screen, or nowhere, rather than a comment the author hid on purpose.
RAW_TEXT = {"title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
NEWLINE = re.compile(r"\n")
# The standard library's parser rescans to the end of the text for every construct that never ends
# ("<a b='" a thousand times, "<!--" with no "-->"), which is quadratic, and it raises AssertionError on a
# malformed "<![".  The parser is therefore fed a copy in which such a "<" is replaced by a character with
# no meaning in HTML; the copy has the same length, so every position (and every data slice, which is
# taken from the original) is unchanged.
NEUTRAL = "\x00"
MARKED_SECTION = re.compile(r"<!\[")
# "<!-->" and "<!--->" are whole (empty) comments in HTML5; the standard library's parser reads them as
# the start of a comment and hides everything up to the next "-->".  Neutralising their third character
# makes each a bogus comment that ends at its own ">", as a browser reads it.
EMPTY_COMMENT = re.compile(r"<!---?>")
COMMENT_OPEN = re.compile(r"<!--")
# What mail clients wrap around the earlier message a reply quotes (Gmail, Apple Mail, Thunderbird, Yahoo,
# Outlook): someone else's words, so not read.
QUOTED_REPLY_CLASSES = {"gmail_quote", "moz-cite-prefix", "yahoo_quoted"}
QUOTED_REPLY_IDS = {"divRplyFwdMsg"}


class _ProseParser(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        # HTMLParser counts lines on "\n" only; offsets are rebuilt from its (line, column).
        self.line_starts = [0] + [match.end() for match in NEWLINE.finditer(text)]
        self.hidden: list[str] = []
        # a quoted reply: its tag and how many elements of that tag are open inside it
        self.reply_tag = ""
        self.reply_depth = 0
        self.blocks = BlockTable()
        self.directives = []
        self.raw_text = ""  # the open RAW_TEXT element, if any
        self.builder = BlockBuilder()

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def flush(self, kind: str = "paragraph") -> None:
        block = self.builder.build()
        if block is not None:
            self.blocks.append(block)
        self.builder = BlockBuilder(kind)

    def in_head(self) -> bool:
        """Inside <head> (perhaps in a <noscript> there), where anything but head content ends the head."""
        return "head" in self.hidden and all(tag in ("head", "noscript") for tag in self.hidden
                                             [self.hidden.index("head"):])

    def leave_head_for(self, tag: str) -> None:
        if tag not in HEAD_CONTENT and tag != "head" and self.in_head():
            del self.hidden[self.hidden.index("head"):]

    def handle_starttag(self, tag, attrs):
        start = self.position()
        if tag in RAW_TEXT and not self.raw_text:
            self.raw_text = tag
        if self.reply_depth:
            self.reply_depth += tag == self.reply_tag
            return
        self.leave_head_for(tag)
        if not self.hidden and tag not in VOID and _is_quoted_reply(tag, attrs):
            self.flush()
            self.reply_tag, self.reply_depth = tag, 1
            return
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
        self.leave_head_for(tag)
        if tag == "br":
            self.handle_starttag(tag, attrs)
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag == self.raw_text:
            self.raw_text = ""
        if self.reply_depth:
            self.reply_depth -= tag == self.reply_tag
            return
        if tag in ("body", "html", "br"):
            self.leave_head_for(tag)
        if self.hidden:
            if tag == self.hidden[-1]:
                self.hidden.pop()
            elif tag in self.hidden:
                del self.hidden[self.hidden.index(tag):]
            return
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if data.strip():
            self.leave_head_for("#text")
        if self.hidden or self.reply_depth or not data:
            return
        start = self.position()
        data = self.text[start:start + len(data)]  # the parser saw a copy with neutralised constructs
        self.builder.add(data, start, start + len(data))
        self.builder.markers.extend(markers_in(data, start))

    def _reference(self, raw: str) -> None:
        self.leave_head_for("#text")
        if self.hidden or self.reply_depth:
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
        if self.raw_text:
            return
        start = self.position()
        directive = directive_from(data, Span(start, start + len(data) + 7))
        if directive:
            self.directives.append(directive)


def _is_quoted_reply(tag: str, attrs) -> bool:
    values = dict(attrs)
    if tag == "blockquote" and (values.get("type") or "").lower() == "cite":
        return True
    return (bool(QUOTED_REPLY_CLASSES.intersection((values.get("class") or "").split()))
            or values.get("id") in QUOTED_REPLY_IDS)


def _defused(text: str) -> str:
    """``text`` with constructs that cannot end (or crash the parser) made harmless by ``NEUTRAL``."""
    last_close = text.rfind(">")
    last_comment_close = text.rfind("-->")
    # "<![" becomes "<!" + NEUTRAL: a bogus comment up to the next ">", hidden as browsers hide it.
    cuts = [match.start() + 2 for match in MARKED_SECTION.finditer(text)]
    cuts += [match.start() + 2 for match in EMPTY_COMMENT.finditer(text)]
    cuts += [match.start() for match in COMMENT_OPEN.finditer(text, max(last_comment_close, 0))
             if match.start() > last_comment_close]
    if last_close + 1 < len(text) and "<" in text[last_close + 1:]:
        tail = last_close + 1
        cuts += [tail + index for index, char in enumerate(text[tail:]) if char == "<"]
    if not cuts:
        return text
    chars = list(text)
    for cut in cuts:
        chars[cut] = NEUTRAL
    return "".join(chars)


def parse_html(source: Source) -> Document:
    parser = _ProseParser(source.text)
    try:
        parser.feed(_defused(source.text))
        parser.close()
    except (AssertionError, ValueError, IndexError):
        # A parser bug on hostile input must not lose the document or show a traceback: what follows
        # the parser's position is kept as plain text.
        start = parser.position()
        if not parser.hidden and start < len(source.text):
            parser.builder.add(source.text[start:], start, len(source.text))
    parser.flush()
    return Document(source=source, blocks=parser.blocks, directives=tuple(parser.directives),
                    markers=parser.blocks.markers())
