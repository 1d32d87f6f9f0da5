"""Issue 16 item 13: blocks, sentences and paragraphs are kept as columns, not an object each.

The tables must give back exactly what was put in (every position a finding reports goes through
them), and a long list of one-word items must not leave a Block or Sentence object per item alive.
"""

from __future__ import annotations

import gc

from spinlint import markup
from spinlint.document import (Block, BlockTable, EvidenceMarker, ParagraphTable, Run, Sentence, SentenceTable,
                               Source, Span)
from spinlint.rules.findings import LineIndex
from spinlint.text.segment import segment

BLOCKS = [
    Block("heading", "Plan", (Run(0, 4, 2, 6),)),
    Block("list_item", "ship it &now", (Run(0, 8, 10, 18), Run(8, 4, 18, 26)),
          markers=(EvidenceMarker("link", Span(30, 50), "https://example.com/a"),)),
    Block("table_cell", "x", (Run(0, 1, 60, 61),), disguised=((0, 1),)),
    Block("a kind no parser makes yet", "odd", (Run(0, 3, 70, 73),)),
]


def test_a_block_table_gives_back_the_blocks_it_was_given():
    table = BlockTable(BLOCKS)
    assert len(table) == len(BLOCKS)
    assert list(table) == BLOCKS and table[-1] == BLOCKS[-1] and table[1:3] == BLOCKS[1:3]
    assert [table.text(index) for index in range(len(table))] == [block.text for block in BLOCKS] == table.texts()
    assert [table.kind(index) for index in range(len(table))] == [block.kind for block in BLOCKS]
    assert table.markers() == BLOCKS[1].markers
    assert list(table.disguised_blocks()) == [2]
    assert table[1].to_source(0, 12) == BLOCKS[1].to_source(0, 12) == Span(10, 26)


def test_copying_a_block_between_tables_keeps_it_whole():
    table, copy = BlockTable(BLOCKS), BlockTable()
    for index in (3, 1):
        copy.append_from(table, index)
    assert list(copy) == [BLOCKS[3], BLOCKS[1]]


def test_replacing_blocks_leaves_the_original_table_as_it_was():
    table = BlockTable(BLOCKS)
    new = Block("paragraph", "changed", (Run(0, 7, 10, 26),), disguised=((0, 7),))
    replaced = table.with_blocks({1: new})
    assert replaced[1] == new and replaced.text(1) == "changed" and replaced.kind(1) == "paragraph"
    assert replaced.texts()[1] == "changed" and table.texts()[1] == "ship it &now"
    assert list(table) == BLOCKS
    assert list(replaced.disguised_blocks()) == [1, 2]
    assert replaced.markers() == ()  # the replacement carries no markers
    copy = BlockTable()
    copy.append_from(replaced, 1)
    assert copy[0] == new


def test_sentence_and_paragraph_tables_give_back_what_they_were_given():
    sentences = [Sentence(0, 0, 4, "Plan"), Sentence(2, 0, 1, "x"), Sentence(2, 2, 5, "y z")]
    table = SentenceTable(sentences)
    assert list(table) == sentences and table[-1] == sentences[-1] and len(table) == 3
    paragraphs = ParagraphTable([(0,), (), (1, 2)])
    assert list(paragraphs) == [(0,), (), (1, 2)] and paragraphs.range(1) == range(1, 1)
    assert paragraphs[-1] == (1, 2)


def test_a_long_list_keeps_no_object_per_item():
    count = 3_000
    text = "".join(f"- item {index}\n" for index in range(count))
    segments = segment(markup.parse(Source("list.md", text, "markdown")))
    assert len(segments.document.blocks) == count and len(segments.sentences) == count
    gc.collect()
    alive = [value for value in gc.get_objects() if isinstance(value, (Block, Sentence, Run))]
    assert len(alive) < 100  # the last block made, and the module constants above
    assert segments.sentences[2999].text == "item 2999"
    block = segments.document.blocks[2999]
    sentence = segments.sentences[2999]
    span = block.to_source(sentence.start, sentence.end)
    assert text[span.start:span.end] == "item 2999"


def test_line_starts_are_kept_in_an_array():
    lines = LineIndex("a\nb\r\nc\rd")
    assert list(lines._starts) == [0, 2, 5, 7] and not isinstance(lines._starts, list)
    assert lines.locate(7) == (4, 1)
