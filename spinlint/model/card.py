"""The model card: ``models/<name>.json`` (read at load time) and ``docs/model-card.md`` rendered from it.

The Markdown is generated from the JSON and never edited by hand, so the two
cannot drift (``tests/test_model_card.py`` checks it).
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

from . import LABELS, MODEL_NAME
from . import datasets as ds

TRAIN_COMMAND = "spinlint model train --data ../shared/datasets --out models/"
EVALUATE_COMMANDS = {
    ds.CONLL: "spinlint model evaluate --benchmark conll2010-wikiweasel --format json",
    ds.IBM: "spinlint model evaluate --benchmark ibm-debater-ce-emnlp2015 --format json",
    ds.PROJECT: "spinlint model evaluate --benchmark project-labels --format json",
    ds.PRIVACY: "spinlint model evaluate --benchmark privacy-vagueness-lebanoff2018 --format json",
    ds.CLAIM_STRENGTH: "spinlint model evaluate --benchmark claim-strength-yu2019-2020 --format json",
}
PUBLISHED = {
    ds.CONLL: "best CoNLL-2010 shared-task F1 (uncertain class, Wikipedia) 60.2 (Georgescul 2010); "
              "plain TF-IDF + logistic regression about 58 (57.9 measured in the dataset's PROVENANCE.md)",
    ds.IBM: "Rinott et al. 2015 (a different task: evidence detection for a given claim); the dataset's own "
            "TF-IDF + LR baseline separates claims from evidence at macro-F1 0.935",
    ds.PROJECT: "none (the project's own labels)",
    ds.CLAIM_STRENGTH: "BioBERT 4-class macro-F1 0.878 (PubMed) / 0.892 (press releases), 5-fold CV trained on the "
                       "set (Yu et al. 2019, 2020): a different task from this zero-shot check",
    ds.PRIVACY: "Lebanoff & Liu 2018 (document-grouped CV, trained on the set); the dataset's TF-IDF + Ridge "
                "baseline reaches Spearman 0.577 when trained on it",
}
NOT_EVALUATED = {
    "claimbuster-clef-checkworthiness": "not run: check-worthiness (a factual claim worth checking, often with "
                                        "numbers) is not an evidence gap; no honest mapping",
    "insciout-exaggeration-wright2021": "not run",
    "verifiability-park-cardie2014": "not run",
    "narrative-frames-frermann2023": "not run (entity roles, not sentence blame)",
}


def library_versions() -> dict[str, str]:
    import numpy
    import scipy
    import sklearn

    return {"python": platform.python_version(), "numpy": numpy.__version__, "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__}


def _written_file(relative: str) -> dict | None:
    """The sha256 and line count of a file the project wrote into corpora/, or None when it is absent."""
    from .corpus import REPO
    from .runtime import sha256_of

    path = REPO / relative
    if not path.is_file():
        return None
    return {"file": relative, "sha256": sha256_of(path), "sentences": len(path.read_text(encoding="utf-8").splitlines())}


def build(trained, artefact: dict, evaluation: dict, data: Path) -> dict:
    """The card as a JSON-ready dict (no timestamps: retraining on the same data gives the same card)."""
    from .train import BLAME_ASSUMED_NEGATIVES, EVIDENCE_ASSUMED_NEGATIVES, IN_GENRE, IN_GENRE_WEIGHT, TRAIN_DATASETS

    config = trained.config
    union = trained.union
    mapping = {name: dict(rules) for name, rules in ds.LABEL_MAPPING.items()}
    mapping[ds.CONLL]["blame"] = (f"0 (assumed) for a fixed random sample of {BLAME_ASSUMED_NEGATIVES} train "
                                  "sentences: encyclopaedic text does not shift blame; otherwise not labelled")
    mapping[ds.CONLL]["evidence_gap"] = (f"0 (assumed) for a fixed random sample of {EVIDENCE_ASSUMED_NEGATIVES} "
                                         "'certain' train sentences: plain descriptions, not claims; otherwise "
                                         "not labelled")
    mapping["synthetic-blame-seed"] = {"blame": "sentences written for spinlint (spinlint/model/datasets.py), "
                                                "train only, marked synthetic, never evaluated"}
    mapping["synthetic-evidence-seed"] = {"evidence_gap": "sentences written for spinlint: claims with unsourced "
                                                         "numbers (1) and sourced claims without digits (0); train "
                                                         "only, marked synthetic, never evaluated"}
    mapping[ds.GENRE_WRITTEN] = {label: "sentences in the genre (press releases, memos, incident notices, letters) "
                                        "written and labelled for spinlint under corpora/guideline.md "
                                        "(corpora/synthetic-genre.jsonl); train only, marked synthetic, never "
                                        "evaluated" for label in LABELS}
    mapping["synthetic-vague-seed"] = {"vague": "sentences written for spinlint: corporate slogans (1) and plain "
                                                "statements of who does what (0); train only, marked synthetic, "
                                                "never evaluated"}
    lexicons = {name: {"entries": len(phrases), "source": trained.data.lexicon_sources[name]}
                for name, phrases in trained.dense.lexicons}
    return {
        "name": MODEL_NAME,
        "format_version": 1,
        "labels": list(LABELS),
        "thresholds": trained.thresholds,
        "threshold_rule": "per label, the threshold (grid 0.05-0.95) with the best F0.5 on out-of-fold calibrated "
                          f"probabilities ({config.cv_folds}-fold stratified CV on train data only): chosen for precision",
        "benchmark_thresholds": trained.benchmark_thresholds,
        "benchmark_threshold_rule": "CoNLL: the threshold with the best F1 on out-of-fold probabilities of the "
                                    "CoNLL train rows; the eval split is never used to choose anything",
        "artefact": artefact,
        "model": {
            "pipeline": "FeatureUnion(word TF-IDF 1-2-grams, char TF-IDF 2-5-grams within tokens, named dense "
                        "features) -> per label CalibratedClassifierCV(LogisticRegression(class_weight='balanced', "
                        "solver='liblinear'), method='sigmoid', ensemble=False, cv=3)",
            "analysers": "lower-case; tokens \\w+(?:'\\w+)* or % $ € £; digits mapped to 0; sublinear tf, "
                         "smooth idf, l2 norm per block (spinlint/model/runtime.py)",
            "C": config.C, "word_max_features": config.word_max_features,
            "char_max_features": config.char_max_features,
            "word_terms": len(union.named_transformers["word"].vocabulary_),
            "char_terms": len(union.named_transformers["char"].vocabulary_),
            "dense_features": trained.dense.names(),
            "lexicons": lexicons,
            "concreteness_words": len(trained.dense.concreteness),
            "in_genre_weight": {"weight": IN_GENRE_WEIGHT, "sources": list(IN_GENRE)},
            "selection": "features and C chosen by 5-fold CV F1 on CoNLL train (C 1, 2, 4 tied within 0.2 F1; the "
                         "smallest C kept); the in-genre weight 2 costs 0.4 CoNLL-train CV F1 (61.7 vs 62.0) and "
                         "was kept for the corporate genre; no choice looked at an eval split",
            "runtime": "numpy only (spinlint/model/runtime.py), equal to scikit-learn's probabilities to 1e-9 "
                       "(tests/test_model_training.py)",
            "explanations": "logit contributions of word n-grams and dense features; character n-grams are not named",
        },
        "training_data": {
            "sources": ds.describe_sources(data, list(TRAIN_DATASETS)),
            "project_labels": "corpora/ (spinlint/model/corpus.py load_labelled, pass1), train split only",
            "genre_sentences": _written_file(f"corpora/{ds.GENRE_WRITTEN}.jsonl"),
            "label_mapping": mapping,
        },
        "splits": {
            "seed": config.seed,
            "cross_validation": f"StratifiedKFold({config.cv_folds}, shuffle=True, random_state={config.seed})",
            ds.CONLL: "official train split trains; the official eval split is the external benchmark only",
            ds.IBM: "39 'train and test' topics train; the 19 'held-out' topics evaluate",
            ds.PROJECT: "corpora/splits.json (document-grouped, frozen before labelling): train trains, test evaluates",
        },
        "cross_validation": trained.cross_validation,
        "evaluation": evaluation,
        "published_reference": PUBLISHED,
        "not_evaluated": NOT_EVALUATED,
        "library_versions": library_versions(),
        "commands": {"train": TRAIN_COMMAND, "evaluate": EVALUATE_COMMANDS},
    }


def write(card: dict, path: Path) -> None:
    path.write_text(json.dumps(card, indent=2, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")


# -- Markdown -------------------------------------------------------------------------------------------


def _metric_row(name: str, result: dict, command: str, published: str) -> str:
    return (f"| {name} | {result.get('n', '')} | {result.get('precision', '')} | {result.get('recall', '')} | "
            f"{result.get('f1', '')} | {result.get('auc', '')} | `{command}` | {published} |")


def render(card: dict) -> str:
    lines = [
        f"# Model card: {card['name']}",
        "",
        "<!-- Generated from models/spinlint-model.json by spinlint.model.card; do not edit by hand. -->",
        "",
        "spinlint's sentence classifier: three calibrated probabilities per sentence, `vague`, `blame` and "
        "`evidence_gap`, used by the classifier rules M001-M003 and the document scores.",
        "",
        f"- Artefact: `models/{card['artefact']['file']}` ({card['artefact']['bytes']:,} bytes), "
        f"sha256 `{card['artefact']['sha256']}` (checked at load).",
        f"- Rebuild: `{card['commands']['train']}`",
        "- Libraries: " + ", ".join(f"{name} {version}" for name, version in card["library_versions"].items()),
        "",
        "## Model",
        "",
        f"- {card['model']['pipeline']}",
        f"- Analysers: {card['model']['analysers']}",
        f"- Terms: {card['model']['word_terms']:,} word n-grams, {card['model']['char_terms']:,} character n-grams; "
        f"C per label: " + ", ".join(f"{label} {value}" for label, value in card["model"]["C"].items()),
        f"- Selection: {card['model'].get('selection', '')}",
        f"- Runtime: {card['model']['runtime']}",
        f"- Explanations: {card['model']['explanations']}",
        "- Dense features: " + ", ".join(card["model"]["dense_features"]),
        "",
        "| lexicon | entries | source |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {info['entries']} | {info['source']} |" for name, info in card["model"]["lexicons"].items()]
    lines += ["", f"Concreteness: {card['model']['concreteness_words']:,} single-word ratings "
                  "(Brysbaert et al. 2014).", "",
              "## Thresholds", "", card["threshold_rule"] + ".", "",
              "| label | threshold |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in card["thresholds"].items()]
    lines += ["", card["benchmark_threshold_rule"] + ": "
              + ", ".join(f"{name} {value}" for name, value in card["benchmark_thresholds"].items()) + ".", ""]
    lines += ["## Evaluation", "", "Precision, recall and F1 in percent of the positive class.", "",
              "| benchmark | n | precision | recall | F1 | AUC | command | published reference |",
              "|---|---|---|---|---|---|---|---|"]
    evaluation = card["evaluation"]
    commands = card["commands"]["evaluate"]
    if ds.CONLL in evaluation:
        lines.append(_metric_row(f"{ds.CONLL} eval split, uncertain -> vague (threshold "
                                 f"{evaluation[ds.CONLL].get('threshold')})", evaluation[ds.CONLL],
                                 commands[ds.CONLL], card["published_reference"][ds.CONLL]))
    if ds.IBM in evaluation:
        lines.append(_metric_row(f"{ds.IBM} 19 held-out topics, evidence_gap", evaluation[ds.IBM],
                                 commands[ds.IBM], card["published_reference"][ds.IBM]))
    project = evaluation.get(ds.PROJECT, {})
    for label in card["labels"]:
        if label in project:
            lines.append(_metric_row(f"project test split, {label}", project[label], commands[ds.PROJECT],
                                     card["published_reference"][ds.PROJECT]))
    if ds.PRIVACY in evaluation:
        privacy = evaluation[ds.PRIVACY]
        lines += ["", f"- {ds.PRIVACY} (n = {privacy['n']}): Spearman between the vague probability and the mean "
                      f"crowd score {privacy['spearman_vs_mean_score']}; AUC for mean score >= 3: "
                      f"{privacy['auc_mean_score_at_least_3']}; {privacy['note']}."]
        experiment = privacy.get("grouped_cv_experiment")
        if experiment:
            lines += [f"- {ds.PRIVACY}, document-grouped {experiment['folds']}-fold CV experiment: Spearman "
                      f"{experiment['spearman_mean']}, 4-class macro-F1 {experiment['macro_f1_4class_mean']} "
                      f"({experiment['note']})."]
        lines += [f"- Command: `{commands[ds.PRIVACY]}`. Reference: {card['published_reference'][ds.PRIVACY]}."]
    if ds.CLAIM_STRENGTH in evaluation:
        strength = evaluation[ds.CLAIM_STRENGTH]
        lines += [f"- {ds.CLAIM_STRENGTH} (n = {strength['n']}, {strength['hedged']} hedged): AUC of the vague "
                  f"probability for hedged vs direct causal claims {strength['auc_vague_hedged_vs_direct']} "
                  f"({strength['note']}). Command: `{commands[ds.CLAIM_STRENGTH]}`. Reference: "
                  f"{card['published_reference'][ds.CLAIM_STRENGTH]}."]
    lines += ["", "Not evaluated:", ""]
    lines += [f"- {name}: {reason}" for name, reason in card["not_evaluated"].items()]
    lines += ["", "## Cross-validation on train data (out-of-fold) and calibration", "",
              "| label | n | positives | precision | recall | F1 | Brier | ECE |", "|---|---|---|---|---|---|---|---|"]
    for label, result in card["cross_validation"].items():
        at, rel = result["at_threshold"], result["reliability"]
        lines.append(f"| {label} | {result['n']} | {result['positives']} | {at['precision']} | {at['recall']} | "
                     f"{at['f1']} | {rel['brier']} | {rel['ece']} |")
    in_genre = {label: result["in_genre_project_rows"] for label, result in card["cross_validation"].items()
                if "in_genre_project_rows" in result}
    if in_genre:
        lines += ["", "The same out-of-fold predictions on the project's own (non-synthetic) train sentences only, "
                  "the genre spinlint is for:", "", "| label | n | positives | precision | recall | F1 | AUC |",
                  "|---|---|---|---|---|---|---|"]
    for label, own in in_genre.items():
        if own:
            lines.append(f"| {label} | {own['n']} | {own['positives']} | {own['precision']} | {own['recall']} | "
                         f"{own['f1']} | {own['auc']} |")
    lines += ["", "Reliability (out-of-fold, mean probability vs observed rate per bin):", ""]
    for label, result in card["cross_validation"].items():
        cells = "; ".join(f"{row['bin']}: {row['mean_probability']:.2f} vs {row['observed_rate']:.2f} (n {row['n']})"
                          for row in result["reliability"]["bins"])
        lines.append(f"- {label}: {cells}")
    lines += ["", "Rows per label and source:", ""]
    for label, result in card["cross_validation"].items():
        parts = ", ".join(f"{name} {counts['n']} ({counts['positives']} positive)"
                          for name, counts in result["by_dataset"].items())
        lines.append(f"- {label}: {parts}")
    lines += ["", "## Data and label mapping", ""]
    for source in card["training_data"]["sources"]:
        lines.append(f"- `{source['folder']}`: " + ", ".join(
            f"{name} (sha256 {digest[:12]}…)" for name, digest in source["files"].items()))
    lines.append(f"- Project labels: {card['training_data']['project_labels']}")
    written = card["training_data"].get("genre_sentences")
    if written:
        lines.append(f"- Sentences written for the model: `{written['file']}`, {written['sentences']} sentences "
                     f"(sha256 {written['sha256'][:12]}…), train only")
    lines += ["", "| source | vague | blame | evidence_gap |", "|---|---|---|---|"]
    for name, rules in card["training_data"]["label_mapping"].items():
        lines.append(f"| {name} | " + " | ".join(rules.get(label, "not labelled") for label in card["labels"]) + " |")
    lines += ["", "Splits:", ""]
    lines += [f"- {name}: {value}" for name, value in card["splits"].items()]
    lines += ["", "## Limits", "",
              "- The large training sets are Wikipedia (CoNLL, IBM Debater), not corporate prose; the project's "
              "own labels are few, so in-genre quality is evidence, not proof.",
              "- Blame has no open dataset: its classifier rests on the project's labels and sentences the project "
              "wrote; treat its probabilities as a hint.",
              "- The sentences written for the model are in the genre but in one team's words: they teach the "
              "register, and no score on this card is computed on them.",
              "- Explanations are the linear model's strongest positive contributions, not causes.", ""]
    return "\n".join(lines)


def write_markdown(card: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(card), encoding="utf-8")
