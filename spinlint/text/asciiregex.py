"""ASCII-compiled twins of regexes, for text where they find exactly what the Unicode-compiled ones find.

A pattern compiled without ``re.ASCII`` tests ``\\w``, ``\\b``, ``\\d`` and ``\\s`` against the Unicode tables and
lower-cases through them under ``re.IGNORECASE``: about a tenth of a lint's instructions on plain English. On
ASCII text without U+001C..U+001F (which only Unicode's ``\\s`` matches), the two compilations agree character
for character, except where the pattern itself holds one of the four non-ASCII characters that Unicode
case-insensitive matching pairs with an ASCII letter (İ, ı, ſ and the Kelvin sign): a pattern that mentions one,
alone or inside a range, keeps no twin. ``tests/test_asciiregex.py`` checks the set and the equivalence.

``twin_function`` gives a function (and the module-level functions it calls, in the same package) that reads
the twins instead of its module's patterns: the rule engine runs the logic rules that way on ASCII documents
without their modules knowing.

Compiling a twin through ``re`` costs as much as compiling the original (about half a second for the shipped
rules, more than a short run saves), so ``python -m spinlint.rules.tables`` stores the twins of the shipped
rules' and logic modules' patterns compiled ahead in ``ascii-regexes.json`` beside this module, as
``spinlint.rules.regexcache`` does for the originals; the table is read only when the first twin is asked for.
"""

from __future__ import annotations

import hashlib
import json
import re
import types
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import warmstart

TABLE = Path(__file__).with_name("ascii-regexes.json")

# The code points above 127 that re's Unicode case-insensitive matching equates with an ASCII character
# (_sre.unicode_tolower and re._casefix; recomputed by the test).
CASE_PAIRED_WITH_ASCII = frozenset({0x130, 0x131, 0x17F, 0x212A})
_NOT_ASCII_SPACE = re.compile("[\x1c-\x1f]")


def ascii_safe(text: str) -> bool:
    """Do ASCII-compiled and Unicode-compiled patterns agree on ``text``? (``str.isascii`` is a flag test.)"""
    return text.isascii() and _NOT_ASCII_SPACE.search(text) is None


_TWINS: dict[tuple[str, int], re.Pattern] = {}


def ascii_twin(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` compiled with ``re.ASCII``, or ``pattern`` itself when it has no equivalent twin."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.ASCII:
        return pattern
    key = (pattern.pattern, pattern.flags)
    twin = _TWINS.get(key)
    if twin is None:
        twin = pattern
        try:
            # A stored twin passed the check when the table was written (``store``): no parse here.
            twin = _stored_twin(pattern) or pattern
            if twin is pattern and not _mentions_case_paired(pattern.pattern, pattern.flags):
                twin = re.compile(pattern.pattern, _twin_flags(pattern.flags))
        except (re.error, ValueError, RecursionError):  # an inline (?u), or too deep to walk: keep the original
            twin = pattern
        _TWINS[key] = twin
    return twin


def _twin_flags(flags: int) -> int:
    return (flags & ~re.UNICODE) | re.ASCII


def _key(source: str, flags: int) -> str:
    return hashlib.sha256(f"{flags}:{source}".encode("utf-8")).hexdigest()[:24]


_stored: dict | None = None


def _stored_twin(pattern: re.Pattern) -> re.Pattern | None:
    global _stored
    if _stored is None:
        try:
            table = json.loads(TABLE.read_text(encoding="utf-8"))
            _stored = table["regexes"] if table.get("runtime") == warmstart.runtime_key() else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            _stored = {}
    # Each twin is made once (``_TWINS`` keeps it), so its entry is let go: the table's text is not held twice.
    entry = _stored.pop(_key(pattern.pattern, pattern.flags), None)
    if entry is None:
        return None
    try:
        return warmstart.compiled_from(pattern.pattern, entry)
    except Exception:  # noqa: BLE001 - a stored entry is only ever a shortcut
        return None


def store(originals: Iterable[tuple[str, int]]) -> dict:
    """The table of the twins of ``originals`` (source and flags of each), for this Python."""
    entries = {_key(source, flags): warmstart.compiled_entry(source, _twin_flags(flags))[2:]
               for source, flags in originals if not _mentions_case_paired(source, flags)}
    return {"runtime": warmstart.runtime_key(), "regexes": dict(sorted(entries.items()))}


def twinned() -> list[tuple[str, int]]:
    """(source, flags) of the original of every twin made so far in this process (for ``store``)."""
    return [key for key, twin in _TWINS.items() if twin.flags & re.ASCII]


def _mentions_case_paired(source: str, flags: int) -> bool:
    from re import _constants, _parser

    def item(op, value) -> bool:
        if op is _constants.LITERAL or op is _constants.NOT_LITERAL:
            return value in CASE_PAIRED_WITH_ASCII
        if op is _constants.RANGE:
            return any(value[0] <= code <= value[1] for code in CASE_PAIRED_WITH_ASCII)
        if op is _constants.IN:
            return any(item(*member) for member in value)
        return inside(value)

    def inside(value) -> bool:  # groups, repeats, branches, assertions: a sub-pattern somewhere in the argument
        if isinstance(value, _parser.SubPattern):
            return any(item(op, argument) for op, argument in value)
        if isinstance(value, (tuple, list)):
            return any(inside(part) for part in value)
        return False

    return inside(_parser.parse(source, flags & ~re.UNICODE))


_TWIN_NAMESPACES: dict[int, dict[str, Any]] = {}


def twin_function(function: Callable, package: str) -> Callable:
    """A copy of ``function`` whose module globals hold the patterns' ASCII twins; the module-level functions
    of ``package``'s modules that it reaches are copied the same way, so it reads twins all the way down.
    Anything else (a decorated function, a pattern compiled at call time) is shared with the original, which
    is only ever slower, never different."""
    if not isinstance(function, types.FunctionType) or not _within(function, package):
        return function
    return _copied(function, _twin_namespace(function.__globals__, package))


def _within(function: types.FunctionType, package: str) -> bool:
    module = function.__globals__.get("__name__", "")
    return module == package or module.startswith(package + ".")


def _copied(function: types.FunctionType, namespace: dict[str, Any]) -> types.FunctionType:
    copy = types.FunctionType(function.__code__, namespace, function.__name__, function.__defaults__,
                              function.__closure__)
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__qualname__ = function.__qualname__
    copy.__dict__.update(function.__dict__)
    return copy


def _twin_namespace(namespace: dict[str, Any], package: str) -> dict[str, Any]:
    twin = _TWIN_NAMESPACES.get(id(namespace))
    if twin is not None:
        return twin
    twin = dict(namespace)
    _TWIN_NAMESPACES[id(namespace)] = twin  # before filling: modules that import each other meet it
    for name, value in namespace.items():
        twin[name] = _twin_value(value, package)
    return twin


def _twin_value(value: Any, package: str) -> Any:
    if isinstance(value, re.Pattern):
        return ascii_twin(value)
    if isinstance(value, types.FunctionType) and _within(value, package):
        return _copied(value, _twin_namespace(value.__globals__, package))
    if type(value) in (tuple, list) and any(isinstance(item, (re.Pattern, tuple, list)) for item in value):
        items = [_twin_value(item, package) for item in value]
        if all(new is old for new, old in zip(items, value)):
            return value
        return type(value)(items)
    return value
