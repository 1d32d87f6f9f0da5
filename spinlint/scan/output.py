"""Where reports and logs go: refuse a destination that writing would destroy, then write it safely.

A report replaces only a regular file that is not an input, and only by a rename, so a crash leaves
the old report or the new one.  A symlink is never written through to a file (the link's target is
someone's file, perhaps an input under another name), a folder, socket or block device is refused,
and a character device or FIFO the user names (``-o /dev/null``, ``-o /dev/stdout``, a pipe) is
written into, never replaced: replacing ``/dev/null`` with a regular file breaks the whole machine.
A write that fails (a full disk) is one ``OutputError`` naming the destination.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from ..sources import display_path

FILE, STREAM = "file", "stream"


class OutputError(ValueError):
    """A destination spinlint refuses to write; the message is one line naming it."""


def output_kind(destination: Path, inputs: Iterable[Path | str]) -> str:
    """FILE (a new file, or a regular file to replace) or STREAM (a device or FIFO to write into)."""
    shown = display_path(destination)
    folder = destination.parent if str(destination.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{shown}: the folder {display_path(folder)} does not exist")
    try:
        link = os.lstat(destination)
    except FileNotFoundError:
        return FILE
    except OSError as error:
        raise OutputError(f"{shown}: cannot write there ({error.strerror or error})") from None
    try:
        info = os.stat(destination)
    except OSError:
        raise OutputError(f"{shown}: a symlink that leads nowhere; refusing to write through it") from None
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return STREAM
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise OutputError(f"{shown}: {kind}; refusing to write there")
    for path in inputs:  # by inode: through a symlink, a hard link or an escaped name alike
        try:
            other = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(other.st_mode) and (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            raise OutputError(f"{shown}: refusing to overwrite an input file")
    if stat.S_ISLNK(link.st_mode):
        raise OutputError(f"{shown}: a symlink; refusing to write through it (name the file itself)")
    return FILE


def write_output(destination: Path, text: str, inputs: Iterable[Path | str]) -> None:
    """Write ``text`` to ``destination``: atomically (a temporary file, then a rename) unless it is a stream."""
    if output_kind(destination, inputs) == STREAM:
        with open(destination, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        return
    folder = destination.parent if str(destination.parent) else Path(".")
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


class ResultsLog:
    """``scan``'s append-and-flush log, one line per document. A failure to open, write or close it (ENOSPC,
    EIO, a quota) is an ``OutputError`` naming the log, so the scan ends with one line, not a traceback."""

    def __init__(self, path: Path):
        self.path = path
        self._stream = None
        try:
            self._stream = path.open("a", encoding="utf-8")
        except OSError as error:
            raise self._failed(error) from None

    def write_line(self, line: str) -> None:
        try:
            self._stream.write(line + "\n")
            self._stream.flush()  # each line reaches the disk as its document is done: a crash loses nothing
        except OSError as error:
            raise self._failed(error) from None

    def close(self) -> None:
        if self._stream is not None and not self._stream.closed:
            try:
                self._stream.close()
            except OSError as error:
                raise self._failed(error) from None

    def _failed(self, error: OSError) -> OutputError:
        if self._stream is not None and not self._stream.closed:
            try:  # what could not be written must not be tried again, and fail again, when the file is closed
                self._stream.close()
            except OSError:
                pass  # closing closes the file even when its last flush fails
        return OutputError(f"{display_path(self.path)}: cannot write the results log "
                           f"({error.strerror or error})")

    def __enter__(self) -> "ResultsLog":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
