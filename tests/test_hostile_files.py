"""Hostile archives, part 2 (issue 16): what spinlint reads and writes on disk.

Someone else prepared the folder: its outputs may be symlinks or devices, its names may not be
UTF-8, its folders may be unsearchable or nested past PATH_MAX, its symlinks may lead to the
user's secrets, and a results log may have been tampered with.  Each case runs the real command
line on fixtures written into ``tmp_path``; docs/security.md names the test behind each promise.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from cli_runs import PLAIN, SPIN, run

SECRET = "aws_secret_access_key = wJalrXUtnFEMI-leverage-synergies-at-scale\n"



def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("spinlint: error: ")]


def warnings(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("spinlint: warning: ")]


def one_line_error(result, *needles: str) -> str:
    assert result.exit_code == 2, result.output
    (line,) = errors(result)
    for needle in needles:
        assert needle in line, line
    return line


def linted_names(result) -> list[str]:
    return sorted(Path(file["path"]).name for file in json.loads(result.stdout)["files"])


def memo(folder: Path, name: str = "memo.txt", text: str = SPIN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def null_device(path: Path) -> Path:
    """A character device like /dev/null, made in tmp_path (the real one is never put at risk)."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot create a device node here (needs root)")
    return path


# ---------------------------------------------------------------- item 2: outputs that would be destroyed

@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_check_refuses_to_write_through_a_symlink(tmp_path, option):
    source = memo(tmp_path / "docs")
    victim = memo(tmp_path / "elsewhere", "keep.txt", PLAIN)
    link = tmp_path / "report.json"
    link.symlink_to(victim)
    one_line_error(run("check", "--isolated", option, str(link), str(source)), "report.json", "symlink")
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == PLAIN


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_check_writes_into_a_device_and_leaves_it_a_device(tmp_path, option):
    source = memo(tmp_path / "docs")
    device = null_device(tmp_path / "null")
    result = run("check", "--isolated", "--ignore", "M", option, str(device), str(source))
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISCHR(os.lstat(device).st_mode), "the device was replaced by a regular file"


def test_check_writes_into_a_fifo_the_user_names(tmp_path):
    source = memo(tmp_path / "docs")
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("check", "--isolated", "--ignore", "M", "--format", "json", "--output", str(fifo), str(source))
    reader.join(30)
    assert result.exit_code == 1, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert received and json.loads(received[0])["files"]


def test_check_refuses_a_socket_as_output(tmp_path):
    import socket

    source = memo(tmp_path / "docs")
    path = tmp_path / "report.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        one_line_error(run("check", "--isolated", "--output", str(path), str(source)), "report.sock",
                       "not a regular file")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


def scan(*args: str):
    return run("scan", "--jobs", "1", "--ignore", "M", *args)


def test_scan_refuses_an_output_that_is_one_of_its_documents(tmp_path):
    archive = tmp_path / "archive"
    memo(archive, "a.txt")
    victim = memo(archive, "b.txt", PLAIN)
    one_line_error(scan(str(archive), "--output", str(victim)), "b.txt", "refusing to overwrite an input")
    assert victim.read_text(encoding="utf-8") == PLAIN


def test_scan_refuses_a_symlinked_log(tmp_path):
    archive = tmp_path / "archive"
    memo(archive)
    victim = memo(tmp_path / "elsewhere", "keep.jsonl", PLAIN)
    link = tmp_path / "results.jsonl"
    link.symlink_to(victim)
    for resume in ((), ("--resume",)):
        one_line_error(scan(str(archive), "--output", str(link), *resume), "results.jsonl", "symlink")
        assert link.is_symlink() and victim.read_text(encoding="utf-8") == PLAIN


def test_scan_into_a_device_keeps_the_device_and_resume_is_refused(tmp_path):
    archive = tmp_path / "archive"
    memo(archive)
    device = null_device(tmp_path / "null")
    assert scan(str(archive), "--output", str(device)).exit_code == 0
    assert stat.S_ISCHR(os.lstat(device).st_mode), "the device was unlinked and replaced"
    one_line_error(scan(str(archive), "--output", str(device), "--resume"), "--resume", "device or pipe")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


# ---------------------------------------------------------------- item 6: scan and names that are not UTF-8

@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_scan_logs_a_non_utf8_name_escaped_with_its_bytes_and_resumes_past_it(tmp_path):
    archive = tmp_path / "archive"
    memo(archive, "plain.txt", PLAIN)
    raw = os.path.join(os.fsencode(archive), b"caf\xe9-memo.txt")
    with open(raw, "wb") as stream:
        stream.write(SPIN.encode("utf-8"))
    out = tmp_path / "results.jsonl"
    assert scan(str(archive), "--output", str(out)).exit_code == 0
    lines = out.read_bytes().decode("utf-8").splitlines()  # valid UTF-8, no lone surrogates
    records = {Path(record["path"]).name: record for record in map(json.loads, lines)}
    assert set(records) == {"plain.txt", "caf\\xe9-memo.txt"}
    odd = records["caf\\xe9-memo.txt"]
    assert odd["path_bytes"].endswith("caf%E9-memo.txt") and "error" not in odd
    assert "path_bytes" not in records["plain.txt"]

    resumed = scan(str(archive), "--output", str(out), "--resume")
    assert resumed.exit_code == 0 and json.loads(resumed.stdout)["skipped_already_done"] == 2
    assert out.read_bytes().decode("utf-8").splitlines() == lines


# ---------------------------------------------------------------- item 7: folders a walk cannot enter

def deep_tree(root: Path, levels: int = 20) -> int:
    """Folders of 240-character names nested past PATH_MAX (4096), built one level at a time."""
    name = "n" * 240
    root.mkdir()
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(levels):
            os.mkdir(name, dir_fd=fd)
            deeper = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        note = os.open("memo.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(note, SPIN.encode("utf-8"))
        os.close(note)
    finally:
        os.close(fd)
    return len(os.fsencode(root)) + levels * (len(name) + 1)


def test_a_walk_past_path_max_warns_skips_and_goes_on(tmp_path):
    root = tmp_path / "deep"
    assert deep_tree(root) > 4096
    memo(root, "top.txt")
    result = run("check", "--isolated", "--ignore", "M", "--format", "json", str(root))
    assert result.exit_code == 1, result.output
    assert linted_names(result) == ["top.txt"]
    assert any("too long" in line for line in warnings(result)), result.stderr


def test_an_unsearchable_folder_is_warned_about_and_skipped(tmp_path, monkeypatch):
    """Simulated (os.scandir and os.stat refuse the folder), so that the test also means something as root."""
    root = tmp_path / "archive"
    memo(root, "open.txt")
    locked = root / "locked"
    memo(locked, "inside.txt")
    real_stat, real_scandir = os.stat, os.scandir

    def refuse(path):
        text = os.fsdecode(path) if not isinstance(path, int) else ""
        if text.startswith(str(locked) + os.sep) or (text == str(locked) and refuse.listing):
            raise PermissionError(13, "Permission denied", text)

    def guarded_stat(path, *args, **kwargs):
        refuse.listing = False
        refuse(path)
        return real_stat(path, *args, **kwargs)

    def guarded_scandir(path="."):
        refuse.listing = True
        refuse(path)
        return real_scandir(path)

    monkeypatch.setattr(os, "stat", guarded_stat)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    result = run("check", "--isolated", "--ignore", "M", "--format", "json", str(root))
    assert result.exit_code == 1, result.output
    assert linted_names(result) == ["open.txt"]
    assert any("locked" in line and "Permission denied" in line for line in warnings(result)), result.stderr


def test_a_named_path_behind_a_refused_folder_is_a_permission_error_not_missing(tmp_path, monkeypatch):
    secret = memo(tmp_path / "locked", "memo.txt")
    real_lstat = os.lstat

    def guarded_lstat(path, *args, **kwargs):
        if os.fsdecode(path).startswith(str(secret.parent) + os.sep):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", guarded_lstat)
    line = one_line_error(run("check", "--isolated", str(secret)), "memo.txt", "Permission denied")
    assert "no such file" not in line
    line = one_line_error(scan(str(secret), "--output", str(tmp_path / "out.jsonl")), "Permission denied")
    assert "no such file" not in line


# ---------------------------------------------------------------- item 8: symlinks out of the walked tree

def tree_with_an_escaping_link(tmp_path: Path) -> Path:
    tree = tmp_path / "archive"
    memo(tree, "memo.txt")
    real = memo(tree / "sub", "real.txt", PLAIN)
    (tree / "alias.txt").symlink_to(real)  # stays inside the tree: read
    secret = memo(tmp_path / "home" / ".aws", "credentials.txt", SECRET)
    (tree / "notes.md").symlink_to(secret)
    return tree


def test_a_walk_skips_file_symlinks_leading_outside_the_tree(tmp_path):
    tree = tree_with_an_escaping_link(tmp_path)
    for output_format in ("json", "text", "sarif", "html"):
        result = run("check", "--isolated", "--ignore", "M", "--format", output_format, str(tree))
        assert result.exit_code == 1, result.output
        assert "wJalrXUtnFEMI" not in result.stdout, output_format
        (warning,) = warnings(result)
        assert "notes.md" in warning and "--follow-symlinks" in warning
    result = run("check", "--isolated", "--ignore", "M", "--format", "json", str(tree))
    # alias.txt -> real.txt inside the tree is one file: linted once, under its own name (as scan logs it)
    assert linted_names(result) == ["memo.txt", "real.txt"]
    followed = run("check", "--isolated", "--ignore", "M", "--format", "json", "--follow-symlinks", str(tree))
    assert linted_names(followed) == ["memo.txt", "notes.md", "real.txt"]


def test_scan_skips_file_symlinks_leading_outside_the_tree(tmp_path):
    tree = tree_with_an_escaping_link(tmp_path)
    out = tmp_path / "results.jsonl"
    result = scan(str(tree), "--output", str(out))
    assert result.exit_code == 0 and any("notes.md" in line for line in warnings(result))
    assert "wJalrXUtnFEMI" not in out.read_text(encoding="utf-8")
    # alias.txt -> real.txt inside the tree is one document: logged once, under the file's own name
    assert sorted(Path(json.loads(line)["path"]).name for line in out.read_text().splitlines()) == \
        ["memo.txt", "real.txt"]
    (same,) = [entry for entry in json.loads(result.stdout)["left_out"]["paths"] if "same_as" in entry]
    assert Path(same["path"]).name == "alias.txt" and Path(same["same_as"]).name == "real.txt"
    assert scan(str(tree), "--output", str(out), "--follow-symlinks", "--force").exit_code == 0
    assert "notes.md" in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- item 12: --resume on a tampered log

def scanned_log(tmp_path: Path) -> tuple[Path, Path]:
    archive = tmp_path / "archive"
    memo(archive, "a.txt")
    memo(archive, "b.txt", PLAIN)
    out = tmp_path / "results.jsonl"
    assert scan(str(archive), "--output", str(out)).exit_code == 0
    return archive, out


@pytest.mark.parametrize("bad_line", ["this is not JSON", "[1, 2, 3]", "5", '"a string with path in it"',
                                      '{"no_path": 1}', "[" * 100_000])
def test_resume_refuses_a_log_with_a_bad_line_in_the_middle_and_leaves_it_alone(tmp_path, bad_line):
    archive, out = scanned_log(tmp_path)
    first, second = out.read_text(encoding="utf-8").splitlines()
    out.write_text(f"{first}\n{bad_line}\n{second}\n", encoding="utf-8")
    before = out.read_bytes()
    one_line_error(scan(str(archive), "--output", str(out), "--resume"), "line 2", "refusing to resume")
    assert out.read_bytes() == before


def test_resume_refuses_a_file_that_is_not_a_log_even_without_a_newline(tmp_path):
    archive, _ = scanned_log(tmp_path)
    notes = tmp_path / "notes.txt"
    notes.write_text("My own notes, one line and no newline at the end", encoding="utf-8")
    one_line_error(scan(str(archive), "--output", str(notes), "--resume"), "line 1", "refusing to resume")
    assert notes.read_text(encoding="utf-8") == "My own notes, one line and no newline at the end"


def test_resume_drops_only_a_record_cut_short_at_the_end(tmp_path):
    archive, out = scanned_log(tmp_path)
    first, second = out.read_text(encoding="utf-8").splitlines()
    out.write_text(f"{first}\n{second[:25]}", encoding="utf-8")
    result = scan(str(archive), "--output", str(out), "--resume")
    assert result.exit_code == 0 and json.loads(result.stdout)["skipped_already_done"] == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == first and len(lines) == 2 and json.loads(lines[1])["path"] == json.loads(second)["path"]


# ---------------------------------------------------------------- item 14: codecs that do not give text

@pytest.mark.parametrize("codec, needle", [("rot13", "not a text encoding"), ("base64", "not a text encoding"),
                                           ("zlib", "not a text encoding")])
def test_non_text_codecs_are_one_line_errors(tmp_path, codec, needle):
    source = memo(tmp_path / "docs")
    one_line_error(run("check", "--isolated", "--encoding", codec, str(source)), codec, needle)
    one_line_error(run("check", "--isolated", "--encoding", codec, str(source.parent)), codec, needle)
    one_line_error(run("diff", "--isolated", "--encoding", codec, str(source), str(source)), codec, needle)
    out = tmp_path / "results.jsonl"
    out.write_text("an old log\n", encoding="utf-8")
    one_line_error(scan(str(source.parent), "--encoding", codec, "--output", str(out)), codec, needle)
    assert out.read_text(encoding="utf-8") == "an old log\n"


@pytest.mark.parametrize("codec, data, needle", [
    ("punycode", b"The memo.\n", "not valid punycode"),
    ("undefined", b"plain text", "not valid undefined"),
    ("utf-7", b"Hello +2AA- world", "lone surrogate"),
    ("unicode_escape", b"Hello \\udc80 world", "lone surrogate"),
])
def test_codecs_that_fail_oddly_or_give_lone_surrogates_are_one_line_errors(tmp_path, codec, data, needle):
    source = tmp_path / "memo.txt"
    source.write_bytes(data)
    for output_format in ("text", "json"):
        one_line_error(run("check", "--isolated", "--format", output_format, "--encoding", codec, str(source)),
                       "memo.txt", needle)


# ---------------------------------------------------------------- low: limits, workers, reading once

def test_a_huge_max_bytes_allocates_nothing_up_front(tmp_path):
    source = memo(tmp_path / "docs")
    result = run("check", "--isolated", "--ignore", "M", "--max-bytes", str(10 ** 15), str(source))
    assert result.exit_code == 1, result.output


@pytest.mark.parametrize("options, needle", [
    (("--jobs", "0"), "--jobs 0"), (("--jobs", "-5"), "--jobs -5"), (("--jobs", "100000"), "--jobs 100000"),
    (("--dask-scheduler", "not an address"), "--dask-scheduler"),
    (("--dask-scheduler", "tcp://host:99999"), "--dask-scheduler"),
])
def test_bad_workers_are_refused_before_the_old_log_is_touched(tmp_path, options, needle):
    archive = tmp_path / "archive"
    memo(archive)
    out = tmp_path / "results.jsonl"
    out.write_text('{"path": "an old log line"}\n', encoding="utf-8")
    result = run("scan", "--ignore", "M", str(archive), "--output", str(out), *options)
    one_line_error(result, needle)
    assert out.read_text(encoding="utf-8") == '{"path": "an old log line"}\n'


def test_scan_hashes_exactly_the_bytes_it_lints(tmp_path, monkeypatch):
    """The file changes between two reads (simulated): the record's hash must be of the text that was linted."""
    import spinlint.sources as sources

    archive = tmp_path / "archive"
    path = memo(archive, "memo.txt", PLAIN)
    linted = (SPIN * 3).encode("utf-8")
    real_open = open

    def changed_on_the_way(file, mode="r", *args, **kwargs):
        if os.fspath(file) == str(path) and "b" in mode:
            return io.BytesIO(linted)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(sources, "open", changed_on_the_way, raising=False)
    from spinlint.scan.archive import ScanOptions, scan_document

    record = scan_document(str(path), ScanOptions(ignore=("M",)))
    assert record["sha256"] == hashlib.sha256(linted).hexdigest()
    assert record["counts"], "the linted bytes (spin) were not the ones scored"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS passes arguments as UTF-8 only")
@pytest.mark.parametrize("output_format, shown", [("json", "caf\\\\xe9.md"), ("sarif", "caf%E9.md"),
                                                  ("text", "caf\\xe9.md"), ("github", "caf\\xe9.md")])
def test_a_stdin_filename_that_is_not_utf8_is_escaped_like_a_walked_name(output_format, shown):
    import subprocess

    name = os.fsdecode(b"caf\xe9.md")  # as the shell passes $'caf\xe9.md': a lone surrogate in Python
    command = [sys.executable, "-m", "spinlint", "check", "--isolated", "--ignore", "M", "--format", output_format,
               "--stdin-filename", name]
    completed = subprocess.run(command, input=SPIN.encode("utf-8"), capture_output=True, timeout=120)
    assert completed.returncode == 1, completed.stderr
    stdout = completed.stdout.decode("utf-8")  # raw 0xe9 here used to make the JSON invalid UTF-8
    assert shown in stdout
    if output_format in ("json", "sarif"):
        json.loads(stdout)


def test_scan_logs_one_file_named_several_ways_once(tmp_path, monkeypatch):
    archive = tmp_path / "archive"
    memo(archive / "a", "x.md")
    memo(archive / "a", "other.md", PLAIN)
    (tmp_path / "link").symlink_to(archive / "a", target_is_directory=True)
    os.link(archive / "a" / "x.md", archive / "hard-link.md")
    monkeypatch.chdir(archive)
    out = tmp_path / "results.jsonl"
    result = scan("a", "a/../a", "./a/x.md", "a/x.md", str(tmp_path / "link"), "hard-link.md", "--output", str(out))
    assert result.exit_code == 0, result.output
    logged = [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(logged) == ["a/other.md", "a/x.md"], logged
    same = {entry["path"]: entry["same_as"] for entry in json.loads(result.stdout)["left_out"]["paths"]
            if entry["reason"] == "the same file as another path"}
    assert same == {"a/../a/x.md": "a/x.md", "a/../a/other.md": "a/other.md",
                    str(tmp_path / "link" / "x.md"): "a/x.md", str(tmp_path / "link" / "other.md"): "a/other.md",
                    "hard-link.md": "a/x.md"}
    # ./a/x.md and a/x.md, named after the walk found a/x.md, are that very path: one record, nothing to list


# ---------------------------------------------------------------- low: a full disk

class FullDisk:
    """A file on a full disk: opening works, every write fails with ENOSPC (as the kernel says it)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        import errno

        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self):
        pass

    @property
    def closed(self):
        return self._stream.closed

    def close(self):
        self._stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


@pytest.mark.parametrize("option, what", [("--output", "report"), ("--write-baseline", "baseline")])
def test_a_full_disk_while_writing_a_report_is_one_line_naming_it(tmp_path, monkeypatch, option, what):
    source = memo(tmp_path / "docs")
    destination = tmp_path / "out.json"
    destination.write_text("the old one\n", encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: FullDisk(real_fdopen(*args, **kwargs)))
    result = run("check", "--isolated", "--ignore", "M", option, str(destination), str(source))
    one_line_error(result, "out.json", f"cannot write the {what}", "No space left on device")
    assert destination.read_text(encoding="utf-8") == "the old one\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs", "out.json"], "a temporary file was left"


@pytest.mark.parametrize("jobs", ["1", "2"])  # 2: the loky worker pool has documents in flight when it fails
def test_a_full_disk_while_writing_the_scan_log_is_one_line_naming_it(tmp_path, monkeypatch, jobs):
    archive = tmp_path / "archive"
    for number in range(12):
        memo(archive, f"memo-{number}.txt")
    out = tmp_path / "results.jsonl"
    real_open = Path.open

    def full_for_the_log(self, *args, **kwargs):
        stream = real_open(self, *args, **kwargs)
        return FullDisk(stream) if self == out else stream

    monkeypatch.setattr(Path, "open", full_for_the_log)
    result = run("scan", "--ignore", "M", "--jobs", jobs, str(archive), "--output", str(out))
    one_line_error(result, "results.jsonl", "cannot write the results log", "No space left on device")
    assert result.stderr.strip().count("\n") == 0, result.stderr  # nothing else: no joblib warning, no traceback


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux), whose writes fail with ENOSPC")
@pytest.mark.parametrize("command", [("check", "--isolated"), ("check", "--isolated", "--format", "json"),
                                     ("scan", "--jobs", "2", "--output", "LOG")])
def test_standard_output_on_a_full_disk_is_one_line(tmp_path, command):
    import subprocess

    archive = tmp_path / "archive"
    for number in range(6):
        memo(archive, f"memo-{number}.txt")
    command = [str(tmp_path / "results.jsonl") if part == "LOG" else part for part in command]
    with open("/dev/full", "w") as full:
        completed = subprocess.run([sys.executable, "-m", "spinlint", *command, "--ignore", "M", str(archive)],
                                   stdout=full, stderr=subprocess.PIPE, timeout=120)
    stderr = completed.stderr.decode("utf-8")
    assert completed.returncode == 2, stderr
    assert stderr == "spinlint: error: standard output: cannot write (No space left on device)\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux), whose writes fail with ENOSPC")
def test_a_scan_into_dev_full_with_workers_in_flight_is_one_line(tmp_path):
    archive = tmp_path / "archive"
    for number in range(12):
        memo(archive, f"memo-{number}.txt")
    result = run("scan", "--ignore", "M", "--jobs", "2", str(archive), "--output", "/dev/full")
    assert result.exit_code == 2
    assert result.stderr == "spinlint: error: /dev/full: cannot write the results log (No space left on device)\n"


def test_a_worker_pool_that_cannot_start_on_a_full_disk_is_one_line(tmp_path, monkeypatch):
    import errno

    import joblib

    def no_room(self, iterable):  # loky's semaphores and temporary folders live in /dev/shm or /tmp
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/dev/shm/loky-1234-semaphore")

    monkeypatch.setattr(joblib.Parallel, "__call__", no_room)
    archive = tmp_path / "archive"
    memo(archive)
    out = tmp_path / "results.jsonl"
    result = run("scan", "--ignore", "M", "--jobs", "2", str(archive), "--output", str(out))
    line = one_line_error(result, "/dev/shm/loky-1234-semaphore", "No space left on device")
    assert "results.jsonl" not in line  # the log was not what failed
