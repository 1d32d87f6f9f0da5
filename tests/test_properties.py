"""Properties of ``spinlint.analyze`` over generated text (hypothesis).

For arbitrary Unicode text, and for Markdown and HTML assembled from random
fragments (some of them broken on purpose): analysis returns; every finding's
span lies in the text and ``text[start:end] == match``; line and column agree
with the span; scores stay in [0, 100]; the same input gives the same output;
every output format renders.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import spinlint
from spinlint.formats import FORMATS, renderer

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words and phrases that make rules fire, so the generated documents have findings to check.
PHRASES = [
    "We leverage synergies", "Mistakes were made", "unlock value at scale", "best-in-class",
    "Our AI-first platform", "significant savings", "Studies show", "increased productivity by 30%",
    "going forward", "the outage was caused by", "It is widely recognised", "roles were impacted",
    "according to the audited accounts", "https://example.com/report", "[3]", "(Smith, 2021)",
    "empowers teams to reimagine what is possible", "due to market headwinds",
]
TRICKY = [
    "\r\n", "\r", "\n", "\n\n", "\t", " ", "  ", "\u00a0", "\u200b", "\u200d", "\u202e", "\u202c", "\u2066",
    "\u2028", "\u2029", "\ufeff", "\ufe0f", "\U0001F680", "\U0001F468\u200d\U0001F469", "e\u0301", "\u00e9",
    "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\ud7ff", "\uffff", ".", "...", "!", "?", "\u2014", "-", "'", "\"",
    "\u201c", "\u201d", "\u2019", "&amp;", "&", ";", "<", ">", "\\", "*", "_", "`", "#", "|",
]
MARKDOWN = [
    "# ", "## ", "> ", ">> ", "- ", "* ", "1. ", "   ", "    ", "```", "```python\n", "~~~", "\n```\n",
    "**", "_", "*", "`", "[", "](", ")", "[link](https://example.com/x)", "<https://example.org>",
    "![img](a.png)", "<!-- spinlint-disable -->", "<!-- spinlint-enable -->", "<!-- spinlint-disable-next-line V -->",
    "<!-- spinlint-disable-file B -->", "<!-- unclosed comment", "---\n", "+++\n", "| a | b |\n|---|---|\n",
    "[^1]", "[^1]: a note\n", "\\*", "&copy;", "&#x1F680;", "&#0;", "<div>", "</div>", "<br>", "\n\n",
]
HTML = [
    "<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<li>", "<ul>", "</ul>", "<br>", "<br/>", "<b>", "</i>",
    "<script>", "</script>", "<style>", "</style>", "<pre>", "</pre>", "<code>", "<template>", "<!--", "-->",
    "<!-- spinlint-disable V -->", "<!-- spinlint-enable -->", "<a href='https://example.com'>", "</a>",
    "<a href=\"javascript:alert(1)\">", "<img src=x onerror=alert(1)>", "\"><img src=x>", "&amp;", "&lt;",
    "&#x2014;", "&#xFFFFFFFF;", "&#0;", "&bogus;", "&amp", "<", ">", "<p <p", "<!DOCTYPE html>", "<![CDATA[x]]>",
    "<?php ?>", "<table><tr><td>", "<cite>", "<sup>1</sup>", "\r\n", "\n",
]


def fragments(*pools: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from([item for pool in pools for item in pool]),
                      st.text(max_size=12))
    return st.lists(piece, max_size=40).map("".join)


plain_documents = st.one_of(st.text(max_size=400), fragments(PHRASES, TRICKY))
markdown_documents = fragments(PHRASES, TRICKY, MARKDOWN)
html_documents = fragments(PHRASES, TRICKY, HTML)


def line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]


def check_report(text: str, filename: str) -> None:
    report = spinlint.analyze(text, filename=filename)
    (file_report,) = report.files
    starts = line_starts(text)
    for finding in file_report.findings:
        start, end = finding.span.start, finding.span.end
        assert 0 <= start <= end <= len(text), finding
        assert text[start:end] == finding.match, finding
        # line/column (1-based, code points, end exclusive) point at the same offsets as the span
        assert starts[finding.line - 1] + finding.column - 1 == start, finding
        assert starts[finding.end_line - 1] + finding.end_column - 1 == end, finding
        assert 1 <= finding.line <= finding.end_line <= len(starts)
        assert finding.severity in ("error", "warning", "info")
        if finding.score is not None:
            assert finding.score == finding.score  # not NaN
    for name, value in file_report.scores.items():
        assert 0 <= value <= 100, (name, value)
    for value in file_report.readability.values():
        if isinstance(value, float):
            assert value == value and abs(value) != float("inf"), file_report.readability

    again = spinlint.analyze(text, filename=filename)
    assert again.files[0].findings == file_report.findings
    assert again.files[0].scores == file_report.scores

    for output_format in FORMATS:
        rendered = renderer(output_format)(report, colour=False, show_questions=True)
        assert isinstance(rendered, str)
        rendered.encode("utf-8")  # no lone surrogates in any output
        if output_format in ("json", "sarif"):
            json.loads(rendered)


@SETTINGS
@given(plain_documents)
def test_plain_text(text):
    check_report(text, "memo.txt")


@SETTINGS
@given(markdown_documents)
def test_markdown(text):
    check_report(text, "memo.md")


@SETTINGS
@given(html_documents)
def test_html(text):
    check_report(text, "memo.html")


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_unicode_in_any_format(text, filename):
    check_report(text, filename)
