"""``spinlint model train`` and ``spinlint model evaluate`` (loaded lazily by ``spinlint.cli``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import MODEL_NAME

EXIT_ERROR = 2


def _fail(message: str) -> None:
    click.echo(f"spinlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _data_folder(data: Path | None) -> Path:
    from .datasets import data_dir

    folder = data_dir(data)
    if not folder.is_dir():
        _fail(f"datasets folder {folder} not found: pass --data DIR or set SPINLINT_DATA")
    return folder


@click.group("model")
def model_group() -> None:
    """Train and evaluate the sentence classifier behind the M rules."""


@model_group.command("train")
@click.option("--data", type=click.Path(path_type=Path, file_okay=False),
              help="The shared datasets folder [default: $SPINLINT_DATA or ../shared/datasets].")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("models"),
              show_default=True, help="Where to write the artefact and its card.")
@click.option("--docs", "docs_path", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("docs/model-card.md"), show_default=True, help="Where to render the Markdown card.")
@click.option("--word-vectors", type=click.Choice(["ppmi", "wordllama", "both"]), default="ppmi", show_default=True,
              help="Word vectors learnt from the in-genre corpora (ppmi, the shipped choice), WordLlama's pretrained "
                   "table for the same words (needs the wordllama wheel: pip install -e '.[train]'), or both side "
                   "by side; docs/scoring.md compares them.")
def train_command(data, out_dir, docs_path, word_vectors) -> None:
    """Fit on the train-tier datasets, export plain arrays, evaluate, write the card."""
    from . import card as model_card
    from . import evaluate, runtime, train

    from . import devset
    from .datasets import MissingLabels
    from .pretrained import PretrainedFilesError

    folder = _data_folder(data)
    click.echo(f"training on {folder} ...", err=True)
    try:
        trained = train.train(folder, train.TrainConfig(word_vectors=word_vectors))
    except MissingLabels as error:
        _fail(f"{error}; training needs the project's labelled corpora (a source checkout, or an installed "
              "copy with its corpora)")
        return
    except PretrainedFilesError as error:
        _fail(str(error))
        return
    path = train.export(trained, Path(out_dir))
    # A minimal card (sha256 + thresholds) lets the fresh artefact load for evaluation.
    model_card.write({"labels": list(trained.thresholds), "thresholds": trained.thresholds,
                      "benchmark_thresholds": trained.benchmark_thresholds,
                      "artefact": train.artefact_summary(path)}, path.with_suffix(".json"))
    model = runtime.load(path)
    click.echo("evaluating ...", err=True)
    results = evaluate.run_all(model, folder)
    if (folder / devset.NAME).is_dir():
        results[devset.NAME] = devset.run(folder, None, path)
    card = model_card.build(trained, train.artefact_summary(path), results, folder)
    model_card.write(card, path.with_suffix(".json"))
    model_card.write_markdown(card, Path(docs_path))
    conll = results.get("conll2010-wikiweasel", {})
    click.echo(f"wrote {path} and {path.with_suffix('.json')}; CoNLL-2010 eval F1 {conll.get('f1')}")


@model_group.command("evaluate")
@click.option("--benchmark", default="conll2010-wikiweasel", show_default=True,
              type=click.Choice(["spin-devset", "conll2010-wikiweasel", "ibm-debater-ce-emnlp2015", "project-labels",
                                 "privacy-vagueness-lebanoff2018", "claim-strength-yu2019-2020", "all"]),
              help="Which held-out set to score. spin-devset lints each real passage as a document with the "
                   "shipped rules and model and scores the document scores and rule families.")
@click.option("--data", type=click.Path(path_type=Path, file_okay=False),
              help="The shared datasets folder [default: $SPINLINT_DATA or ../shared/datasets].")
@click.option("--model", "model_path", type=click.Path(path_type=Path, dir_okay=False),
              help=f"An artefact other than the shipped {MODEL_NAME}.npz (its card must sit beside it).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--ignore", "ignore", multiple=True, metavar="CODES",
              help="spin-devset only: rule codes or prefixes to leave out, e.g. --ignore M for the rules alone.")
@click.option("--select", "select", multiple=True, metavar="CODES",
              help="spin-devset only: run only these rule codes or prefixes.")
def evaluate_command(benchmark, data, model_path, output_format, ignore, select) -> None:
    """Score the shipped model (trained on train splits only) on a held-out set.

    For conll2010-wikiweasel: precision, recall and F1 (percent) of the
    uncertain class on the official eval split, at the threshold chosen by
    cross-validation on the train split.
    """
    from . import evaluate, runtime

    folder = _data_folder(data)
    if benchmark == "spin-devset":
        _devset(folder, model_path, output_format, ignore, select)
        return
    try:
        model = runtime.load(model_path)
    except runtime.ModelError as error:
        _fail(str(error))
        return
    if benchmark == "all":
        result = evaluate.run_all(model, folder)
    else:
        result = evaluate.run(model, folder, benchmark)
        if benchmark == "conll2010-wikiweasel":
            result = {key: result[key] for key in ("precision", "recall", "f1", "n")}
    if output_format == "json":
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(_as_text(result))


def _devset(folder: Path, model_path: Path | None, output_format: str, ignore, select) -> None:
    from . import devset

    config = {}
    codes = [code.strip() for value in ignore for code in value.split(",") if code.strip()]
    chosen = [code.strip() for value in select for code in value.split(",") if code.strip()]
    if codes:
        config["ignore"] = codes
    if chosen:
        config["select"] = chosen
    from .loading import ModelLoadError

    if model_path is not None and Path(model_path).suffix == ".json":
        _fail(f"{model_path} is a model card, not a model: pass the artefact beside it "
              f"({Path(model_path).with_suffix('.npz').name})")
        return
    try:
        result = devset.run(folder, config, model_path)
    except (FileNotFoundError, ModelLoadError) as error:
        _fail(str(error))
        return
    if output_format == "json":
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(devset.as_text(result))


def _as_text(result: dict, indent: str = "") -> str:
    lines = []
    for key, value in result.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.append(_as_text(value, indent + "  "))
        elif isinstance(value, list):
            lines.append(f"{indent}{key}: {len(value)} rows")
        else:
            lines.append(f"{indent}{key}: {value}")
    return "\n".join(lines)
