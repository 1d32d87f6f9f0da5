"""The classifier's reasons read as words, not feature names with weights."""

from __future__ import annotations

from spinlint.model import explain
from spinlint.model.loading import load_model


def test_feature_names_become_plain_phrases_with_the_matched_words():
    model = load_model(None)
    reasons = explain.plain_reasons(model, "Our best-in-class platform will transform everything.",
                                    [("no digits", 2.0), ("lexicon 'spinlint superlatives'", 1.0),
                                     ("future 'will'", 0.5), ("'transform'", 0.3)])
    assert reasons[0] == "no number, source or method"
    assert reasons[1] == "superlatives: 'best-in-class'"
    assert reasons[2] == "a promise about the future ('will')"
    assert reasons[3] == "the wording 'transform'"
    assert not any("+" in reason or "lexicon '" in reason for reason in reasons)


def test_every_named_dense_feature_has_plain_words():
    model = load_model(None)
    for name in model.dense_names:
        if name.startswith("lexicon '"):
            words = explain.lexicon_words(name[len("lexicon '"):-1])
            assert words and "'" not in words and "_" not in words and "spinlint" not in words, name
        else:
            assert name in explain.FEATURE_WORDS, name
