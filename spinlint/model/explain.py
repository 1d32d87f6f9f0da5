"""The classifier's reasons in words a journalist can read ("no number, source or method", "superlatives:
'best-in-class'"), not feature names with logit weights."""

from __future__ import annotations

from typing import Sequence

from .runtime import MEANING_EXPLANATION, tokens

# What each lexicon is, said plainly (the model's lexicon names are data-set names).
LEXICON_WORDS = {
    "hedges": "hedging", "weasels": "weasel words", "fillers": "filler words", "buzzwords": "buzzwords",
    "corporate ipsum": "corporate jargon", "corporate speak": "corporate-speak", "wordy phrases": "wordy phrases",
    "ai vague terms": "vague AI terms", "ai concrete terms": "concrete AI terms",
    "spinlint buzzwords": "buzzwords", "spinlint evidence_sources": "a named source",
    "spinlint hype_adjectives": "hype", "spinlint layoff_euphemisms": "layoff euphemisms",
    "spinlint plain_swaps": "inflated wording", "spinlint superlatives": "superlatives",
    "spinlint weasel_quantifiers": "weasel quantifiers",
}
FEATURE_WORDS = {
    "no digits": "no number, source or method", "digits": "numbers", "numbers without a source":
    "numbers with no source", "mean concreteness": "abstract wording", "abstract words": "abstract wording",
    "concrete words": "concrete words", "no rated words": "no everyday words", "sentence length": "a long sentence",
    "short sentence": "a short, slogan-like sentence", "percent": "a percentage", "money or units": "an amount",
    "year": "a date", "citation": "a citation", "source attribution": "an attribution ('said', 'according to')",
    "research words": "research words ('study', 'survey')", "modal verbs": "hedged verbs ('may', 'could')",
    "future 'will'": "a promise about the future ('will')", "first person plural": "the company speaking ('we', 'our')",
    "agentless passive": "a passive with nobody doing it", "passive with agent": "a passive",
    "external cause": "a cause put outside the writer ('due to', 'driven by')", "negative outcome": "bad news",
    "external forces": "outside forces (the market, the economy, 'the environment')",
    "question or exclamation": "a question or exclamation", MEANING_EXPLANATION: MEANING_EXPLANATION,
}


def lexicon_words(lexicon: str) -> str:
    """A lexicon's plain name; a vocabulary added to the catalogue later reads as its file name."""
    return LEXICON_WORDS.get(lexicon) or lexicon.removeprefix("spinlint ").replace("_", " ")


def _lexicon_match(model, name: str, sentence_tokens: list[str]) -> str | None:
    joined = f" {' '.join(sentence_tokens)} "
    for lexicon, phrases in model.dense.lexicons:
        if lexicon == name:
            found = [phrase for phrase in phrases if f" {' '.join(tokens(phrase))} " in joined]
            return max(found, key=len) if found else None
    return None


def plain_reasons(model, text: str, reasons: Sequence[tuple[str, float]]) -> list[str]:
    """``model.explain``'s (feature, weight) pairs as short phrases, strongest first, without duplicates."""
    sentence_tokens = tokens(text)
    phrases: list[str] = []
    for name, _ in reasons:
        if name.startswith("lexicon '"):
            lexicon = name[len("lexicon '"):-1]
            words = lexicon_words(lexicon)
            match = _lexicon_match(model, lexicon, sentence_tokens)
            phrase = f"{words}: '{match}'" if match else words
        elif name.startswith("'") and name.endswith("'"):
            phrase = f"the wording {name}"
        else:
            phrase = FEATURE_WORDS.get(name, name)
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases
