"""Runs the linter over paths: the bridge between the CLI and the pipeline (reports are written by ``output``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator

from ..config import Settings
from ..lint import Linter
from ..report import FileReport, InputProblem, Report
from ..sources import (InputError, check_encoding, display_path, distinct_files, escaped_name, iter_files,
                       lookup_problem, read_source, read_stdin)


class LintCrash(Exception):
    """An unexpected error (a bug) while linting one file; the CLI names ``path`` and the cause in one line."""

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


def lint_paths(paths: list[Path], settings_for: Callable[[Path], Settings], *, include=(), exclude=(),
               stdin_filename: str | None = None, encoding: str | None = None, max_bytes: int = 10_000_000,
               model_path: Path | None = None, keep_text: bool = False,
               warn: Callable[[str], None] = lambda message: None, linted: list[Path] | None = None,
               follow_symlinks: bool = False) -> Report:
    """Lint every path; ``linted``, when given, collects the real path of each file read (for ``write_output``:
    the names in the report are display names, escaped when they are not UTF-8).

    An encoding that cannot decode text is an ``InputError`` before any file is read."""
    if encoding:
        check_encoding(encoding)
    linter = Linter(model_path=model_path, keep_text=keep_text)
    files: list[FileReport] = []
    problems: list[InputProblem] = []
    real_paths = [path for path in paths if str(path) != "-"]
    if len(real_paths) != len(paths):
        name = stdin_filename or "-"
        settings = settings_for(stdin_config_path(stdin_filename))
        try:
            source = read_stdin(sys.stdin.buffer.read(), name=name, encoding=encoding)
            files.append(_lint_one(linter, source, settings))
        except InputError as error:
            problems.append(InputProblem(escaped_name(name), str(error)))
    existing = []
    for path in real_paths:
        problem = lookup_problem(path)
        if problem:
            problems.append(InputProblem(display_path(path), problem))
        else:
            existing.append(path)
    for path, named, settings in _candidates(existing, settings_for, include, exclude, warn, follow_symlinks):
        shown = display_path(path)
        try:
            source = read_source(path, encoding=encoding, max_bytes=max_bytes, display=shown)
        except InputError as error:
            problem = InputProblem(shown, str(error), fatal=named)
            if not named:
                warn(f"skipped {error}")
                continue
            problems.append(problem)
            continue
        if linted is not None:
            linted.append(path)
        files.append(_lint_one(linter, source, settings))
    return Report(files=tuple(files), problems=tuple(problems))


def stdin_config_path(stdin_filename: str | None) -> Path:
    """Where standard input's config is looked for: beside the name it is given, else in the cwd."""
    return Path(stdin_filename) if stdin_filename else Path.cwd() / "-"


def files_to_lint(paths: list[Path], settings_for: Callable[[Path], Settings], *, include=(), exclude=(),
                  follow_symlinks: bool = False) -> list[Path]:
    """What ``lint_paths`` would read, in its order (``-`` for stdin first); missing paths are left out."""
    found = [Path("-")] if any(str(path) == "-" for path in paths) else []
    existing = [path for path in paths if str(path) != "-" and not lookup_problem(path)]
    found += [path for path, _, _ in _candidates(existing, settings_for, include, exclude, None, follow_symlinks)]
    return found


def _candidates(existing: list[Path], settings_for: Callable[[Path], Settings], include, exclude, warn=None,
                follow_symlinks: bool = False) -> Iterator[tuple[Path, bool, Settings]]:
    """Each file named or found under a folder, whether it was named, and its settings; a folder walk
    leaves out what the file's config excludes (a named file is always linted).  A file reached under
    several names (``a.md ./a.md``, a folder and a file in it, a symlink beside it) is linted once, under the
    file's own name (as ``scan`` logs it): its findings reported twice would be noise, and would count twice
    against --max-spin."""
    found = list(iter_files(existing, include=tuple(include), exclude=tuple(exclude), warn=warn,
                            follow_symlinks=follow_symlinks))
    kept, _ = distinct_files([path for path, _ in found])
    chosen = set(kept)
    for path, named in found:
        if path not in chosen:
            continue
        chosen.discard(path)  # the same name twice is linted once too
        settings = settings_for(path)
        if named or not settings.is_excluded(path):
            yield path, named, settings


def _lint_one(linter: Linter, source, settings: Settings) -> FileReport:
    try:
        return linter.lint(source, settings)
    except Exception as error:  # a bug: say which file set it off
        raise LintCrash(source.path) from error

