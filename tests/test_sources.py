"""Reading user files: decoding, refusing binaries, walking folders, never writing."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess

import pytest

from spinlint.sources import InputError, display_path, iter_files, read_source


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data", [
    "Plain café text.".encode("utf-8"),
    codecs.BOM_UTF8 + "Plain café text.".encode("utf-8"),
    codecs.BOM_UTF16_LE + "Plain café text.".encode("utf-16-le"),
    codecs.BOM_UTF16_BE + "Plain café text.".encode("utf-16-be"),
])
def test_decodes_utf8_and_utf16_with_bom(tmp_path, data):
    source = read_source(_write(tmp_path / "a.txt", data))
    assert source.text == "Plain café text."


def test_cp1252_is_an_error_with_a_hint_unless_asked_for(tmp_path):
    path = _write(tmp_path / "word.txt", "It\x92s a \x93smart\x94 move.".encode("latin-1"))
    with pytest.raises(InputError, match=r"word\.txt: not valid UTF-8 .*--encoding cp1252"):
        read_source(path)
    assert read_source(path, encoding="cp1252").text == "It’s a “smart” move."
    with pytest.raises(InputError, match="unknown encoding"):
        read_source(path, encoding="no-such-codec")


@pytest.mark.parametrize("name, data, expected", [
    ("a.txt", b"text\0with nul", "NUL"),
    ("report.txt", b"%PDF-1.7\n...", "PDF"),
    ("image.md", b"\x89PNG\r\n\x1a\n....", "PNG"),
    ("memo.doc", b"\xd0\xcf\x11\xe0....", "unsupported format .doc"),
    ("deck.pptx", b"PK\x03\x04....", "unsupported format .pptx"),
])
def test_binary_and_planned_formats_are_refused(tmp_path, name, data, expected):
    path = _write(tmp_path / name, data)
    with pytest.raises(InputError) as error:
        read_source(path)
    message = str(error.value)
    assert expected in message and name in message and "\n" not in message


def test_size_limit_names_the_option(tmp_path):
    path = _write(tmp_path / "big.txt", b"word " * 1000)
    with pytest.raises(InputError, match="--max-bytes"):
        read_source(path, max_bytes=100)


def test_empty_file_is_fine(tmp_path):
    assert read_source(_write(tmp_path / "empty.md", b"")).text == ""


def test_walk_skips_hidden_vendor_and_ignored_and_keeps_named_files(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("A.")
    (tmp_path / "docs" / "b.rst").write_text("B.")
    for folder in (".hidden", "node_modules", "build", "venv"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text("X.")
    (tmp_path / "venv" / "pyvenv.cfg").write_text("")
    (tmp_path / "notes.txt").write_text("N.")
    (tmp_path / "skip.txt").write_text("S.")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = {path.relative_to(tmp_path).as_posix() for path, named in iter_files([tmp_path])}
    assert found == {"docs/a.md", "notes.txt", "skip.txt"}
    excluded = {path.name for path, _ in iter_files([tmp_path], exclude=("skip.txt",))}
    assert "skip.txt" not in excluded
    included = {path.name for path, _ in iter_files([tmp_path], include=("*.rst",))}
    assert included == {"b.rst"}
    assert list(iter_files([tmp_path / "docs" / "b.rst"])) == [(tmp_path / "docs" / "b.rst", True)]


def test_walk_honours_gitignore(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.md\n!keep.tmp.md\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text("X.")
    (tmp_path / "keep.md").write_text("K.")
    (tmp_path / "keep.tmp.md").write_text("K.")
    (tmp_path / "scratch.tmp.md").write_text("S.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("local.md\n")
    (tmp_path / "sub" / "local.md").write_text("L.")
    (tmp_path / "sub" / "other.md").write_text("O.")
    found = sorted(path.relative_to(tmp_path).as_posix() for path, _ in iter_files([tmp_path]))
    assert found == ["keep.md", "keep.tmp.md", "sub/other.md"]
    # walking a subfolder still obeys the repository root's rules
    assert [path.name for path, _ in iter_files([tmp_path / "sub"])] == ["other.md"]


def test_gitignore_is_not_read_outside_a_repository(tmp_path):
    (tmp_path / ".gitignore").write_text("*.md\n")
    (tmp_path / "memo.md").write_text("M.")
    assert [path.name for path, _ in iter_files([tmp_path])] == ["memo.md"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_walking_a_hostile_repository_runs_nothing(tmp_path):
    """An archive's .git/config can name commands git would run (core.fsmonitor); walking it must run none."""
    marker = tmp_path / "ran"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    archive = tmp_path / "archive"
    archive.mkdir()
    subprocess.run(["git", "init", "-q", str(archive)], check=True)
    with open(archive / ".git" / "config", "a") as config:
        config.write(f"[core]\n\tfsmonitor = {hook}\n\thooksPath = {tmp_path}\n")
    (archive / ".gitignore").write_text("secret.md\n")
    (archive / "memo.md").write_text("We are excited.")
    (archive / "secret.md").write_text("S.")
    # a .git *file* pointing elsewhere is not followed either
    other = tmp_path / "other"
    other.mkdir()
    (other / ".git").write_text(f"gitdir: {archive / '.git'}\n")
    (other / "note.md").write_text("N.")
    assert [path.name for path, _ in iter_files([archive])] == ["memo.md"]
    assert [path.name for path, _ in iter_files([other])] == ["note.md"]
    assert not marker.exists()


def test_display_path_escapes_undecodable_names(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    shown = display_path(tmp_path / name)
    assert "\\xe9" in shown
    shown.encode("utf-8")  # no lone surrogates
