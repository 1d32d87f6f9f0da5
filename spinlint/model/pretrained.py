"""Word vectors distilled from WordLlama's pretrained token embeddings, for the words the in-genre corpora use.

The count-based vectors (``embeddings.py``) learn meaning from about 30 MB of in-genre text, too little to place
words the training passages rarely use ("headwinds" beside "downturn", "immature" beside "not ready"). WordLlama
(Miller 2024, MIT; the ``wordllama`` wheel on PyPI) ships a 32,000 x 256 token-embedding table distilled from
large language models' input embeddings and trained for sentence similarity; its first dimensions carry most of
the meaning (Matryoshka training), so a prefix of them is a usable smaller table. Each word's vector is the mean of
its tokens' rows, as WordLlama pools a text. Only training reads the wheel (its files directly, without importing
``wordllama``, whose loader looks for the tokenizer in the wrong folder and may try the network); the shipped
model carries the distilled int8 table, so run time needs neither the wheel nor the network.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np

from ..resources import package_data
from .embeddings import quantise

WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
DIMENSIONS = 96
# The weights this table was chosen with: the same bytes in every wordllama release since 0.2.2 (the tokenizer
# file differs between releases only in a trailing newline). Another release may ship other numbers under the same
# name, and a rebuilt model would then differ from the shipped one without saying why: training stops instead.
SHA256 = {WEIGHTS: "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5"}


class PretrainedFilesError(RuntimeError):
    """The wordllama wheel is missing, or its files are not the ones the shipped model was trained with."""


def checked_file(parts: tuple[str, str]) -> Path:
    import hashlib

    try:
        path = package_data("wordllama", *parts)
    except RuntimeError as error:
        raise PretrainedFilesError("training with WordLlama's vectors needs the wordllama wheel: "
                                   "pip install -e '.[train]'") from error
    if not path.is_file():
        raise PretrainedFilesError(f"{path} is missing from the installed wordllama")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if parts in SHA256 and digest != SHA256[parts]:
        raise PretrainedFilesError(f"{path} has sha256 {digest}, not the {SHA256[parts]} the model was built "
                                   "with; install wordllama==0.4.0.post1")
    return path


def token_embeddings(path: Path) -> np.ndarray:
    """The one tensor of a safetensors file (an 8-byte header length, a JSON header, then raw little-endian data)."""
    data = Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    (name,) = [key for key in header if key != "__metadata__"]
    entry = header[name]
    dtype = {"F16": "<f2", "F32": "<f4", "BF16": None}[entry["dtype"]]
    start, end = entry["data_offsets"]
    return np.frombuffer(data[8 + length + start:8 + length + end], dtype=dtype).reshape(entry["shape"]).astype(
        np.float64)


def word_vectors(words: list[str], dimensions: int = DIMENSIONS) -> np.ndarray:
    """One l2-normalised row per word: the mean of its WordLlama token rows, cut to the first ``dimensions``."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(checked_file(TOKENIZER)))
    table = token_embeddings(checked_file(WEIGHTS))[:, :dimensions]
    special = set(tokenizer.get_added_tokens_decoder())  # <unk>, <s>, </s>: ids, not meaning
    out = np.zeros((len(words), dimensions))
    for row, encoding in enumerate(tokenizer.encode_batch(words, add_special_tokens=False)):
        ids = [i for i in encoding.ids if i not in special]
        if ids:
            out[row] = table[ids].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def distil(terms: list[str], dimensions: int = DIMENSIONS) -> dict[str, np.ndarray]:
    """The artefact arrays (sorted terms, int8 codes, scales) for ``terms``, as ``embeddings.build`` writes them."""
    ordered = sorted(terms)
    codes, scale = quantise(word_vectors(ordered, dimensions))
    return {"terms": np.frombuffer("\n".join(ordered).encode("utf-8"), dtype=np.uint8), "vectors": codes,
            "scale": scale}
