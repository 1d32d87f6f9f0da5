"""Blocks → sentences and paragraphs (the scopes rules read).

The blocks are normalised first (spinlint.text.normalise): this is the one place where the
disguises of hostile text are taken out, so the rules and the model read the same copy.

A sentence never crosses a block.  Very long stretches without a sentence
end (a 200,000-word "sentence", a minified line) are cut into chunks at
whitespace so that no pattern or model ever sees more than ``MAX_SENTENCE_CHARS``.
"""

from __future__ import annotations

from ..document import Document, ParagraphTable, Segments, SentenceTable
from .normalise import normalised
from .punkt import sentence_spans

MAX_SENTENCE_CHARS = 2000
# Punkt's own cost grows with the length of a text it cannot split, so it sees bounded pieces too.
MAX_PUNKT_CHARS = 100_000


def segment(document: Document) -> Segments:
    document = normalised(document)
    sentences = SentenceTable()
    paragraphs = ParagraphTable()
    for block_index, text in enumerate(document.blocks.texts()):
        for start, end in _spans(text):
            if 0 < end - start <= MAX_SENTENCE_CHARS:  # nearly always: the sentence is its only chunk
                sentences.append(block_index, start, end, text[start:end])
                continue
            for chunk_start, chunk_end in _chunks(text, start, end):
                sentences.append(block_index, chunk_start, chunk_end, text[chunk_start:chunk_end])
        paragraphs.close(len(sentences))
    return Segments(document=document, sentences=sentences, paragraphs=paragraphs)


def _spans(text: str) -> list[tuple[int, int]]:
    if 0 < len(text) <= MAX_PUNKT_CHARS:
        return sentence_spans(text)  # one piece, the whole text
    spans = []
    for piece_start, piece_end in _chunks(text, 0, len(text), MAX_PUNKT_CHARS):
        spans.extend((piece_start + start, piece_start + end)
                     for start, end in sentence_spans(text[piece_start:piece_end]))
    return spans


def _chunks(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """[start, end) cut at whitespace into pieces of at most ``limit`` characters."""
    chunks = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        chunks.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        chunks.append((start, end))
    return chunks
