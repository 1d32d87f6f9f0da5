"""Training rows for the document model: every labelled passage linted the way ``spinlint check`` lints it.

Each passage is parsed and segmented by the linter and run through the rules alone; its sentences then get
out-of-fold probabilities from the sentence model of the fold that never saw the passage's document (or
brief), so the document model learns from the kind of probabilities it will meet on new text.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import NamedTuple, Sequence

import numpy as np

from . import LABELS
from .document_model import SCORES, document_row, fit

DOCUMENT_C = 1.0
# Labelled passages are short (2-8 sentences), documents users lint are not. Joining passages of one source
# document or brief into longer documents, labelled positive when any part is, teaches the document model that
# one clear blame sentence is blame in a long memo too, and what length alone does to a plain document.
JOINED_PER_PASSAGE = 1
JOINED_PARTS = (2, 6)
JOIN_SEED = 20261202
MIN_POSITIVES_TO_CHOOSE = 30
# The weight of a written passage in the one weighted variant cross-validation compares (1.0 is the other).
WRITTEN_WEIGHT_CANDIDATE = 0.3


def targets_of(labels: dict) -> dict[str, int]:
    """Passage labels -> the document scores' targets (the dev set's own cut; -1 = left out)."""
    spin = labels["overall_spin"]
    return {"spin": 1 if spin >= 2 else (0 if spin == 0 else -1), "vague": int(labels["vague"] >= 1),
            "blame": int(labels["blame"]), "evidence_gap": int(labels["evidence_gap"])}


class LintedPassage(NamedTuple):
    """A passage as the linter reads it with the rules alone."""

    sentences: list[str]
    statements: list[bool]
    findings: list
    rule_hits: np.ndarray  # per sentence, which rule families fired in it (rule_hits.py)


def lint_inputs(texts: Sequence[str]) -> list[LintedPassage]:
    """Per text: the linter's sentence texts, which are statements, the rule findings (no model rules) and the
    rule-family hits of each sentence, as the model reads them at run time."""
    from .rule_hits import hits_by_span
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
        sentences = segments.sentences
        spans = [(span.start, span.end) for span in (
            segments.document.blocks[sentence.block_index].to_source(sentence.start, sentence.end)
            for sentence in sentences)]
        out.append(LintedPassage([sentence.text for sentence in sentences], list(features.statements), findings,
                                 hits_by_span(findings, spans)))
    return out


def join_targets(parts: Sequence[dict[str, int]]) -> dict[str, int]:
    """A joined document's targets: positive when any part is; spin negative only when every part is plain."""
    joined = {}
    for score in SCORES:
        values = [part[score] for part in parts]
        if score == "spin":
            joined[score] = 1 if 1 in values else (0 if all(value == 0 for value in values) else -1)
        else:
            joined[score] = int(any(value == 1 for value in values))
    return joined


def joined_documents(groups: Sequence[str], count: int = JOINED_PER_PASSAGE, seed: int = JOIN_SEED
                     ) -> list[list[int]]:
    """Index lists of passages to join: each from one group (so one fold), 2-6 passages in a random order."""
    import random

    rng = random.Random(seed)
    by_group: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        by_group.setdefault(group, []).append(index)
    joined = []
    for group in sorted(by_group):
        members = by_group[group]
        if len(members) < 2:
            continue
        for _ in range(count * len(members)):
            size = rng.randint(JOINED_PARTS[0], min(JOINED_PARTS[1], len(members)))
            joined.append(rng.sample(members, size))
    return joined


def _join_inputs(parts: Sequence[tuple[dict[str, np.ndarray], LintedPassage]]) -> tuple[dict, list, list, int]:
    """Concatenate passages' probabilities, statements and findings (sentence indices shifted)."""
    from dataclasses import replace

    probabilities = {label: np.concatenate([probability[label] for probability, _ in parts]) for label in LABELS}
    statements, findings, offset = [], [], 0
    for _, (sentence_texts, passage_statements, passage_findings, _) in parts:
        statements.extend(passage_statements)
        findings.extend(replace(finding, sentence_index=finding.sentence_index + offset)
                        if finding.sentence_index >= 0 else finding for finding in passage_findings)
        offset += len(sentence_texts)
    return probabilities, statements, findings, offset


def fold_of(group: str, group_folds: dict[str, int], folds: int) -> int:
    return group_folds.get(group, zlib.crc32(group.encode("utf-8")) % folds)


def out_of_fold_probabilities(sentences: list[str], passage_folds: list[int], counts: list[int], union,
                              fold_models: dict, rule_hits: np.ndarray | None = None) -> list[dict[str, np.ndarray]]:
    """Each passage's sentence probabilities from the fold model that never saw its document or brief;
    ``rule_hits`` (one row per sentence) when the sentence model reads them."""
    from .features import design_matrix

    matrix = design_matrix(union, sentences, rule_hits) if sentences else None
    per_passage = []
    start = 0
    decisions = {label: [model.decision_function(matrix) for model in models] if matrix is not None else []
                 for label, (models, _, _) in fold_models.items()}
    from .guards import guarded

    for fold, count in zip(passage_folds, counts):
        columns = []
        for label in LABELS:
            _, a, b = fold_models[label]
            values = decisions[label][fold][start:start + count] if count else np.zeros(0)
            columns.append(1.0 / (1.0 + np.exp(a * values + b)))
        # the same cap on owned faults as at run time (rules/features.py)
        matrix = guarded(sentences[start:start + count], np.column_stack(columns)) if count else np.zeros((0, 3))
        per_passage.append({label: matrix[:, column] for column, label in enumerate(LABELS)})
        start += count
    return per_passage


def fit_document_model(passages: Sequence, union, fold_models: dict, group_folds: dict[str, int], config,
                       inputs: list[LintedPassage] | None = None, rule_hits: bool = False):
    """The fitted ``DocumentModel`` and its out-of-fold quality on the labelled passages (grouped folds).

    ``inputs`` are the passages already linted (``lint_inputs``); ``rule_hits``: the sentence model reads them."""
    if inputs is None:
        inputs = lint_inputs([passage.text for passage in passages])
    folds = [fold_of(passage.group, group_folds, config.cv_folds) for passage in passages]
    sentences = [text for item in inputs for text in item.sentences]
    hits = np.vstack([item.rule_hits for item in inputs]) if rule_hits and sentences else None
    probabilities = out_of_fold_probabilities(sentences, folds, [len(item.sentences) for item in inputs], union,
                                              fold_models, hits)
    return fit_on_probabilities(passages, inputs, folds, probabilities, config)


def fit_on_probabilities(passages: Sequence, inputs: list, folds: list[int], probabilities: list, config):
    """``fit_document_model`` once the passages are linted and their sentences have out-of-fold probabilities."""
    rows = [document_row(probability, findings, statements, len(sentence_texts))
            for probability, (sentence_texts, statements, findings, _) in zip(probabilities, inputs)]
    passage_targets = [targets_of(passage.labels) for passage in passages]
    row_targets, row_folds = list(passage_targets), list(folds)
    real_rows = [not passage.synthetic for passage in passages]
    joined = joined_documents([passage.group for passage in passages])
    for members in joined:
        probability, statements, findings, count = _join_inputs([(probabilities[i], inputs[i]) for i in members])
        rows.append(document_row(probability, findings, statements, count))
        row_targets.append(join_targets([passage_targets[i] for i in members]))
        row_folds.append(folds[members[0]])
        real_rows.append(False)  # quality below is reported on single real passages only
    rows = np.vstack(rows)
    targets = {score: np.asarray([target[score] for target in row_targets]) for score in SCORES}
    folds_array = np.asarray(row_folds)
    real = np.asarray(real_rows)
    single = np.arange(len(rows)) < len(passages)
    # Written passages outnumber the real ones; whether they should weigh as much, and whether the joined
    # documents help, are choices for the same in-genre cross-validation, made per score (joined documents are
    # written or real parts, weighed like written ones).
    written_weight = np.where(real, 1.0, WRITTEN_WEIGHT_CANDIDATE)
    every = np.ones(len(rows), bool)
    variants = {}
    for name, use, weights in (("passages only", single, None),
                               (f"passages only, written at weight {WRITTEN_WEIGHT_CANDIDATE}", single, written_weight),
                               ("passages and joined documents", every, None),
                               (f"passages and joined documents, written at weight {WRITTEN_WEIGHT_CANDIDATE}", every,
                                written_weight)):
        predicted = _out_of_fold_documents(rows, targets, folds_array, use, config.cv_folds, weights)
        variants[name] = (use, weights, _quality(targets, predicted, single, real))
    chosen = {score: choose_variant({name: item[2][score] for name, item in variants.items()}) for score in SCORES}
    used = np.any([variants[chosen[score]][0] for score in SCORES], axis=0)
    model = fit(rows[used], {score: np.where(variants[chosen[score]][0], values, -1)[used]
                             for score, values in targets.items()}, C=DOCUMENT_C,
                weights={score: _weights_or_ones(variants[chosen[score]][1], len(rows))[used] for score in SCORES})
    return model, {"folds": config.cv_folds, "grouped_by": "document or brief",
                   "out_of_fold": {score: variants[chosen[score]][2][score] for score in SCORES},
                   "passages": len(passages), "joined_documents": len(joined),
                   "joining": f"{JOINED_PER_PASSAGE} per passage, {JOINED_PARTS[0]}-{JOINED_PARTS[1]} passages of "
                              "one document or brief, positive when any part is",
                   "variants": {name: {score: _choice_auc(item[2][score]) for score in SCORES}
                                for name, item in variants.items()},
                   "chosen": chosen,
                   "choice_rule": "per score, the variant with the best out-of-fold AUC on single real passages; "
                                  f"for a score with fewer than {MIN_POSITIVES_TO_CHOOSE} real positives, on all "
                                  "single passages (written ones too)"}


def _choice_auc(quality: dict) -> float:
    """The AUC a variant is judged by for one score: real passages where they have enough positives (the
    in-genre choice), else all single passages (real blame has about twenty positives, too few to choose on)."""
    part = quality["real_passages"] if quality["real_passages"]["positives"] >= MIN_POSITIVES_TO_CHOOSE \
        else quality["all_passages"]
    return part["auc"] if part["auc"] is not None else 0.0


def choose_variant(qualities: dict[str, dict]) -> str:
    """The best variant by ``_choice_auc``; ties go to the one listed first (the simpler)."""
    return max(qualities, key=lambda name: (_choice_auc(qualities[name]), -list(qualities).index(name)))


def _weights_or_ones(weights, n: int) -> np.ndarray:
    return np.ones(n) if weights is None else weights


def _out_of_fold_documents(rows, targets, folds, use, n_folds: int, weights=None) -> dict[str, np.ndarray]:
    predicted = {score: np.zeros(len(rows)) for score in SCORES}
    for fold in range(n_folds):
        held = folds == fold
        train = use & ~held
        if not held.any() or not train.any():
            continue
        model = fit(rows[train], {score: values[train] for score, values in targets.items()}, C=DOCUMENT_C,
                    weights=None if weights is None else weights[train])
        for index in np.flatnonzero(held):
            for score, value in model.probabilities(rows[index]).items():
                predicted[score][index] = value
    return predicted


def _quality(targets, predicted, single, real) -> dict:
    from .evaluate import auc, reliability

    quality = {}
    for score in SCORES:
        y = targets[score]
        labelled = (y >= 0) & single
        joined_rows = (y >= 0) & ~single
        quality[score] = {
            "all_passages": {"n": int(labelled.sum()), "positives": int((y[labelled] == 1).sum()),
                             "auc": auc(y[labelled], predicted[score][labelled])},
            "joined_documents": {"n": int(joined_rows.sum()), "positives": int((y[joined_rows] == 1).sum()),
                                 "auc": auc(y[joined_rows], predicted[score][joined_rows])},
            "real_passages": {"n": int((labelled & real).sum()), "positives": int(((y == 1) & real).sum()),
                              "auc": auc(y[labelled & real], predicted[score][labelled & real]),
                              "reliability": reliability(y[labelled & real], predicted[score][labelled & real],
                                                         bins=5)},
        }
    return quality
