"""The HTML report keeps the document readable prose (issue 15).

Phrase findings are highlighted and numbered in the margin, never labelled inside a sentence; the
classifier's sentence verdicts sit beside the text; several verdicts on one sentence share a table
row; the ``#`` column does not wrap. Checked on the page's HTML and, in headless Chromium, by a
screenshot comparison: the document with every highlight made invisible must look exactly like the
document with no findings at all, which fails the moment a label stands between words or before a
full stop.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from spinlint.config import Settings
from spinlint.document import Source, Span
from spinlint.formats import renderer
from spinlint.formats.html_document import rows
from spinlint.lint import Linter
from spinlint.report import FileReport, Report
from spinlint.rules.findings import Finding, LineIndex

from test_html_report import Elements, run_chromium

# Phrases right before punctuation and sentences the classifier judges, as in the report.
MEMO = """Update from the leadership team

We will leverage synergies to unlock value at scale across the company.
Mistakes were made during the rollout, and the delays were caused by factors we are still looking into.
Our new engine is up to 40% faster than before.
The results speak for themselves and customers love the experience.

The invoice run finished at 09:00 on Tuesday.
"""


def memo_report(text: str = MEMO) -> FileReport:
    return Linter(keep_text=True).lint(Source(path="memo.txt", text=text), Settings())


def page_for(*files: FileReport) -> str:
    return renderer("html")(Report(files=files))


class DocumentText(HTMLParser):
    """The text a reader sees in the document view, line by line (margin and gutter left out)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.depth = 0  # > 0 inside a line's text column
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif tag == "span" and "text" in classes:
            self.depth = 1
            self.lines.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.lines[-1] += data


def finding(text: str, phrase: str, code: str, category: str, *, scope: str = "sentence",
            severity: str = "warning") -> Finding:
    start = text.index(phrase)
    span = Span(start, start + len(phrase))
    position = LineIndex(text).position(span)
    return Finding(code=code, name=f"rule-{code.lower()}", category=category, severity=severity,
                   message=f"{code} message.", span=span, match=phrase, scope=scope,
                   line=position.line, column=position.column, end_line=position.end_line,
                   end_column=position.end_column)


# ---------------------------------------------------------------- the page's HTML

def test_the_document_view_holds_exactly_the_document_text():
    report = memo_report()
    assert {f.code for f in report.findings} >= {"M001", "V002", "B004", "E004"}  # the memo is a real test
    assert DocumentText(page_for(report)).lines == MEMO.rstrip("\n").split("\n")


def test_no_label_or_number_stands_between_a_phrase_and_its_punctuation():
    report = memo_report()
    page = page_for(report)
    document = page[page.index('<div class="document">'):page.index("<h3>Findings")]
    for line in re.findall(r'<span class="text">(.*?)</span><span class="margin">', document):
        assert 'class="tag' not in line and "[" not in re.sub(r"<[^>]+>", "", line)
    assert "at scale</mark> across the company." in document or "at scale</mark> across" in document


def test_sentence_verdicts_are_a_stripe_and_a_margin_note_not_a_highlight():
    report = memo_report()
    verdicts = [f for f in report.findings if f.code.startswith("M")]
    assert verdicts
    elements = Elements(page_for(report))
    titles = [attrs["title"] for attrs in elements.having("mark", "hl")]
    assert titles and not any(title.startswith("M0") for title in titles)
    notes = elements.having("a", "verdict")
    assert len(notes) == len({(f.span.start, f.span.end) for f in verdicts})
    assert {cls for attrs in elements.having("span", "gutter") for cls in attrs["class"].split()} >= {
        f"judged-{f.category}" for f in verdicts}


def test_several_verdicts_on_one_sentence_share_one_table_row():
    text = "Our platform is the future of everything and it is perfectly safe."
    sentence = text
    findings = (finding(text, sentence, "M001", "vague"), finding(text, sentence, "M003", "evidence"),
                finding(text, "the future of everything", "V001", "vague"))
    findings = tuple(sorted(findings, key=lambda f: (f.span.start, f.span.end, f.code)))
    table_rows = rows(findings)
    assert [row.place for row in table_rows] == ["verdict", "phrase"]
    assert [f.code for f in table_rows[0].findings] == ["M001", "M003"]
    page = page_for(FileReport(path="one.txt", findings=findings, text=text, sentences=1))
    body = page[page.index('<table class="findings">'):]
    assert body.count("<tr id=") == 2
    assert "M001" in body and "M003" in body
    note = Elements(page).having("a", "verdict")
    assert len(note) == 1


def test_the_number_column_does_not_wrap():
    page = page_for(memo_report())
    assert re.search(r"table\.findings \.num[^{]*\{[^}]*white-space: nowrap", page)
    assert '<th class="num">#</th>' in page and '<td class="num"><a href="#f1-hl-1">1</a></td>' in page


def test_documents_show_their_page_or_paragraph_in_the_where_column():
    from spinlint.sources import read_source

    fixture = Path(__file__).resolve().parent / "fixtures" / "documents" / "report.pdf"
    source = read_source(fixture)
    page = page_for(Linter(keep_text=True).lint(source, Settings()))
    assert '<td class="where">page 2</td>' in page and '<td class="where">page 1</td>' not in page


def test_document_findings_are_listed_above_the_text_not_marked_in_it():
    text = "We leverage synergy.\nWe leverage synergy again.\n"
    whole = replace(finding(text, "We leverage synergy.", "V009", "vague"), scope="document")
    page = page_for(FileReport(path="a.txt", findings=(whole,), text=text, sentences=2))
    assert '<ul class="whole-document">' in page and "V009" in page
    assert not Elements(page).having("mark", "hl")


def test_rendering_is_not_quadratic_in_the_findings():
    """20,000 overlapping phrase findings: the old sweep looked at every finding for every piece."""
    sentence = "We will leverage synergies to unlock value at scale today. "
    text = sentence * 4000
    findings = []
    for index in range(4000):
        base = index * len(sentence)
        for phrase in ("leverage", "leverage synergies", "unlock value", "at scale", "unlock value at scale"):
            start = base + sentence.index(phrase)
            findings.append(Finding(code="V001", name="n", category="vague", severity="warning", message="m",
                                    span=Span(start, start + len(phrase)), match=phrase, line=1, column=1))
    report = FileReport(path="long.txt", findings=tuple(findings), text=text, sentences=4000)
    page = page_for(report)  # how long this takes is timed by benchmarks/pathological.py (dense findings)
    assert page.count('class="tag') == 20_000


# ---------------------------------------------------------------- in headless Chromium

# Everything but the document view hidden, every highlight, stripe and margin made invisible: what is
# left is the prose as laid out. Nothing is removed from the layout (visibility, not display), so a
# label inside the text would still take its place and move the words after it.
PROSE_ONLY = """<style>
body > header, nav, .problems, section.file > :not(.document) { display: none !important; }
mark.hl, mark.hl * { background: none !important; border: 0 !important; }
.line > .gutter { border-color: transparent !important; }
.margin, a.tag { visibility: hidden !important; }
</style>"""


def screenshot(page: str, tmp_path: Path, name: str) -> np.ndarray:
    path = tmp_path / f"{name}.html"
    path.write_text(page.replace("</head>", PROSE_ONLY + "</head>", 1), encoding="utf-8")
    shot = tmp_path / f"{name}.png"
    result = run_chromium(path, tmp_path, f"--screenshot={shot}", "--hide-scrollbars",
                          "--force-device-scale-factor=1")
    assert shot.is_file(), result.stderr[-2000:]
    return png_pixels(shot.read_bytes())


def png_pixels(data: bytes) -> np.ndarray:
    """An 8-bit RGB or RGBA PNG (what Chromium writes) as a (height, width, channels) array."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed = 8, b""
    while position < len(data):
        (size,), kind = struct.unpack(">I", data[position:position + 4]), data[position + 4:position + 8]
        body = data[position + 8:position + 8 + size]
        position += size + 12
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and not interlace
        elif kind == b"IDAT":
            compressed += body
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(compressed)
    pixels = np.zeros((height, stride), np.int64)
    previous = np.zeros(stride, np.int64)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int64)
        if kind == 0:
            row = line
        elif kind == 1:  # Sub: a running sum along the row, per channel
            row = np.cumsum(line.reshape(width, channels), axis=0).reshape(-1) % 256
        elif kind == 2:  # Up
            row = (line + previous) % 256
        else:  # Average or Paeth: each byte needs the one decoded before it
            row = _unfilter_sequential(kind, line.tolist(), previous.tolist(), channels)
        pixels[y] = row
        previous = row
    return pixels.reshape(height, width, channels)[:, :, :3]


def _unfilter_sequential(kind: int, line: list[int], above: list[int], channels: int) -> np.ndarray:
    row = [0] * len(line)
    for index, value in enumerate(line):
        left = row[index - channels] if index >= channels else 0
        up = above[index]
        corner = above[index - channels] if index >= channels else 0
        if kind == 3:
            predicted = (left + up) // 2
        else:
            guess = left + up - corner
            distances = (abs(guess - left), abs(guess - up), abs(guess - corner))
            predicted = (left, up, corner)[distances.index(min(distances))]
        row[index] = (value + predicted) % 256
    return np.array(row, np.int64)


def moved_pixels(first: np.ndarray, second: np.ndarray) -> int:
    """Pixels that are ink in one picture and paper in the other.

    Text drawn in separate runs (one per highlight) is anti-aliased a shade differently at the cuts,
    which moves no word; a label, a padding or a line break between words moves whole glyphs.
    """
    return int((np.abs(first - second).max(axis=2) > 128).sum())


def test_highlights_leave_the_prose_exactly_as_it_reads_without_them(tmp_path):
    report = memo_report()
    assert len(report.findings) >= 6
    highlighted = screenshot(page_for(report), tmp_path, "highlighted")
    plain = screenshot(page_for(replace(report, findings=())), tmp_path, "plain")
    assert (plain.min(axis=2) < 100).sum() > 2000  # the prose is in the picture
    assert moved_pixels(highlighted, plain) == 0, f"the prose moved: compare {tmp_path}/highlighted.png and plain.png"


def test_control_a_label_inside_a_sentence_is_caught(tmp_path):
    """Without this, a clean comparison could mean the comparison sees nothing."""
    report = memo_report()
    page = page_for(report)
    plain = screenshot(page_for(replace(report, findings=())), tmp_path, "plain")
    # what the old report did: a label after the highlight, before the sentence's full stop
    labelled = page.replace("</mark>", '</mark><a class="tag cat-vague">[vague V001]</a>', 1)
    assert moved_pixels(screenshot(labelled, tmp_path, "labelled"), plain) > 200
    # and a highlight with padding moves the letters after it
    padded = page.replace("mark.hl { color: inherit; padding: 0; }", "mark.hl { color: inherit; padding: 0 1px; }")
    assert padded != page
    assert moved_pixels(screenshot(padded, tmp_path, "padded"), plain) > 20


def test_the_document_text_survives_the_browser(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(page_for(memo_report()), encoding="utf-8")
    dom = run_chromium(page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert DocumentText(dom.stdout).lines == MEMO.rstrip("\n").split("\n")
