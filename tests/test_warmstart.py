"""The regexes handed to re's cache ahead of time are exactly what re.compile makes (spinlint.warmstart)."""

import json
import re
import subprocess
import sys
from re import _compiler

import pytest

from spinlint import warmstart


def stored_table():
    return json.loads(warmstart.TABLE.read_text(encoding="utf-8"))


def current_or_skip():
    table = stored_table()
    if table["runtime"] != warmstart.runtime_key():
        pytest.skip(f"stored for {table['runtime']}, this is {warmstart.runtime_key()}: re compiles as usual")
    return table


def test_every_stored_entry_is_what_re_compiles_today():
    table = current_or_skip()
    for entry in table["regexes"]:
        source, flags = entry[0], entry[1]
        assert warmstart.compiled_entry(source, flags) == entry, f"stale entry for {source[:60]!r}"


def test_a_seeded_pattern_is_the_pattern_re_would_build(monkeypatch):
    table = current_or_skip()
    monkeypatch.setattr(re, "_cache", {})
    assert warmstart.seed_re_cache() == len(table["regexes"])
    sample = "We will unlock value at scale (Smith, 2021), up to 40% faster; the team 's call -- U.S. Inc. <b>"
    for source, flags, *_ in table["regexes"]:
        seeded, reference = re.compile(source, flags), _compiler.compile(source, flags)
        assert seeded is re._cache[str, source, flags]
        assert (seeded.pattern, seeded.flags, seeded.groups, seeded.groupindex) == \
            (reference.pattern, reference.flags, reference.groups, reference.groupindex)
        assert [m.span() for m in seeded.finditer(sample)] == [m.span() for m in reference.finditer(sample)]


def test_every_pattern_spinlint_compiles_on_the_check_path_is_stored():
    table = current_or_skip()
    stored = {(entry[0], entry[1]) for entry in table["regexes"]}
    ours = [(source, flags) for source, flags, module in warmstart.recorded_patterns(warmstart.shipped_examples())
            if module.startswith("spinlint")]
    missing = [source[:60] for source, flags in ours if (source, flags) not in stored]
    assert ours and not missing, f"run: python -m spinlint.rules.tables ({len(missing)} missing: {missing[:3]})"


COUNT_COMPILES = """
import re, sys
from re import _compiler
compiled = []
compile = _compiler.compile
def counting(pattern, flags=0):
    caller = sys._getframe(1)
    while caller.f_globals.get("__name__", "").split(".")[0] == "re":
        caller = caller.f_back
    compiled.append(caller.f_globals.get("__name__", ""))
    return compile(pattern, flags)
_compiler.compile = counting
import spinlint.rules.logic, spinlint.model.runtime, spinlint.rules.kinds
print(sum(module.startswith("spinlint") for module in compiled))
"""


def test_importing_the_logic_rules_and_the_model_compiles_no_pattern():
    current_or_skip()
    output = subprocess.run([sys.executable, "-c", COUNT_COMPILES], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "0"


def test_a_damaged_or_foreign_table_leaves_re_to_compile(monkeypatch, tmp_path):
    monkeypatch.setattr(re, "_cache", {})
    for content in ("not json", json.dumps({"runtime": "another-python", "regexes": [["a", 0, 32, "", 0, {}, []]]}),
                    json.dumps({"runtime": warmstart.runtime_key(), "regexes": [["a", 0, 32, "AAAA", 0, {}]]})):
        damaged = tmp_path / "table.json"
        damaged.write_text(content, encoding="utf-8")
        monkeypatch.setattr(warmstart, "TABLE", damaged)
        assert warmstart.seed_re_cache() == 0
    assert re.compile("a+").fullmatch("aaa")
