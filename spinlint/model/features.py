"""The scikit-learn side of the model: the named feature union and one calibrated classifier per label.

Only training imports this module.  The analysers and dense features come
from ``runtime`` so the exported model computes exactly what was fitted.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline

from .runtime import DenseFeatures, char_analyzer, word_analyzer

SEED = 20260529


class NamedDenseFeatures(BaseEstimator, TransformerMixin):
    """``DenseFeatures`` as a stateless transformer with named columns."""

    def __init__(self, dense: DenseFeatures | None = None):
        self.dense = dense

    def fit(self, texts, y=None):
        self.n_features_in_ = 1
        return self

    def transform(self, texts):
        return self.dense.transform(list(texts))

    def get_feature_names_out(self, input_features=None):
        return np.asarray(self.dense.names(), dtype=object)


def feature_union(dense: DenseFeatures, *, word_max_features: int = 60_000,
                  char_max_features: int = 60_000) -> FeatureUnion:
    """Word 1-2-gram and character 2-5-gram TF-IDF (sublinear tf, l2) plus the named dense features."""
    return FeatureUnion([
        ("word", TfidfVectorizer(analyzer=word_analyzer, min_df=2, sublinear_tf=True,
                                 max_features=word_max_features, dtype=np.float64)),
        ("char", TfidfVectorizer(analyzer=char_analyzer, min_df=3, sublinear_tf=True,
                                 max_features=char_max_features, dtype=np.float64)),
        ("dense", NamedDenseFeatures(dense)),
    ])


def classifier(C: float = 1.0) -> CalibratedClassifierCV:
    """Class-balanced logistic regression, sigmoid-calibrated on 3 stratified folds (one final model)."""
    base = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000,
                              random_state=SEED)
    return CalibratedClassifierCV(base, method="sigmoid", ensemble=False,
                                  cv=StratifiedKFold(3, shuffle=True, random_state=SEED))


def label_pipeline(fitted_union: FeatureUnion, fitted_classifier: CalibratedClassifierCV) -> Pipeline:
    """The scikit-learn reference for one label: fitted union -> fitted calibrated classifier."""
    return Pipeline([("features", fitted_union), ("classifier", fitted_classifier)])


def exported_parts(fitted_union: FeatureUnion, classifiers: dict[str, CalibratedClassifierCV],
                   labels: tuple[str, ...]) -> dict[str, np.ndarray | list[str]]:
    """Vocabularies, idf, coefficients and calibration, in the layout ``runtime.export_arrays`` takes."""
    word = fitted_union.named_transformers["word"]
    char = fitted_union.named_transformers["char"]

    def terms(vectorizer) -> list[str]:
        ordered = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
        return [term for term, _ in ordered]

    coefs, intercepts, slopes, offsets = [], [], [], []
    for label in labels:
        calibrated = classifiers[label].calibrated_classifiers_[0]
        estimator = calibrated.estimator
        calibrator = calibrated.calibrators[0]
        coefs.append(estimator.coef_[0])
        intercepts.append(estimator.intercept_[0])
        slopes.append(calibrator.a_)
        offsets.append(calibrator.b_)
    return {
        "word_terms": terms(word), "word_idf": word.idf_, "char_terms": terms(char), "char_idf": char.idf_,
        "coef": np.vstack(coefs), "intercept": np.asarray(intercepts), "calibration_a": np.asarray(slopes),
        "calibration_b": np.asarray(offsets),
    }
