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


# ---------------------------------------------------------------- scan: whoever runs it decides, and is told

def scan(*args: str):
    return run("scan", "--jobs", "1", "--ignore", "M", *args)


def records(log: Path) -> dict[str, dict]:
    return {Path(record["path"]).name: record
            for record in map(json.loads, log.read_text(encoding="utf-8").splitlines())}


def test_scan_says_what_directives_silenced_and_can_ignore_them(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "opted-out.md").write_text("<!-- spinlint-disable-file -->\n\n" + SPIN, encoding="utf-8")
    (archive / "plain.md").write_text(SPIN, encoding="utf-8")
    out = tmp_path / "results.jsonl"

    honoured = scan(str(archive), "--output", str(out))
    assert honoured.exit_code == 0
    log = records(out)
    silenced = log["opted-out.md"]
    assert silenced["counts"] == {} and silenced["directives"]["honoured"] is True
    assert silenced["directives"]["found"] == 1
    assert silenced["directives"]["suppressed"] == sum(log["plain.md"]["counts"].values()) > 0
    assert "directives" not in log["plain.md"]
    summary = json.loads(honoured.stdout)["directives"]
    assert summary == {"honoured": True, "documents": 1, "findings_suppressed": silenced["directives"]["suppressed"]}

    ignored = scan(str(archive), "--output", str(out), "--force", "--no-inline-suppressions")
    assert ignored.exit_code == 0
    log = records(out)
    assert log["opted-out.md"]["counts"] == log["plain.md"]["counts"]
    assert log["opted-out.md"]["directives"] == {"found": 1, "honoured": False, "suppressed": 0}
    assert json.loads(ignored.stdout)["directives"] == {"honoured": False, "documents": 1, "findings_suppressed": 0}


def hidden_archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    for folder in ("", "dist", "build", ".drafts", "node_modules", "sub/.cache"):
        (archive / folder).mkdir(parents=True, exist_ok=True)
        (archive / folder / "memo.md").write_text(SPIN, encoding="utf-8")
    (archive / ".secret-memo.md").write_text(SPIN, encoding="utf-8")
    (archive / ".git").mkdir()  # a repository, so that its .gitignore applies
    (archive / ".gitignore").write_text("ignored-*.md\n", encoding="utf-8")
    (archive / "ignored-memo.md").write_text(SPIN, encoding="utf-8")
    return archive


def test_scan_lists_what_its_walk_left_out_and_walk_all_reads_it(tmp_path):
    archive = hidden_archive(tmp_path)
    out = tmp_path / "results.jsonl"
    result = scan(str(archive), "--output", str(out))
    assert result.exit_code == 0
    assert [Path(record["path"]).relative_to(archive).as_posix()
            for record in map(json.loads, out.read_text(encoding="utf-8").splitlines())] == ["memo.md"]
    left_out = json.loads(result.stdout)["left_out"]
    paths = {Path(entry["path"]).relative_to(archive).as_posix(): entry["reason"] for entry in left_out["paths"]}
    assert paths == {".drafts": "dot-folder or tool folder", ".git": "dot-folder or tool folder",
                     "build": "dot-folder or tool folder", "dist": "dot-folder or tool folder",
                     "node_modules": "dot-folder or tool folder", "sub/.cache": "dot-folder or tool folder",
                     ".secret-memo.md": "dot-file", "ignored-memo.md": "ignored by .gitignore"}
    assert left_out["count"] == 8
    assert left_out["by_reason"] == {"dot-folder or tool folder": 6, "dot-file": 1, "ignored by .gitignore": 1}

    everything = scan(str(archive), "--output", str(out), "--force", "--walk-all")
    assert everything.exit_code == 0
    scanned = {Path(record["path"]).relative_to(archive).as_posix()
               for record in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert scanned == {"memo.md", "dist/memo.md", "build/memo.md", ".drafts/memo.md", "node_modules/memo.md",
                       "sub/.cache/memo.md", ".secret-memo.md", "ignored-memo.md"}
    assert json.loads(everything.stdout)["left_out"]["count"] == 0
