"""ASCII twins of regexes find exactly what the originals find on ASCII text (spinlint.text.asciiregex)."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from spinlint.rules import tables
from spinlint.rules.engine import Engine
from spinlint.rules.ruleset import builtin_rules
from spinlint.text import asciiregex
from spinlint.text.asciiregex import ascii_safe, ascii_twin

ROOT = Path(__file__).resolve().parent.parent


def test_the_case_paired_code_points_are_the_ones_re_pairs_with_ascii():
    import _sre
    from re import _casefix

    paired = {code for code in range(128, sys.maxunicode + 1) if _sre.unicode_tolower(code) < 128}
    paired |= {extra for code, extras in _casefix._EXTRA_CASES.items() if code < 128 for extra in extras}
    paired |= {code for code, extras in _casefix._EXTRA_CASES.items() if code >= 128 and min(extras) < 128}
    assert paired == asciiregex.CASE_PAIRED_WITH_ASCII


def test_ascii_safe_text():
    assert ascii_safe("Plain text, 42 %.\n\t")
    assert not ascii_safe("caf\u00e9")
    for control in "\x1c\x1d\x1e\x1f":  # Unicode's \s matches them, ASCII's does not
        assert not ascii_safe(f"a{control}b")
        assert re.search(r"\s", control) and not re.search(r"\s", control, re.ASCII)


@pytest.mark.parametrize("source", [r"\bst\u0131r", "[\u0100-\u0200]x", "(?>\u212a)", r"(?:a|[^\u0130])"])
def test_a_pattern_naming_a_case_paired_character_keeps_no_twin(source):
    pattern = re.compile(source, re.IGNORECASE)
    assert ascii_twin(pattern) is pattern


def test_a_twin_is_the_pattern_compiled_ascii():
    pattern = re.compile(r"\b(?:réunion|meet\w*)\s+“now”", re.IGNORECASE)
    twin = ascii_twin(pattern)
    assert twin.flags & re.ASCII and twin.pattern == pattern.pattern and ascii_twin(pattern) is twin
    assert ascii_twin(twin) is twin


def _texts() -> str:
    texts = [example for rule in builtin_rules() for example in (*rule.bad_examples, *rule.good_examples)]
    for folder in (ROOT / "examples", ROOT / "tests" / "fixtures" / "documents"):
        texts += [path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.glob("*"))
                  if path.is_file() and path.suffix in (".txt", ".md", ".html")]
    # every ASCII character beside words, spaces and digits, where \w, \s, \d and \b could disagree
    every = "".join(chr(code) for code in range(128))
    texts += [f"{every} we were {word}{every}" for word in ("told", "LOST", "x1_9", "ok.")]
    text = "\n".join(texts)
    return "".join(character for character in text if ascii_safe(character))


def test_every_shipped_twin_finds_what_its_original_finds_on_ascii_text():
    engine = Engine(builtin_rules())
    engine.ascii_twins()
    text = _texts()
    assert ascii_safe(text) and len(text) > 50_000
    twinned = asciiregex.twinned()
    assert len(twinned) > 200  # the rules' patterns and the logic modules' patterns
    for source, flags in twinned:
        original = re.compile(source, flags)
        twin = ascii_twin(original)
        assert twin.flags & re.ASCII
        assert [(m.span(), m.groups()) for m in original.finditer(text)] == \
            [(m.span(), m.groups()) for m in twin.finditer(text)], source[:80]


def test_the_stored_twins_are_what_re_compiles():
    stored = json.loads(asciiregex.TABLE.read_text(encoding="utf-8"))
    if stored["runtime"] != asciiregex.warmstart.runtime_key():
        pytest.skip(f"stored for {stored['runtime']}: twins are compiled by re")
    Engine(builtin_rules()).ascii_twins()
    for source, flags in asciiregex.twinned():
        fresh = asciiregex.warmstart.compiled_entry(source, (flags & ~re.UNICODE) | re.ASCII)[2:]
        entry = stored["regexes"].get(asciiregex._key(source, flags))
        assert entry is None or entry == fresh


def test_the_stored_twins_are_current():
    code = "import json; from spinlint.rules import tables; print(json.dumps(tables.ascii_twin_table(), sort_keys=True))"
    fresh = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                      cwd=ROOT).stdout)
    assert json.loads(asciiregex.TABLE.read_text(encoding="utf-8")) == fresh, "run: python -m spinlint.rules.tables"


def test_a_twinned_logic_check_reads_twins_and_finds_the_same():
    from spinlint.rules import logic
    from spinlint.rules.logic import blame, blame_vetoes

    twin = asciiregex.twin_function(blame.agentless_bad_news_passive, "spinlint.rules.logic")
    assert twin is not blame.agentless_bad_news_passive
    assert twin.__globals__["_PASSIVE_LOWER"].flags & re.ASCII
    # the function it calls from another module of the package reads that module's twins
    assert twin.__globals__["account_given"].__globals__["_OWNED"].flags & re.ASCII
    assert not blame_vetoes._OWNED.flags & re.ASCII  # the module itself is untouched
    text = _texts()
    for name, function in logic.LOGIC.items():
        twinned = asciiregex.twin_function(function, "spinlint.rules.logic")
        for paragraph in text.split("\n")[:3000]:
            assert list(function(paragraph, {})) == list(twinned(paragraph, {})), (name, paragraph)


def test_the_engine_finds_the_same_with_twins(monkeypatch):
    from spinlint import markup
    from spinlint.document import Source
    from spinlint.rules.features import Features
    from spinlint.text.segment import segment

    documents = sorted((ROOT / "examples").glob("*.*")) + sorted((ROOT / "tests" / "fixtures" / "rules").rglob("*.*"))
    documents = [path for path in documents if path.suffix in (".txt", ".md")]
    assert len(documents) > 50
    plain, twinned = Engine(builtin_rules()), Engine(builtin_rules())
    monkeypatch.setattr(twinned, "WARM_UP_DOCUMENTS", -1)
    monkeypatch.setattr(plain, "_ascii_rule", lambda index: pytest.fail("twin made before the warm-up"))
    monkeypatch.setattr(plain, "WARM_UP_DOCUMENTS", 10 ** 9)
    checked = 0
    for path in documents:
        text = path.read_text(encoding="utf-8")
        source = Source(path=str(path), text=text, format="markdown" if path.suffix == ".md" else "text")
        segments = segment(markup.parse(source))
        checked += ascii_safe(text)
        assert plain.run(segments, Features(segments)) == twinned.run(segments, Features(segments))
    assert checked and twinned._ascii_rules
