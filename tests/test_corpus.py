"""The project's own labelled corpus: references resolve, splits are frozen and leak-free, kappa is right."""

from __future__ import annotations

import json
import shutil

import pytest

from spinlint.model import corpus


@pytest.fixture
def pool():
    return corpus.load_pool()


@pytest.fixture
def splits():
    return corpus.load_splits()


def test_every_pool_reference_matches_its_hash(datasets_dir, pool):
    reader = corpus.SentenceReader(datasets_dir)
    for ref in pool:
        text = reader.verified_text(ref)
        assert corpus.MIN_WORDS <= len(text.split()) <= corpus.MAX_WORDS


def test_pool_is_large_enough_and_ids_are_unique(pool):
    ids = [ref["id"] for ref in pool]
    assert len(ids) >= 650
    assert len(set(ids)) == len(ids)
    assert {ref["selected_by"] for ref in pool} == {"random", "attribution", "negative_outcome", "claim"}


def test_build_pool_reproduces_the_stored_pool(datasets_dir, pool):
    assert corpus.build_pool(datasets_dir, corpus.SEED) == pool


def test_changed_text_is_an_integrity_error(datasets_dir, pool, tmp_path):
    ref = next(r for r in pool if r["dataset"] == corpus.SEC)
    copy = tmp_path / corpus.SEC
    copy.mkdir()
    original = (datasets_dir / corpus.SEC / ref["file"]).read_text(encoding="utf-8")
    tampered = original[: ref["start"]] + "X" + original[ref["start"] + 1 :]
    (copy / ref["file"]).write_text(tampered, encoding="utf-8", newline="")
    with pytest.raises(corpus.CorpusIntegrityError, match="sha256 mismatch"):
        corpus.SentenceReader(tmp_path).verified_text(ref)


def test_missing_dataset_file_is_an_integrity_error(pool, tmp_path):
    with pytest.raises(corpus.CorpusIntegrityError, match="missing"):
        corpus.SentenceReader(tmp_path).verified_text(pool[0])


def test_splits_share_no_document(pool, splits):
    test_docs, train_docs = set(splits["test_documents"]), set(splits["train_documents"])
    assert not test_docs & train_docs
    assert {ref["document"] for ref in pool} == test_docs | train_docs
    share = sum(ref["document"] in test_docs for ref in pool) / len(pool)
    assert 0.2 <= share <= 0.3


def test_frozen_test_ids_hash_matches(pool, splits):
    test_ids = [ref["id"] for ref in pool if ref["document"] in set(splits["test_documents"])]
    assert corpus.test_ids_hash(test_ids) == splits["test_ids_sha256"]
    assert corpus.make_splits(pool, splits["seed"])["test_ids_sha256"] == splits["test_ids_sha256"]


def test_blind_subset_is_150_pool_ids_with_blame_candidates(pool):
    blind = corpus.load_blind_ids()
    by_id = {ref["id"]: ref for ref in pool}
    assert len(blind) == len(set(blind)) == 150
    assert all(i in by_id for i in blind)
    assert sum(by_id[i]["selected_by"] == "attribution" for i in blind) >= 40


def test_labels_cover_known_ids_only(pool):
    labels = corpus.load_labels("pass1")
    assert set(labels) <= {ref["id"] for ref in pool}


def test_load_labelled_keeps_synthetic_out_of_test(datasets_dir):
    sentences = corpus.load_labelled(datasets_dir)
    assert sentences
    assert all(s.split == "train" for s in sentences if s.synthetic)
    assert {s.split for s in sentences if not s.synthetic} == {"train", "test"}


def test_cohen_kappa_on_a_hand_made_case():
    # 10 items: agree on 4 positives and 4 negatives, disagree twice.
    # p_o = 0.8; rater a says 1 five times, rater b five times: p_e = 0.5*0.5 + 0.5*0.5 = 0.5; kappa = 0.6.
    a = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    b = [1, 1, 1, 1, 0, 1, 0, 0, 0, 0]
    assert corpus.cohen_kappa(a, b) == pytest.approx(0.6)
    assert corpus.cohen_kappa(a, a) == pytest.approx(1.0)
    assert corpus.cohen_kappa([1, 0, 1, 0], [0, 1, 0, 1]) == pytest.approx(-1.0)
    assert corpus.cohen_kappa([0, 0, 0], [0, 0, 0]) == 1.0


def test_agreement_writes_per_label_kappa(datasets_dir, tmp_path):
    shutil.copytree(corpus.CORPORA, tmp_path / "corpora", ignore=shutil.ignore_patterns("agreement.json"))
    corpora_dir = tmp_path / "corpora"
    blind = corpus.load_blind_ids(corpora_dir)
    # A stand-in blind pass that copies pass 1 must give kappa 1 (or the degenerate 1.0) on every label.
    first = corpus.load_labels("pass1", corpora_dir)
    if not all(i in first for i in blind):
        pytest.skip("pass 1 does not cover the blind subset yet")
    corpus.write_jsonl(corpora_dir / "labels" / "pass2-blind.jsonl", (first[i] for i in blind))
    result = corpus.agreement(datasets_dir, corpora_dir)
    assert result["n"] == 150
    assert all(v["kappa"] == 1.0 for v in result["labels"].values())
    assert json.loads((corpora_dir / "agreement.json").read_text())["n"] == 150


def test_export_blind_prints_text_without_labels(datasets_dir, capsys):
    assert corpus.main(["export-blind", "--datasets", str(datasets_dir)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 150
    assert all(set(row) == {"id", "text"} for row in rows)


def test_sentences_written_for_the_model_are_well_formed_and_new():
    from spinlint.model import datasets

    rows = corpus.read_jsonl(corpus.CORPORA / f"{datasets.GENRE_WRITTEN}.jsonl")
    assert len(rows) >= 300
    assert len({row["id"] for row in rows}) == len(rows)
    texts = [row["text"] for row in rows]
    assert len(set(texts)) == len(texts)
    earlier = {row["text"] for row in corpus.read_jsonl(corpus.CORPORA / "synthetic.jsonl")}
    assert not earlier & set(texts), "the rules' held-out synthetic set must stay separate"
    for row in rows:
        assert row["synthetic"] is True and row["genre"] in {"press", "memo", "incident"}
        assert all(row[label] in (0, 1) for label in ("vague", "blame", "evidence_gap")), row["id"]
        assert row["note"] and row["author"]
    examples = datasets.genre_sentences()
    assert len(examples) == len(rows) and all(example.split == "train" and example.synthetic for example in examples)


def test_sentences_written_for_the_model_stay_out_of_the_labelled_corpus(datasets_dir):
    from spinlint.model import datasets

    written = {row["text"] for row in corpus.read_jsonl(corpus.CORPORA / f"{datasets.GENRE_WRITTEN}.jsonl")}
    assert not written & {sentence.text for sentence in corpus.load_labelled(datasets_dir)}
