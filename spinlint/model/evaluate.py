"""Held-out and external evaluation of an exported model (precision, recall, F1 in percent).

Every benchmark runs the *exported* runtime model, i.e. what users get, and
uses thresholds chosen on train data (recorded in the card); nothing here
feeds back into training.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import LABELS
from . import datasets as ds

BENCHMARKS = (ds.CONLL, ds.IBM, ds.PROJECT, ds.PRIVACY)


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


def _auc(y, scores) -> float | None:
    from sklearn.metrics import roc_auc_score

    y = np.asarray(y)
    if len(set(y.tolist())) < 2:
        return None
    return round(float(roc_auc_score(y, scores)), 4)


def _column(model, label: str, texts: list[str]) -> np.ndarray:
    return model.predict_proba(texts)[:, model.labels.index(label)]


def conll_benchmark(model, data: Path, threshold: float) -> dict:
    """The CoNLL-2010 Task 1 metric: the uncertain class on the official Wikipedia eval split."""
    examples = ds.conll(data, "eval")
    y = np.asarray([example.vague for example in examples])
    probabilities = _column(model, "vague", [example.text for example in examples])
    result = binary_metrics(y, probabilities >= threshold)
    result.update(threshold=threshold, auc=_auc(y, probabilities))
    return result


def ibm_benchmark(model, data: Path) -> dict:
    """evidence_gap on the 19 held-out IBM Debater topics: claims (gap) vs STUDY/EXPERT evidence."""
    examples = ds.ibm_debater(data, "eval")
    y = np.asarray([example.evidence_gap for example in examples])
    probabilities = _column(model, "evidence_gap", [example.text for example in examples])
    result = binary_metrics(y, probabilities >= model.thresholds["evidence_gap"])
    result.update(threshold=model.thresholds["evidence_gap"], auc=_auc(y, probabilities))
    return result


def project_test(model, data: Path) -> dict:
    """Each label on the project's frozen test split (its own in-genre labels)."""
    examples = [example for example in ds.project_labels(data) if example.split == "test" and not example.synthetic]
    if not examples:
        return {"n": 0, "note": "no project labels found"}
    matrix = model.predict_proba([example.text for example in examples])
    results = {}
    for column, label in enumerate(model.labels):
        y = np.asarray([example.label(label) for example in examples])
        results[label] = {**binary_metrics(y, matrix[:, column] >= model.thresholds[label]),
                          "threshold": model.thresholds[label], "auc": _auc(y, matrix[:, column]),
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
            "auc_mean_score_at_least_3": _auc(vague, probabilities),
            "note": "zero-shot (the model never saw this set); the authors' protocol is document-grouped CV"}


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
    raise ValueError(f"unknown benchmark {benchmark!r}; choose from {', '.join(BENCHMARKS)}")


def run_all(model, data: Path) -> dict:
    return {benchmark: run(model, data, benchmark) for benchmark in BENCHMARKS}


__all__ = ["BENCHMARKS", "LABELS", "binary_metrics", "reliability", "run", "run_all"]
