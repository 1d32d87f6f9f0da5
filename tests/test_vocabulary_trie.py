"""The trie-shaped phrase alternation finds exactly what the flat longest-first list finds."""

import random
import re

from spinlint.text import vocabulary
from spinlint.rules.kinds import _WRAP_START


def flat_alternation(phrases):
    """The reference: every phrase spelled out, longest first (how spinlint matched before the trie)."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(vocabulary.phrase_pattern(phrase) for phrase in ordered)


def wrapped(body):
    return re.compile(_WRAP_START + body + r")(?!\w)", re.IGNORECASE)


FILLER = ("the plan", "our team", "in March", "results", "a new", "for staff", "and", "of", "said",
          "42%", "re-", "pre", "ing", "s", "-", "—", "(", ")", ".", ",", "\n")


def variants(phrase, rng):
    """The phrase as a writer might type it: other case, hyphens as spaces or nothing, suffixes."""
    text = phrase
    if "-" in text and rng.random() < 0.5:
        text = text.replace("-", rng.choice([" ", "", "-"]))
    if " " in text and rng.random() < 0.3:
        text = text.replace(" ", rng.choice(["  ", "\n", "-"]), 1)
    if rng.random() < 0.3:
        text = text.upper() if rng.random() < 0.3 else text.title()
    if rng.random() < 0.3:
        text = rng.choice(["un", "re", "-", "x"]) + text if rng.random() < 0.5 else text + rng.choice(["s", "ed", "-led", "ly"])
    return text


def generated_text(phrases, seed, pieces=4000):
    rng = random.Random(seed)
    words = []
    for _ in range(pieces):
        if rng.random() < 0.4:
            phrase = rng.choice(phrases)
            # Glue two phrases or cut one short now and then: prefixes of longer phrases are the hard case.
            if rng.random() < 0.2:
                phrase = phrase[: rng.randrange(1, len(phrase) + 1)]
            words.append(variants(phrase, rng))
        else:
            words.append(rng.choice(FILLER))
    return " ".join(words)


def test_every_vocabulary_matches_the_same_spans_as_the_flat_list():
    for index, name in enumerate(vocabulary.names()):
        phrases = list(vocabulary.get(name))
        flat, trie = wrapped(flat_alternation(phrases)), wrapped(vocabulary.alternation(phrases))
        text = generated_text(phrases, seed=index)
        expected = [m.span() for m in flat.finditer(text)]
        assert len(expected) > 200, name  # the text really exercises the list
        assert [m.span() for m in trie.finditer(text)] == expected, name


def test_all_vocabularies_together_match_the_same_spans():
    phrases = sorted({phrase for name in vocabulary.names() for phrase in vocabulary.get(name)})
    text = generated_text(phrases, seed=99, pieces=8000)
    flat, trie = wrapped(flat_alternation(phrases)), wrapped(vocabulary.alternation(phrases))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_prefix_phrases_prefer_the_longest():
    trie = wrapped(vocabulary.alternation(["move", "move the needle", "move fast"]))
    assert [m.group(0) for m in trie.finditer("Move the needle, move fast, move on.")] == \
        ["Move the needle", "move fast", "move"]


def test_empty_list_is_an_empty_pattern():
    assert vocabulary.alternation([]) == ""


def test_an_apostrophe_in_a_listed_phrase_matches_straight_and_curly():
    import re

    from spinlint.text.vocabulary import alternation

    pattern = re.compile(alternation(["we're only getting started"]), re.IGNORECASE)
    assert pattern.search("And we\u2019re only getting started.")
    assert pattern.search("And we're only getting started.")
    assert not pattern.search("And were only getting started.")
