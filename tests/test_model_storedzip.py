"""The model's arrays read in place from the artefact's bytes are numpy.load's, or the reader steps aside."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest

from spinlint.model import runtime
from spinlint.model.storedzip import read_stored_npz
from spinlint.model.train import write_npz

ARRAYS = {"coef": np.arange(12, dtype=np.float64).reshape(3, 4), "codes": np.arange(-5, 5, dtype=np.int8),
          "fortran": np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3)),
          "text": np.frombuffer("caf\u00e9\nleverage".encode("utf-8"), dtype=np.uint8),
          "empty": np.zeros(0, dtype=np.float64), "scalar": np.asarray(2.5)}


def numpy_load(content: bytes) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(content), allow_pickle=False) as archive:
        return {key: archive[key] for key in archive.files}


def assert_same(found: dict[str, np.ndarray], expected: dict[str, np.ndarray]) -> None:
    assert sorted(found) == sorted(expected)
    for key, array in expected.items():
        assert found[key].dtype == array.dtype and found[key].shape == array.shape, key
        assert np.array_equal(found[key], array), key
        assert found[key].flags.aligned, key


def test_written_artefact_reads_as_numpy_loads_it_in_place(tmp_path):
    path = tmp_path / "model.npz"
    write_npz(path, ARRAYS)
    content = path.read_bytes()
    found = read_stored_npz(content)
    assert_same(found, numpy_load(content))
    assert not any(array.flags.writeable for array in found.values())  # views of the bytes, not copies
    assert zipfile.ZipFile(path).testzip() is None  # the padding field keeps the file a valid zip


def test_unaligned_entries_are_copied_aligned(tmp_path):
    path = tmp_path / "plain.npz"
    np.savez(path, **ARRAYS)  # numpy's own writer: stored, not aligned
    content = path.read_bytes()
    assert_same(read_stored_npz(content), numpy_load(content))


def test_anything_else_is_left_to_numpy(tmp_path):
    path = tmp_path / "deflated.npz"
    np.savez_compressed(path, **ARRAYS)
    assert read_stored_npz(path.read_bytes()) is None
    write_npz(path, ARRAYS)
    content = path.read_bytes()
    assert read_stored_npz(content[:len(content) // 2]) is None
    assert read_stored_npz(b"") is None
    assert read_stored_npz(b"not a zip at all") is None


@pytest.mark.skipif(not runtime.default_path().is_file(), reason="no shipped model in models/")
def test_shipped_artefact_reads_as_numpy_loads_it():
    content = runtime.default_path().read_bytes()
    found = read_stored_npz(content)
    assert found is not None
    assert_same(found, numpy_load(content))
    assert not any(array.flags.writeable for array in found.values())
