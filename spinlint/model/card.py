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
    "spin-devset": "spinlint model evaluate --benchmark spin-devset --format json",
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

    from threadpoolctl import threadpool_info

    threads = sorted({(info.get("internal_api", "?"), info.get("num_threads", 0)) for info in threadpool_info()})
    return {"python": platform.python_version(), "numpy": numpy.__version__, "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
            "blas_threads": ", ".join(f"{api} {count}" for api, count in threads) or "none"}


def _written_file(relative: str) -> dict | None:
    """The sha256 and line count of a file the project wrote into corpora/, or None when it is absent."""
    from .corpus import CORPORA
    from .runtime import sha256_of

    path = CORPORA / Path(relative).relative_to("corpora")
    if not path.is_file():
        return None
    return {"file": relative, "sha256": sha256_of(path), "sentences": len(path.read_text(encoding="utf-8").splitlines())}


def _provenance_credits(data: Path) -> dict[str, str]:
    """What each unlabelled in-genre source's PROVENANCE.md says it is and how it is licensed (its first lines)."""
    credits = {}
    for name in ds.IN_GENRE_UNLABELLED:
        path = data / name / "PROVENANCE.md"
        if path.is_file():
            head = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:1]
            credits[name] = head[0].lstrip("# ") if head else name
    return credits


LICENCES = {
    "vendor-blog-milvus": "Apache-2.0 (milvus-io/community)",
    "oss-vendor-comms": "per row: Apache-2.0, MIT, BSD-2-Clause, CC-BY-4.0 (Google's DORA pages: attribution "
                        "required), CC0-1.0 (11 repositories listed in its PROVENANCE.md)",
    "gov-digital-blogs": "US public domain / CC0-1.0 (18F, digital.gov)",
    "sec-10k-mdna-unlabelled": "public 10-K filings (US SEC EDGAR)",
}


def build(trained, artefact: dict, evaluation: dict, data: Path) -> dict:
    """The card as a JSON-ready dict (no timestamps: retraining on the same data gives the same card)."""
    from .document_model import feature_names
    from .train import (AUXILIARY, BLAME_ASSUMED_NEGATIVES, EVIDENCE_ASSUMED_NEGATIVES, PRECISION_TARGET,
                        SOURCE_WEIGHT, TRAIN_DATASETS)

    config = trained.config
    union = trained.union
    mapping = {name: dict(rules) for name, rules in ds.LABEL_MAPPING.items()}
    mapping[ds.CONLL]["blame"] = (f"0 (assumed) for a fixed random sample of {BLAME_ASSUMED_NEGATIVES} train "
                                  "sentences: encyclopaedic text does not shift blame; otherwise not labelled")
    mapping[ds.CONLL]["evidence_gap"] = (f"0 (assumed) for a fixed random sample of {EVIDENCE_ASSUMED_NEGATIVES} "
                                         "'certain' train sentences: plain descriptions, not claims; otherwise "
                                         "not labelled")
    for name in ("synthetic-blame-seed", "synthetic-evidence-seed", "synthetic-vague-seed"):
        label = name.split("-")[1].replace("evidence", "evidence_gap")
        mapping[name] = {label: "sentences written for spinlint (spinlint/model/datasets.py), train only, marked "
                                "synthetic, never evaluated"}
    mapping[ds.GENRE_WRITTEN] = {label: "sentences in the genre written and labelled for spinlint "
                                        "(corpora/synthetic-genre.jsonl); train only, marked synthetic"
                                 for label in LABELS}
    mapping[ds.REAL_PASSAGES] = {label: "real in-genre passages labelled by the project under corpora/guideline.md "
                                        "v2 (corpora/passages.jsonl by reference; pass 1, blind pass 2 on 16%, "
                                        "adjudicated): sentence labels" for label in LABELS}
    mapping[ds.WRITTEN_PASSAGES] = {label: "passages written for spinlint (corpora/written/) and labelled by helpers "
                                           "who did not write them: sentence labels; train only, marked synthetic"
                                    for label in LABELS}
    lexicons = {name: {"entries": len(phrases), "source": trained.data.lexicon_sources[name]}
                for name, phrases in trained.dense.lexicons}
    from .embeddings import METHODS
    from .pretrained import DIMENSIONS as PRETRAINED_DIMENSIONS
    from .pretrained import SHA256 as PRETRAINED_SHA256
    from .pretrained import WEIGHTS as PRETRAINED_WEIGHTS

    meaning = trained.data.meaning
    return {
        "name": MODEL_NAME,
        "format_version": 2,
        "labels": list(LABELS),
        "thresholds": trained.thresholds,
        "threshold_rule": f"per label, the lowest threshold (grid 0.05-0.95) whose out-of-fold precision on the real "
                          f"in-genre rows is at least {PRECISION_TARGET} ({config.cv_folds}-fold CV grouped by "
                          "document)" + (", among the rows where no rule of the label's family fired (a classifier "
                                         "finding is not repeated where a rule of its family already flagged the "
                                         "sentence)" if trained.rule_hits else "")
                          + "; where no threshold reaches it, the most precise threshold with at least 20 findings "
                          "(flagged per label in cross_validation)",
        "benchmark_thresholds": trained.benchmark_thresholds,
        "benchmark_threshold_rule": "CoNLL: the threshold with the best F1 on out-of-fold probabilities of the "
                                    "CoNLL train rows; the eval split is never used to choose anything",
        "artefact": artefact,
        "model": {
            "pipeline": "FeatureUnion(word TF-IDF 1-2-grams, char TF-IDF 2-5-grams within tokens, named dense "
                        "features, mean word vector x weight)" + (
                            " + the rule families' hits (V, B, E: did a rule of the family fire in the sentence, "
                            "read where it stands; spinlint/model/rule_hits.py)" if trained.rule_hits else "")
                        + " -> per label LogisticRegression(class_weight="
                        "'balanced', solver='liblinear') -> Platt sigmoid fitted on the out-of-fold decisions of "
                        "the in-genre rows",
            "rule_hits": trained.rule_hits,
            "analysers": "lower-case; tokens \\w+(?:'\\w+)* or % $ € £; digits mapped to 0; sublinear tf, "
                         "smooth idf, l2 norm per block (spinlint/model/runtime.py)",
            "C": config.C, "word_max_features": config.word_max_features,
            "char_max_features": config.char_max_features,
            "word_terms": len(union.named_transformers["word"].vocabulary_),
            "char_terms": len(getattr(union.named_transformers.get("char"), "vocabulary_", ())),
            "dense_features": trained.dense.names(),
            "lexicons": lexicons,
            "concreteness_words": len(trained.dense.concreteness),
            "word_vectors": {"words": len(meaning.terms), "dimensions": meaning.dimensions,
                             "source": config.word_vectors,
                             "method": METHODS[config.word_vectors].format(dimensions=PRETRAINED_DIMENSIONS),
                             "trained_on": list(ds.IN_GENRE_UNLABELLED) + (
                                 [] if config.word_vectors == "ppmi" else
                                 [f"WordLlama l2_supercat_256 (MIT, the wordllama wheel; sha256 "
                                  f"{PRETRAINED_SHA256[PRETRAINED_WEIGHTS][:12]}...)"])},
            "source_weights": SOURCE_WEIGHT, "auxiliary_sources": list(AUXILIARY),
            "selection": trained.selection,
            "runtime": "numpy only (spinlint/model/runtime.py), equal to scikit-learn's probabilities to 1e-9 "
                       "(tests/test_model_training.py)",
            "explanations": "logit contributions of word n-grams and dense features, named in plain words; the word "
                            "vectors together as 'wording close to labelled examples'; character n-grams unnamed"
                            + ("; a rule family's hit as 'a blame rule fired here' (and so on)"
                               if trained.rule_hits else ""),
        },
        "document_model": {
            "features": feature_names(),
            "rule": "per score a logistic regression on the features above (standardised), weights on every "
                    "'more spin' feature kept non-negative; trained on the labelled passages with out-of-fold "
                    "sentence probabilities; the score is its probability x 100; spin = overall_spin >= 2 "
                    "(0 = negative, 1 left out), vague = passage vague >= 1",
            "coefficients": {score: [round(float(v), 4) for v in trained.document_model.coef[score]]
                             for score in trained.document_model.coef},
            "intercepts": {score: round(value, 4) for score, value in trained.document_model.intercept.items()},
            "cross_validation": trained.document_cross_validation,
        },
        "training_data": {
            "sources": ds.describe_sources(data, list(TRAIN_DATASETS)),
            "credits": {name: {"what": text, "licence": LICENCES.get(name, "see PROVENANCE.md")}
                        for name, text in _provenance_credits(data).items()},
            "project_labels": "corpora/ (spinlint/model/corpus.py load_labelled, pass1), train split only; "
                              "corpora/passages.jsonl + corpora/labels/real-*.jsonl (real passages); "
                              "corpora/written/ + corpora/labels/written-*.jsonl (written passages)",
            "genre_sentences": _written_file(f"corpora/{ds.GENRE_WRITTEN}.jsonl"),
            "label_mapping": mapping,
        },
        "splits": {
            "seed": config.seed,
            "cross_validation": f"{config.cv_folds} folds; in-genre rows grouped by source document (real) or "
                                "writer brief (written); auxiliary rows at random",
            ds.CONLL: "official train split trains; the official eval split is the external benchmark only",
            ds.IBM: "39 'train and test' topics train; the 19 'held-out' topics evaluate",
            ds.PROJECT: "corpora/splits.json (document-grouped, frozen before labelling): train trains, test evaluates",
            "spin-devset": "evaluation only; never read by training",
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
        f"- Word vectors: {card['model']['word_vectors']['words']:,} words x "
        f"{card['model']['word_vectors']['dimensions']}, {card['model']['word_vectors']['method']}; learnt on "
        + ", ".join(card["model"]["word_vectors"]["trained_on"]),
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
    devset = evaluation.get("spin-devset")
    if devset:
        lines += ["", "## spin-devset (real passages, two blind annotators; evaluation only)", "",
                  f"Command: `{commands['spin-devset']}`. Each passage is linted as one document with the shipped "
                  "rules and model; AUC of the document score against the consensus, 95% bootstrap interval "
                  f"({devset['bootstrap']['rounds']} rounds).", "",
                  "| score | AUC | 95% interval | average precision | n (positives) | no-digits baseline AUC |",
                  "|---|---|---|---|---|---|"]
        for score, entry in devset["scores"].items():
            interval = "-" if not entry["ci95"] else f"{entry['ci95'][0]:.3f}-{entry['ci95'][1]:.3f}"
            lines.append(f"| {score} | {entry['auc']} | {interval} | {entry['average_precision']} | {entry['n']} "
                         f"({entry['positives']}) | {entry['baseline_no_digits']} |")
        lines += ["", "Per genre (AUC, positives/n; blank where a genre has fewer than 3 of either class):", "",
                  "| genre | " + " | ".join(devset["scores"]) + " |", "|---|" + "---|" * len(devset["scores"])]
        genres = sorted({genre for entry in devset["scores"].values() for genre in entry["by_genre"]})
        for genre in genres:
            cells = []
            for entry in devset["scores"].values():
                row = entry["by_genre"].get(genre)
                cells.append("" if row is None else f"{row['auc'] if row['auc'] is not None else ''} "
                                                    f"({row['positives']}/{row['n']})")
            lines.append(f"| {genre} | " + " | ".join(cells) + " |")
        plain = devset["plain_flagged_at_fail_on"]
        lines += ["", f"Plain passages (both annotators: overall_spin 0) with a finding at the default --fail-on: "
                      f"{plain['flagged']} of {plain['plain_passages']}.", ""]
    document = card.get("document_model")
    if document:
        lines += ["", "## Document model (the four document scores)", "", document["rule"] + ".", "",
                  "Out-of-fold quality on the labelled passages (folds grouped by document or brief):", "",
                  "| score | all passages: n (positives) | AUC | real passages: n (positives) | AUC |",
                  "|---|---|---|---|---|"]
        for score, quality in document["cross_validation"]["out_of_fold"].items():
            every, real = quality["all_passages"], quality["real_passages"]
            lines.append(f"| {score} | {every['n']} ({every['positives']}) | {every['auc']} | {real['n']} "
                         f"({real['positives']}) | {real['auc']} |")
        variants = document["cross_validation"].get("variants")
        if variants:
            lines += ["", "Training rows, chosen by this rule: " + document["cross_validation"]["choice_rule"] + ". AUC per variant: "
                      + "; ".join(f"{name}: " + ", ".join(f"{score} {value}" for score, value in aucs.items())
                                  for name, aucs in variants.items())
                      + ". Chosen: " + _chosen_variants(document["cross_validation"]["chosen"]) + "."]
        lines += ["", "| feature | " + " | ".join(document["coefficients"]) + " |",
                  "|---|" + "---|" * len(document["coefficients"])]
        for index, name in enumerate(document["features"]):
            lines.append(f"| {name} | " + " | ".join(str(values[index]) for values in document["coefficients"].values())
                         + " |")
    selection = card["model"].get("selection")
    if isinstance(selection, dict) and selection.get("grid"):
        lines += ["", "## Model selection (in-genre cross-validation, from the training run)", "",
                  selection["rule"] + ".", "", "| word-vector weight (and rule hits) | label | auxiliary weight | "
                  "real in-genre out-of-fold AUC | CoNLL-train out-of-fold best F1 |", "|---|---|---|---|---|"]
        for meaning_weight, entry in selection["grid"].items():
            for label, options in entry["per_label"].items():
                for weight, result in options.items():
                    lines.append(f"| {meaning_weight} | {label} | {weight} | {result['real_in_genre_oof_auc']} | "
                                 f"{result.get('conll_train_oof_best_f1', '')} |")
        chosen = selection["chosen"]
        hits = {True: "; rule-family hits as features", False: "; no rule-family hits"}.get(
            chosen.get("rule_hits"), "")
        lines += ["", f"Chosen: word-vector weight {chosen['meaning_weight']}{hits}; auxiliary weight "
                  + ", ".join(f"{label} {value}" for label, value in chosen["auxiliary_weight"].items()) + "."]
    lines += ["", "## Cross-validation on train data (out-of-fold) and calibration", "",
              "Out-of-fold, on the real in-genre rows (the project's labelled passages and 10-K pool):", "",
              "| label | n | positives | precision | recall | F1 | AUC | Brier | ECE | precision target met |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for label, result in card["cross_validation"].items():
        own = result["real_in_genre"]
        rel = own["reliability"]
        lines.append(f"| {label} | {own['n']} | {own['positives']} | {own['precision']} | {own['recall']} | "
                     f"{own['f1']} | {own['auc']} | {rel['brier']} | {rel['ece']} | "
                     f"{'yes' if result['precision_target_met'] else 'no'} |")
    lines += ["", "Reliability (out-of-fold, mean probability vs observed rate per bin):", ""]
    for label, result in card["cross_validation"].items():
        cells = "; ".join(f"{row['bin']}: {row['mean_probability']:.2f} vs {row['observed_rate']:.2f} (n {row['n']})"
                          for row in result["real_in_genre"]["reliability"]["bins"])
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
    for name, credit in card["training_data"].get("credits", {}).items():
        lines.append(f"- `{name}`: {credit['what']}; licence {credit['licence']}")
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
              "- Real blame-shifting is rare in the train-tier real sources (vendor and government blogs, "
              "postmortems, 10-K MD&A): the blame model learns mostly from passages the project wrote, so its "
              "real-text figures rest on few positives.",
              "- All labels come from AI helper agents under one guideline; the blind second pass measures their "
              "agreement, not their agreement with journalists.",
              "- The sentences written for the model are in the genre but in one team's words: they teach the "
              "register, and no score on this card is computed on them.",
              "- Explanations are the linear model's strongest positive contributions, not causes.",
              "- It is a model of corporate prose, not of Wikipedia: the CoNLL-2010 and IBM Debater figures above fell "
              "when the in-genre cross-validation chose to drop those sources (docs/scoring.md, \"How the model was "
              "chosen\").",
              "- Ten spin-devset passages it gets most wrong, described: docs/scoring.md, \"What the model still gets "
              "wrong\".", ""]
    return "\n".join(lines)


def _chosen_variants(chosen) -> str:
    """The document model's chosen training rows: one variant (older cards) or one per score."""
    if isinstance(chosen, str):
        return chosen
    return "; ".join(f"{score}: {name}" for score, name in chosen.items())


def write_markdown(card: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(card), encoding="utf-8")
