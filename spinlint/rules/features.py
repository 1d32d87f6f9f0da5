"""What the rules read about a document besides its text: readability counts, model probabilities.

Computed lazily and at most once per document, so a run that selects no
metric or classifier rule pays for neither.  The model (and numpy) load only
when a classifier rule or the document scores ask for probabilities: the
linter passes a loader (``spinlint.model.loading``) only then.
"""

from __future__ import annotations

from array import array
from functools import cached_property
from typing import Any, Callable

from ..document import Segments

# Headings and fragments this short ("Summary", "Next steps") are labels, not statements: the model does
# not judge them and they do not count in the document scores.
MIN_STATEMENT_WORDS = 5
# Sentences per model call.  The model's working memory (every character n-gram of a call, and the
# last call kept for explanations) grows with the call: the whole of a 10 MB document at once peaked
# at gigabytes.  A call costs about 25 KB a sentence at its peak: 1,000 sentences were 26 MB, as much as
# everything else a 1 MB document holds; 250 cost about 6 MB, 125 about 3 MB, and neither ran slower on
# 1 MB of prose (the scores are per row, so they do not depend on the batch).
MODEL_BATCH = 125


class Features:
    def __init__(self, segments: Segments, *, long_sentence_words: int = 35,
                 model_loader: Callable[[], Any] | None = None):
        self.segments = segments
        self.long_sentence_words = long_sentence_words
        self._model_loader = model_loader
        # The findings of every rule that ran before the classifier rules (the engine sets them): the model
        # reads which rule families fired in each sentence (spinlint/model/rule_hits.py).
        self.rule_findings: list | None = None

    @property
    def sentence_texts(self) -> list[str]:
        return self.segments.sentences.texts  # the table's own list, not a copy: read it, do not change it

    @cached_property
    def sentence_stats(self) -> list:
        from ..text.readability import sentence_stats

        return [sentence_stats(text) for text in self.sentence_texts]

    @cached_property
    def readability(self):
        from ..text.readability import document_readability

        # The per-sentence counts are taken once and shared with the sentence-scope metric rules.
        return document_readability(self.sentence_texts, long_sentence_words=self.long_sentence_words,
                                    stats=self.sentence_stats)

    @cached_property
    def statements(self) -> bytearray:
        """Per sentence, 1 if it is a statement (not a heading, not a fragment), else 0."""
        blocks, sentences = self.segments.document.blocks, self.segments.sentences
        # A byte per sentence, not a list of bools: the list's 8-byte pointers were twice the input
        # for a list of one-word items.
        return bytearray(blocks.kind(block_index) != "heading" and len(text.split()) >= MIN_STATEMENT_WORDS
                         for block_index, text in zip(sentences.block_indices, sentences.texts))

    @property
    def has_model(self) -> bool:
        return self._model_loader is not None

    @cached_property
    def model(self):
        if self._model_loader is None:
            return None
        return self._model_loader()

    @cached_property
    def probabilities(self) -> dict[str, array] | None:
        """Per label, one calibrated probability per sentence (batched calls); 0 for non-statements."""
        model = self.model
        if model is None:
            return None
        judged = [index for index, statement in enumerate(self.statements) if statement]
        # Arrays of doubles: the same values as a list of floats, without a float object for each.
        zeros = array("d", (0.0,)) * len(self.sentence_texts)
        if not judged:
            # Nothing is written into them, so every label can read the same zeros (a document of
            # one-word lines held three copies: six times its size).
            return {label: zeros for label in model.labels}
        result = {label: zeros[:] for label in model.labels}
        from ..model.guards import guarded

        hits = self.rule_hits[judged] if getattr(model, "reads_rule_hits", False) else None
        for low in range(0, len(judged), MODEL_BATCH):
            batch = judged[low:low + MODEL_BATCH]
            texts = [self.sentence_texts[index] for index in batch]
            scored = (model.predict_proba(texts) if hits is None else
                      model.predict_proba(texts, rule_hits=hits[low:low + MODEL_BATCH]))
            matrix = guarded(texts, scored)
            for column, label in enumerate(model.labels):
                for row, index in enumerate(batch):
                    result[label][index] = float(matrix[row, column])
        return result

    @cached_property
    def rule_hits(self):
        """Per sentence, a 0/1 per rule family (spinlint/model/rule_hits.py): did one of its findings start in
        the sentence? Read once the engine has set ``rule_findings``."""
        from ..model.rule_hits import hits_by_span

        blocks, sentences = self.segments.document.blocks, self.segments.sentences
        spans = []
        for block_index, start, end in zip(sentences.block_indices, sentences.starts, sentences.ends):
            span = blocks[block_index].to_source(start, end)
            spans.append((span.start, span.end))
        return hits_by_span(self.rule_findings or (), spans)
