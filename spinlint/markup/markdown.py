"""Markdown through a CommonMark parser (markdown-it-py): prose only, with exact source offsets.

markdown-it reports block positions as line ranges and hands out inline text
with escapes and entities already resolved, so each inline text piece is
found again in its block's source lines (exactly when it can be, tolerantly
when an escape or entity changed it).  Code, images, raw HTML and front
matter are not prose; links, footnotes and citations become evidence markers.
Directives count only where the parser reads raw HTML (an HTML block or inline
HTML), so one shown in a code span, escaped, or in front matter silences nothing.
"""

from __future__ import annotations

import html
import re
from typing import Iterator

from ..document import BlockTable, Directive, Document, EvidenceMarker, Source, Span
from .blocks import BlockBuilder, html_comment_directives, markers_in

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What the parser reads at a time, and the most it reads when no good place to cut comes (``_chunks``).
# Its tokens for 32,000 characters of one-word list items peaked at 18 MB; for 8,000 at 6 MB, and the
# smaller stretches parse no slower.
CHUNK_CHARS = 8_000
MAX_CHUNK_CHARS = 64_000
LIST_ITEM = re.compile(r"(?:[-+*]|[0-9]{1,9}[.)])[ \t]+\S")
THEMATIC_BREAK = re.compile(r"(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
HTML_BLOCK_START = re.compile(r" {0,3}(<[!?/]?[A-Za-z!\[?-]*)")
# HTML blocks that a blank line does not end (CommonMark types 1-5), by how they start, and what ends them.
HTML_RAW_ENDS = (("<script", "</script>"), ("<pre", "</pre>"), ("<style", "</style>"),
                 ("<textarea", "</textarea>"), ("<!--", "-->"), ("<?", "?>"), ("<![cdata[", "]]>"), ("<!", ">"))
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]{1,999}\]:[^\n]*", re.MULTILINE)
FRONT_MATTER_FENCE = re.compile(r"(?:---|\+\+\+)[ \t]*$")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]]{1,40}\]:")
# markdown-it stops at ``maxNesting`` levels, and a list that hits the limit swallows the rest of the
# document unparsed; its block parser also recurses once or twice per level.  So the parser gets room for
# 100 levels (a few hundred stack frames), and ``_cap_nesting`` keeps every line inside that room.
MAX_NESTING = 100
NESTING_BUDGET = 40  # container markers (plus 2 columns of indentation each) kept per line; a list costs 2 levels
DEEP_PREFIX = re.compile(r"(?:^|(?<=[\r\n]))[ \t>*+\-0-9.)]{%d,}" % NESTING_BUDGET)
LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
CONTAINER_PREFIX_ITEM = re.compile(r"[ \t]+|>|(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)")
MAX_TOLERANT_CHARS = 2000  # longer inline text is aligned with the source piece by piece instead
CONTAINERS = {"heading_open": "heading", "blockquote_open": "quote", "list_item_open": "list_item",
              "th_open": "table_cell", "td_open": "table_cell"}
_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    return _PARSER


def _line_starts(text: str, start: int, end: int) -> list[int]:
    """Where each line of text[start:end] starts, and ``end``."""
    return [start] + [match.end() for match in LINE_BREAK.finditer(text, start, end) if match.end() < end] + [end]


def _front_matter_end(text: str) -> int:
    """Where YAML/TOML front matter ends (0 when there is none); it is looked for in the first 500 lines."""
    lines = LINE_WITH_END.finditer(text)
    first = next(lines, None)
    if first is None or not FRONT_MATTER_FENCE.match(first.group().rstrip("\r\n")):
        return 0
    fence = first.group().strip()
    for _, line in zip(range(1, 500), lines):
        if line.group().strip() in (fence, "..."):
            return line.end()
    return 0


def _chunks(text: str, start: int) -> Iterator[tuple[int, int]]:
    """text[start:] in stretches the parser reads one at a time, cut where a cut changes no block.

    markdown-it keeps a token object per construct, several hundred bytes for each byte of a list of
    one-word items, so a long document is parsed a stretch at a time (``CHUNK_CHARS``): before a line
    that starts a block at the left margin after a blank line, or a new list item, but never inside a
    fenced code block or an HTML block.  Where no such line comes for ``MAX_CHUNK_CHARS`` (a paragraph
    that long is cut into pieces later anyway), any line start will do, and a line longer than that is
    cut at whitespace.  Link reference definitions are shared by every stretch (``_references``).
    """
    if len(text) - start <= CHUNK_CHARS:
        yield start, len(text)
        return
    chunk_start, blank_before = start, False
    fence, html_end = "", None  # the open fence's marker; what ends an open HTML block ("" = a blank line)
    for line in LINE_WITH_END.finditer(text, start):
        at, body = line.start(), line.group().rstrip("\r\n")
        size = at - chunk_start
        indent = len(body) - len(body.lstrip(" "))
        item = indent == 0 and bool(LIST_ITEM.match(body)) and not THEMATIC_BREAK.match(body)
        free = not fence and html_end is None
        if free and ((size >= CHUNK_CHARS and ((blank_before and indent == 0 and body.strip()) or item))
                     or (size >= MAX_CHUNK_CHARS and indent == 0 and body.strip())):
            yield chunk_start, at
            chunk_start = at
        if free and line.end() - at > MAX_CHUNK_CHARS:  # one enormous line: cut before it, then inside it
            if chunk_start < at:
                yield chunk_start, at
                chunk_start = at
        while free and chunk_start >= at and line.end() - chunk_start > MAX_CHUNK_CHARS:
            cut = text.rfind(" ", chunk_start + MAX_CHUNK_CHARS // 2, chunk_start + MAX_CHUNK_CHARS)
            cut = cut + 1 if cut > chunk_start else chunk_start + MAX_CHUNK_CHARS
            yield chunk_start, cut
            chunk_start = cut
        fence, html_end = _block_state(body, indent, fence, html_end)
        blank_before = not body.strip()
    if chunk_start < len(text):
        yield chunk_start, len(text)


def _block_state(body: str, indent: int, fence: str, html_end: str | None) -> tuple[str, str | None]:
    """The open fence and HTML block after ``body`` (what ``_chunks`` must not cut through)."""
    if fence:
        closing = FENCE.match(body)
        return ("" if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence)
                and not body[closing.end():].strip() else fence), html_end
    if html_end is not None:
        ended = not body.strip() if html_end == "" else html_end in body.lower()
        return fence, None if ended else html_end
    if indent < 4:
        opening = FENCE.match(body)
        if opening:
            return opening.group(1), None
        html = HTML_BLOCK_START.match(body)
        if html:
            end = next((end for start, end in HTML_RAW_ENDS if html.group(1).lower().startswith(start)), "")
            return "", None if end and end in body.lower()[html.end():] else end
    return "", None


def _references(text: str) -> dict:
    """markdown-it's environment with every link reference definition of the document already in it,
    so that a reference link in one stretch finds a definition written in a later one."""
    env: dict = {}
    definitions = REFERENCE_DEFINITION.findall(text)
    if definitions:
        _parser().parse("\n\n".join(definitions), env)
    return env


def _cap_nesting(text: str) -> str:
    """The text with container prefixes deeper than ``NESTING_BUDGET`` cut short (lines are kept).

    Only the parser sees this text; offsets are found again in the original, so dropping the excess
    ``>``/``-``/``1.`` markers and indentation of an absurdly deep line costs nothing in accuracy.
    """
    if not DEEP_PREFIX.search(text):
        return text
    return "".join(_cap_line(line.group()) for line in LINE_WITH_END.finditer(text))


def _cap_line(line: str) -> str:
    position, cost = 0, 0
    while True:
        item = CONTAINER_PREFIX_ITEM.match(line, position)
        if item is None:
            return line
        whitespace = item.group()[0] in " \t"
        item_cost = len(item.group().expandtabs(4)) // 2 if whitespace else 1
        if cost + item_cost > NESTING_BUDGET:
            break
        cost += item_cost
        position = item.end()
    # Indentation is clamped rather than dropped, so an indented code line stays code.
    clamp = " " * (2 * (NESTING_BUDGET - cost)) if whitespace else ""
    rest = position
    while (item := CONTAINER_PREFIX_ITEM.match(line, rest)) is not None:
        rest = item.end()
    return line[:position] + clamp + " " + line[rest:]


def parse_markdown(source: Source) -> Document:
    text = source.text
    env = _references(text) if len(text) > CHUNK_CHARS else {}
    blocks = BlockTable()
    directives: list[Directive] = []
    for start, end in _chunks(text, _front_matter_end(text)):
        _parse_stretch(text, start, end, env, blocks, directives)
    directives.sort(key=lambda directive: directive.span.start)
    return Document(source=source, blocks=blocks, directives=tuple(directives), markers=blocks.markers())


def _parse_stretch(text: str, start: int, end: int, env: dict, blocks: BlockTable,
                   directives: list) -> None:
    """Parse text[start:end] and add its prose blocks and directives (source offsets).

    A directive is taken only from what the parser reads as raw HTML, which a rendered page hides as
    the author meant: the same comment in a code span or a code block is shown to the reader as text,
    and front matter is never parsed (issue 16: a document must not opt out where nobody sees it).
    """
    starts = _line_starts(text, start, end)
    tokens = _parser().parse(_cap_nesting(text[start:end]), env)
    kinds: list[str] = []
    previous_map, cursor = None, start
    for token in tokens:
        if token.type in CONTAINERS:
            kinds.append(CONTAINERS[token.type])
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in CONTAINERS and kinds:
            kinds.pop()
        elif token.type == "html_block" and token.map:
            directives.extend(html_comment_directives(text, starts[token.map[0]],
                                                      starts[min(token.map[1], len(starts) - 1)]))
        elif token.type == "inline" and token.map:
            line_start, line_end = token.map
            low, high = starts[line_start], starts[min(line_end, len(starts) - 1)]
            if tuple(token.map) != previous_map:
                cursor = low
            previous_map = tuple(token.map)
            if FOOTNOTE_DEFINITION.match(token.content):
                continue
            builder = BlockBuilder(kinds[-1] if kinds else "paragraph")
            cursor = _inline(token.children or [], text, cursor, high, builder, directives)
            block = builder.build()
            if block is not None:
                blocks.append(block)


def _inline(children, text: str, cursor: int, limit: int, builder: BlockBuilder, directives: list) -> int:
    in_link: bool | str = False
    pending_href = ""
    for child in children:
        kind = child.type
        if kind == "text":
            if in_link == "autolink":
                continue
            found = _locate(child.content, text, cursor, limit)
            if found is None:
                continue
            start, end = found
            if end - start == len(child.content):
                builder.add(child.content, start, end)
                builder.markers.extend(markers_in(child.content, start))
            else:
                for piece, piece_start, piece_end in _align(child.content, text, start, end):
                    builder.add(piece, piece_start, piece_end)
            cursor = end
        elif kind in ("softbreak", "hardbreak"):
            newline = LINE_BREAK.search(text, cursor, limit)
            if newline:
                builder.add("\n", newline.start(), newline.end())
                cursor = newline.end()
        elif kind == "code_inline":
            found = _locate(child.content, text, cursor, limit)
            if found:
                # A stand-in space keeps the words on either side apart without linting the code.
                builder.add(" ", found[0], found[1])
                cursor = found[1]
        elif kind == "html_inline" and "spinlint-" in child.content:
            found = _locate(child.content, text, cursor, limit)
            if found:
                directives.extend(html_comment_directives(text, *found))
                cursor = found[1]
        elif kind == "link_open":
            in_link = "autolink" if child.markup == "autolink" else True
            href = child.attrGet("href") or ""
            if in_link == "autolink":
                found = _locate(child.children[0].content if child.children else href, text, cursor, limit)
                found = found or _locate(href, text, cursor, limit)
                if found:
                    builder.markers.append(EvidenceMarker("link", Span(*found), href))
                    cursor = found[1]
            else:
                pending_href = href
        elif kind == "link_close":
            if in_link is True and pending_href:
                # markdown-it normalises hrefs (percent-encoding), so the marker may sit where the text ended.
                found = _locate(pending_href, text, cursor, _near(pending_href, cursor, limit)) or (cursor, cursor)
                builder.markers.append(EvidenceMarker("link", Span(*found), pending_href))
                cursor = found[1]
            in_link = False
        elif kind == "image":
            source = child.attrGet("src") or ""
            found = _locate(source, text, cursor, _near(source, cursor, limit))
            if found:
                cursor = found[1]
    return cursor


def _near(destination: str, cursor: int, limit: int) -> int:
    """How far to look for a link or image destination: it follows its text within a few characters.

    Searching to the end of the block instead made every destination that is not found verbatim
    (percent-encoded, or a reference link's) rescan the rest of the paragraph: quadratic.
    """
    return min(limit, cursor + 2 * len(destination) + 256)


def _locate(content: str, text: str, cursor: int, limit: int) -> tuple[int, int] | None:
    """Where ``content`` sits in ``text[cursor:limit]``: exactly, or allowing escapes and entities."""
    if not content:
        return None
    index = text.find(content, cursor, limit)
    if index >= 0:
        return index, index + len(content)
    if len(content) <= MAX_TOLERANT_CHARS:
        match = _tolerant(content).search(text, cursor, limit)
        return (match.start(), match.end()) if match else None
    # A long line with an escape or entity in it: find where it starts, then walk it through the
    # source to where it ends (one pattern per character would be slow to build for a long line).
    head = _tolerant(content[:64]).search(text, cursor, limit)
    if head is None:
        return None
    pieces = _align(content, text, head.start(), limit)
    return (head.start(), pieces[-1][2]) if pieces else None


def _align(content: str, text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Pieces of ``content`` with their source stretches: verbatim runs, and one piece per escape or entity."""
    pieces: list[tuple[str, int, int]] = []
    position = start
    for char in content:
        if position >= end:
            break
        entity = ENTITY.match(text, position)
        if entity and html.unescape(entity.group()) == char:
            pieces.append((char, position, entity.end()))
            position = entity.end()
            continue
        if text[position] == char:
            if pieces and pieces[-1][2] == position and len(pieces[-1][0]) == pieces[-1][2] - pieces[-1][1]:
                previous = pieces.pop()
                pieces.append((previous[0] + char, previous[1], position + 1))
            else:
                pieces.append((char, position, position + 1))
            position += 1
            continue
        if text[position] == "\\" and text[position + 1:position + 2] == char:
            step = 2
        elif char.isspace():
            step = 1
            while position + step < end and text[position + step].isspace():
                step += 1
        else:
            step = 1
        pieces.append((char, position, position + step))
        position += step
    return pieces


def _tolerant(content: str) -> re.Pattern:
    pieces = []
    for char in content:
        escaped = re.escape(char)
        if char.isspace():
            pieces.append(r"\s+")
        elif char.isascii() and not char.isalnum():
            pieces.append(rf"(?:\\?{escaped}|&[#\w]{{1,32}};)")
        else:
            pieces.append(rf"(?:{escaped}|&[#\w]{{1,32}};)")
    return re.compile("".join(pieces))
