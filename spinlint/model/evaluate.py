"""Held-out and external evaluation of an exported model (precision, recall, F1 in percent).

Every benchmark runs the *exported* runtime model, i.e. what users get, and
uses thresholds chosen on train data (recorded in the card); nothing here
feeds back into training.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import datasets as ds

BENCHMARKS = (ds.CONLL, ds.IBM, ds.PROJECT, ds.PRIVACY, ds.CLAIM_STRENGTH)


def binary_metrics(y, predicted) -> dict:
    """Precision, recall and F1 of the positive class in percent, with n and the positive count."""
    y = np.asarray(y, dtype=bool)
    predicted = np.asarray(predicted, dtype=bool)
    true_positive = float(np.sum(y & predicted))
    precision = true_positive / float(np.sum(predicted)) if np.any(predicted) else 0.0
    recall = true_positive / float(np.sum(y)) if np.any(y) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2), "f1": round(100 * f1, 2),
            "n": int(len(y)), "positives": int(np.sum(y))}


def reliability(y, probabilities, bins: int = 10) -> dict:
    """Brier score, expected calibration error and the reliability table (equal-width bins)."""
    y = np.asarray(y, dtype=np.float64)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probabilities, edges[1:-1]), 0, bins - 1)
    table, error = [], 0.0
    for index in range(bins):
        mask = which == index
        if not np.any(mask):
            continue
        predicted, observed = float(probabilities[mask].mean()), float(y[mask].mean())
        error += mask.sum() / len(y) * abs(predicted - observed)
        table.append({"bin": f"{edges[index]:.1f}-{edges[index + 1]:.1f}", "n": int(mask.sum()),
                      "mean_probability": round(predicted, 4), "observed_rate": round(observed, 4)})
    brier = float(np.mean((probabilities - y) ** 2)) if len(y) else 0.0
    return {"brier": round(brier, 4), "ece": round(float(error), 4), "bins": table}


def auc(y, scores) -> float | None:
    from sklearn.metrics import roc_auc_score

    y = np.asarray(y)
    if len(set(y.tolist())) < 2:
        return None
    return round(float(roc_auc_score(y, scores)), 4)


def _scored(model, texts: list[str]) -> tuple[np.ndarray, np.ndarray | None]:
    """Probabilities of sentences that came alone, each linted alone for the rule hits a model may read; and
    those hits (None for a model that does not read them)."""
    if not getattr(model, "reads_rule_hits", False):
        return model.predict_proba(texts), None
    from ..lint import rule_hits_alone

    hits = rule_hits_alone(texts)
    return model.predict_proba(texts, rule_hits=hits), hits


def _column(model, label: str, texts: list[str]) -> np.ndarray:
    return _scored(model, texts)[0][:, model.labels.index(label)]


def conll_benchmark(model, data: Path, threshold: float) -> dict:
    """The CoNLL-2010 Task 1 metric: the uncertain class on the official Wikipedia eval split."""
    examples = ds.conll(data, "eval")
    y = np.asarray([example.vague for example in examples])
    probabilities = _column(model, "vague", [example.text for example in examples])
    result = binary_metrics(y, probabilities >= threshold)
    result.update(threshold=threshold, auc=auc(y, probabilities))
    return result


def ibm_benchmark(model, data: Path) -> dict:
    """evidence_gap on the 19 held-out IBM Debater topics: claims (gap) vs STUDY/EXPERT evidence."""
    examples = ds.ibm_debater(data, "eval")
    y = np.asarray([example.evidence_gap for example in examples])
    probabilities = _column(model, "evidence_gap", [example.text for example in examples])
    result = binary_metrics(y, probabilities >= model.thresholds["evidence_gap"])
    result.update(threshold=model.thresholds["evidence_gap"], auc=auc(y, probabilities))
    return result


def project_test(model, data: Path) -> dict:
    """Each label on the project's frozen test split (its own in-genre labels)."""
    examples = [example for example in ds.project_labels(data) if example.split == "test" and not example.synthetic]
    if not examples:
        return {"n": 0, "note": "no project labels found"}
    matrix, hits = _scored(model, [example.text for example in examples])
    results = {}
    for column, label in enumerate(model.labels):
        y = np.asarray([example.label(label) for example in examples])
        flagged = matrix[:, column] >= model.thresholds[label]
        if hits is not None:  # a classifier finding is not reported where a rule of its family fired
            from .rule_hits import column_of_label

            flagged &= hits[:, column_of_label(label)] == 0
        results[label] = {**binary_metrics(y, flagged),
                          "threshold": model.thresholds[label], "auc": auc(y, matrix[:, column]),
                          "reliability": reliability(y, matrix[:, column])}
    return results


def privacy_vagueness(model, data: Path) -> dict:
    """Zero-shot: does the shipped vague probability rank privacy-policy sentences like the crowd does?"""
    from scipy.stats import spearmanr

    sentences = ds.privacy_vagueness(data)
    probabilities = _column(model, "vague", [sentence.text for sentence in sentences])
    scores = np.asarray([sentence.score for sentence in sentences])
    vague = np.asarray([sentence.label >= 2 for sentence in sentences])  # mean crowd score >= 3
    return {"n": len(sentences), "spearman_vs_mean_score": round(float(spearmanr(probabilities, scores)[0]), 4),
            "auc_mean_score_at_least_3": auc(vague, probabilities),
            "note": "zero-shot (the model never saw this set); the authors' protocol is document-grouped CV",
            "grouped_cv_experiment": privacy_grouped_cv(model, sentences)}


def privacy_grouped_cv(model, sentences, folds: int = 5) -> dict:
    """An experiment that trains on this eval-only set (never shipped): spinlint's features with Ridge on the
    mean score (Spearman) and a class-balanced logistic regression on the paper's 4 classes (macro-F1),
    5-fold cross-validation grouped by policy document."""
    from scipy.stats import spearmanr
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from .features import feature_union

    texts = np.asarray([sentence.text for sentence in sentences], dtype=object)
    scores = np.asarray([sentence.score for sentence in sentences])
    classes = np.asarray([sentence.label for sentence in sentences])
    groups = np.asarray([sentence.document for sentence in sentences])
    union = feature_union(model.dense, word_max_features=20_000, char_max_features=20_000)
    spearman, macro_f1 = [], []
    for train_rows, test_rows in GroupKFold(folds).split(texts, scores, groups):
        features = clone(union)
        train_matrix = features.fit_transform(texts[train_rows].tolist())
        test_matrix = features.transform(texts[test_rows].tolist())
        ridge = Ridge(alpha=1.0).fit(train_matrix, scores[train_rows])
        spearman.append(float(spearmanr(ridge.predict(test_matrix), scores[test_rows])[0]))
        classifier = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(train_matrix,
                                                                                            classes[train_rows])
        macro_f1.append(float(f1_score(classes[test_rows], classifier.predict(test_matrix), average="macro")))
    return {"folds": folds, "spearman_mean": round(float(np.mean(spearman)), 4),
            "macro_f1_4class_mean": round(float(np.mean(macro_f1)), 4),
            "note": "trained on the eval-only set for this experiment alone; not part of the shipped model"}


def claim_strength(model, data: Path) -> dict:
    """Zero-shot: does the vague (hedge) probability separate hedged causal claims from direct causal ones?"""
    sentences = [sentence for sentence in ds.claim_strength(data) if sentence.label in (2, 3)]
    probabilities = _column(model, "vague", [sentence.text for sentence in sentences])
    hedged = np.asarray([sentence.label == 2 for sentence in sentences])
    return {"n": len(sentences), "hedged": int(hedged.sum()), "auc_vague_hedged_vs_direct": auc(hedged, probabilities),
            "note": "zero-shot; labels 2 (conditional causal, hedged) vs 3 (direct causal); the other labels unused"}


def run(model, data: Path, benchmark: str) -> dict:
    if benchmark == ds.CONLL:
        threshold = float(model.card.get("benchmark_thresholds", {}).get(ds.CONLL, model.thresholds["vague"]))
        return conll_benchmark(model, data, threshold)
    if benchmark == ds.IBM:
        return ibm_benchmark(model, data)
    if benchmark == ds.PROJECT:
        return project_test(model, data)
    if benchmark == ds.PRIVACY:
        return privacy_vagueness(model, data)
    if benchmark == ds.CLAIM_STRENGTH:
        return claim_strength(model, data)
    raise ValueError(f"unknown benchmark {benchmark!r}; choose from {', '.join(BENCHMARKS)}")


def run_all(model, data: Path) -> dict:
    return {benchmark: run(model, data, benchmark) for benchmark in BENCHMARKS}
