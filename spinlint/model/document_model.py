"""The second stage: a document's four scores from its sentences' probabilities and rule findings.

Whether a memo shifts blame is mostly a question of *whether* it does, not of
what share of its sentences do, so the document model reads the strongest
sentence (max), the strongest two (top-2 mean), the mean, and how many rule
findings of each family the document has per sentence. One logistic regression
per score, trained on passage labels (real and written), its probability × 100
is the score. Every weight on a "more spin" feature is kept non-negative (a
feature whose fitted weight comes out negative is dropped and the model refit),
so a sentence that reads as more spin can never lower a score.

Numpy only at run time: the fitted weights travel in the model card's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

DIMENSIONS = ("vague", "blame", "evidence_gap")
SCORES = ("spin", "vague", "blame", "evidence_gap")
# rule category (as findings carry it) -> the dimension its findings count towards
FAMILY_OF_CATEGORY = {"vague": "vague", "blame": "blame", "evidence": "evidence_gap"}


def feature_names() -> list[str]:
    names = []
    for dimension in DIMENSIONS:
        names += [f"{dimension} max", f"{dimension} top-2 mean", f"{dimension} mean",
                  f"{dimension} rule findings per sentence", f"{dimension} any rule finding"]
    return names + ["log sentences"]


def features(probabilities: Mapping[str, Sequence[float]] | None, counted: Sequence[int],
             rule_sentences: Mapping[str, set[int]], rule_document: Mapping[str, int]) -> np.ndarray:
    """One row of ``feature_names()`` for a document.

    ``counted``: the sentence indices that are statements (headings and fragments are left out);
    ``rule_sentences``: per dimension, the counted sentences with a (non-model) rule finding;
    ``rule_document``: per dimension, how many document-scope rule findings there are.
    """
    n = max(len(counted), 1)
    row = []
    for dimension in DIMENSIONS:
        values = np.asarray(probabilities[dimension], dtype=np.float64)[np.asarray(counted, dtype=np.intp)] \
            if probabilities is not None and len(counted) else np.zeros(0)
        if len(values):
            top = np.sort(values)[::-1]
            row += [float(top[0]), float(top[:2].mean()), float(values.mean())]
        else:
            row += [0.0, 0.0, 0.0]
        hits = len(rule_sentences.get(dimension, ())) + rule_document.get(dimension, 0)
        row += [hits / n, float(hits > 0)]
    row.append(float(np.log1p(len(counted))))
    return np.asarray(row, dtype=np.float64)


def document_row(probabilities: Mapping[str, Sequence[float]] | None, findings: Sequence,
                 statements: Sequence[bool] | None, sentence_count: int) -> np.ndarray:
    """``features`` from what the linter has for a document: its findings (model findings are left out:
    the probabilities carry them) and which sentences are statements. Training and scoring both call this."""
    # A mask and an index array, not a list and a set of ints: those cost about 130 bytes a sentence,
    # 30 times the input for a list of one-word items.
    mask = np.ones(sentence_count, dtype=bool) if statements is None else \
        np.fromiter((bool(statements[index]) for index in range(sentence_count)), dtype=bool, count=sentence_count)
    if not mask.any():
        mask[:] = True
    counted = np.flatnonzero(mask)
    rule_sentences: dict[str, set[int]] = {dimension: set() for dimension in DIMENSIONS}
    rule_document = {dimension: 0 for dimension in DIMENSIONS}
    for finding in findings:
        dimension = FAMILY_OF_CATEGORY.get(finding.category)
        if dimension is None or finding.code.startswith("M"):
            continue
        if finding.scope == "document" or finding.sentence_index < 0:
            rule_document[dimension] += 1
        elif finding.sentence_index < sentence_count and mask[finding.sentence_index]:
            rule_sentences[dimension].add(finding.sentence_index)
    return features(probabilities, counted, rule_sentences, rule_document)


@dataclass(frozen=True)
class DocumentModel:
    """Per score: standardisation (mean, scale), coefficients over ``feature_names()``, intercept."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: Mapping[str, np.ndarray]
    intercept: Mapping[str, float]

    def probabilities(self, row: np.ndarray) -> dict[str, float]:
        z = (row - self.mean) / self.scale
        return {score: float(1.0 / (1.0 + np.exp(-(z @ self.coef[score] + self.intercept[score]))))
                for score in self.coef}

    def scores(self, row: np.ndarray) -> dict[str, float]:
        return {score: round(100.0 * value, 1) for score, value in self.probabilities(row).items()}

    def arrays(self) -> dict[str, np.ndarray]:
        """As plain arrays for the artefact (rows of ``document_coef`` follow ``SCORES``)."""
        return {"document_features": np.frombuffer("\n".join(self.names).encode("utf-8"), dtype=np.uint8),
                "document_mean": self.mean, "document_scale": self.scale,
                "document_coef": np.vstack([self.coef[score] for score in SCORES]),
                "document_intercept": np.asarray([self.intercept[score] for score in SCORES])}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> "DocumentModel":
        names = tuple(bytes(np.asarray(arrays["document_features"], dtype=np.uint8)).decode("utf-8").split("\n"))
        if list(names) != feature_names():
            raise ValueError("the document model was trained on other features; retrain it")
        coef = np.asarray(arrays["document_coef"], dtype=np.float64)
        intercept = np.asarray(arrays["document_intercept"], dtype=np.float64)
        if coef.shape != (len(SCORES), len(names)) or intercept.shape != (len(SCORES),):
            raise ValueError("the document model's coefficients do not match its features")
        return cls(names, np.asarray(arrays["document_mean"], dtype=np.float64),
                   np.asarray(arrays["document_scale"], dtype=np.float64),
                   {score: coef[index] for index, score in enumerate(SCORES)},
                   {score: float(intercept[index]) for index, score in enumerate(SCORES)})


# The one feature that is not "more spin": document length. Its weight may take either sign.
FREE_FEATURES = frozenset({"log sentences"})


def fit(rows: np.ndarray, targets: Mapping[str, np.ndarray], C: float = 1.0,
        weights: np.ndarray | Mapping[str, np.ndarray] | None = None) -> DocumentModel:
    """Fit one non-negative-on-spin-features logistic regression per score (rows of ``feature_names()``).

    ``targets[score]`` holds 1, 0 or -1 (not labelled for that score: left out); ``weights`` are per-row sample
    weights, one array for every score or one per score (training gives the written passages less weight than real
    ones where cross-validation says so, score by score).
    """
    from sklearn.linear_model import LogisticRegression

    names = feature_names()
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    z = (rows - mean) / scale
    coef, intercept = {}, {}
    for score in SCORES:
        y = np.asarray(targets[score])
        keep = y >= 0
        row_weights = weights.get(score) if isinstance(weights, Mapping) else weights
        active = list(range(len(names)))
        while True:
            model = LogisticRegression(C=C, max_iter=5000).fit(
                z[keep][:, active], y[keep], sample_weight=None if row_weights is None else row_weights[keep])
            fitted = model.coef_[0]
            negative = [column for column, weight in zip(active, fitted)
                        if weight < 0 and names[column] not in FREE_FEATURES]
            if not negative:
                break
            active = [column for column in active if column not in negative]
        full = np.zeros(len(names))
        full[active] = fitted
        coef[score], intercept[score] = full, float(model.intercept_[0])
    return DocumentModel(tuple(names), mean, scale, coef, intercept)
