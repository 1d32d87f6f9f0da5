"""The regexes a one-file run compiles through ``re``, compiled ahead and handed to ``re``'s own cache.

Module-level patterns (the logic rules alone have about forty) are parsed and compiled by ``re`` in
pure Python at import, about a fifth of a one-file run.  ``re.compile`` first looks in
``re._cache`` under ``(type, source, flags)``; putting the Pattern that ``_sre.compile`` makes from the
stored code there before spinlint's modules import means they get the very object ``re.compile``
would have built, without the compiling.  It is the same shortcut as ``spinlint.rules.regexcache``
(which covers the rule files' regexes), for every other pattern.

``python -m spinlint.rules.tables`` (``write_table``) records the patterns a check of the shipped examples compiles and
stores them in ``warmstart-regexes.json`` for this Python (version and ``_sre.MAGIC``).  Another
Python, a damaged table or any error means ``re`` compiles as usual.  ``tests/test_warmstart.py``
checks that every stored entry is what ``re`` compiles today and that spinlint's patterns are all there.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from array import array
from pathlib import Path

TABLE = Path(__file__).with_name("warmstart-regexes.json")


def runtime_key() -> str:
    import _sre

    return f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{_sre.MAGIC}-{_sre.CODESIZE}"


def seed_re_cache() -> int:
    """Put the stored patterns into ``re``'s cache; how many were put there (0 when the table does not apply)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return 0
    try:
        table = json.loads(TABLE.read_text(encoding="utf-8"))
        if table.get("runtime") != runtime_key():
            return 0
        seeded = 0
        # Leave a quarter of re's cache (512 entries) to patterns compiled while running; re drops its oldest
        # entry when full, so a seeded one pushed out is only compiled again, never wrong.
        limit = getattr(re, "_MAXCACHE", 512) * 3 // 4
        for source, flags, *entry in table["regexes"][:limit]:
            key = (str, source, flags)
            if key not in cache:
                cache[key] = compiled_from(source, entry)
                seeded += 1
        return seeded
    except Exception:  # noqa: BLE001 - the table is only ever a shortcut
        return 0


def compiled_from(source: str, entry: list) -> re.Pattern:
    """The Pattern ``_sre.compile`` makes from a stored entry (``compiled_entry`` without its source and flags).
    Raises on an entry this Python cannot take: every caller falls back to ``re``."""
    import _sre

    compiled_flags, packed, groups, groupindex, indexgroup = entry
    code = array("I", base64.b64decode(packed)).tolist()
    return _sre.compile(source, compiled_flags, code, groups, groupindex, tuple(indexgroup))


def compiled_entry(source: str, flags: int) -> list:
    """What ``re._compiler.compile(source, flags)`` hands to ``_sre.compile``, packed for storing."""
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    packed = base64.b64encode(array("I", code).tobytes()).decode("ascii")
    return [source, flags, flags | parsed.state.flags, packed, parsed.state.groups - 1, groupindex, indexgroup]


# Run in a fresh interpreter: every (source, flags) that reaches re's compiler during a check of the
# shipped examples, in the order met, with the module that asked for it.
_RECORDER = """
import json, re, sys
met = {}
compile = re._compile
def recording(pattern, flags):
    value = flags.value if isinstance(flags, re.RegexFlag) else flags
    if isinstance(pattern, str) and not value & re.DEBUG and (pattern, value) not in met:
        caller = sys._getframe(1)
        while caller is not None and caller.f_globals.get("__name__", "").split(".")[0] == "re":
            caller = caller.f_back
        met[pattern, value] = caller.f_globals.get("__name__", "") if caller is not None else ""
    return compile(pattern, flags)
re._compile = recording
from click.testing import CliRunner
from spinlint.cli import main
for arguments in (["check", *sys.argv[1:]], ["check", "--format", "json", *sys.argv[1:]]):
    CliRunner().invoke(main, arguments)
json.dump([[source, flags, module] for (source, flags), module in met.items()], sys.stdout)
"""


def recorded_patterns(examples: list[Path]) -> list[tuple[str, int, str]]:
    """(source, flags, asking module) of every pattern a check of ``examples`` compiles through ``re``."""
    import os
    import subprocess

    # re._compile is called on every re.compile, cache hit or not, so a seeded cache records the same.
    # A fixed hash seed: a pattern built from a set (markdown-it has one) is then written the same each time.
    output = subprocess.run([sys.executable, "-c", _RECORDER, *map(str, examples)], capture_output=True,
                            text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"}).stdout
    return [(source, flags, module) for source, flags, module in json.loads(output)]


def shipped_examples() -> list[Path]:
    folder = Path(__file__).resolve().parent.parent / "examples"
    return sorted(folder.iterdir())


def store(patterns: list[tuple[str, int, str]]) -> dict:
    # spinlint's own patterns first (the ones kept if re's cache is smaller than the table), then a fixed
    # order, so that rewriting the table changes it only when the patterns change
    ordered = sorted(patterns, key=lambda item: (not item[2].startswith("spinlint"), item[0], item[1]))
    return {"runtime": runtime_key(), "regexes": [compiled_entry(source, flags) for source, flags, _ in ordered]}


def write_table() -> dict:
    """Record and store the patterns (``python -m spinlint.rules.tables`` calls this with the rules' tables)."""
    table = store(recorded_patterns(shipped_examples()))
    TABLE.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return table
