"""Sentence boundaries with NLTK Punkt, using parameters spinlint trains itself and ships as JSON.

Importing ``nltk`` runs its package ``__init__``, which imports nearly every
subpackage (about a second, most of it scipy via ``nltk.metrics``).  Punkt
needs none of that, so ``_punkt_module`` imports just ``nltk.tokenize.punkt``
behind placeholder parent packages and then removes the placeholders, leaving
a later real ``import nltk`` unaffected.  ``tests/test_punkt.py`` checks the
result against the library imported the ordinary way.

Train the parameters with ``python -m spinlint.punkt train`` (see ``main``).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import types
from functools import lru_cache
from pathlib import Path

from .resources import models_dir

PARAMS_FILE = "punkt-params.json"
# Abbreviations of corporate prose that must never end a sentence, whatever the training data saw.
CORPORATE_ABBREVIATIONS = (
    "u.s", "u.k", "e.u", "inc", "corp", "co", "ltd", "llc", "plc", "l.p", "n.a", "s.a", "approx", "e.g", "i.e",
    "vs", "etc", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "jr", "sr", "st", "dept", "est", "fig", "al",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mgmt", "int'l",
)


def _punkt_module():
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.tokenize.punkt")
    placeholders = {}
    for name in ("nltk", "nltk.tokenize"):
        spec = importlib.util.find_spec(name) if name == "nltk" else None
        location = (list(spec.submodule_search_locations) if spec else
                    [str(Path(placeholders["nltk"].__path__[0]) / "tokenize")])
        module = types.ModuleType(name)
        module.__path__ = location
        placeholders[name] = module
        sys.modules[name] = module
    try:
        return importlib.import_module("nltk.tokenize.punkt")
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def params_to_dict(params) -> dict:
    return {
        "format": "spinlint-punkt-1",
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([list(pair) for pair in params.collocations]),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": {word: int(flags) for word, flags in sorted(params.ortho_context.items())},
    }


def params_from_dict(data: dict):
    punkt = _punkt_module()
    if data.get("format") != "spinlint-punkt-1":
        raise ValueError("not a spinlint Punkt parameter file")
    params = punkt.PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for word, flags in data["ortho_context"].items():
        params.ortho_context[word] = int(flags)
    return params


@lru_cache(maxsize=1)
def tokenizer():
    """The Punkt tokenizer with the shipped parameters (built once per process)."""
    path = models_dir() / PARAMS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RuntimeError(f"{path}: cannot read the sentence-splitter parameters ({error}); "
                           "reinstall spinlint or run `python -m spinlint.punkt train`") from None
    return _punkt_module().PunktSentenceTokenizer(params_from_dict(data))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return list(tokenizer().span_tokenize(text))


def train(corpus_dir: Path):
    """Learn Punkt parameters from every ``.txt`` file in ``corpus_dir`` (sorted, so runs are reproducible)."""
    punkt = _punkt_module()
    trainer = punkt.PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for path in sorted(corpus_dir.glob("*.txt")):
        trainer.train(path.read_text(encoding="utf-8"), finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types.update(CORPORATE_ABBREVIATIONS)
    return params


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m spinlint.punkt", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["train"])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"),
                        help="the datasets folder (default ../shared/datasets)")
    parser.add_argument("--out", type=Path, default=Path("models") / PARAMS_FILE)
    args = parser.parse_args(argv)
    corpus = args.data / "sec-10k-mdna-unlabelled"
    if not corpus.is_dir():
        parser.error(f"{corpus}: not found")
    data = params_to_dict(train(corpus))
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['abbrev_types'])} abbreviations, {len(data['collocations'])} collocations, "
          f"{len(data['sent_starters'])} sentence starters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
