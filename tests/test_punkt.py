"""Sentence splitting with the shipped Punkt parameters, checked against NLTK imported the ordinary way."""

from __future__ import annotations

import json
import subprocess
import sys

from spinlint.text.punkt import sentence_spans
from spinlint.resources import models_dir


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_corporate_abbreviations_do_not_end_sentences():
    text = ("Acme Corp. and Beta Inc. opened offices in the U.S. last year. Costs were approx. 4% higher, "
            "e.g. for freight, vs. the prior year. Dr. Osei joined Gamma Ltd. in Jan. 2024. Margins fell.")
    assert _split(text) == [
        "Acme Corp. and Beta Inc. opened offices in the U.S. last year.",
        "Costs were approx. 4% higher, e.g. for freight, vs. the prior year.",
        "Dr. Osei joined Gamma Ltd. in Jan. 2024.",
        "Margins fell.",
    ]


def test_parameters_are_plain_json():
    data = json.loads((models_dir() / "punkt-params.json").read_text(encoding="utf-8"))
    assert data["format"] == "spinlint-punkt-1" and "u.s" in data["abbrev_types"]


_REFERENCE = """
import json, sys
import nltk  # the ordinary, full import
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
data = json.load(open(sys.argv[1], encoding="utf-8"))
params = PunktParameters()
params.abbrev_types = set(data["abbrev_types"])
params.collocations = {tuple(pair) for pair in data["collocations"]}
params.sent_starters = set(data["sent_starters"])
for word, flags in data["ortho_context"].items():
    params.ortho_context[word] = flags
tokenizer = PunktSentenceTokenizer(params)
texts = json.load(open(sys.argv[2], encoding="utf-8"))
print(json.dumps([list(tokenizer.span_tokenize(text)) for text in texts]))
"""


def test_same_boundaries_as_nltk_imported_normally(datasets_dir, tmp_path):
    folder = datasets_dir / "sec-10k-mdna-unlabelled"
    texts = [path.read_text(encoding="utf-8")[:40000] for path in sorted(folder.glob("*.txt"))[:12]]
    corpus = tmp_path / "texts.json"
    corpus.write_text(json.dumps(texts), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", _REFERENCE, str(models_dir() / "punkt-params.json"),
                             str(corpus)], capture_output=True, text=True, check=True)
    reference = [[tuple(span) for span in spans] for spans in json.loads(result.stdout)]
    ours = [sentence_spans(text) for text in texts]
    assert sum(len(spans) for spans in ours) > 1500
    assert ours == reference


def test_loading_punkt_leaves_nltk_unimported():
    code = ("import sys; from spinlint.text.punkt import sentence_spans; sentence_spans('One. Two.'); "
            "print('nltk' in sys.modules, 'nltk.metrics' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
