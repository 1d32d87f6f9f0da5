"""Inline suppression: ``spinlint-disable`` comments silence findings.

Forms (see docs/suppression.md): ``disable-file [CODES]`` for the whole file,
``disable [CODES]`` … ``enable [CODES]`` for a range, ``disable-next-line
CODES`` for the next line that has text.  Codes may be prefixes (``V``); no
codes means every code.  A directive that silences nothing is reported as
X001 when that rule is selected.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Directive
from .findings import Finding, LineIndex


@dataclass
class _Window:
    directive: Directive
    start: int  # source offsets the directive covers
    end: int
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not (self.start <= finding.span.start < self.end):
            return False
        codes = self.directive.codes
        return not codes or any(finding.code.startswith(code) for code in codes)


def _windows(directives: tuple[Directive, ...], text: str, lines: LineIndex) -> list[_Window]:
    windows: list[_Window] = []
    open_ranges: list[_Window] = []
    for directive in sorted(directives, key=lambda d: d.span.start):
        if directive.action == "disable-file":
            windows.append(_Window(directive, 0, len(text) + 1))
        elif directive.action == "disable":
            window = _Window(directive, directive.span.end, len(text) + 1)
            windows.append(window)
            open_ranges.append(window)
        elif directive.action == "enable":
            for window in open_ranges:
                if window.end > len(text) and (not directive.codes or
                                               set(directive.codes) & set(window.directive.codes)
                                               or not window.directive.codes):
                    window.end = directive.span.start
        elif directive.action == "disable-next-line":
            line, _ = lines.locate(directive.span.end)
            next_line = line + 1
            start = lines.line_start(next_line)
            # Skip blank lines: the directive is about the next line with words on it.
            while start < len(text) and text[start] in "\r\n":
                next_line += 1
                start = lines.line_start(next_line)
            end = lines.line_start(next_line + 1)
            if end <= start:
                end = len(text) + 1
            windows.append(_Window(directive, start, end))
    return windows


def apply(findings: list[Finding], directives: tuple[Directive, ...], text: str,
          lines: LineIndex) -> tuple[list[Finding], list[Directive]]:
    """Findings left after suppression, and the directives that suppressed nothing."""
    if not directives:
        return findings, []
    windows = _windows(directives, text, lines)
    kept = []
    for finding in findings:
        covering = [window for window in windows if window.covers(finding)]
        for window in covering:
            window.used = True
        if not covering:
            kept.append(finding)
    unused = [window.directive for window in windows if not window.used]
    return kept, unused
