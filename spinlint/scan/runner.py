"""Runs the linter over paths and writes reports: the bridge between the CLI and the pipeline."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

from ..config import Settings
from ..lint import Linter
from ..report import FileReport, InputProblem, Report
from ..sources import InputError, display_path, iter_files, read_source, read_stdin


def lint_paths(paths: list[Path], settings_for: Callable[[Path], Settings], *, include=(), exclude=(),
               stdin_filename: str | None = None, encoding: str | None = None, max_bytes: int = 10_000_000,
               model_path: Path | None = None, keep_text: bool = False,
               warn: Callable[[str], None] = lambda message: None, linted: list[Path] | None = None) -> Report:
    """Lint every path; ``linted``, when given, collects the real path of each file read (for ``write_output``:
    the names in the report are display names, escaped when they are not UTF-8)."""
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
    for path in real_paths:
        if not os.path.lexists(path):
            problems.append(InputProblem(display_path(path), f"{display_path(path)}: no such file or directory"))
    existing = [path for path in real_paths if os.path.lexists(path)]
    for path, named in iter_files(existing, include=tuple(include), exclude=tuple(exclude)):
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


def write_output(destination: Path, text: str, inputs: list[Path]) -> None:
    """Write atomically (temporary file, then rename); never over an input file."""
    folder = destination.parent if str(destination.parent) else Path(".")
    if not folder.is_dir():
        raise ValueError(f"{display_path(destination)}: the folder {display_path(folder)} does not exist")
    if destination.exists():
        for path in inputs:
            try:
                if path.is_file() and os.path.samefile(path, destination):
                    raise ValueError(f"{display_path(destination)}: refusing to overwrite an input file")
            except OSError:
                continue
    handle, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, destination)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
