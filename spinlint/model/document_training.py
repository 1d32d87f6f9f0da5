"""Training rows for the document model: every labelled passage linted the way ``spinlint check`` lints it.

Each passage is parsed and segmented by the linter and run through the rules alone; its sentences then get
out-of-fold probabilities from the sentence model of the fold that never saw the passage's document (or
brief), so the document model learns from the kind of probabilities it will meet on new text.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Sequence

import numpy as np

from . import LABELS
from .document_model import SCORES, document_row, fit

DOCUMENT_C = 1.0


def targets_of(labels: dict) -> dict[str, int]:
    """Passage labels -> the document scores' targets (the dev set's own cut; -1 = left out)."""
    spin = labels["overall_spin"]
    return {"spin": 1 if spin >= 2 else (0 if spin == 0 else -1), "vague": int(labels["vague"] >= 1),
            "blame": int(labels["blame"]), "evidence_gap": int(labels["evidence_gap"])}


def lint_inputs(texts: Sequence[str]) -> list[tuple[list[str], list[bool], list]]:
    """Per text: the linter's sentence texts, which are statements, and the rule findings (no model rules)."""
    from .. import markup
    from ..config import parse_settings
    from ..document import Source
    from ..rules.features import Features
    from ..lint import Linter
    from ..text.segment import segment

    settings = parse_settings({"ignore": ["M"]}, Path("<training>"))
    linter = Linter()
    engine = linter._engine(settings, "passage.txt")
    out = []
    for text in texts:
        segments = segment(markup.parse(Source(path="passage.txt", text=text, format="text")))
        features = Features(segments)
        findings = engine.run(segments, features)
        out.append(([sentence.text for sentence in segments.sentences], list(features.statements), findings))
    return out


def fold_of(group: str, group_folds: dict[str, int], folds: int) -> int:
    return group_folds.get(group, zlib.crc32(group.encode("utf-8")) % folds)


def out_of_fold_probabilities(sentences: list[str], passage_folds: list[int], counts: list[int], union,
                              fold_models: dict) -> list[dict[str, np.ndarray]]:
    matrix = union.transform(sentences).tocsr() if sentences else None
    per_passage = []
    start = 0
    decisions = {label: [model.decision_function(matrix) for model in models] if matrix is not None else []
                 for label, (models, _, _) in fold_models.items()}
    for fold, count in zip(passage_folds, counts):
        entry = {}
        for label in LABELS:
            _, a, b = fold_models[label]
            values = decisions[label][fold][start:start + count] if count else np.zeros(0)
            entry[label] = 1.0 / (1.0 + np.exp(a * values + b))
        per_passage.append(entry)
        start += count
    return per_passage


def fit_document_model(passages: Sequence, union, fold_models: dict, group_folds: dict[str, int], config):
    """The fitted ``DocumentModel`` and its out-of-fold quality on the labelled passages (grouped folds)."""
    from .evaluate import auc

    inputs = lint_inputs([passage.text for passage in passages])
    folds = [fold_of(passage.group, group_folds, config.cv_folds) for passage in passages]
    sentences = [text for sentence_texts, _, _ in inputs for text in sentence_texts]
    probabilities = out_of_fold_probabilities(sentences, folds, [len(item[0]) for item in inputs], union,
                                              fold_models)
    rows = np.vstack([document_row(probability, findings, statements, len(sentence_texts))
                      for probability, (sentence_texts, statements, findings) in zip(probabilities, inputs)])
    targets = {score: np.asarray([targets_of(passage.labels)[score] for passage in passages]) for score in SCORES}
    folds_array = np.asarray(folds)
    real = np.asarray([not passage.synthetic for passage in passages])
    predicted = {score: np.zeros(len(passages)) for score in SCORES}
    for fold in range(config.cv_folds):
        held = folds_array == fold
        if not held.any() or held.all():
            continue
        model = fit(rows[~held], {score: values[~held] for score, values in targets.items()}, C=DOCUMENT_C)
        for index in np.flatnonzero(held):
            for score, value in model.probabilities(rows[index]).items():
                predicted[score][index] = value
    quality = {}
    for score in SCORES:
        y = targets[score]
        labelled = y >= 0
        quality[score] = {
            "all_passages": {"n": int(labelled.sum()), "positives": int((y == 1).sum()),
                             "auc": auc(y[labelled], predicted[score][labelled])},
            "real_passages": {"n": int((labelled & real).sum()), "positives": int(((y == 1) & real).sum()),
                              "auc": auc(y[labelled & real], predicted[score][labelled & real])},
        }
    return fit(rows, targets, C=DOCUMENT_C), {"folds": config.cv_folds, "grouped_by": "document or brief",
                                              "out_of_fold": quality, "passages": len(passages)}
