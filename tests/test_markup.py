"""Markup → prose blocks: what counts as prose, and offsets that map back exactly."""

from __future__ import annotations

import pytest

from spinlint.document import Source
from spinlint.markup import parse


def _prose(document) -> str:
    return "\n".join(block.text for block in document.blocks)


def _assert_exact_map(text: str, document) -> None:
    """Every prose character that maps one-to-one lands on the same character in the source."""
    for block in document.blocks:
        for run in block.runs:
            if run.prose_len == run.source_end - run.source_start:
                assert block.text[run.prose_start:run.prose_start + run.prose_len] == \
                    text[run.source_start:run.source_end]
        for start in range(len(block.text)):
            span = block.to_source(start, start + 1)
            assert 0 <= span.start <= span.end <= len(text)


def test_markdown_skips_code_front_matter_and_keeps_link_text():
    text = ("---\ntitle: Weekly note\n---\n# Results *this* week\r\n\r\n"
            "We shipped [the fix](https://example.org/fix) and `synergy()` ran.\n"
            "It took 3 days[^1].\n\n```\nleverage synergies\n```\n\n    indented code block\n\n"
            "[^1]: Measured on the build farm.\n")
    document = parse(Source("a.md", text, "markdown"))
    prose = _prose(document)
    assert "title" not in prose and "synergies" not in prose and "synergy()" not in prose
    assert "indented code" not in prose and "Measured on" not in prose
    assert "the fix" in prose and "Results this week" in prose
    assert {marker.kind for marker in document.markers} == {"link", "footnote"}
    _assert_exact_map(text, document)


def test_markdown_escapes_and_entities_map_to_their_source():
    text = "Costs fell \\* sharply &amp; quickly.\n"
    document = parse(Source("a.md", text, "markdown"))
    block = document.blocks[0]
    assert block.text == "Costs fell * sharply & quickly."
    start = block.text.index("quickly")
    span = block.to_source(start, start + len("quickly"))
    assert text[span.start:span.end] == "quickly"


def test_markdown_directives_outside_code_only():
    text = "<!-- spinlint-disable V001, B002 -->\nText.\n\n```\n<!-- spinlint-disable E001 -->\n```\n"
    document = parse(Source("a.md", text, "markdown"))
    assert [(d.action, d.codes) for d in document.directives] == [("disable", ("V001", "B002"))]


def test_html_visible_prose_only_with_entities_and_links():
    text = ("<html><head><title>Hidden title</title><style>p{}</style></head><body>"
            "<script>alert('synergy')</script><h1>Q3 &amp; Q4</h1><p>Sales rose<br>in May, see "
            "<a href=\"https://example.org/r\">the report</a>.</p><template>leverage</template>"
            "<p>Caf&eacute; &#8212; open</p><!-- spinlint-disable-next-line B004 --></body></html>")
    document = parse(Source("a.html", text, "html"))
    prose = _prose(document)
    assert "Hidden" not in prose and "alert" not in prose and "leverage" not in prose
    assert "Q3 & Q4" in prose and "Café — open" in prose and "the report" in prose
    assert [block.kind for block in document.blocks][0] == "heading"
    assert document.markers[0].target == "https://example.org/r"
    assert document.directives[0].action == "disable-next-line"
    _assert_exact_map(text, document)


def test_malformed_html_still_parses():
    text = "<p>Unclosed <b>bold <i>mixed</b> text<p>Second &bogus; para</div></span>"
    document = parse(Source("a.html", text, "html"))
    assert "Second" in _prose(document)
    _assert_exact_map(text, document)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_plain_text_paragraphs_and_comment_directives(newline):
    text = newline.join(["First para line one", "line two.", "", "# spinlint-disable-next-line B004",
                         "Roles were impacted, see https://example.org/x (Smith, 2021).", ""])
    document = parse(Source("a.txt", text, "text"))
    assert len(document.blocks) == 2
    assert "spinlint-disable" not in _prose(document)
    assert document.directives[0].codes == ("B004",)
    assert {marker.kind for marker in document.markers} == {"link", "citation"}
    _assert_exact_map(text, document)


@pytest.mark.parametrize("line, kind", [
    ("Update on Tuesday's service disruption", "heading"),
    ("Subject: Next steps on the Leeds move", "heading"),
    ("Dana Reyes", "heading"),
    ("Revenue fell 4% in the third quarter.", "paragraph"),  # closing punctuation: a sentence
    ("Team,", "paragraph"),
    ("and then the rest of the thought without any capital at the start", "paragraph"),
    ("We will unlock value at scale for every stakeholder across all of our regions this year", "paragraph"),
])
def test_plain_text_title_lines_are_headings(line, kind):
    document = parse(Source("memo.txt", f"{line}\n\nThe team met on Monday.\n", "text"))
    assert [block.kind for block in document.blocks] == [kind, "paragraph"]


def test_plain_text_title_lines_are_read_by_rules_but_not_scored_by_the_model():
    from spinlint.rules.features import Features
    from spinlint.text.segment import segment

    segments = segment(parse(Source("memo.txt", "Our AI journey starts now\n\nRevenue fell 4% in the third "
                                    "quarter because we priced too high.\n", "text")))
    assert list(Features(segments, model_loader=None).statements) == [False, True]
