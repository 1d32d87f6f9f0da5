"""Hostile opt-outs (issue 16, low): a document's author must not hide findings from the person linting it.

A directive silences findings only where the author plainly wrote a directive: an HTML comment that the
Markdown or HTML parser reads as one, or a comment line in plain text.  The same words shown in a code
span, escaped, in front matter or inside an element a browser shows as text silence nothing.  A scan
can ignore every directive (``--no-inline-suppressions``) and always says what directives silenced,
and what its folder walk left out; a document cannot pass itself off as a spinlint report to be skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import spinlint
from cli_runs import SPIN, run
from spinlint import markup
from spinlint.document import Source

# "Mistakes were made" is B-family spin that a disable-file directive would silence.
BLAME = "Mistakes were made during the rollout.\n"


def codes(text: str, filename: str) -> list[str]:
    return [finding.code for finding in spinlint.analyze(text, filename=filename, config={"select": ["B"]})
            .files[0].findings]


def directives(text: str, filename: str, kind: str) -> list[str]:
    document = markup.parse(Source(path=filename, text=text, format=kind))
    return [directive.action for directive in document.directives]


# ---------------------------------------------------------------- directives the reader cannot see

@pytest.mark.parametrize("hidden", [
    "`<!-- spinlint-disable-file -->`",  # a code span: shown as code, not a comment
    "``<!-- spinlint-disable-file -->``",
    "\\<!-- spinlint-disable-file -->",  # escaped: shown as text
])
def test_markdown_directive_shown_as_text_silences_nothing(hidden):
    text = f"How to silence spinlint: {hidden}.\n\n{BLAME}"
    assert directives(text, "memo.md", "markdown") == []
    assert codes(text, "memo.md"), "the directive shown as text silenced the finding"


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_markdown_directive_in_front_matter_silences_nothing(fence):
    text = f"{fence}\ntitle: Update\nnote: <!-- spinlint-disable-file -->\n{fence}\n\n{BLAME}"
    assert directives(text, "memo.md", "markdown") == []
    assert codes(text, "memo.md")


@pytest.mark.parametrize("element", ["textarea", "title", "xmp", "iframe"])
def test_html_comment_inside_a_text_only_element_is_not_a_directive(element):
    text = f"<html><body><{element}><!-- spinlint-disable-file --></{element}><p>{BLAME}</p></body></html>"
    assert directives(text, "memo.html", "html") == []
    assert codes(text, "memo.html")


@pytest.mark.parametrize("text", [
    "<!-- spinlint-disable-file B -->\n\n" + BLAME,
    BLAME.rstrip("\n") + " <!-- spinlint-disable-line B004 -->\n",
    "> <!-- spinlint-disable B -->\n> " + BLAME,
    "- <!-- spinlint-disable-next-line B -->\n  " + BLAME,
    "<div>\n<!-- spinlint-disable B -->\n</div>\n\n" + BLAME,
    "---\ntitle: Update\n---\n<!-- spinlint-disable-file -->\n\n" + BLAME,
])
def test_the_documented_markdown_forms_still_work(text):
    assert directives(text, "memo.md", "markdown")
    assert "B004" not in codes(text, "memo.md")


def test_the_documented_html_form_still_works():
    text = f"<html><body><!-- spinlint-disable-file --><p>{BLAME}</p></body></html>"
    assert directives(text, "memo.html", "html") == ["disable-file"]
    assert codes(text, "memo.html") == []


def test_a_directive_inside_a_code_span_does_not_hide_a_real_one_after_it():
    text = "Use `<!-- spinlint-disable -->` to silence. <!-- spinlint-disable-line B -->\n"
    document = markup.parse(Source(path="memo.md", text=text, format="markdown"))
    (directive,) = document.directives
    assert text[directive.span.start:directive.span.end] == "<!-- spinlint-disable-line B -->"


# ---------------------------------------------------------------- a document passing itself off as a report

FAKE_REPORT_HEAD = '<html><head><meta name="generator" content="spinlint 0.2.0"></head>\n'


@pytest.mark.parametrize("name", ["memo.md", "memo.html", "memo.txt"])
def test_a_document_that_claims_to_be_a_spinlint_report_is_still_linted(tmp_path, name):
    # Whatever a file says about itself, it is read: a line any author can paste must not take it out
    # of the run (it used to be refused as "a spinlint report, not a document", a skip in a folder walk).
    path = tmp_path / name
    path.write_text(FAKE_REPORT_HEAD + "\n" + SPIN, encoding="utf-8")
    result = run("check", "--isolated", "--format", "json", "--select", "B", str(tmp_path))
    assert "spinlint report" not in result.stderr
    (file,) = json.loads(result.stdout)["files"]
    assert [finding["code"] for finding in file["findings"]]
