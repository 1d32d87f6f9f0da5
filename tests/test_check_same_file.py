"""`check` lints a file once however many ways it is named (issue 16: one document, one record)."""

import json
import os

from click.testing import CliRunner

from spinlint.cli import main

MEMO = "Mistakes were made, and we are leveraging synergies going forward.\n"


def test_a_file_named_twice_is_linted_once(tmp_path, monkeypatch):
    (tmp_path / "memo.md").write_text(MEMO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "memo.md", "./memo.md", "."])
    report = json.loads(result.output)
    assert [entry["path"] for entry in report["files"]] == ["memo.md"]


def test_a_hard_link_is_the_same_file(tmp_path, monkeypatch):
    (tmp_path / "memo.md").write_text(MEMO, encoding="utf-8")
    os.link(tmp_path / "memo.md", tmp_path / "copy.md")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "memo.md", "copy.md"])
    assert [entry["path"] for entry in json.loads(result.output)["files"]] == ["memo.md"]


def test_two_files_with_the_same_text_are_two_files(tmp_path, monkeypatch):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(MEMO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "a.md", "b.md"])
    assert [entry["path"] for entry in json.loads(result.output)["files"]] == ["a.md", "b.md"]
