"""Document scores: how much of a document is spin, per dimension, 0–100.

See docs/scoring.md.  Each sentence gets a value in [0, 1] per dimension
that combines the rule findings in it with the model's calibrated
probability; a document's score is the mean over its sentences (so it is
length-normalised), nudged up by document-level findings such as buzzword
density.  ``spin`` is the same mean over each sentence's worst dimension.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..rules.findings import Finding

DIMENSIONS = {"vague": "vague", "blame": "blame", "evidence": "evidence_gap"}
SEVERITY_WEIGHT = {"error": 0.9, "warning": 0.6, "info": 0.3}
DOCUMENT_FINDING_WEIGHT = 0.25
# A probability at or below the floor adds nothing: the model must lean towards the label before it
# moves a score.  The floor is the model's own decision threshold for the label (the one the M rules
# use, chosen for precision on training data); 0.5 when none is given.
MODEL_FLOOR = 0.5


def _model_part(probability: float, floor: float = MODEL_FLOOR) -> float:
    return max(0.0, (probability - floor) / (1.0 - floor))


def document_scores(sentence_count: int, findings: Sequence[Finding],
                    probabilities: Mapping[str, Sequence[float]] | None,
                    statements: Sequence[bool] | None = None,
                    floors: Mapping[str, float] | None = None, document_model=None) -> dict[str, float]:
    """``statements`` marks the sentences that count (headings and fragments do not).

    With the model's probabilities and its ``document_model`` (the shipped artefact has one), the scores are
    that second stage's calibrated probabilities x 100 (spinlint/model/document_model.py); without the model
    (``--ignore M``) they come from the rule findings alone, as below.
    """
    if sentence_count == 0:
        return {"spin": 0.0, "vague": 0.0, "blame": 0.0, "evidence_gap": 0.0}
    if document_model is not None and probabilities is not None:
        from ..model.document_model import document_row

        return document_model.scores(document_row(probabilities, findings, statements, sentence_count))
    # 1 - value: the chance that the sentence is clean on that dimension
    clean = {dimension: [1.0] * sentence_count for dimension in DIMENSIONS.values()}
    document_level = {dimension: 1.0 for dimension in DIMENSIONS.values()}
    for finding in findings:
        dimension = DIMENSIONS.get(finding.category)
        if dimension is None or finding.code.startswith("M"):
            continue  # classifier findings enter through the probabilities below
        weight = SEVERITY_WEIGHT.get(finding.severity, 0.3)
        if finding.scope == "document" or finding.sentence_index < 0:
            document_level[dimension] *= 1.0 - DOCUMENT_FINDING_WEIGHT * weight
        elif finding.sentence_index < sentence_count:
            clean[dimension][finding.sentence_index] *= 1.0 - weight
    if probabilities:
        for dimension in DIMENSIONS.values():
            floor = (floors or {}).get(dimension, MODEL_FLOOR)
            for index, probability in enumerate(probabilities.get(dimension, ())[:sentence_count]):
                clean[dimension][index] *= 1.0 - _model_part(probability, floor)

    counted = [index for index in range(sentence_count) if statements is None or statements[index]]
    if not counted:
        counted = list(range(sentence_count))
    scores: dict[str, float] = {}
    for dimension, values in clean.items():
        mean = sum(1.0 - values[index] for index in counted) / len(counted)
        scores[dimension] = _percent(1.0 - (1.0 - mean) * document_level[dimension])
    worst = [max(1.0 - clean[dimension][index] for dimension in clean) for index in counted]
    document_worst = 1.0 - min(document_level.values())
    spin = 1.0 - (1.0 - sum(worst) / len(counted)) * (1.0 - document_worst)
    return {"spin": _percent(spin), **scores}


def _percent(value: float) -> float:
    return round(min(100.0, max(0.0, 100.0 * value)), 1)
