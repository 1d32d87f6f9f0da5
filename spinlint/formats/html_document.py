"""The document view of the HTML report: prose with numbered highlights, verdicts beside it.

Findings become numbered rows. A phrase a rule found is highlighted in the text and its number sits in
the margin of the line it starts on, so no label ever stands inside a sentence. A verdict on a whole
sentence (the classifier's M rules, the sentence metrics) is a stripe beside the sentence's lines and a
note in the margin; several verdicts on one sentence are one row. Findings about the whole document
are listed above it.

One sweep over the text, the findings sorted once: the cost grows with the text and the number of
findings, not with their product.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from dataclasses import dataclass
from html import escape
from typing import Any, Iterable, Sequence

from ..rules.findings import SEVERITY_RANK, Finding

CATEGORY_LABELS = {"vague": "vague", "blame": "blame", "evidence": "no evidence",
                   "readability": "readability", "meta": "meta"}
# Rule kinds whose findings judge a whole sentence rather than point at words in it.
VERDICT_KINDS = ("classifier", "metric")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def escaped(value: Any) -> str:
    return escape(str(value), quote=True)


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


@dataclass(frozen=True)
class Row:
    """One numbered entry of the findings table: a phrase, a sentence's verdicts, or a document finding."""

    number: int
    findings: tuple[Finding, ...]
    place: str  # "phrase" | "verdict" | "document"

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def severity(self) -> str:
        return max((finding.severity for finding in self.findings), key=SEVERITY_RANK.__getitem__)


def _place(finding: Finding, kinds: dict[str, str]) -> str:
    if finding.scope == "document":
        return "document"
    if finding.scope == "sentence" and kinds.get(finding.code) in VERDICT_KINDS:
        return "verdict"
    return "phrase"


def _rule_kinds() -> dict[str, str]:
    from ..rules.ruleset import rules_by_code

    return {code: rule.kind for code, rule in rules_by_code().items()}


def rows(findings: Sequence[Finding]) -> list[Row]:
    """The table's rows in the findings' order; verdicts on the same sentence share the first one's row."""
    kinds = _rule_kinds()
    grouped: list[list[Finding]] = []
    places: list[str] = []
    verdict_row: dict[tuple[int, int], int] = {}
    for finding in findings:
        place = _place(finding, kinds)
        key = (finding.span.start, finding.span.end)
        if place == "verdict" and key in verdict_row:
            grouped[verdict_row[key]].append(finding)
            continue
        if place == "verdict":
            verdict_row[key] = len(grouped)
        grouped.append([finding])
        places.append(place)
    return [Row(number, tuple(group), place) for number, (group, place) in enumerate(zip(grouped, places), 1)]


def tip_lines(finding: Finding) -> Iterable[str]:
    yield f"<span><strong>{escaped(finding.code)} {escaped(finding.name)}</strong> ({escaped(finding.severity)})</span>"
    yield f"<span>{escaped(finding.message)}</span>"
    if finding.question:
        yield f"<span><em>Ask:</em> {escaped(finding.question)}</span>"
    if finding.suggestion:
        yield f"<span><em>Try:</em> {escaped(finding.suggestion)}</span>"
    if finding.reason:
        yield f"<span>{escaped(finding.reason)}</span>"


def _title(finding: Finding) -> str:
    text = f"{finding.code} {finding.name}: {finding.message}"
    if finding.question:
        text += f" Ask: {finding.question}"
    if finding.suggestion:
        text += f" Try: {finding.suggestion}"
    return text


def _marker(row: Row, file_id: str) -> str:
    """The row's number in the margin: for a verdict, with the categories it judges the sentence for."""
    tips = "".join(line for finding in row.findings for line in tip_lines(finding))
    label = str(row.number)
    css = f"tag cat-{escaped(row.first.category)}"
    if row.place == "verdict":
        label += " " + ", ".join(dict.fromkeys(category_label(finding.category) for finding in row.findings))
        css += " verdict"
    return (f'<a class="{css}" id="{file_id}-hl-{row.number}" href="#{file_id}-row-{row.number}">{escaped(label)}'
            f'<span class="tip" role="tooltip">{tips}</span></a>')


def whole_document(rows_: Sequence[Row], file_id: str) -> str:
    items = "".join(
        f'<li><a class="tag cat-{escaped(row.first.category)}" id="{file_id}-hl-{row.number}" '
        f'href="#{file_id}-row-{row.number}">{row.number}</a> <strong>{escaped(row.first.code)}</strong> '
        f"{escaped(row.first.message)}</li>" for row in rows_ if row.place == "document")
    return f'<ul class="whole-document">{items}</ul>' if items else ""


def highlight(text: str, findings: Sequence[Finding], file_id: str) -> str:
    """The document view for ``findings`` (numbered as the table numbers them)."""
    return document(text, rows(findings), file_id)


def document(text: str, rows_: Sequence[Row], file_id: str) -> str:
    length = len(text)
    lines = [(match.start(), match.end()) for match in LINE.finditer(text) if match.end() > match.start()]
    if not lines:
        lines = [(0, 0)]
    line_starts = [start for start, _ in lines]

    def line_of(offset: int) -> int:
        return max(0, bisect_right(line_starts, min(max(offset, 0), length)) - 1)

    margin: list[list[str]] = [[] for _ in lines]
    # verdict stripes: +1 where a judged sentence starts, -1 after its last line, per category
    stripes: dict[str, list[int]] = {}
    phrases: list[tuple[int, int, Row]] = []
    for row in rows_:
        if row.place == "document":
            continue
        span = row.first.span
        start, end = min(max(span.start, 0), length), min(max(span.end, 0), length)
        margin[line_of(start)].append(_marker(row, file_id))
        if row.place == "verdict":
            for category in dict.fromkeys(finding.category for finding in row.findings):
                counts = stripes.setdefault(category, [0] * (len(lines) + 1))
                counts[line_of(start)] += 1
                counts[line_of(max(end - 1, start)) + 1] -= 1
        else:
            phrases.append((start, end, row))
    judged = _judged_lines(stripes, len(lines))
    pieces = _marked_pieces(text, phrases, lines)
    out = []
    for index, (start, end) in enumerate(lines):
        gutter = " ".join(f"judged-{escaped(category)}" for category in judged[index])
        out.append(f'<div class="line"><span class="gutter {gutter}"></span>'
                   f'<span class="text">{"".join(pieces[index])}</span>'
                   f'<span class="margin">{"".join(margin[index])}</span></div>')
    return "".join(out)


def _judged_lines(stripes: dict[str, list[int]], count: int) -> list[list[str]]:
    judged: list[list[str]] = [[] for _ in range(count)]
    for category, deltas in stripes.items():
        depth = 0
        for index in range(count):
            depth += deltas[index]
            if depth > 0:
                judged[index].append(category)
    return judged


def _marked_pieces(text: str, phrases: list[tuple[int, int, Row]], lines: list[tuple[int, int]]) -> list[list[str]]:
    """Each line's text as HTML, a phrase marked with the innermost finding that covers it.

    The text is cut at every phrase boundary and line end (a mark never crosses a line, so each line's
    HTML stands alone); the covering phrases are kept in a heap by length, so finding the innermost
    costs a logarithm, not a scan of all findings.
    """
    phrases.sort(key=lambda phrase: phrase[0])
    points = sorted({point for start, end, _ in phrases for point in (start, end)})
    next_phrase = next_point = 0
    active: list[tuple[int, int, int]] = []  # (length, order, end) of phrases that have started
    html: list[list[str]] = []
    for line_start, line_end in lines:
        content_end = line_start + len(text[line_start:line_end].rstrip("\r\n"))
        while next_point < len(points) and points[next_point] <= line_start:
            next_point += 1
        cuts = [line_start]
        while next_point < len(points) and points[next_point] < content_end:
            cuts.append(points[next_point])
            next_point += 1
        cuts.append(content_end)
        pieces = []
        for left, right in zip(cuts, cuts[1:]):
            if left >= right:
                continue
            while next_phrase < len(phrases) and phrases[next_phrase][0] <= left:
                start, end, _ = phrases[next_phrase]
                heapq.heappush(active, (end - start, next_phrase, end))
                next_phrase += 1
            while active and active[0][2] <= left:
                heapq.heappop(active)
            piece = escaped(text[left:right])
            if active:
                finding = phrases[active[0][1]][2].first
                piece = (f'<mark class="hl cat-{escaped(finding.category)}" title="{escaped(_title(finding))}">'
                         f"{piece}</mark>")
            pieces.append(piece)
        html.append(pieces)
    return html
