"""Runs the linter over paths and writes reports: the bridge between the CLI and the pipeline."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from ..config import Settings
from ..lint import Linter
from ..report import FileReport, InputProblem, Report
from ..sources import InputError, display_path, iter_files, read_source, read_stdin


class LintCrash(Exception):
    """An unexpected error (a bug) while linting one file; the CLI names ``path`` and the cause in one line."""

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


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
        settings = settings_for(stdin_config_path(stdin_filename))
        try:
            source = read_stdin(sys.stdin.buffer.read(), name=name, encoding=encoding)
            files.append(_lint_one(linter, source, settings))
        except InputError as error:
            problems.append(InputProblem(name, str(error)))
    for path in real_paths:
        if not os.path.lexists(path):
            problems.append(InputProblem(display_path(path), f"{display_path(path)}: no such file or directory"))
    existing = [path for path in real_paths if os.path.lexists(path)]
    for path, named, settings in _candidates(existing, settings_for, include, exclude):
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


def files_to_lint(paths: list[Path], settings_for: Callable[[Path], Settings], *, include=(), exclude=()
                  ) -> list[Path]:
    """What ``lint_paths`` would read, in its order (``-`` for stdin first); missing paths are left out."""
    found = [Path("-")] if any(str(path) == "-" for path in paths) else []
    existing = [path for path in paths if str(path) != "-" and os.path.lexists(path)]
    found += [path for path, _, _ in _candidates(existing, settings_for, include, exclude)]
    return found


def _candidates(existing: list[Path], settings_for: Callable[[Path], Settings], include, exclude
                ) -> Iterator[tuple[Path, bool, Settings]]:
    """Each file named or found under a folder, whether it was named, and its settings; a folder walk
    leaves out what the file's config excludes (a named file is always linted)."""
    for path, named in iter_files(existing, include=tuple(include), exclude=tuple(exclude)):
        settings = settings_for(path)
        if named or not settings.is_excluded(path):
            yield path, named, settings


def _lint_one(linter: Linter, source, settings: Settings) -> FileReport:
    try:
        return linter.lint(source, settings)
    except Exception as error:  # a bug: say which file set it off
        raise LintCrash(source.path) from error


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
    mode = _mode_for(destination)
    handle, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(temporary, mode)  # mkstemp makes 0600; the report should get what open() would give it
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, destination)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _mode_for(destination: Path) -> int:
    """The mode open(destination, "w") would leave: a file that exists keeps its own, a new one gets
    0o666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(destination).st_mode)
    except OSError:
        umask = os.umask(0o022)  # the only way to read the umask is to set it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask
