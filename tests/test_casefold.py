"""The case-folding shortcut (spinlint.text.casefold) is exact for every code point outside its list."""

import re
import string

import pytest

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


@pytest.mark.parametrize("module, check, code", [
    ("spinlint.rules.logic.evidence", "stacked_unmeasured_benefits", "E022"),
    ("spinlint.rules.logic.vague", "stacked_mild_cues", "V032"),
])
def test_a_paragraph_check_on_lower_cased_text_finds_what_ignorecase_finds(monkeypatch, module, check, code):
    """E022 and V032 match a lower-cased copy case-sensitively; the IGNORECASE path is the reference."""
    import importlib
    from pathlib import Path

    checks = importlib.import_module(module)
    fixtures = Path(__file__).parent / "fixtures" / "rules" / code
    paragraphs = [block for name in ("fire.md", "pass.md")
                  for block in (fixtures / name).read_text(encoding="utf-8").split("\n\n") if block.strip()]
    paragraphs += [block.upper() for block in paragraphs] + [block.title() for block in paragraphs]
    fast = [list(getattr(checks, check)(text, {})) for text in paragraphs]
    monkeypatch.setattr(checks, "lowered", lambda text: None)
    exact = [list(getattr(checks, check)(text, {})) for text in paragraphs]
    assert fast == exact and any(fast)
