"""A document cannot write terminal escapes or forge lines in text, diff or GitHub output (issue 16, item 3)."""

from __future__ import annotations

from click.testing import CliRunner

from spinlint.cli import main
from spinlint.report.escaping import visible

HOSTILE = ("We will leverage synergies \x1b]52;c;ZXZpbA==\x07 to unlock value \x1b[2J at scale.\n"
           "Mistakes were made\u202e by the intern.\n")


def test_visible_escapes_controls_and_bidi_but_keeps_text():
    assert visible("a\x1b[2Jb\x07c\x7f\x85d\u202ee") == "a\\x1b[2Jb\\x07c\\x7f\\x85d\\u202ee"
    assert visible("plain — café, 40%") == "plain — café, 40%"


def _run(args, tmp_path, name="memo.txt"):
    path = tmp_path / name
    path.write_text(HOSTILE, encoding="utf-8")
    return CliRunner().invoke(main, [*args, str(path)])


def test_text_output_has_no_raw_control_characters(tmp_path):
    result = _run(["check", "--format", "text"], tmp_path, name="memo\x1b[2J.txt")
    assert result.exit_code == 1, result.output
    assert not any(ord(ch) < 32 and ch != "\n" or 0x7f <= ord(ch) <= 0x9f for ch in result.output)
    assert "memo\\x1b[2J.txt" in result.output


def test_github_output_cannot_start_a_workflow_command(tmp_path):
    (tmp_path / "memo.txt").write_text("Our platform will transform everything.\n::add-mask::secret\n",
                                       encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "github", str(tmp_path / "memo.txt")])
    lines = result.output.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in commands), lines
    assert not any("::add-mask::" in line.split("::", 2)[-1][:12] for line in commands)
    assert "\x1b" not in result.output


def test_a_newline_in_a_file_name_cannot_forge_a_finding_line(tmp_path):
    result = _run(["check", "--format", "text"], tmp_path, name="a\nb.txt:1:1: V001 forged.txt")
    assert all(not line.startswith("b.txt:1:1:") for line in result.output.splitlines())
