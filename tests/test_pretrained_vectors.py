"""WordLlama's pretrained vectors: read from the installed wheel's files, offline, and checked before training."""

from __future__ import annotations

import json
import struct
import subprocess
import sys

import numpy as np
import pytest

from spinlint.model import pretrained

_OFFLINE = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network blocked")
class BlockedSocket(socket.socket):
    connect = connect_ex = sendto = refuse
socket.socket = BlockedSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
from spinlint.model.pretrained import distil
arrays = distil(["downturn", "headwinds", "sandwich"])
# the wheel's files are read directly: wordllama's own loader (which may reach for the hub) never runs
assert "wordllama" not in sys.modules, sorted(m for m in sys.modules if m.startswith("wordllama"))
print(arrays["vectors"].shape[0], arrays["vectors"].shape[1])
"""


def test_the_vectors_are_distilled_with_the_network_blocked_and_without_importing_wordllama(tmp_path):
    result = subprocess.run([sys.executable, "-c", _OFFLINE], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", str(pretrained.DIMENSIONS)]


def test_words_of_the_same_meaning_sit_closer_than_unrelated_words():
    words = ["headwinds", "downturn", "recession", "sandwich", "giraffe"]
    vectors = pretrained.word_vectors(words)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    similarity = dict(zip(words, vectors @ vectors[words.index("downturn")]))
    assert min(similarity["headwinds"], similarity["recession"]) > max(similarity["sandwich"], similarity["giraffe"])


def test_a_word_with_no_tokens_gets_a_zero_row_not_a_nan():
    vectors = pretrained.word_vectors(["", "budget"])
    assert not np.isnan(vectors).any()
    assert np.all(vectors[0] == 0) and np.linalg.norm(vectors[1]) == pytest.approx(1.0)


def test_other_weights_under_the_same_name_stop_training(monkeypatch):
    monkeypatch.setitem(pretrained.SHA256, pretrained.WEIGHTS, "0" * 64)
    with pytest.raises(pretrained.PretrainedFilesError, match="sha256"):
        pretrained.word_vectors(["budget"])


def test_a_missing_wheel_is_a_clear_error(monkeypatch):
    def not_installed(package, *parts):
        raise RuntimeError(f"the {package!r} package is not installed")

    monkeypatch.setattr(pretrained, "package_data", not_installed)
    with pytest.raises(pretrained.PretrainedFilesError, match=r"\.\[train\]"):
        pretrained.word_vectors(["budget"])


def test_the_safetensors_reader_returns_the_tensor_it_was_given(tmp_path):
    table = np.arange(12, dtype="<f2").reshape(4, 3) / 8
    body = table.tobytes()
    header = json.dumps({"__metadata__": {}, "embedding.weight": {
        "dtype": "F16", "shape": [4, 3], "data_offsets": [0, len(body)]}}).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + body)
    assert np.array_equal(pretrained.token_embeddings(path), table.astype(np.float64))


def test_both_tables_share_the_learnt_vocabulary_side_by_side(datasets_dir):
    from spinlint.model import embeddings

    learnt = embeddings.build(datasets_dir, limit=300)
    both = embeddings.build(datasets_dir, limit=300, source="both")
    assert bytes(both["terms"]) == bytes(learnt["terms"])
    assert both["vectors"].shape == (learnt["vectors"].shape[0], learnt["vectors"].shape[1] + pretrained.DIMENSIONS)
    assert np.array_equal(both["vectors"][:, :learnt["vectors"].shape[1]], learnt["vectors"])
    with pytest.raises(ValueError, match="expected one of"):
        embeddings.build(datasets_dir, limit=10, source="glove")
