"""Runs the linter over paths: the bridge between the CLI and the pipeline (reports are written by ``output``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from ..config import Settings
from ..lint import Linter
from ..report import FileReport, InputProblem, Report
from ..sources import InputError, check_encoding, display_path, iter_files, lookup_problem, read_source, read_stdin


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
        settings = settings_for(Path(name) if stdin_filename else Path.cwd() / "-")
        try:
            source = read_stdin(sys.stdin.buffer.read(), name=name, encoding=encoding)
            files.append(linter.lint(source, settings))
        except InputError as error:
            problems.append(InputProblem(name, str(error)))
    existing = []
    for path in real_paths:
        problem = lookup_problem(path)
        if problem:
            problems.append(InputProblem(display_path(path), problem))
        else:
            existing.append(path)
    for path, named in iter_files(existing, include=tuple(include), exclude=tuple(exclude), warn=warn,
                                  follow_symlinks=follow_symlinks):
        settings = settings_for(path)
        if not named and settings.is_excluded(path):
            continue
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
        files.append(linter.lint(source, settings))
    return Report(files=tuple(files), problems=tuple(problems))
