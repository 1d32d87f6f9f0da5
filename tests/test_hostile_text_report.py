"""Issue 16 item 5: the HTML report costs time in proportion to the findings, not their square.

Work is counted, not timed: the number of Python line events the highlighter runs is exact and
does not depend on how loaded the machine is.  Doubling the findings of a linear highlighter
about doubles the count; the old one (every piece tested against every span) quadrupled it.
"""

from __future__ import annotations

import sys

from spinlint.document import Span
from spinlint.formats.html_format import highlight
from spinlint.rules.findings import Finding


def dense(count: int) -> tuple[str, list[Finding]]:
    """A document of ``count`` short phrases, each a finding, with a sentence finding over every ten."""
    phrase = "we leverage synergy. "
    text = phrase * count
    findings = []
    for index in range(count):
        start = index * len(phrase)
        findings.append(Finding(code="V001", name="n", category="vague", severity="warning", message="m",
                                span=Span(start + 3, start + 11), match="leverage"))
        if index % 10 == 0:
            findings.append(Finding(code="R001", name="n", category="readability", severity="info",
                                    message="m", span=Span(start, start + 10 * len(phrase)), match=""))
    return text, findings


def line_events(function, *args) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count


def test_highlighting_work_grows_linearly_with_findings():
    small = line_events(highlight, *dense(150), "f1")
    large = line_events(highlight, *dense(600), "f1")
    assert large / small < 5.0, (small, large)  # linear: about 4; quadratic: about 16

