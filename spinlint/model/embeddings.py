"""Word vectors learnt from the unlabelled in-genre corpora, so the classifier sees meaning, not only n-grams.

"Legacy systems hold us back" and "our processes aren't mature enough yet" share
no n-gram, but their words keep similar company in vendor blogs, 10-K filings and
incident reports. The vectors are the classic count-based recipe (Levy, Goldberg
and Dagan 2015, "Improving distributional similarity with lessons learned from
word embeddings"): a distance-weighted co-occurrence window, positive PMI with
context-distribution smoothing, then a truncated SVD with the singular values
square-rooted. Trained only on train-tier unlabelled text (never on spin-devset), by
``spinlint model train`` in memory, and stored inside the model artefact as int8 with one
scale per dimension (``wordvectors.py`` reads it at run time); deterministic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from .runtime import tokens
from .wordvectors import WordVectors

SOURCES = (
    ("oss-vendor-comms", ("oss-vendor-comms.jsonl",)),
    ("vendor-blog-milvus", ("vendor-blog-milvus.jsonl",)),
    ("gov-digital-blogs", ("18f-blog.jsonl", "digitalgov-news.jsonl")),
    ("sec-10k-mdna-unlabelled", None),
)
VOCABULARY = 40_000
MIN_COUNT = 3
WINDOW = 4
DIMENSIONS = 96
SMOOTHING = 0.75
SEED = 20261202


def iter_texts(datasets_dir: Path) -> Iterator[str]:
    for dataset, files in SOURCES:
        folder = Path(datasets_dir) / dataset
        if files is None:
            for path in sorted(folder.glob("*.txt")):
                yield path.read_text(encoding="utf-8")
            continue
        for name in files:
            with open(folder / name, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield json.loads(line)["text"]


def cooccurrence(texts: Iterable[str], vocabulary: int = VOCABULARY, window: int = WINDOW):
    """The vocabulary (most frequent words first) and the weighted co-occurrence counts among them."""
    from collections import Counter

    from scipy import sparse

    token_lists = [tokens(text) for text in texts]
    counts = Counter(token for token_list in token_lists for token in token_list)
    terms = [term for term, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
             if count >= MIN_COUNT][:vocabulary]
    index = {term: column for column, term in enumerate(terms)}
    size = len(terms)
    matrix = sparse.csr_matrix((size, size), dtype=np.float64)
    for chunk_start in range(0, len(token_lists), 500):
        ids = np.asarray([index.get(token, -1) for token_list in token_lists[chunk_start:chunk_start + 500]
                          for token in (*token_list, None)], dtype=np.int64)  # None: a break between texts
        rows, columns, weights = [], [], []
        for distance in range(1, window + 1):
            left, right = ids[:-distance], ids[distance:]
            keep = (left >= 0) & (right >= 0)
            # a text boundary (-1) inside the window is crossed only by pairs the boundary check cannot see;
            # one None per text keeps most windows inside one text, which is all the statistics need
            rows += [left[keep], right[keep]]
            columns += [right[keep], left[keep]]
            weights += [np.full(int(keep.sum()) * 2, 1.0 / distance)]
        part = sparse.coo_matrix((np.concatenate(weights), (np.concatenate(rows), np.concatenate(columns))),
                                 shape=(size, size)).tocsr()
        matrix = matrix + part
    return terms, matrix


def ppmi_svd(matrix, dimensions: int = DIMENSIONS, seed: int = SEED) -> np.ndarray:
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    matrix = sparse.csr_matrix(matrix)
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    context = np.asarray(matrix.sum(axis=0)).ravel() ** SMOOTHING
    context /= context.sum()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * 1.0 / total) - np.log(row_sums[coo.row] / total) - np.log(context[coo.col])
    keep = pmi > 0
    positive = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    u, s, _ = randomized_svd(positive, dimensions, n_iter=5, random_state=seed)
    vectors = u * np.sqrt(s)
    # fix each dimension's sign so the table does not flip between runs
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(vectors.shape[1])])
    vectors *= signs
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(vectors).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    return np.round(vectors / scale).astype(np.int8), scale.astype(np.float32)


SOURCES_OF_VECTORS = ("ppmi", "wordllama", "both")
METHODS = {
    "ppmi": "PPMI (context smoothing 0.75) of a distance-weighted window of 4, truncated SVD, singular values "
            "square-rooted, rows l2-normalised, int8 per dimension (spinlint/model/embeddings.py; Levy, Goldberg & "
            "Dagan 2015)",
    "wordllama": "for the words of the in-genre corpora: the mean of WordLlama's l2_supercat_256 token "
                 "embeddings (Miller 2024, MIT, the wordllama wheel), first {dimensions} dimensions, rows "
                 "l2-normalised, int8 per dimension (spinlint/model/pretrained.py)",
}
METHODS["both"] = "two tables side by side: " + METHODS["ppmi"] + "; and " + METHODS["wordllama"]


def build_vectors(datasets_dir: Path, limit: int | None = None, source: str = "ppmi") -> WordVectors:
    """The table, built from the datasets in memory (``limit``: only that many texts, for fast tests)."""
    return WordVectors.from_arrays(build(datasets_dir, limit, source))


def build(datasets_dir: Path, limit: int | None = None, source: str = "ppmi") -> dict[str, np.ndarray]:
    """``source``: "ppmi" learns the vectors from the corpora; "wordllama" keeps the same words (the corpora's
    vocabulary) and takes their vectors from WordLlama's pretrained table; "both" puts the two side by side."""
    if source not in SOURCES_OF_VECTORS:
        raise ValueError(f"word vectors {source!r}: expected one of {', '.join(SOURCES_OF_VECTORS)}")
    texts = iter_texts(datasets_dir)
    if limit:
        from itertools import islice

        texts = islice(texts, limit)
    terms, matrix = cooccurrence(texts)
    codes, scale = quantise(ppmi_svd(matrix))
    order = np.argsort(np.asarray(terms, dtype=object), kind="stable")
    sorted_terms = [terms[i] for i in order]
    learnt = {"terms": np.frombuffer("\n".join(sorted_terms).encode("utf-8"), dtype=np.uint8),
              "vectors": codes[order], "scale": scale}
    if source == "ppmi":
        return learnt
    from .pretrained import distil

    pretrained = distil(sorted_terms)
    if source == "wordllama":
        return pretrained
    return {"terms": learnt["terms"], "vectors": np.concatenate([learnt["vectors"], pretrained["vectors"]], axis=1),
            "scale": np.concatenate([learnt["scale"], pretrained["scale"]])}
