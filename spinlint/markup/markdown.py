"""Markdown through a CommonMark parser (markdown-it-py): prose only, with exact source offsets.

markdown-it reports block positions as line ranges and hands out inline text
with escapes and entities already resolved, so each inline text piece is
found again in its block's source lines (exactly when it can be, tolerantly
when an escape or entity changed it).  Code, images, raw HTML and front
matter are not prose; links, footnotes and citations become evidence markers.
"""

from __future__ import annotations

import html
import re

from ..document import Document, EvidenceMarker, Source, Span
from .blocks import BlockBuilder, html_comment_directives, markers_in

LINE_BREAK = re.compile(r"\r\n|\r|\n")
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


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in LINE_BREAK.finditer(text)] + [len(text)]


def _blank_front_matter(text: str, starts: list[int]) -> tuple[str, int]:
    """The text with YAML/TOML front matter lines emptied (line count kept), and where it ends."""
    lines = text.splitlines()
    if not lines or not FRONT_MATTER_FENCE.match(lines[0]):
        return text, 0
    fence = lines[0].strip()
    for number in range(1, min(len(lines), 500)):
        if lines[number].strip() in (fence, "..."):
            end = starts[min(number + 1, len(starts) - 1)]
            return "\n" * (number + 1) + text[end:], end
    return text, 0


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
    starts = _line_starts(text)
    parsed_text, front_matter_end = _blank_front_matter(text, starts)
    tokens = _parser().parse(_cap_nesting(parsed_text))
    blocks, code_ranges = [], []
    kinds: list[str] = []
    previous_map, cursor = None, 0
    for token in tokens:
        if token.type in CONTAINERS:
            kinds.append(CONTAINERS[token.type])
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in CONTAINERS and kinds:
            kinds.pop()
        elif token.type in ("fence", "code_block") and token.map:
            code_ranges.append((starts[token.map[0]], starts[min(token.map[1], len(starts) - 1)]))
        elif token.type == "inline" and token.map:
            line_start, line_end = token.map
            low, high = starts[line_start], starts[min(line_end, len(starts) - 1)]
            if low < front_matter_end:
                continue
            if tuple(token.map) != previous_map:
                cursor = low
            previous_map = tuple(token.map)
            if FOOTNOTE_DEFINITION.match(token.content):
                continue
            builder = BlockBuilder(kinds[-1] if kinds else "paragraph")
            cursor = _inline(token.children or [], text, cursor, high, builder)
            block = builder.build()
            if block is not None:
                blocks.append(block)
    directives = [directive for directive in html_comment_directives(text)
                  if not any(low <= directive.span.start < high for low, high in code_ranges)]
    markers = tuple(marker for block in blocks for marker in block.markers)
    return Document(source=source, blocks=tuple(blocks), directives=tuple(directives), markers=markers)


def _inline(children, text: str, cursor: int, limit: int, builder: BlockBuilder) -> int:
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
