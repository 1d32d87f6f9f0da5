"""Issue 16 item 9: disguised words no longer hide from the rules and the model.

Every disguise below left the words on screen unchanged and took a spin memo's findings and scores
to nothing.  Rules and model now read a normalised copy (spinlint.text.normalise), positions still
point into the original file, and X002 reports each disguised word.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spinlint
from spinlint import markup
from spinlint.config import Settings
from spinlint.document import Source
from spinlint.text.normalise import normalised_block

MEMO = ("We leverage best-in-class synergies to unlock value at scale.\n\n"
        "Mistakes were made, and some roles were impacted by the restructuring.\n")
WORDS = ("leverage", "synergies", "unlock", "value", "Mistakes", "impacted", "restructuring")


def disguised(disguise) -> str:
    text = MEMO
    for word in WORDS:
        text = text.replace(word, disguise(word))
    return text


DISGUISES = {
    "zero-width space": lambda word: word[:2] + "\u200b" + word[2:],
    "soft hyphens": lambda word: "\u00ad".join(word),
    "word joiner": lambda word: word[:3] + "\u2060" + word[3:],
    "variation selectors": lambda word: "".join(char + "\ufe0f" for char in word),
    "full-width letters": lambda word: "".join(chr(ord(char) + 0xFEE0) for char in word),
    "mathematical bold": lambda word: "".join(chr(0x1D41A + ord(char) - ord("a")) if char.islower() else char
                                              for char in word),
    "Cyrillic look-alikes": lambda word: word.replace("a", "\u0430").replace("e", "\u0435").replace("o", "\u043e"),
    "Greek look-alikes": lambda word: word.replace("o", "\u03bf").replace("i", "\u03b9"),
    "mixed": lambda word: word[0] + "\u200b" + word[1:].replace("e", "\u0435"),
}


def report(text: str, filename: str = "memo.txt", **config):
    return spinlint.analyze(text, filename=filename, config=Settings(**config) if config else None).files[0]


@pytest.mark.parametrize("name", DISGUISES)
def test_a_disguised_memo_scores_and_fires_as_the_plain_one(name):
    plain = report(MEMO)
    hidden_text = disguised(DISGUISES[name])
    hidden = report(hidden_text)
    assert [f.code for f in hidden.findings if f.code != "X002"] == [f.code for f in plain.findings]
    assert hidden.scores == pytest.approx(plain.scores, abs=0.5)
    for finding in hidden.findings:
        assert hidden_text[finding.span.start:finding.span.end] == finding.match
        line_start = hidden_text.rfind("\n", 0, finding.span.start) + 1
        assert finding.line == hidden_text.count("\n", 0, finding.span.start) + 1
        assert finding.column == finding.span.start - line_start + 1


@pytest.mark.parametrize("name", DISGUISES)
def test_each_disguised_word_is_reported_where_it_is(name):
    text = disguised(DISGUISES[name])
    found = [f for f in report(text, select=("X002",)).findings]
    # a variation selector after a word's last letter hides nothing, so it is not part of the match
    expected = {DISGUISES[name](word).rstrip("\ufe0f"): word for word in WORDS if DISGUISES[name](word) != word}
    assert sorted(f.match for f in found) == sorted(expected)
    for finding in found:
        assert text[finding.span.start:finding.span.end] == finding.match
        assert finding.severity == "warning" and finding.category == "meta"
        assert f'reads it as "{expected[finding.match]}"' in finding.message


@pytest.mark.parametrize("text", [
    "The team met in \u041c\u043e\u0441\u043a\u0432\u0430 and \u0391\u03b8\u03ae\u03bd\u03b1 on Tuesday.",
    "The \ufb01nal report is ef\ufb01cient.",             # ligatures copied from a PDF
    "A cafe\u0301 and a na\u00efve plan.",              # a composed accent
    "The launch\u200b went well \U0001F469\u200d\U0001F680 today.",  # hidden characters between words
    "The price is 40\u00a0dollars.",                     # a no-break space
    "\u682a\u5f0f\u4f1a\u793e\uff21\uff22\uff23\u306e\u5831\u544a\u3002",  # full-width letters in Japanese
])
def test_what_is_not_a_disguise_does_not_fire(text):
    assert not report(text, select=("X002",)).findings


def test_html_entities_and_markdown_keep_exact_positions():
    page = "<p>We lev&#x200B;erage syn&shy;ergies to unlock value.</p>"
    found = report(page, "memo.html")
    assert {"V002", "X002"} <= {f.code for f in found.findings}
    for finding in found.findings:
        assert page[finding.span.start:finding.span.end] == finding.match
    assert [f.match for f in found.findings if f.code == "V002"] == ["lev&#x200B;erage"]
    markdown = "# Update\n\nWe *lev\u200berage* syn\u00adergies to unlock value.\n"
    found = report(markdown, "memo.md")
    assert [f.match for f in found.findings if f.code == "V002"] == ["lev\u200berage"]


def test_ascii_blocks_are_left_as_they_are():
    document = markup.parse(Source("memo.txt", MEMO))
    assert all(normalised_block(block) is block for block in document.blocks)


LETTERS = st.sampled_from(list("leverage synergy ") + ["\u200b", "\u00ad", "\ufe0f", "\u0435", "\u043e",
                                                         "\uff45", "\U0001d41e", "\ufb01", "e\u0301", "\u0301",
                                                         "\u00a0", "\u2026", "\U0001F680", "\u200d", "\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(LETTERS, min_size=1, max_size=60).map("".join))
def test_every_normalised_position_maps_into_the_original(text):
    for block in markup.parse(Source("memo.txt", text)).blocks:
        normal = normalised_block(block)
        assert normal.text.isascii() or not block.text.isascii()
        previous = 0
        for index in range(len(normal.text)):
            span = normal.to_source(index, index + 1)
            assert 0 <= span.start <= span.end <= len(text) and span.start >= previous
            previous = span.start
        for start, end in normal.disguised:
            assert normal.text[start:end].isascii() and normal.text[start:end].strip()
