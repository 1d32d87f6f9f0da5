"""Inline suppression: ``spinlint-disable`` comments silence findings.

Forms (see docs/suppression.md): ``disable-file [CODES]`` for the whole file,
``disable [CODES]`` … ``enable [CODES]`` for a range, ``disable-line CODES``
for the line the comment is on, ``disable-next-line CODES`` for the next line
that has text.  Codes may be prefixes (``V``); no codes means every code.  A
directive that silences nothing, or is misspelt, is reported as X001 when that
rule is selected.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from difflib import get_close_matches

from ..document import Directive
from ..markup.blocks import DIRECTIVE_LIKE
from ..rules.findings import Finding, LineIndex


ACTIONS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")


@dataclass
class _Window:
    directive: Directive
    start: int  # source offsets the directive covers
    end: int


def _windows(directives: tuple[Directive, ...], text: str, lines: LineIndex) -> list[_Window]:
    windows: list[_Window] = []
    # Ranges still open, indexed so that each enable touches only the ranges it closes
    # (a document of thousands of directives must not cost disables x enables).
    open_ranges: dict[int, _Window] = {}
    open_by_code: dict[str, set[int]] = {}
    open_for_all: set[int] = set()
    next_line_ranges: dict[int, tuple[int, int]] = {}

    def close(key: int, end: int) -> None:
        window = open_ranges.pop(key)
        window.end = end
        for code in window.directive.codes:
            open_by_code[code].discard(key)
        open_for_all.discard(key)

    for directive in sorted(directives, key=lambda d: d.span.start):
        if directive.action == "disable-file":
            windows.append(_Window(directive, 0, len(text) + 1))
        elif directive.action == "disable":
            window = _Window(directive, directive.span.end, len(text) + 1)
            windows.append(window)
            key = len(windows)
            open_ranges[key] = window
            for code in directive.codes:
                open_by_code.setdefault(code, set()).add(key)
            if not directive.codes:
                open_for_all.add(key)
        elif directive.action == "enable":
            if directive.codes:
                keys = set(open_for_all).union(*(open_by_code.get(code, ()) for code in directive.codes))
            else:
                keys = set(open_ranges)
            for key in keys:
                close(key, directive.span.start)
        elif directive.action == "disable-line":
            line, _ = lines.locate(directive.span.start)
            start, end = lines.line_start(line), lines.line_start(line + 1)
            windows.append(_Window(directive, start, end if end > start else len(text) + 1))  # the last line
        elif directive.action == "disable-next-line":
            line, _ = lines.locate(directive.span.end)
            if line not in next_line_ranges:  # many directives on one line share the walk over blank lines
                next_line_ranges[line] = _next_line_range(line, text, lines)
            windows.append(_Window(directive, *next_line_ranges[line]))
    return windows


def _next_line_range(line: int, text: str, lines: LineIndex) -> tuple[int, int]:
    """Source range of the first line after ``line`` with text on it (blank lines are skipped)."""
    next_line = line + 1
    start = lines.line_start(next_line)
    while start < len(text) and text[start] in "\r\n":
        next_line += 1
        start = lines.line_start(next_line)
    end = lines.line_start(next_line + 1)
    if end <= start:
        end = len(text) + 1
    return start, end


def _prefixes(code: str) -> list[str]:
    """Every selector that matches ``code``: "" (all codes), "V", "V0", "V00", "V001"."""
    return [code[:length] for length in range(len(code) + 1)]


def apply(findings: list[Finding], directives: tuple[Directive, ...], text: str,
          lines: LineIndex) -> tuple[list[Finding], list[Directive]]:
    """Findings left after suppression, and the directives that suppressed nothing.

    Indexed by code prefix on both sides, so the cost grows with findings + directives rather than
    their product (a hostile document can hold tens of thousands of each).
    """
    if not directives:
        return findings, []
    windows = _windows(directives, text, lines)
    # selector ("" = every code) -> merged [start, end) ranges that silence it
    silenced: dict[str, list[list[int]]] = {}
    for window in sorted(windows, key=lambda w: w.start):
        for selector in window.directive.codes or ("",):
            ranges = silenced.setdefault(selector, [])
            if ranges and window.start <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], window.end)
            elif window.start < window.end:
                ranges.append([window.start, window.end])
    starts_of = {selector: [low for low, _ in ranges] for selector, ranges in silenced.items()}

    def is_silenced(finding: Finding) -> bool:
        position = finding.span.start
        for selector in _prefixes(finding.code):
            ranges = silenced.get(selector)
            if ranges:
                index = bisect_right(starts_of[selector], position) - 1
                if index >= 0 and position < ranges[index][1]:
                    return True
        return False

    kept = [finding for finding in findings if not is_silenced(finding)]
    # selector -> sorted starts of the findings it matches, to tell which directives silenced something
    matched: dict[str, list[int]] = {}
    for finding in findings:
        for selector in _prefixes(finding.code):
            matched.setdefault(selector, []).append(finding.span.start)
    for positions in matched.values():
        positions.sort()

    def silences_something(window: _Window) -> bool:
        for selector in window.directive.codes or ("",):
            positions = matched.get(selector, [])
            index = bisect_left(positions, window.start)
            if index < len(positions) and positions[index] < window.end:
                return True
        return False

    unused = [window.directive for window in windows if not silences_something(window)]
    unused += [directive for directive in directives if directive.action == "unknown"]
    return kept, unused


def unknown_directive_message(comment: str) -> str:
    """What X001 says about a misspelt directive: what was written, and the nearest real one."""
    written = DIRECTIVE_LIKE.search(comment)
    word = written.group() if written else comment.strip()
    close = get_close_matches(word, [f"spinlint-{action}" for action in ACTIONS], n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return (f"'{word}' is not a spinlint directive, so it silences nothing: {hint}"
            f"the directives are {', '.join(ACTIONS)}.")
