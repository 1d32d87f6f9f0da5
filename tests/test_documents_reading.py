"""Documents people receive: .docx, .pdf, .eml and .mbox are read, and findings name the page or paragraph.

The fixtures in tests/fixtures/documents/ were written by make_documents.py there, with the same
libraries spinlint reads them with; the broken ones are written into ``tmp_path`` here.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from spinlint.cli import main
from spinlint.sources import read_source

from test_hostile_inputs import assert_one_line_error, check, snapshot

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
_spec = importlib.util.spec_from_file_location("make_documents", FIXTURES / "make_documents.py")
make_documents = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_documents)


def lint_json(*paths: Path | str, args: tuple[str, ...] = ()) -> dict:
    result = check("--format", "json", *args, *map(str, paths))
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def located(report: dict) -> dict[str, set[str]]:
    """code -> the locations it was reported at, over all files."""
    found: dict[str, set[str]] = {}
    for file in report["files"]:
        for finding in file["findings"]:
            found.setdefault(finding["code"], set()).add(finding.get("location"))
    return found


# ---------------------------------------------------------------- what is read, and where it is

def test_docx_paragraphs_headings_and_table_cells_are_numbered_as_a_reader_counts_them():
    source = read_source(FIXTURES / "memo.docx")
    labels = [landmark.label for landmark in source.landmarks]
    # the empty spacing paragraphs are not counted; the heading is paragraph 1
    assert labels == ["paragraph 1", "paragraph 2", "paragraph 3", "table 1, row 1, cell 1", "table 1, row 1, cell 2",
                      "table 1, row 2, cell 1", "table 1, row 2, cell 2", "paragraph 4"]
    assert source.location(source.text.index("Mistakes were made")) == "paragraph 3"
    assert source.location(source.text.index("up to 40% faster")) == "table 1, row 2, cell 2"
    assert source.location(source.text.index("invoice run")) == "paragraph 4"
    found = located(lint_json(FIXTURES / "memo.docx"))
    assert found["B004"] == {"paragraph 3"} and found["E004"] == {"table 1, row 2, cell 2"}
    assert found["V001"] == {"paragraph 2"}


def test_pdf_text_is_read_page_by_page_with_paragraph_breaks():
    source = read_source(FIXTURES / "report.pdf")
    assert [landmark.label for landmark in source.landmarks] == ["page 1", "page 2"]
    # lines of one paragraph stay one paragraph; the gap between paragraphs becomes a blank line
    assert "unlock value\nat scale" in source.text
    assert "at scale for every customer.\n\nMistakes were made" in source.text
    found = located(lint_json(FIXTURES / "report.pdf"))
    assert found["B004"] == {"page 2"} and found["V001"] == {"page 2"}
    assert all(locations == {"page 2"} for locations in found.values()), found  # page 1 is plain


def test_eml_reads_subject_and_plain_body_without_the_quoted_reply_or_signature():
    source = read_source(FIXTURES / "reply.eml")
    assert source.format == "text"
    assert source.text.startswith("Rollout notes\n\nHi all,")
    assert "Mistakes were made during the rollout." in source.text
    for left_out in ("leverage synergies", "up to 40%", "wrote:", "Dana", "Sam Okafor, operations",
                     "HTML part is not read", "reimagine"):
        assert left_out not in source.text, left_out
    assert source.location(0) == "subject"
    found = located(lint_json(FIXTURES / "reply.eml"))
    assert found["B004"] == {"paragraph 3"}
    assert "V001" not in found and "E004" not in found


def test_html_only_eml_goes_through_the_html_reader_and_skips_the_quoted_message():
    source = read_source(FIXTURES / "launch.eml")
    assert source.format == "html"
    found = located(lint_json(FIXTURES / "launch.eml"))
    assert found["V001"] == {"body"}
    assert "B004" not in found  # "Mistakes were made" sits in Gmail's quote of the earlier message


def test_mbox_numbers_its_messages_and_undoes_from_escaping():
    source = read_source(FIXTURES / "thread.mbox")
    assert [landmark.label for landmark in source.landmarks] == [
        "message 1, subject", "message 1, paragraph 1", "message 1, paragraph 2",
        "message 2, subject", "message 2, paragraph 1"]
    assert "\nFrom the archive, nothing is missing." in source.text and ">From" not in source.text
    assert located(lint_json(FIXTURES / "thread.mbox"))["V001"] == {"message 2, paragraph 1"}


def test_text_files_have_no_location_and_json_is_unchanged_for_them(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text("We will leverage synergies to unlock value at scale.\n", encoding="utf-8")
    report = lint_json(memo)
    assert report["files"][0]["findings"] and all("location" not in f for f in report["files"][0]["findings"])


def test_the_committed_fixtures_are_what_the_script_writes(tmp_path):
    written = make_documents.write_all(tmp_path)
    assert {path.name for path in written} == {path.name for path in FIXTURES.iterdir() if path.suffix != ".py"}
    for path in written:
        fresh, committed = read_source(path), read_source(FIXTURES / path.name)
        assert (fresh.text, fresh.landmarks, fresh.format) == (committed.text, committed.landmarks, committed.format)


# ---------------------------------------------------------------- every format names the place

def test_text_output_names_the_page_or_paragraph():
    result = check(str(FIXTURES / "memo.docx"), str(FIXTURES / "report.pdf"))
    assert result.exit_code == 1
    assert any(line.endswith("memo.docx:paragraph 3: B004 " + line.split(" B004 ", 1)[-1])
               for line in result.stdout.splitlines() if " B004 " in line)
    assert any("report.pdf:page 2: B004 " in line for line in result.stdout.splitlines())


def test_sarif_carries_the_location(tmp_path):
    from test_sarif import SCHEMA, validate

    result = check("--format", "sarif", str(FIXTURES / "memo.docx"))
    log = json.loads(result.stdout)
    results = log["runs"][0]["results"]
    blame = [r for r in results if r["ruleId"] == "B004"]
    assert blame and blame[0]["properties"]["location"] == "paragraph 3"
    assert blame[0]["locations"][0]["logicalLocations"] == [{"name": "paragraph 3"}]
    assert blame[0]["message"]["text"].startswith("paragraph 3: ")
    assert blame[0]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1  # GitHub needs one
    if SCHEMA.is_file():
        validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


# ---------------------------------------------------------------- reading them from stdin and in walks

def test_documents_are_found_in_a_folder_walk(tmp_path):
    make_documents.write_docx(tmp_path / "memo.docx")
    make_documents.write_eml(tmp_path / "reply.eml")
    report = lint_json(tmp_path)
    assert sorted(Path(file["path"]).name for file in report["files"]) == ["memo.docx", "reply.eml"]


def test_a_document_on_stdin_is_read_by_its_stdin_filename():
    data = (FIXTURES / "memo.docx").read_bytes()
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "--stdin-filename", "memo.docx", "-"],
                                input=data)
    assert result.exit_code == 1, result.output
    assert located(json.loads(result.stdout))["B004"] == {"paragraph 3"}


# ---------------------------------------------------------------- bad files: one line, exit 2, nothing changed

def _garbled_docx(path: Path) -> None:
    data = bytearray((FIXTURES / "memo.docx").read_bytes())
    middle = len(data) // 2
    data[middle:middle + 400] = b"\0" * 400  # inside a compressed part: the ZIP opens, the XML does not
    path.write_bytes(bytes(data))


BAD_DOCUMENTS = {
    "encrypted.pdf": (lambda path: make_documents.write_pdf(path, password="s3cret"), "encrypted PDF"),
    "scanned.pdf": (make_documents.write_scanned_pdf, "no text on its 2 pages"),
    "truncated.pdf": (lambda path: path.write_bytes((FIXTURES / "report.pdf").read_bytes()[:300]),
                      "not a readable PDF"),
    "locked.docx": (lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
                    "password-protected Word file"),
    "notzip.docx": (lambda path: path.write_bytes(b"This was never a Word file.\n"), "not a readable ZIP"),
    "garbled.docx": (_garbled_docx, "not a readable"),
    "notmail.eml": (lambda path: path.write_bytes(b"\x00\x01\x02 just bytes\n"), "not an email message"),
    "attachment-only.eml": (lambda path: path.write_bytes(
        b"From: a@example.com\nSubject: x\nContent-Type: application/pdf\n\nJVBERi0=\n"), "no plain-text or HTML body"),
    "notmbox.mbox": (lambda path: path.write_bytes(b"Subject: x\n\nhello\n"), "not an mbox file"),
}


@pytest.mark.parametrize("name", sorted(BAD_DOCUMENTS))
def test_bad_documents_are_one_line_exit_2_and_untouched(tmp_path, name):
    write, needle = BAD_DOCUMENTS[name]
    path = tmp_path / name
    write(path)
    before = snapshot(tmp_path)
    assert_one_line_error(check(str(path), root=tmp_path), name, needle)
    assert snapshot(tmp_path) == before


def test_bad_documents_in_a_walk_are_skipped_with_a_warning(tmp_path):
    make_documents.write_scanned_pdf(tmp_path / "scanned.pdf")
    make_documents.write_eml(tmp_path / "reply.eml")
    result = check("--format", "json", str(tmp_path), root=tmp_path)
    assert result.exit_code == 1
    assert [Path(file["path"]).name for file in json.loads(result.stdout)["files"]] == ["reply.eml"]
    assert "scanned.pdf" in result.stderr and "OCR" in result.stderr


def test_a_docx_that_would_inflate_past_the_limit_is_refused(tmp_path, monkeypatch):
    from spinlint.sources import extracted

    monkeypatch.setattr(extracted, "MAX_INFLATED_BYTES", 10_000)
    assert_one_line_error(check(str(FIXTURES / "memo.docx")), "memo.docx", "inflates to")


# ---------------------------------------------------------------- the memo cold start does not pay for them

HEAVY = ("docx", "pypdf", "lxml", "spinlint.sources.word", "spinlint.sources.pdf", "spinlint.sources.mail")


def imported_modules(path: Path) -> set[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "spinlint", "check", "--isolated", str(path)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def test_linting_a_memo_imports_no_document_parser(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text("We will leverage synergies.\n", encoding="utf-8")
    assert not set(HEAVY) & imported_modules(memo)
    assert {"docx", "spinlint.sources.word"} <= imported_modules(FIXTURES / "memo.docx")  # the probe sees them


def test_quoted_replies_in_html_are_not_prose_however_deep_they_nest():
    from spinlint.document import Source
    from spinlint.markup import parse

    page = ('<p>Ours.</p><blockquote type="cite"><div><div>Theirs.</div></div><p>Still theirs.</p></blockquote>'
            '<div class="gmail_quote"><div>Quoted <b>too</b>.</div></div><p>Ours again.</p>')
    blocks = parse(Source(path="reply.html", text=page, format="html")).blocks
    assert [block.text for block in blocks] == ["Ours.", "Ours again."]


def test_a_quote_class_inside_hidden_markup_does_not_swallow_the_rest():
    from spinlint.document import Source
    from spinlint.markup import parse

    page = '<template><div class="gmail_quote">x</template><p>Still read.</p>'
    assert [block.text for block in parse(Source(path="a.html", text=page, format="html")).blocks] == ["Still read."]
