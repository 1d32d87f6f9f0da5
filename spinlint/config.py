"""Configuration: ``.spinlint.toml``, ``spinlint.toml`` or ``[tool.spinlint]`` in ``pyproject.toml``.

For each file the nearest config walking up from its folder applies
(in one folder ``.spinlint.toml``, then ``spinlint.toml``, then ``pyproject.toml``); globs
are relative to the config file's folder.  Decoding is strict: unknown
keys, wrong types and unknown rule codes are a ``ConfigError`` naming the
key, the value and the file.  Documented in docs/configuration.md.
"""

from __future__ import annotations

import fnmatch
import json
import math
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from .rules.kinds import VocabularyOverrides
from .rules.ruleset import Rule, _toml, builtin_rules, known_selector, matches_selector

FAIL_ON = ("error", "warning", "info", "never")
# Looked for in this order in each folder, the first one with spinlint settings wins (as ruff does with
# .ruff.toml, ruff.toml, pyproject.toml).
CONFIG_NAMES = (".spinlint.toml", "spinlint.toml", "pyproject.toml")
# A vocabulary phrase is a few words; a longer one is a mistake (or an attack on the phrase trie's depth).
MAX_PHRASE_CHARS = 200


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # empty: every stable rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"
    max_spin: float | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    vocabulary: VocabularyOverrides = field(default_factory=VocabularyOverrides)
    path: Path | None = None  # the config file, if any
    root: Path | None = None  # globs are relative to this folder

    def rules_for(self, filename: str | None = None) -> tuple[Rule, ...]:
        """The rules that run on ``filename`` after select, ignore and per-file-ignores."""
        ignored = list(self.ignore)
        if filename and self.per_file_ignores:
            relative = _relative(Path(filename), self.root)
            for pattern, codes in self.per_file_ignores.items():
                if _glob_match(relative, pattern):
                    ignored.extend(codes)
        chosen = []
        for rule in builtin_rules():
            if self.select:
                selected = matches_selector(rule.code, self.select)
            else:
                selected = rule.status == "stable"
            selected = selected or matches_selector(rule.code, self.extend_select)
            if selected and not matches_selector(rule.code, ignored):
                chosen.append(rule)
        return tuple(chosen)

    def is_excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        relative = _relative(path, self.root)
        return any(_glob_match(relative, pattern) for pattern in self.exclude)


def _relative(path: Path, root: Path | None) -> str:
    if root is None:
        return path.as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _glob_match(relative: str, pattern: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return (fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(name, pattern)
            or fnmatch.fnmatchcase(relative, pattern.rstrip("/") + "/*")
            or relative.startswith(pattern.rstrip("/") + "/"))


# -- reading a config file ---------------------------------------------------------------------------

_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "select": list, "extend-select": list, "ignore": list, "per-file-ignores": dict,
    "exclude": list, "fail-on": str, "max-spin": (int, float), "rules": dict, "vocabulary": dict,
}


def parse_settings(table: Mapping[str, Any], origin: Path) -> Settings:
    where = f"{origin}"
    for key, value in table.items():
        if key not in _TOP_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(_TOP_KEYS)})")
        expected = _TOP_KEYS[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(f"{where}: {key} = {value!r} has the wrong type "
                              f"(expected {_type_name(expected)})")
    for key in ("select", "extend-select", "ignore", "exclude"):
        _check_strings(table.get(key, []), key, where)
    for key in ("select", "extend-select", "ignore"):
        check_selectors(table.get(key, []), key, where)
    per_file = {}
    for pattern, codes in table.get("per-file-ignores", {}).items():
        if not isinstance(codes, list):
            raise ConfigError(f"{where}: per-file-ignores.{pattern!r} = {codes!r} must be a list of codes")
        _check_strings(codes, f"per-file-ignores.{pattern}", where)
        check_selectors(codes, f"per-file-ignores.{pattern}", where)
        per_file[pattern] = tuple(codes)
    fail_on = table.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: fail-on = {fail_on!r} is not one of {', '.join(FAIL_ON)}")
    max_spin = table.get("max-spin")
    if max_spin is not None and not 0 <= max_spin <= 100:
        raise ConfigError(f"{where}: max-spin = {max_spin!r} must be between 0 and 100")
    return Settings(
        select=tuple(table.get("select", ())),
        extend_select=tuple(table.get("extend-select", ())),
        ignore=tuple(table.get("ignore", ())),
        per_file_ignores=per_file,
        exclude=tuple(table.get("exclude", ())),
        fail_on=fail_on,
        max_spin=float(max_spin) if max_spin is not None else None,
        rule_options=_rule_options(table.get("rules", {}), where),
        vocabulary=_vocabulary(table.get("vocabulary", {}), where),
        path=origin,
        root=origin.parent,
    )


def _type_name(expected) -> str:
    if isinstance(expected, tuple):
        return "a number"
    return {list: "a list", dict: "a table", str: "a string"}.get(expected, expected.__name__)


def _check_strings(values: list, key: str, where: str) -> None:
    for value in values:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: {key} entry {value!r} must be a string")


def check_selectors(values, key: str, where: str) -> None:
    for value in values:
        if not known_selector(value):
            raise ConfigError(f"{where}: {key} has unknown rule code {value!r} (see `spinlint rules`)")


def _rule_options(table: Mapping[str, Any], where: str) -> dict[str, dict[str, Any]]:
    rules = {rule.code: rule for rule in builtin_rules()}
    result: dict[str, dict[str, Any]] = {}
    for code, options in table.items():
        if code not in rules:
            raise ConfigError(f"{where}: rules.{code} names an unknown rule code {code!r}")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: rules.{code} must be a table of options")
        defaults = dict(rules[code].options)
        for name, value in options.items():
            if name == "severity":
                if value not in ("error", "warning", "info"):
                    raise ConfigError(f"{where}: rules.{code}.severity = {value!r} must be error, warning or info")
                continue
            if name not in defaults:
                known = ", ".join(["severity", *defaults])
                raise ConfigError(f"{where}: rules.{code}.{name} is not an option of {code} (options: {known})")
            default = defaults[name]
            numeric = isinstance(default, (int, float)) and not isinstance(default, bool)
            if numeric and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise ConfigError(f"{where}: rules.{code}.{name} = {value!r} must be a number")
            if numeric and not (math.isfinite(value) and value >= 0):  # TOML has nan and inf
                raise ConfigError(f"{where}: rules.{code}.{name} = {value!r} must be a finite number, 0 or more")
            if not numeric and type(value) is not type(default):
                raise ConfigError(f"{where}: rules.{code}.{name} = {value!r} must be a {type(default).__name__}")
        result[code] = dict(options)
    return result


def _vocabulary(table: Mapping[str, Any], where: str) -> VocabularyOverrides:
    from .text import vocabulary

    known = set(vocabulary.names())
    parsed: dict[str, dict[str, tuple[str, ...]]] = {"add": {}, "remove": {}}
    for action, lists in table.items():
        if action not in parsed:
            raise ConfigError(f"{where}: vocabulary.{action} is unknown (use add, remove)")
        if not isinstance(lists, dict):
            raise ConfigError(f"{where}: vocabulary.{action} must be a table of lists")
        for name, words in lists.items():
            if name not in known:
                raise ConfigError(f"{where}: vocabulary.{action}.{name} names an unknown vocabulary "
                                  f"(known: {', '.join(sorted(known))})")
            if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
                raise ConfigError(f"{where}: vocabulary.{action}.{name} must be a list of strings")
            for word in words:
                if not any(character.isalnum() for character in word) or len(word) > MAX_PHRASE_CHARS:
                    # an empty phrase would match everywhere
                    raise ConfigError(f"{where}: vocabulary.{action}.{name} entry {word[:40]!r} must hold a "
                                      f"word and be at most {MAX_PHRASE_CHARS} characters")
            parsed[action][name] = tuple(words)
    return VocabularyOverrides(add=parsed["add"], remove=parsed["remove"])


def read_config(path: Path) -> Settings | None:
    """Settings from one file, or None for a pyproject.toml without [tool.spinlint]."""
    tomllib = _toml()  # imported only when there is a config file to read
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))  # Notepad writes a BOM
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        # TOML files are UTF-8 by definition; say where the offending byte is.
        raise ConfigError(f"{path}: not valid UTF-8 (byte 0x{error.object[error.start]:02x} at offset "
                          f"{error.start}); TOML config files must be UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply to read") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: tool = {tool!r} must be a table")
        table = tool.get("spinlint")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.spinlint] must be a table")
        return parse_settings(table, path)
    return parse_settings(data, path)


class ConfigFinder:
    """Finds (and caches) the config that applies to each folder.

    Discovery climbs from a file's folder no higher than its repository root (the nearest folder
    holding ``.git``) or, outside a repository, the highest of the walked ``roots`` and the working
    folder that holds it: above lie other people's folders (a shared ``/tmp``, a downloads folder)
    whose configs would silently change the results.
    """

    def __init__(self, explicit: Path | None = None, isolated: bool = False, roots: Iterable[Path] = ()):
        self._explicit = read_config(explicit) if explicit else None
        if explicit and self._explicit is None:
            raise ConfigError(f"{explicit}: has no [tool.spinlint] table")
        self._isolated = isolated
        self._ceilings = tuple({_folder_of(Path(root)) for root in (Path.cwd(), *roots)})
        self._cache: dict[tuple[Path, Path], Settings] = {}
        self._highest: dict[Path, Path] = {}

    def for_path(self, path: Path) -> Settings:
        if self._explicit is not None:
            return self._explicit
        if self._isolated:
            return Settings()
        folder = _folder_of(path)
        return self._for_folder(folder, self._highest_folder(folder))

    def _highest_folder(self, folder: Path) -> Path:
        if folder not in self._highest:
            from .sources import repository_root

            highest = repository_root(folder)
            if highest is None:
                holding = [ceiling for ceiling in self._ceilings if ceiling == folder or ceiling in folder.parents]
                highest = min(holding, key=lambda ceiling: len(ceiling.parts)) if holding else folder
            self._highest[folder] = highest
        return self._highest[folder]

    def _for_folder(self, folder: Path, highest: Path) -> Settings:
        if (folder, highest) in self._cache:
            return self._cache[folder, highest]
        settings = None
        for candidate in (folder / name for name in CONFIG_NAMES):
            if candidate.is_file():
                settings = read_config(candidate)
                if settings is not None:
                    break
        if settings is None:
            settings = Settings() if folder == highest or folder.parent == folder else \
                self._for_folder(folder.parent, highest)
        self._cache[folder, highest] = settings
        return settings


def _folder_of(path: Path) -> Path:
    """The resolved folder a path's config is looked up from (a file's own folder)."""
    real = Path(os.path.realpath(path))  # unlike Path.resolve, never raises on a symlink loop
    return real if real.is_dir() else real.parent


def with_overrides(settings: Settings, **flags: Any) -> Settings:
    """CLI flags win over config; None means 'not given'."""
    changes = {key: value for key, value in flags.items() if value is not None}
    return replace(settings, **changes) if changes else settings


def settings_text(settings: Settings, filename: str) -> str:
    """``check --show-settings``: the settings ``filename`` is linted with, as TOML a config could hold."""
    toml_list = json.dumps  # JSON strings, numbers, booleans and arrays are TOML too

    lines = [f"# Settings for {filename}",
             f"# config file: {settings.path if settings.path else 'none (defaults)'}",
             f"select = {toml_list(list(settings.select))}",
             f"extend-select = {toml_list(list(settings.extend_select))}",
             f"ignore = {toml_list(list(settings.ignore))}",
             f"exclude = {toml_list(list(settings.exclude))}",
             f'fail-on = "{settings.fail_on}"']
    if settings.max_spin is not None:
        lines.append(f"max-spin = {settings.max_spin:g}")
    lines.append(f"# rules that run on this file: {' '.join(rule.code for rule in settings.rules_for(filename))}")
    if settings.per_file_ignores:
        lines += ["", "[per-file-ignores]"]
        lines += [f'"{pattern}" = {toml_list(list(codes))}' for pattern, codes in settings.per_file_ignores.items()]
    for code, options in settings.rule_options.items():
        lines += ["", f"[rules.{code}]"] + [f"{name} = {json.dumps(value)}" for name, value in options.items()]
    for action, lists in (("add", settings.vocabulary.add), ("remove", settings.vocabulary.remove)):
        if lists:
            lines += ["", f"[vocabulary.{action}]"]
            lines += [f"{name} = {toml_list(list(words))}" for name, words in lists.items()]
    return "\n".join(lines) + "\n"
