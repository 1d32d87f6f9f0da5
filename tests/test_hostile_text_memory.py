"""Issue 16 item 13: what a long document costs in memory is bounded where it used to grow with it.

Memory itself is measured by benchmarks/memory.py; these tests check, without timing or sampling
memory, the bounds that keep it down: the Markdown parser reads a long document a stretch at a
time, the model scores sentences in batches of bounded size, the per-block values and the findings are
slotted, and a finding is not held twice on its way to the report.
"""

from __future__ import annotations

import gc

import pytest

import spinlint
from spinlint import lint
from spinlint.document import Block, Run, Sentence, Span
from spinlint.markup import markdown
from spinlint.model.loading import load_model
from spinlint.rules import features
from spinlint.rules.findings import Finding


def test_the_markdown_parser_reads_a_long_list_a_stretch_at_a_time(monkeypatch):
    parser = markdown._parser()
    seen = []
    real_parse = parser.parse

    def recording(text, env=None):
        seen.append(len(text))
        return real_parse(text, env)

    monkeypatch.setattr(parser, "parse", recording)
    text = "- we leverage synergy\n" * 15_000 + "\n[r]: https://example.com/r\n\nSee [the report][r].\n"
    report = spinlint.analyze(text, filename="list.md", config={"ignore": ["M"]})
    assert max(seen) <= markdown.MAX_CHUNK_CHARS and sum(seen) >= len(text) - 200
    findings = report.files[0].findings
    assert sum(finding.code == "V002" for finding in findings) == 15_000
    assert all(text[f.span.start:f.span.end] == f.match for f in findings)


def test_a_reference_defined_in_a_later_stretch_still_makes_a_link():
    text = "See [the audited accounts][r].\n\n" + "- item\n" * 20_000 + "\n[r]: https://example.com/r\n"
    document = markdown.parse_markdown(spinlint.document.Source("refs.md", text, "markdown"))
    assert [marker.target for marker in document.markers if marker.kind == "link"] == ["https://example.com/r"]


def test_the_model_scores_a_long_document_in_bounded_batches(monkeypatch):
    model = load_model(None)
    sizes = []
    real = type(model).predict_proba

    def recording(self, texts, **rule_hits):
        sizes.append(len(texts))
        return real(self, texts, **rule_hits)

    monkeypatch.setattr(type(model), "predict_proba", recording)
    sentence = "The regional team shipped the new billing service on Tuesday morning. "
    spinlint.analyze(sentence * 2_500, filename="long.txt")
    assert sum(sizes) >= 2_400 and max(sizes) <= features.MODEL_BATCH  # every statement, a batch at a time
    assert max(sizes) <= 250  # a call holds about 26 KB a sentence: 1,000 at once doubled a 1 MB document's peak


@pytest.mark.parametrize("value", [Span(1, 2), Run(0, 1, 0, 1), Sentence(0, 0, 1, "x"),
                                   Block("paragraph", "x", (Run(0, 1, 0, 1),)),
                                   Finding("V001", "buzzword", "vague", "warning", "m", Span(0, 1), "x")])
def test_per_block_values_carry_no_dictionary(value):
    assert not hasattr(value, "__dict__")


def test_a_finding_is_not_kept_unlocated_once_its_located_copy_is_made(monkeypatch):
    text = "We leverage synergies to unlock value. " * 40
    total = len(spinlint.analyze(text).files[0].findings)
    real_locate, calls, unlocated_alive = lint._locate, [], []

    def unlocated() -> int:
        return sum(isinstance(value, Finding) and value.line == 0 for value in gc.get_objects())

    def recording(finding, lines, source):
        calls.append(1)
        if len(calls) == total:  # the last one: every other finding has its located copy by now
            unlocated_alive.append(unlocated())
        return real_locate(finding, lines, source)

    monkeypatch.setattr(lint, "_locate", recording)
    before = unlocated()  # findings made elsewhere in the test session
    assert len(spinlint.analyze(text).files[0].findings) == total > 50
    assert unlocated_alive == [before + 1]  # only the one being located


def test_findings_that_say_the_same_thing_share_one_copy_of_each_text():
    findings = spinlint.analyze("We leverage synergies to unlock value. " * 40).files[0].findings
    for code in {finding.code for finding in findings}:
        same = [finding for finding in findings if finding.code == code]
        for field_name in ("message", "match", "question", "suggestion", "reason"):
            texts = [getattr(finding, field_name) for finding in same]
            assert len({id(text) for text in texts}) == len(set(texts)), (code, field_name)


def test_the_blocks_are_freed_before_the_findings_are_located_and_scored(monkeypatch):
    def blocks_alive() -> int:
        return sum(isinstance(value, Block) for value in gc.get_objects())

    before, alive_when_scored = blocks_alive(), []
    real_scores = lint.scoring.document_scores

    def recording(*args, **kwargs):
        alive_when_scored.append(blocks_alive())
        return real_scores(*args, **kwargs)

    monkeypatch.setattr(lint.scoring, "document_scores", recording)
    spinlint.analyze("- we leverage synergy\n" * 300, filename="list.md")
    assert alive_when_scored == [before]


def _recorded_probabilities(monkeypatch, text: str) -> list:
    original = features.Features.__dict__["probabilities"].func
    seen = []

    def recording(self):
        result = original(self)
        seen.append(result)
        return result

    monkeypatch.setattr(features.Features, "probabilities", property(recording))
    spinlint.analyze(text, filename="doc.md")
    return [result for result in seen if result is not None]


def test_a_list_of_one_word_items_holds_one_zero_array_for_every_label(monkeypatch):
    # No item is a statement, so no label is written: one shared array, not a copy per label
    # (three copies were six times the input for a megabyte of '- x' lines).
    results = _recorded_probabilities(monkeypatch, "- x\n" * 300)
    assert results
    for result in results:
        arrays = list(result.values())
        assert len(arrays) >= 2 and all(values is arrays[0] for values in arrays)
        assert not any(arrays[0])


def test_judged_sentences_get_an_array_of_their_own_per_label(monkeypatch):
    text = "We leverage synergies to unlock value across the business. The regional team shipped billing on Tuesday.\n"
    results = _recorded_probabilities(monkeypatch, text)
    assert results
    for result in results:
        arrays = list(result.values())
        assert len({id(values) for values in arrays}) == len(arrays)
        assert any(any(values) for values in arrays)
