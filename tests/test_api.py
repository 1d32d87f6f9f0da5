"""spinlint.analyze: positions, suppression and scores through the public API."""

from __future__ import annotations

import spinlint
from spinlint.config import Settings
from spinlint.rules.findings import LineIndex
from spinlint.document import Span


def _check_positions(text: str, report) -> None:
    lines = LineIndex(text)
    for finding in report.files[0].findings:
        assert text[finding.span.start:finding.span.end] == finding.match
        position = lines.position(finding.span)
        assert (finding.line, finding.column, finding.end_line, finding.end_column) == (
            position.line, position.column, position.end_line, position.end_column)


def test_line_index_handles_crlf_and_cr():
    text = "ab\r\ncd\ref\ngh"
    lines = LineIndex(text)
    assert lines.locate(0) == (1, 1)
    assert lines.locate(4) == (2, 1)
    assert lines.locate(7) == (3, 1)
    assert lines.locate(10) == (4, 1)
    assert lines.position(Span(4, 6)).end_column == 3


def test_analyze_positions_in_text_markdown_html():
    sentence = "Mistakes were made, and roles were impacted."
    for filename, text in (
        ("memo.txt", f"Hello.\r\n\r\n{sentence}\r\n"),
        ("memo.md", f"# Update\n\n```\n{sentence}\n```\n\nIn short: *{sentence}*\n"),
        ("memo.html", f"<html><body><script>var a = 1;</script><p>Hi &amp; welcome.</p><p>{sentence}</p></body></html>"),
    ):
        report = spinlint.analyze(text, filename=filename, config=Settings(select=("B",)))
        findings = report.files[0].findings
        assert findings, filename
        _check_positions(text, report)


def test_code_blocks_are_not_prose():
    text = "# Notes\n\n```\nWe will unlock value at scale and mistakes were made.\n```\n"
    report = spinlint.analyze(text, filename="notes.md", config=Settings(ignore=("M",)))
    assert not report.files[0].findings


def test_suppression_and_unused_suppression():
    text = ("<!-- spinlint-disable-next-line B -->\nMistakes were made.\n\n"
            "<!-- spinlint-disable E -->\nThe team met on Monday.\n")
    report = spinlint.analyze(text, filename="memo.md", config=Settings(select=("B", "E", "X")))
    codes = [finding.code for finding in report.files[0].findings]
    assert not any(code.startswith("B") for code in codes)
    assert codes.count("X001") == 1


def test_scores_are_length_normalised():
    slogans = ("We will unlock value at scale. Our AI-first journey will transform everything. "
               "Mistakes were made. Studies show gains of up to 40%. Many leaders agree. "
               "Legacy systems held us back.")
    concrete = " ".join(f"On day {n} the team moved {n * 3} invoices to the new queue." for n in range(1, 40))
    concrete += " We will unlock value at scale."
    spin = spinlint.analyze(slogans, config=Settings(ignore=("M",))).files[0].scores["spin"]
    plain = spinlint.analyze(concrete, config=Settings(ignore=("M",))).files[0].scores["spin"]
    assert spin > 50 > plain
    assert plain < 15


def test_line_index_agrees_with_a_reference_on_every_line_ending():
    """\\n, \\r\\n and \\r end lines; other Unicode separators do not (the index is one regex pass, linear)."""
    text = "a\nbb\r\nccc\rd\u2028e\n\n\r\r\nf"
    starts, index = [0], 0
    while index < len(text):
        if text[index] == "\r":
            index += 2 if text[index + 1:index + 2] == "\n" else 1
            starts.append(index)
        elif text[index] == "\n":
            index += 1
            starts.append(index)
        else:
            index += 1
    lines = LineIndex(text)
    assert list(lines._starts) == starts
    assert lines.locate(len(text)) == (len(starts), len(text) - starts[-1] + 1)


def test_analyze_reuses_engines_without_mixing_settings():
    """Calls share one Linter (rules compiled once), but each call's settings pick its own engine."""
    text = "We will leverage synergies to unlock value."
    everything = {f.code for f in spinlint.analyze(text, "a.txt").files[0].findings}
    only_v002 = {f.code for f in spinlint.analyze(text, "a.txt", config={"select": ["V002"]}).files[0].findings}
    again = {f.code for f in spinlint.analyze(text, "a.txt").files[0].findings}
    assert only_v002 == {"V002"} and len(everything) > 1 and again == everything


def test_linter_keeps_a_bounded_number_of_engines():
    from spinlint import lint
    from spinlint.config import parse_settings
    from pathlib import Path

    linter = lint.Linter(keep_text=True)
    from spinlint.document import Source
    for n in range(lint._MAX_ENGINES + 3):
        settings = parse_settings({"rules": {"R001": {"max": 20 + n}}, "select": ["R001"]}, Path("<config>"))
        linter.lint(Source(path="a.txt", text="One short sentence.", format="text"), settings)
    assert len(linter._engines) == lint._MAX_ENGINES


def test_a_match_over_a_line_break_reads_as_one_phrase_in_the_message():
    text = "Our platform will unlock\nvalue for every team."
    findings = [f for f in spinlint.analyze(text, "a.txt", config={"select": ["V003"]}).files[0].findings]
    assert findings and "\n" in findings[0].match
    assert "unlock value" in findings[0].message and "\n" not in findings[0].message


def test_a_long_match_is_quoted_by_its_ends_and_kept_whole_in_the_finding():
    from spinlint.rules.engine import QUOTED_WORDS, quoted

    words = [f"w{n}" for n in range(40)]
    short = " ".join(words[:QUOTED_WORDS])
    assert quoted(short) == short
    long = quoted(" ".join(words))
    assert long.split() == words[:QUOTED_WORDS - 4] + ["…"] + words[-3:]
    # A paragraph-scope finding that spans a paragraph (V032) keeps its exact match; its message stays short.
    text = ("Our powerful new platform empowers teams to unlock meaningful growth. It fosters collaboration across "
            "the ecosystem and delivers truly seamless, world-class experiences that transform every journey.")
    findings = spinlint.analyze(text, "a.txt", config={"select": ["V032"]}).files[0].findings
    assert findings and len(findings[0].match.split()) > QUOTED_WORDS
    assert "…" in findings[0].message and len(findings[0].message) < len(findings[0].match) + 120
