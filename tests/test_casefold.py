"""The case-folding shortcut (spinlint.text.casefold) is exact for every code point outside its list."""

import re
import string

from spinlint.text.casefold import FOLDS_TO_ASCII, lowered


def test_lowering_keeps_length_wordness_and_spaceness_and_the_fold_list_is_complete():
    # Outside FOLDS_TO_ASCII, lower() keeps length, word-ness and space-ness, and no character matches
    # an ASCII letter or digit under IGNORECASE unless lower() makes it that letter.
    ascii_word = re.compile(r"[a-z0-9_]", re.IGNORECASE)
    ascii_letters = [re.compile(c, re.IGNORECASE) for c in string.ascii_lowercase + string.digits + "_"]
    word, space = re.compile(r"\w"), re.compile(r"\s")
    unusual = set()
    for code in range(128, 0x110000):
        char = chr(code)
        lower = char.lower()
        if (len(lower) != 1 or lower.isascii() or ascii_word.fullmatch(char)
                or bool(word.match(char)) != bool(word.match(lower))
                or bool(space.match(char)) != bool(space.match(lower))):
            unusual.add(char)
        if any(pattern.fullmatch(char) for pattern in ascii_letters) and lower not in string.ascii_lowercase:
            unusual.add(char)
    assert unusual <= FOLDS_TO_ASCII


def test_lowered_refuses_only_text_with_a_listed_character():
    assert lowered("Legacy Systems") == "legacy systems"
    assert lowered("Café Zürich") == "café zürich"
    assert lowered("\u212aelvin") is None
