"""Issue 16 item 10: valid HTML5 that leaves out </head>, or holds an empty comment, shows its body.

HTML5 ends the head at the first tag that cannot be in it or at the first text, and reads
``<!-->`` and ``<!--->`` as whole comments.  A parser that did not hid every word after them,
which let a page keep its claims away from the linter.
"""

from __future__ import annotations

import pytest

import spinlint
from spinlint import markup
from spinlint.document import Source

CLAIM = "We leverage synergies to unlock value."


def prose(html: str) -> list[str]:
    return [block.text.strip() for block in markup.parse(Source("page.html", html, "html")).blocks]


@pytest.mark.parametrize("page", [
    f"<!DOCTYPE html><html><head><meta charset=utf-8><title>Memo</title><p>{CLAIM}</p></html>",
    f"<html><head><title>Memo</title><link rel=stylesheet href=a.css><div><p>{CLAIM}",
    f"<head><title>Memo</title>\n{CLAIM}",
    f"<head><title>Memo</title><br/>{CLAIM}",
    f"<head><meta charset=utf-8></body>{CLAIM}",
    f"<head><title>Memo</title>&mdash; {CLAIM}",
    f"<!--><p>{CLAIM}</p><!-- the end -->",
    f"<!---><p>{CLAIM}</p><!-- the end -->",
], ids=["tag", "div", "text", "void", "end-body", "entity", "empty-comment", "empty-comment-dash"])
def test_the_body_is_read(page):
    assert any(CLAIM in text for text in prose(page)), prose(page)


def test_what_belongs_to_the_head_stays_hidden():
    page = ("<head><title>Leverage synergies</title><style>p { color: red }</style>"
            "<template><p>We unlock value at scale.</p></template><p>Sales rose.</p>")
    assert prose(page) == ["Sales rose."]


def test_findings_point_into_the_original_page():
    page = f"<html><head>\n<title>Memo</title>\n<!-->\n<p>{CLAIM}</p>\n<!-- end -->\n"
    report = spinlint.analyze(page, filename="memo.html")
    findings = report.files[0].findings
    assert {finding.code for finding in findings} >= {"V002", "V003"}
    for finding in findings:
        assert page[finding.span.start:finding.span.end] == finding.match
    leverage = next(finding for finding in findings if finding.code == "V002")
    assert (leverage.line, leverage.column) == (4, 7)
