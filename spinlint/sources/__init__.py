"""Read user files: find them, decode them, refuse what cannot be linted.

The only module that opens user files, and it only ever reads them.  Every
problem becomes an ``InputError`` whose message is one line naming the file.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

from ..document import Source
from .errors import InputError

FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
# Read by the modules beside this one, each imported only when such a file is linted.
DOCUMENT_FORMATS = (".docx", ".pdf", ".eml", ".mbox")
DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", *DOCUMENT_FORMATS)
PLANNED_FORMATS = (".doc", ".odt", ".rtf", ".pptx", ".xlsx", ".epub")
SKIPPED_FOLDERS = {".git", ".hg", ".svn", "node_modules", "__pycache__", "build", "dist", "site-packages",
                   ".venv", "venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
# Leading bytes of common binary formats, checked before any decoding.
MAGIC_NUMBERS = {
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)", b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x1f\x8b": "a gzip archive", b"\x7fELF": "an executable", b"{\\rtf": "an RTF document",
}
ENCODING_HINT = "if it came from Word or Windows, try --encoding cp1252"
# Codecs such as utf-7 and unicode_escape can produce halves of surrogate pairs, which are not text:
# every later stage (and every output format) would have to cope with a string it cannot encode.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Files are read in pieces of this size, so --max-bytes bounds what is read, never what is allocated up front.
READ_CHUNK = 1 << 20


def relative_path(path: Path | str) -> str:
    """The path relative to the cwd when inside it, as the operating system names it (may hold surrogates)."""
    text = os.fspath(path)
    if text != "-":
        try:
            relative = os.path.relpath(text)
            if not relative.startswith(".."):
                text = relative
        except ValueError:  # another drive on Windows
            pass
    return text


def display_path(path: Path | str) -> str:
    """The path as users should see it: relative to the cwd when inside it, never with lone surrogates."""
    return escaped_name(relative_path(path))


def escaped_name(name: str) -> str:
    """``name`` with the undecodable bytes of a file name (surrogates) shown as ``\\xNN`` escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def lookup_problem(path: Path | str) -> str | None:
    """Why ``path`` cannot even be looked up (missing, or a folder on the way that cannot be searched), or None."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return f"{display_path(path)}: no such file or directory"
    except OSError as error:  # a permission error is not "no such file": say which it is
        return f"{display_path(path)}: cannot read it ({error.strerror or error})"
    return None


def format_for(name: str) -> str:
    return FORMATS.get(Path(name).suffix.lower(), "text")


# Why a walk leaves a path out by default (``iter_files(left_out=…)`` hears of each; ``walk_all`` reads them).
SKIPPED_FOLDER, DOT_FILE, GITIGNORED = "dot-folder or tool folder", "dot-file", "ignored by .gitignore"


PathName = TypeVar("PathName", str, Path)


def distinct_files(files: Iterable[PathName]) -> tuple[list[PathName], list[tuple[PathName, PathName]]]:
    """Each file once, and (path, the path kept) for every other name of it.

    Told apart by device and inode, so ``a/../a/x.md``, a folder named twice or through a symlink, a
    symlink to a file beside it and hard links are one document with one record.  The name kept is
    the first reached without a symlink (the file itself), else the first; order is first-seen.  A
    path that cannot be looked up is kept: it becomes an error record of its own.
    """
    names_by_file: dict[object, list[PathName]] = {}
    for path in files:
        try:
            info = os.stat(path)
            key: object = (info.st_dev, info.st_ino)
        except OSError:
            key = path
        names = names_by_file.setdefault(key, [])
        if path not in names:  # the same name twice hides nothing
            names.append(path)
    kept: list[PathName] = []
    repeats: list[tuple[PathName, PathName]] = []
    for names in names_by_file.values():
        direct = next((name for name in names if os.path.realpath(name) == os.path.abspath(name)), names[0])
        kept.append(direct)
        repeats.extend((name, direct) for name in names if name != direct)
    return kept, repeats



def iter_files(paths: list[Path], *, include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
               warn: Callable[[str], None] = lambda message: None, follow_symlinks: bool = False,
               left_out: Callable[[Path, str], None] | None = None, walk_all: bool = False
               ) -> Iterator[tuple[Path, bool]]:
    """Each file to lint, with whether the user named it (True) or a directory walk found it (False).

    A walk warns about (and skips) what it cannot enter or should not read, and goes on: a folder it
    cannot search, a path too long for the system, a file symlink leading out of the walked folder
    (unless ``follow_symlinks``).  It also leaves out, without a warning, dot-folders and tool folders
    (``SKIPPED_FOLDERS``, virtualenvs), dot-files and what ``.gitignore`` ignores: ``left_out`` is told
    of each (a hostile archive can hide documents there), and ``walk_all`` reads them all instead.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from ((found, False) for found in _walk(path, include, exclude, warn, follow_symlinks,
                                                          left_out or (lambda path, why: None), walk_all))
        else:
            yield path, True


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...], warn: Callable[[str], None],
          follow_symlinks: bool, left_out: Callable[[Path, str], None], walk_all: bool) -> Iterator[Path]:
    candidates: list[Path] = []
    tree = Path(os.path.realpath(root))

    def cannot_enter(error: OSError) -> None:
        warn(f"skipped {display_path(error.filename or root)}: cannot read the folder ({error.strerror or error})")

    # followlinks=False: a symlinked folder is not entered, so a symlink loop cannot trap the walk.
    for folder, subfolders, files in os.walk(root, onerror=cannot_enter):
        entered = []
        for name in sorted(subfolders):
            try:
                if walk_all or not _skip_folder(Path(folder, name)):
                    entered.append(name)
                else:
                    left_out(Path(folder, name), SKIPPED_FOLDER)
            except OSError as error:  # not searchable, or a path over PATH_MAX
                warn(f"skipped {display_path(Path(folder, name))}: cannot read the folder "
                     f"({error.strerror or error})")
        subfolders[:] = entered
        for name in sorted(files):
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if not _wanted(relative, name, include, exclude):
                continue
            if name.startswith(".") and not walk_all:
                left_out(path, DOT_FILE)
                continue
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):  # FIFOs, sockets, devices
                    continue
            except (FileNotFoundError, NotADirectoryError):  # a dangling link
                continue
            except OSError as error:
                if error.errno != errno.ELOOP:  # a symlink loop is as good as dangling
                    warn(f"skipped {display_path(path)}: cannot read it ({error.strerror or error})")
                continue
            if not follow_symlinks and path.is_symlink() and not _inside(path, tree):
                # An archive can hold notes.md -> ~/.aws/credentials; its text would land in the report.
                warn(f"skipped {display_path(path)}: a symlink to a file outside {display_path(root)} "
                     "(--follow-symlinks reads it)")
                continue
            candidates.append(path)
    ignored = set() if walk_all else _git_ignored(root, candidates)
    for path in candidates:
        if path in ignored:
            left_out(path, GITIGNORED)
        else:
            yield path



def _inside(path: Path, tree: Path) -> bool:
    """Whether ``path``, every symlink followed, lies in the folder ``tree``."""
    target = Path(os.path.realpath(path))
    return target == tree or tree in target.parents


def _skip_folder(path: Path) -> bool:
    name = path.name
    return (name.startswith(".") or name in SKIPPED_FOLDERS or name.endswith(".egg-info")
            or (path / "pyvenv.cfg").exists())


def _wanted(relative: str, name: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    def matches(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern) for pattern in patterns)

    if exclude and matches(exclude):
        return False
    if include:
        return matches(include)
    return Path(name).suffix.lower() in DEFAULT_EXTENSIONS


def _git_ignored(root: Path, paths: list[Path]) -> set[Path]:
    """The paths the repository's ``.gitignore`` files (and ``.git/info/exclude``) ignore.

    Read in Python, never by running git: a walked folder may be an archive someone else prepared, and running
    git inside it would obey its ``.git/config`` (``core.fsmonitor`` and friends run commands). A user's global
    excludes file is not read, for the same reason and because it is outside the tree.
    """
    if not paths:
        return set()
    top = repository_root(root)
    if top is None:
        return set()
    rules = _IgnoreRules(top)
    return {path for path in paths if rules.ignored(path)}


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding a ``.git`` entry (a folder or a file)."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return None


class _IgnoreRules:
    """gitignore semantics: deeper files override shallower ones, a file under an ignored folder stays ignored."""

    def __init__(self, top: Path):
        self.top = top
        self._specs: dict[Path, object | None] = {}

    def _spec(self, folder: Path):
        if folder not in self._specs:
            import pathspec

            lines: list[str] = []
            sources = [folder / ".gitignore"]
            if folder == self.top:
                sources.insert(0, folder / ".git" / "info" / "exclude")
            for source in sources:
                try:
                    if os.path.isfile(source) and os.path.getsize(source) <= 1_000_000:
                        with open(source, encoding="utf-8", errors="replace") as stream:
                            lines.extend(stream.read().splitlines())
                except OSError:
                    continue
            self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[folder]

    def _decision(self, relative_parts: tuple[str, ...], is_dir: bool) -> bool | None:
        """Whether the folders' rules ignore this path (None: no rule says)."""
        decision = None
        folder = self.top
        for depth in range(len(relative_parts)):
            spec = self._spec(folder)
            if spec is not None:
                name = "/".join(relative_parts[depth:]) + ("/" if is_dir else "")
                result = spec.check_file(name)
                if result.include is not None:
                    decision = result.include
            folder = folder / relative_parts[depth]
        return decision

    def ignored(self, path: Path) -> bool:
        try:
            parts = path.resolve().relative_to(self.top).parts
        except ValueError:
            return False
        for length in range(1, len(parts)):  # an ignored parent folder hides everything below it
            if self._decision(parts[:length], is_dir=True):
                return True
        return bool(self._decision(parts, is_dir=False))


def read_source(path: Path, *, encoding: str | None = None, max_bytes: int = 10_000_000,
                display: str | None = None) -> Source:
    shown = display or display_path(path)
    return source_from_bytes(read_bytes(path, max_bytes=max_bytes, display=shown), path, encoding=encoding,
                             display=shown)


def read_bytes(path: Path, *, max_bytes: int = 10_000_000, display: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (``scan`` hashes and lints these same bytes)."""
    shown = display or display_path(path)
    if Path(path).suffix.lower() in PLANNED_FORMATS:
        raise InputError(f"{shown}: unsupported format {Path(path).suffix.lower()} "
                         "(export it to .txt, .md or .html first)")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file or directory") from None
    except OSError as error:
        raise InputError(f"{shown}: cannot read it ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{shown}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{shown}: not a regular file (a pipe, socket or device); not read")
    if info.st_size > max_bytes:
        raise InputError(f"{shown}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit; "
                         f"raise it with --max-bytes")
    try:
        with open(path, "rb") as stream:
            data = _read_at_most(stream, max_bytes + 1)
    except OSError as error:
        raise InputError(f"{shown}: cannot read it ({error.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{shown}: over the {max_bytes:,}-byte limit; raise it with --max-bytes")
    return data


def file_sha256(path: Path | str) -> str | None:
    """The file's sha256, read in pieces (a file over --max-bytes is hashed, never held), or None if unreadable."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            for chunk in iter(lambda: stream.read(READ_CHUNK), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _read_at_most(stream, limit: int) -> bytes:
    # read(limit) would allocate ``limit`` bytes before reading one: --max-bytes 1e11 is a MemoryError.
    chunks, total = [], 0
    while total < limit:
        chunk = stream.read(min(READ_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def source_from_bytes(data: bytes, path: Path, *, encoding: str | None = None, display: str | None = None) -> Source:
    shown = display or display_path(path)
    if Path(path).suffix.lower() in DOCUMENT_FORMATS:
        return read_document(data, shown, Path(path).suffix.lower(), os_path=relative_path(path))
    return Source(path=shown, text=decode(data, shown, encoding), format=format_for(str(path)),
                  os_path=relative_path(path))


def read_stdin(data: bytes, *, name: str = "-", encoding: str | None = None) -> Source:
    """Standard input, shown as ``name`` (``--stdin-filename``): a name from the command line may hold
    bytes that are not UTF-8 (surrogates), so it is escaped for display as a walked file's name is, and
    kept as given for URIs."""
    shown = escaped_name(name)
    if Path(name).suffix.lower() in DOCUMENT_FORMATS:
        return read_document(data, shown, Path(name).suffix.lower(), os_path=name)
    return Source(path=shown, text=decode(data, shown, encoding), format=format_for(name), os_path=name)


def read_document(data: bytes, shown: str, suffix: str, *, os_path: str | None = None) -> Source:
    """The prose of a .docx, .pdf, .eml or .mbox file, with the pages or paragraphs it came from."""
    if suffix == ".docx":
        from .word import read_docx as reader
    elif suffix == ".pdf":
        from .pdf import read_pdf as reader
    elif suffix == ".eml":
        from .mail import read_eml as reader
    else:
        from .mail import read_mbox as reader
    return reader(data, shown, os_path)


def decode(data: bytes, shown: str, encoding: str | None = None) -> str:
    """UTF-8 (with or without BOM) or UTF-16/32 with BOM; anything else only when ``encoding`` names it."""
    if encoding:
        check_encoding(encoding, shown)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(f"{shown}: not valid {encoding} (byte 0x{data[error.start]:02x} at offset "
                             f"{error.start})") from None
        except UnicodeError:  # punycode, idna, undefined: their messages quote the document, so say no more
            raise InputError(f"{shown}: not valid {encoding}") from None
        surrogate = _LONE_SURROGATE.search(text)
        if surrogate:
            raise InputError(f"{shown}: decoding it as {encoding} gives a lone surrogate "
                             f"(U+{ord(surrogate.group()):04X} at character {surrogate.start()}), which is not text")
        return _strip_bom(text)
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(f"{shown}: starts with a {codec} byte-order mark but is not valid {codec} "
                                 f"(offset {error.start})") from None
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{shown}: binary file ({kind}); spinlint reads text, Markdown, HTML, .docx, .pdf and .eml")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{shown}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
                         f"{ENCODING_HINT}") from None


def check_encoding(encoding: str, shown: str = "--encoding") -> None:
    """Refuse an unknown codec or one that does not turn bytes into text (rot13, base64, zlib)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{shown}: unknown encoding {encoding!r}") from None
    # The flag bytes.decode itself consults to refuse such codecs (CodecInfo's keyword since Python 3.4).
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{shown}: {encoding!r} is not a text encoding")


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _binary_kind(data: bytes) -> str:
    for magic, kind in MAGIC_NUMBERS.items():
        if data.startswith(magic):
            return kind
    if b"\0" in data[:65536]:
        return "it contains NUL bytes"
    return ""

