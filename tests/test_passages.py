"""The passage corpora: every real reference resolves to its hashed text, every label row names a real id,
and the blind subsets were fixed by seed (not chosen after labelling)."""

from __future__ import annotations

import json

import pytest

from spinlint.model import passages as pc

pytestmark = pytest.mark.data


def test_every_real_passage_and_sentence_matches_its_hash(datasets_dir):
    rows = pc.load_passages()
    texts = pc.resolve(rows, datasets_dir)  # raises CorpusIntegrityError on any mismatch
    assert len(rows) >= 1_000
    assert sum(len(row["sentences"]) for row in rows) >= 4_000
    for row in rows:
        assert texts[row["id"]].startswith(texts[row["sentences"][0]["id"]])
        assert row["selected_by"]


def test_a_changed_dataset_text_is_refused(datasets_dir, tmp_path):
    row = dict(pc.load_passages()[0])
    row["sha256"] = "0" * 64
    with pytest.raises(pc.CorpusIntegrityError):
        pc.resolve([row], datasets_dir)


def test_label_rows_refer_to_existing_ids():
    real_ids = {ref["id"] for row in pc.load_passages() for ref in (row, *row["sentences"])}
    written_ids = {ref["id"] for row in pc.load_written() for ref in (row, *row["sentences"])}
    for pattern, known in (("real-*.jsonl", real_ids), ("written-*.jsonl", written_ids),
                           ("adjudicated-real.jsonl", real_ids), ("adjudicated-written.jsonl", written_ids)):
        rows = pc.load_label_rows(pattern)
        assert rows, pattern
        unknown = sorted(set(rows) - known)
        assert not unknown, (pattern, unknown[:5])


def test_written_passages_are_marked_synthetic_and_frozen():
    written = pc.load_written()  # raises when a text changed after its sentences were frozen
    assert len(written) >= 1_500
    assert len({row["brief"] for row in written}) >= 30
    assert all(row["synthetic"] is True and row["writer"] for row in written)


def test_labelled_real_passages_load_with_their_labels(datasets_dir):
    labelled = pc.labelled_real(datasets_dir)
    assert labelled and all(not item.synthetic for item in labelled)
    assert all(set(item.labels) == set(pc.PASSAGE_LABELS) for item in labelled)


def test_agreement_is_recorded_per_source():
    agreement = json.loads((pc.CORPORA / "agreement.json").read_text(encoding="utf-8"))["passages"]
    for corpus in ("real", "written"):
        entry = agreement[corpus]
        assert entry["sentences"]["n"] > 0 and entry["passages"]["n"] > 0
        assert all("kappa" in entry["passages"][label] for label in pc.PASSAGE_LABELS)
        assert entry["by_source"]


def test_training_stops_when_labelled_passages_are_missing(datasets_dir, monkeypatch, tmp_path):
    """Training must not silently go on without the project's labels (exit 2, one line)."""
    from click.testing import CliRunner

    from spinlint.cli import main

    monkeypatch.setattr(pc, "labelled_real", lambda *args, **kwargs: [])
    result = CliRunner().invoke(main, ["model", "train", "--data", str(datasets_dir), "--out", str(tmp_path / "m"),
                                       "--docs", str(tmp_path / "card.md")])
    assert result.exit_code == 2, result.output
    assert "labelled passages" in result.output
    assert not (tmp_path / "m").exists()
