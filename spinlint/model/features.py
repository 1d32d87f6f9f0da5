"""The scikit-learn side of the model: the named feature union and one calibrated classifier per label.

Only training imports this module.  The analysers and dense features come
from ``runtime`` so the exported model computes exactly what was fitted.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline

from .runtime import DenseFeatures, char_analyzer, tokens, word_analyzer
from .wordvectors import WordVectors

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


class MeaningFeatures(BaseEstimator, TransformerMixin):
    """The mean word vector of a sentence (``WordVectors``), times ``weight`` so it competes with TF-IDF."""

    def __init__(self, vectors: WordVectors | None = None, weight: float = 1.0):
        self.vectors = vectors
        self.weight = weight

    def fit(self, texts, y=None):
        self.n_features_in_ = 1
        return self

    def transform(self, texts):
        return self.vectors.matrix([tokens(text) for text in texts]) * self.weight

    def get_feature_names_out(self, input_features=None):
        return np.asarray(self.vectors.names(), dtype=object)


def feature_union(dense: DenseFeatures, *, word_max_features: int = 60_000,
                  char_max_features: int = 60_000, meaning: WordVectors | None = None,
                  meaning_weight: float = 1.0) -> FeatureUnion:
    """Word 1-2-gram and character 2-5-gram TF-IDF (sublinear tf, l2), the named dense features and, when
    given, the sentence's mean word vector. ``char_max_features=0`` leaves the character block out (it is the
    model stage's largest per-token cost, so training measures whether it earns it)."""
    parts = [("word", TfidfVectorizer(analyzer=word_analyzer, min_df=2, sublinear_tf=True,
                                      max_features=word_max_features, dtype=np.float64))]
    if char_max_features:
        parts.append(("char", TfidfVectorizer(analyzer=char_analyzer, min_df=3, sublinear_tf=True,
                                              max_features=char_max_features, dtype=np.float64)))
    parts.append(("dense", NamedDenseFeatures(dense)))
    if meaning is not None:
        parts.append(("meaning", MeaningFeatures(meaning, meaning_weight)))
    return FeatureUnion(parts)


class PlattClassifier(BaseEstimator, ClassifierMixin):
    """A fitted linear model and a Platt sigmoid fitted on its out-of-fold decisions: p = 1 / (1 + e^(a f + b))."""

    def __init__(self, estimator=None, a: float = -1.0, b: float = 0.0):
        self.estimator = estimator
        self.a = a
        self.b = b

    def fit(self, X, y=None):  # both parts are fitted by train.py; this class only applies them
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return self.estimator is not None and hasattr(self.estimator, "coef_")

    @property
    def classes_(self):
        return np.asarray([0, 1])

    def predict_proba(self, X):
        decision = self.estimator.decision_function(X)
        positive = 1.0 / (1.0 + np.exp(self.a * decision + self.b))
        return np.column_stack((1.0 - positive, positive))


def platt(decisions: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling (an unregularised one-feature logistic regression) in scikit-learn's sign convention."""
    model = LogisticRegression(C=1e6, max_iter=5000).fit(np.asarray(decisions).reshape(-1, 1), y)
    return float(-model.coef_[0][0]), float(-model.intercept_[0])


def classifier(C: float = 1.0) -> CalibratedClassifierCV:
    """Class-balanced logistic regression, sigmoid-calibrated on 3 stratified folds (one final model)."""
    base = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000,
                              random_state=SEED)
    return CalibratedClassifierCV(base, method="sigmoid", ensemble=False,
                                  cv=StratifiedKFold(3, shuffle=True, random_state=SEED))


def label_pipeline(fitted_union: FeatureUnion, fitted_classifier: CalibratedClassifierCV) -> Pipeline:
    """The scikit-learn reference for one label: fitted union -> fitted calibrated classifier."""
    return Pipeline([("features", fitted_union), ("classifier", fitted_classifier)])


def design_matrix(fitted_union: FeatureUnion, texts, rule_hits: np.ndarray | None = None):
    """The rows the linear models read: the union's features, then the rule-family hits when the model uses
    them (``spinlint.model.rule_hits``; they depend on where a sentence stands, so they are not a transformer
    of the text alone)."""
    from scipy import sparse

    matrix = fitted_union.transform(list(texts)).tocsr()
    if rule_hits is None:
        return matrix
    return sparse.hstack([matrix, sparse.csr_matrix(np.asarray(rule_hits, dtype=np.float64))]).tocsr()


def reference_probabilities(fitted_union: FeatureUnion, fitted_classifier, texts,
                            rule_hits: np.ndarray | None = None) -> np.ndarray:
    """scikit-learn's probability of the positive class, the reference the exported runtime must equal."""
    return fitted_classifier.predict_proba(design_matrix(fitted_union, texts, rule_hits))[:, 1]


def exported_parts(fitted_union: FeatureUnion, classifiers: dict[str, CalibratedClassifierCV],
                   labels: tuple[str, ...], rule_hits: bool = False) -> dict[str, np.ndarray | list[str]]:
    """Vocabularies, idf, coefficients and calibration, in the layout ``runtime.export_arrays`` takes.

    With ``rule_hits`` the last columns of each coefficient row are the rule families' (``rule_hits.FAMILIES``)."""
    word = fitted_union.named_transformers["word"]
    char = fitted_union.named_transformers.get("char")

    def terms(vectorizer) -> list[str]:
        if vectorizer is None:
            return []
        ordered = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
        return [term for term, _ in ordered]

    coefs, intercepts, slopes, offsets = [], [], [], []
    for label in labels:
        fitted = classifiers[label]
        if isinstance(fitted, PlattClassifier):
            estimator, a, b = fitted.estimator, fitted.a, fitted.b
        else:
            calibrated = fitted.calibrated_classifiers_[0]
            estimator, a, b = calibrated.estimator, calibrated.calibrators[0].a_, calibrated.calibrators[0].b_
        coefs.append(estimator.coef_[0])
        intercepts.append(estimator.intercept_[0])
        slopes.append(a)
        offsets.append(b)
    parts = {
        "word_terms": terms(word), "word_idf": word.idf_, "char_terms": terms(char),
        "char_idf": char.idf_ if char is not None else np.zeros(0),
        "coef": np.vstack(coefs), "intercept": np.asarray(intercepts), "calibration_a": np.asarray(slopes),
        "calibration_b": np.asarray(offsets),
    }
    if "meaning" in fitted_union.named_transformers:
        meaning = fitted_union.named_transformers["meaning"]
        parts["meaning"] = (meaning.vectors, meaning.weight)
    if rule_hits:
        from .rule_hits import FAMILIES

        parts["rule_hit_families"] = FAMILIES
    return parts
