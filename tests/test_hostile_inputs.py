"""Hostile and broken input through the real command line (issue 7).

Every case has a defined behaviour: a one-line message naming the path, exit 2
for a path the user named that cannot be linted, a warning and a skip inside a
folder walk, never a traceback, never a modified file.  Fixtures are generated
here in ``tmp_path``; nothing binary lives in the repository.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from spinlint.cli import main

SPIN = "Our AI-first platform will unlock value at scale. Mistakes were made during the rollout.\n"
PLAIN = "The invoice run finished at 09:00 on Tuesday. Maria fixed the printer queue.\n"


# ---------------------------------------------------------------- helpers

def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every regular file under ``root`` (symlinks and FIFOs are not followed or opened)."""
    hashes = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as stream:
                hashes[path] = hashlib.sha256(stream.read()).hexdigest()
    return hashes


def check(*args: str, root: Path | None = None, input: bytes | None = None):
    """``spinlint check --isolated ARGS``; asserts no traceback and (given ``root``) no modified file."""
    before = snapshot(root) if root else None
    result = CliRunner().invoke(main, ["check", "--isolated", *args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"spinlint raised {result.exception!r}\n{result.output}") from result.exception
    assert "Traceback" not in result.output
    if root is not None:
        after = snapshot(root)
        assert {path: digest for path, digest in after.items() if path in before} == before, "an input changed"
    return result


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("spinlint: ")]


def assert_one_line_error(result, shown: str, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    errors = [line for line in error_lines(result) if line.startswith("spinlint: error: ")]
    assert len(errors) == 1, result.stderr
    assert shown in errors[0]
    for needle in needles:
        assert needle in errors[0]


def json_report(result) -> dict:
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def line_starts(text: str) -> list[int]:
    """Where each line starts, lines split on \\r\\n, \\r and \\n only (written independently of spinlint)."""
    return [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]


def assert_positions_exact(text: str, findings: list[dict]) -> None:
    starts = line_starts(text)
    for finding in findings:
        start = starts[finding["line"] - 1] + finding["column"] - 1
        end = starts[finding["end_line"] - 1] + finding["end_column"] - 1
        assert text[start:end] == finding["match"], finding


@contextlib.contextmanager
def no_hang(seconds: int = 60):
    """Fail instead of hanging (a FIFO opened for reading blocks until a writer appears)."""
    def expire(signum, frame):
        raise TimeoutError(f"spinlint did not return within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------- binary and undecodable files

BINARIES = {
    "nul.txt": b"An ordinary start\0then a NUL byte.",
    "paper.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "archive.md": b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20,
    "picture.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "photo.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_named_binary_file_is_exit_2_with_one_line(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BINARIES[name])
    result = check(str(path), root=tmp_path)
    assert_one_line_error(result, name, "binary")


def test_binary_files_in_a_folder_are_warned_about_and_skipped(tmp_path):
    for name, data in BINARIES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "plain.txt").write_text(PLAIN, encoding="utf-8")
    result = check("--format", "json", "--ignore", "R", str(tmp_path), root=tmp_path)
    assert result.exit_code == 0, result.output
    assert [Path(file["path"]).name for file in json.loads(result.stdout)["files"]] == ["plain.txt"]
    warnings = [line for line in error_lines(result) if line.startswith("spinlint: warning: ")]
    assert len(warnings) == len(BINARIES)
    assert all("binary" in line for line in warnings)


def test_undecodable_bytes_suggest_cp1252_and_the_option_works(tmp_path):
    path = tmp_path / "word-export.txt"
    path.write_bytes("Our \u201cAI-first\u201d platform will unlock value at scale. It\u2019s ready.".encode("cp1252"))
    result = check(str(path), root=tmp_path)
    assert_one_line_error(result, "word-export.txt", "--encoding cp1252", "UTF-8")

    decoded = check("--encoding", "cp1252", "--format", "json", str(path), root=tmp_path)
    text = path.read_bytes().decode("cp1252")
    findings = json_report(decoded)["files"][0]["findings"]
    assert any(finding["match"] == "unlock value" or "unlock" in finding["match"] for finding in findings)
    assert_positions_exact(text, findings)


def test_unknown_and_wrong_encodings_are_one_line_errors(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_bytes("caf\u00e9 \u2014 value".encode("utf-8"))
    # an unknown codec is refused once, before any file is read
    assert_one_line_error(check("--encoding", "no-such-codec", str(path), root=tmp_path), "--encoding",
                          "unknown encoding", "no-such-codec")
    assert_one_line_error(check("--encoding", "ascii", str(path), root=tmp_path), "memo.txt", "ascii")


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                        (codecs.BOM_UTF8, "utf-8")])
def test_byte_order_marks_give_the_same_findings_as_utf8(tmp_path, bom, codec):
    text = "Caf\u00e9 notes.\r\n" + SPIN
    plain = tmp_path / "plain.txt"
    plain.write_bytes(text.encode("utf-8"))
    marked = tmp_path / "marked.txt"
    marked.write_bytes(bom + text.encode(codec))
    expected = json_report(check("--format", "json", str(plain)))["files"][0]["findings"]
    got = json_report(check("--format", "json", str(marked), root=tmp_path))["files"][0]["findings"]
    assert expected and got == expected
    assert_positions_exact(text, got)


def test_broken_utf16_after_a_bom_is_a_one_line_error(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    assert_one_line_error(check(str(path), root=tmp_path), "broken.txt")


def test_binary_on_stdin_names_the_stdin_filename():
    result = check("--stdin-filename", "pasted.md", "-", input=b"\x00\x01\x02binary")
    assert_one_line_error(result, "pasted.md", "binary")


# ---------------------------------------------------------------- empty and degenerate documents

@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""), ("spaces.txt", b"   \t  \n\n \r\n"), ("bom-only.txt", codecs.BOM_UTF8),
    ("utf16-bom-only.txt", codecs.BOM_UTF16_LE), ("empty.md", b""), ("blank.md", b"\n\n   \n"),
    ("code-only.md", b"```\nwe leverage synergies\n```\n"), ("empty.html", b""),
    ("tags-only.html", b"<html><head><title></title></head><body>  </body></html>"),
    ("comment-only.html", b"<!-- we leverage synergies -->"),
])
def test_empty_and_whitespace_only_files_are_clean(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = check("--format", "json", str(path), root=tmp_path)
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["findings"] == []
    assert all(0 <= value <= 100 for value in entry["scores"].values())
    assert check(str(path)).exit_code == 0


def test_an_empty_folder_is_clean(tmp_path):
    result = check(str(tmp_path))
    # no error; one warning that there was nothing to lint (issue 15, as ruff warns)
    assert result.exit_code == 0 and [line.split(": ")[1] for line in error_lines(result)] == ["warning"]


# ---------------------------------------------------------------- size and shape

def test_a_two_megabyte_single_line(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text(("we leverage synergies to unlock value at scale " * 45_000)[:2_000_000], encoding="utf-8")
    result = check("--format", "json", str(path), root=tmp_path)
    findings = json_report(result)["files"][0]["findings"]
    assert findings and all(finding["line"] == 1 for finding in findings)
    assert_positions_exact(path.read_text(encoding="utf-8"), findings[:200])


def test_a_200000_word_sentence_without_punctuation(tmp_path):
    path = tmp_path / "run-on.md"
    words = ["value", "teams", "the", "platform", "synergy", "and", "outcomes", "we", "leverage", "growth"]
    text = " ".join(words[i % len(words)] for i in range(200_000)) + "\n"
    path.write_text(text, encoding="utf-8")
    result = check("--format", "json", str(path), root=tmp_path)
    report = json_report(result)["files"][0]
    assert report["findings"]
    assert_positions_exact(text, report["findings"][:200])


@pytest.mark.parametrize("run", ["-" * 5000, "1," * 3000, "a-" * 3000, "x" * 5000, "&amp;" * 2000])
def test_long_runs_without_whitespace_stay_fast_and_exact(tmp_path, run):
    """Runs like these once cost rule patterns time quadratic in their length (18 KB took a minute)."""
    path = tmp_path / "runs.html" if run.startswith("&") else tmp_path / "runs.txt"
    text = ("We delivered significant savings. Mistakes were made " + run + " during the rollout.\n") * 9
    path.write_text(text, encoding="utf-8")
    findings = json_report(check("--format", "json", str(path), root=tmp_path))["files"][0]["findings"]
    assert any("Mistakes were made" in finding["match"] for finding in findings)
    assert_positions_exact(text, findings)


def test_over_max_bytes_named_is_exit_2_and_says_how_to_raise_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(SPIN * 50, encoding="utf-8")
    assert_one_line_error(check("--max-bytes", "1000", str(path), root=tmp_path), "big.txt", "--max-bytes")
    assert check("--max-bytes", str(path.stat().st_size), str(path)).exit_code == 1


def test_over_max_bytes_in_a_folder_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "big.txt").write_text(SPIN * 50, encoding="utf-8")
    (tmp_path / "small.txt").write_text(PLAIN, encoding="utf-8")
    result = check("--max-bytes", "1000", "--ignore", "R", "--format", "json", str(tmp_path), root=tmp_path)
    assert result.exit_code == 0
    assert [Path(file["path"]).name for file in json.loads(result.stdout)["files"]] == ["small.txt"]
    (warning,) = error_lines(result)
    assert warning.startswith("spinlint: warning: ") and "big.txt" in warning and "--max-bytes" in warning


# ---------------------------------------------------------------- markup that breaks parsers

def test_deeply_nested_markdown_quotes_and_lists(tmp_path):
    tail = "Mistakes were made during the rollout.\n"
    cases = {
        "quotes.md": ">" * 5000 + " we leverage synergies\n\n" + tail,
        "spaced-quotes.md": "> " * 5000 + "we leverage synergies\n\n" + tail,
        "lists.md": "".join("  " * depth + "- we leverage synergies\n" for depth in range(1000)) + "\n" + tail,
        "bullets.md": "- " * 5000 + "we leverage synergies\n\n" + tail,
        "mixed.md": "> - 1. " * 2000 + "we leverage synergies\n\n" + tail,
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = check("--format", "json", str(tmp_path), root=tmp_path)
    for entry in json_report(result)["files"]:
        text = cases[Path(entry["path"]).name]
        assert_positions_exact(text, entry["findings"])
        # the ordinary paragraph after the deep structure is still linted
        assert any(finding["match"].startswith("Mistakes were made") or finding["match"] == "were made"
                   or "made" in finding["match"] for finding in entry["findings"]), entry["path"]


def test_a_long_markdown_line_with_an_entity_is_still_linted(tmp_path):
    """Inline text over 2,000 characters that differs from its source (an entity, an escape) was dropped."""
    path = tmp_path / "long-line.md"
    text = "AT&amp;T said mistakes were made. " + "We will grow \\*fast\\*. " * 150 + "Errors occurred.\n"
    path.write_text(text, encoding="utf-8")
    findings = json_report(check("--format", "json", "--select", "B", str(path), root=tmp_path))["files"][0]["findings"]
    assert {finding["match"] for finding in findings} >= {"mistakes were made", "Errors occurred"}
    assert_positions_exact(text, findings)


@pytest.mark.parametrize("link", ["[a](<b c>) ", "[a](b\u00e9) ", "![x](<a b>) ", "[a][r] "])
def test_many_links_whose_destination_is_not_verbatim_stay_linear(tmp_path, link):
    """Each such destination was searched for to the end of its paragraph (quadratic)."""
    path = tmp_path / "links.md"
    text = "Mistakes were made. " + link * 20_000 + "\n\n[r]: <x y>\n"
    path.write_text(text, encoding="utf-8")
    findings = json_report(check("--format", "json", "--select", "B", str(path), root=tmp_path))["files"][0]["findings"]
    assert any(finding["match"] == "Mistakes were made" for finding in findings)
    assert_positions_exact(text, findings)


def test_unterminated_code_fence_hides_the_rest_as_code(tmp_path):
    path = tmp_path / "fence.md"
    text = "We will unlock value at scale.\n\n```python\nwe leverage synergies\n\n~~~\nMistakes were made.\n"
    path.write_text(text, encoding="utf-8")
    findings = json_report(check("--format", "json", str(path), root=tmp_path))["files"][0]["findings"]
    assert_positions_exact(text, findings)
    assert findings and all(finding["line"] == 1 for finding in findings)


@pytest.mark.parametrize("html", [
    "<p>We will unlock value at scale.<div><b><i>Mistakes were made",
    "</p></div></b>We will unlock value at scale.</html></html>",
    "<p title='unterminated>We will unlock value at scale.</p>",
    "<p>We will unlock value at scale.</p><!-- never closed <p>Mistakes were made.</p>",
    "<p>We will unlock value at scale.</p><script>document.write('<p>hidden</p>')",
    "<p>We will unlock value at scale.</p><style>p { color: red }",
    "<p>We &amp&amp; will &#xFFFFFFFF; unlock &#0; value &bogus; at scale &#x1F680;.</p>",
    "<<<p>>>We will unlock value at scale.<p <p <",
    "<!DOCTYPE html><?php echo 1 ?><![CDATA[ x ]]><p>We will unlock value at scale.</p>",
    "<p>" + "<span>" * 5000 + "We will unlock value at scale." + "</div>" * 5000,
    "<table><tr><td>We will unlock value<td>at scale.<tr></table></table>",
])
def test_malformed_html_still_lints_with_exact_positions(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    report = json_report(check("--format", "json", str(path), root=tmp_path))["files"][0]
    assert_positions_exact(html, report["findings"])
    assert all("hidden" not in finding["match"] for finding in report["findings"])


@pytest.mark.parametrize("construct", ["<a b='", "<a b=\"", "x<!--", "<a", "</a", "<![", "<!x", "<?"])
def test_html_constructs_that_never_end_stay_linear(tmp_path, construct):
    """The standard library's parser rescans to the end for each of these (120 KB of "<a b='" took
    minutes) and raises AssertionError on a malformed "<![" section."""
    path = tmp_path / "soup.html"
    text = "<p>Mistakes were made.</p>" + construct * 20_000 + " Errors occurred."
    path.write_text(text, encoding="utf-8")
    report = json_report(check("--format", "json", str(path), root=tmp_path))["files"][0]
    assert any(finding["match"] == "Mistakes were made" for finding in report["findings"])
    assert_positions_exact(text, report["findings"])


def test_cdata_sections_stay_hidden(tmp_path):
    path = tmp_path / "cdata.html"
    text = "<p>Plain words.</p><![CDATA[ Mistakes were made. ]]><p>Errors occurred.</p>"
    path.write_text(text, encoding="utf-8")
    report = json_report(check("--format", "json", str(path), root=tmp_path))["files"][0]
    assert all("Mistakes" not in finding["match"] for finding in report["findings"])
    assert_positions_exact(text, report["findings"])


def test_many_next_line_directives_before_a_long_blank_stretch(tmp_path):
    """Each directive walked the same blank lines again (directives x blank lines)."""
    path = tmp_path / "blank.md"
    text = "<!-- spinlint-disable-next-line B -->" * 1000 + "\n" * 200_000 + "Mistakes were made.\n"
    path.write_text(text, encoding="utf-8")
    result = check("--format", "json", "--select", "B", str(path), root=tmp_path)
    assert json_report(result)["files"][0]["findings"] == []


def test_thousands_of_suppression_comments_stay_linear(tmp_path):
    """Each finding was checked against every directive (findings x directives)."""
    path = tmp_path / "directives.md"
    text = ("<!-- spinlint-disable B -->\nWe leverage synergies.\n\n<!-- spinlint-disable-next-line V -->\n"
            "We leverage synergies.\n\n<!-- spinlint-enable E -->\n\n") * 3000
    path.write_text(text, encoding="utf-8")
    report = json_report(check("--format", "json", "--select", "V,B,X", str(path), root=tmp_path))["files"][0]
    assert sum(finding["code"].startswith("V") for finding in report["findings"]) == 3000
    assert_positions_exact(text, report["findings"])


@pytest.mark.parametrize("name", ["open.md", "open.txt", "open.html"])
def test_directive_comments_that_never_close_stay_linear(tmp_path, name):
    """Each unclosed "<!-- spinlint-" rescanned the rest of the document (280 KB took minutes)."""
    path = tmp_path / name
    text = "Mistakes were made.\n\n" + "<!-- spinlint-disable " * 20_000 + "\n"
    path.write_text(text, encoding="utf-8")
    findings = json_report(check("--format", "json", "--select", "B", str(path), root=tmp_path))["files"][0]["findings"]
    assert any(finding["match"] == "Mistakes were made" for finding in findings)


def test_hostile_html_documents_render_inert_in_the_html_report(tmp_path):
    path = tmp_path / "attack.html"
    path.write_text('<p>We will unlock value at scale. "><img src=x onerror=alert(1)> '
                    '<a href="javascript:alert(2)">our leading platform</a></p>'
                    '<p>&lt;script&gt;alert(3)&lt;/script&gt; Mistakes were made.</p>', encoding="utf-8")
    page = check("--format", "html", str(path), root=tmp_path).stdout
    assert "<img src=x" not in page and "<script>alert" not in page
    assert 'href="javascript:' not in page and "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")


# ---------------------------------------------------------------- positions with tricky characters

@pytest.mark.parametrize("name, text", [
    ("bidi.txt", "Our \u202eAI-first\u202c platform will \u2066unlock value\u2069 at scale.\n"
                 "Mistakes\u200b were\u200d made during the rollout.\n"),
    ("emoji.txt", "\U0001F680\U0001F680 Our AI-first platform \U0001F468\u200d\U0001F469\u200d\U0001F467 "
                  "will unlock value at scale. \ufe0f Mistakes were made.\n"),
    ("combining.md", "# Cafe\u0301 \U0001F3F3\ufe0f\u200d\U0001F308\n\nOur AI-first platform will unlock value "
                     "at scale.\u2028Mistakes were made.\u2029Really.\n"),
    ("crlf.txt", "First line.\r\nOur AI-first platform will unlock value at scale.\r\n\r\nMistakes were made.\r\n"),
    ("cr-only.md", "Title\r\r  Our AI-first platform will unlock value at scale.\rMistakes were made.\r"),
    ("mixed-endings.html", "<p>One.\r\n\U0001F600 Our AI-first platform\rwill unlock value\nat scale.</p>\r\n"
                           "<p>Mistakes were made.</p>"),
])
def test_positions_stay_exact_with_bidi_zero_width_emoji_and_line_endings(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    findings = json_report(check("--format", "json", str(path), root=tmp_path))["files"][0]["findings"]
    assert findings
    assert_positions_exact(text, findings)


def test_text_format_columns_count_code_points(tmp_path):
    path = tmp_path / "emoji.txt"
    path.write_bytes("\U0001F680\U0001F680\U0001F680 Mistakes were made.\r\n".encode("utf-8"))
    result = check("--select", "B", str(path), root=tmp_path)
    located = re.compile(re.escape(str(path)) + r":(\d+):(\d+): ")
    columns = {int(match.group(2)) for match in map(located.match, result.stdout.splitlines()) if match}
    assert columns and min(columns) == 5  # three emoji and a space come first, one column each


# ---------------------------------------------------------------- files that cannot be read

@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_named_file_by_permissions(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SPIN, encoding="utf-8")
    path.chmod(0)
    try:
        assert_one_line_error(check(str(path)), "secret.txt", "cannot read")
    finally:
        path.chmod(0o644)


def test_unreadable_files_named_and_in_a_walk(tmp_path, monkeypatch):
    """The permission error is simulated so that the test also means something when run as root."""
    import spinlint.sources as sources

    secret = tmp_path / "secret.txt"
    secret.write_text(SPIN, encoding="utf-8")
    (tmp_path / "open.txt").write_text(PLAIN, encoding="utf-8")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if os.fspath(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(sources, "open", refusing_open, raising=False)
    assert_one_line_error(check(str(secret), root=tmp_path), "secret.txt", "Permission denied")
    walked = check("--ignore", "R", "--format", "json", str(tmp_path), root=tmp_path)
    assert walked.exit_code == 0
    assert [Path(file["path"]).name for file in json.loads(walked.stdout)["files"]] == ["open.txt"]
    (warning,) = error_lines(walked)
    assert "warning" in warning and "secret.txt" in warning and "Permission denied" in warning


def test_symlink_loops_and_dangling_links(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "memo.txt").write_text(SPIN, encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    with no_hang():
        walked = check("--format", "json", str(folder), root=tmp_path)
    assert [Path(file["path"]).name for file in json_report(walked)["files"]] == ["memo.txt"]
    with no_hang():
        named = check(str(folder / "a.txt"))
    assert_one_line_error(named, "a.txt")
    assert_one_line_error(check(str(folder / "dangling.md")), "dangling.md", "no such file")


def test_fifos_are_never_opened(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "memo.txt").write_text(SPIN, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.md")
    with no_hang(30):
        walked = check("--format", "json", str(folder), root=tmp_path)
    assert [Path(file["path"]).name for file in json_report(walked)["files"]] == ["memo.txt"]
    with no_hang(30):
        named = check(str(folder / "pipe.txt"))
    assert_one_line_error(named, "pipe.txt", "not a regular file")


def test_a_named_folder_and_a_missing_path(tmp_path):
    assert_one_line_error(check(str(tmp_path / "missing.txt")), "missing.txt", "no such file")


# ---------------------------------------------------------------- file names that are not UTF-8

@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_non_utf8_file_names_are_printed_with_backslash_escapes(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"caf\xe9-memo.txt")
    with open(raw, "wb") as stream:
        stream.write(SPIN.encode("utf-8"))
    binary = os.path.join(os.fsencode(folder), b"bin\xff.txt")
    with open(binary, "wb") as stream:
        stream.write(b"\x00\x00")

    for output_format in ("text", "json", "sarif", "github", "html"):
        result = check("--format", output_format, str(folder), root=tmp_path)
        assert result.exit_code == 1, (output_format, result.output)
        # SARIF's URI percent-encodes the name's own bytes (a consumer must find the file), JSON escapes
        # the backslash, the others show the escape as it is
        shown = {"sarif": "caf%E9-memo.txt", "json": "caf\\\\xe9"}.get(output_format, "caf\\xe9")
        assert shown in result.stdout, output_format
        assert "\udce9" not in result.stdout and "\\udce9" not in result.stdout, output_format
    warning = error_lines(check(str(folder)))[0]
    assert "bin\\xff.txt" in warning and "\udcff" not in warning

    # named on the command line, through a real process: stdout and stderr must be valid UTF-8
    command = [sys.executable, "-m", "spinlint", "check", "--isolated", "--select", "B", os.fsdecode(raw),
               os.fsdecode(binary)]
    completed = subprocess.run(command, capture_output=True, timeout=120)
    assert completed.returncode == 2
    stdout, stderr = completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    assert "caf\\xe9-memo.txt" in stdout and "bin\\xff.txt: binary" in stderr
    assert "Traceback" not in stderr


# ---------------------------------------------------------------- where reports are written

def test_output_into_a_missing_folder_is_a_clear_error(tmp_path):
    source = tmp_path / "memo.txt"
    source.write_text(SPIN, encoding="utf-8")
    for option in ("--output", "--write-baseline"):
        result = check(option, str(tmp_path / "no" / "such" / "report.json"), str(source), root=tmp_path)
        assert_one_line_error(result, "report.json", "does not exist")
    assert sorted(os.listdir(tmp_path)) == ["memo.txt"]


def test_output_never_overwrites_an_input(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    memo = folder / "memo.txt"
    memo.write_text(SPIN, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(memo)
    os.link(memo, tmp_path / "hardlink.txt")
    for option in ("--output", "--write-baseline"):
        for target, inputs in ((memo, [memo]), (tmp_path / "alias.txt", [memo]), (memo, [folder]),
                               (tmp_path / "hardlink.txt", [memo]), (memo, [tmp_path / "alias.txt"])):
            result = check(option, str(target), *map(str, inputs), root=tmp_path)
            assert_one_line_error(result, target.name, "refusing to overwrite an input")
    assert memo.read_text(encoding="utf-8") == SPIN
    assert sorted(os.listdir(folder)) == ["memo.txt"]  # no temporary files left behind


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_output_never_overwrites_an_input_whose_folder_name_is_not_utf8(tmp_path):
    """Reports show such names escaped (caf\\xe9), so the check must compare real paths, not shown ones."""
    folder = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9")))
    folder.mkdir()
    memo = folder / "memo.txt"
    memo.write_text(SPIN, encoding="utf-8")
    for option in ("--output", "--write-baseline"):
        result = check(option, str(memo), str(folder), root=tmp_path)
        assert_one_line_error(result, "memo.txt", "refusing to overwrite an input")
        assert "\udce9" not in result.stderr
    assert memo.read_text(encoding="utf-8") == SPIN


def test_output_onto_a_folder_is_refused(tmp_path):
    source = tmp_path / "memo.txt"
    source.write_text(SPIN, encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = check("--output", str(tmp_path / "out"), str(source), root=tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert os.listdir(tmp_path / "out") == []


def test_output_is_written_atomically_and_replaces_an_old_report(tmp_path):
    source = tmp_path / "memo.txt"
    source.write_text(SPIN, encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_text("old report", encoding="utf-8")
    result = check("--format", "json", "--output", str(report), str(source), root=None)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["files"]
    assert sorted(os.listdir(tmp_path)) == ["memo.txt", "report.json"]
    assert source.read_text(encoding="utf-8") == SPIN


# ---------------------------------------------------------------- config and model files

@pytest.mark.parametrize("config, needles", [
    ("[tool.spinlint]\nbogus = 1\n", ["bogus"]),
    ("[tool.spinlint]\nselect = \"V\"\n", ["select", "'V'"]),
    ("[tool.spinlint]\nselect = [\"Q999\"]\n", ["select", "Q999"]),
    ("[tool.spinlint]\nignore = [1]\n", ["ignore", "1"]),
    ("[tool.spinlint]\nmax-spin = \"high\"\n", ["max-spin", "high"]),
    ("[tool.spinlint]\nfail-on = \"sometimes\"\n", ["fail-on", "sometimes"]),
    ("[tool.spinlint]\nper-file-ignores = {\"*.txt\" = [\"ZZ9\"]}\n", ["per-file-ignores", "ZZ9"]),
    ("[tool.spinlint\n", ["TOML"]),
    ("[tool.spinlint]\nselect = [\"V\"]\n\xe9 = 1\n", ["UTF-8"]),  # written as Latin-1 below
])
def test_bad_config_is_exit_2_naming_key_value_and_file(tmp_path, config, needles):
    (tmp_path / "pyproject.toml").write_bytes(config.encode("latin-1"))
    source = tmp_path / "memo.txt"
    source.write_text(SPIN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(source)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert_one_line_error(result, "pyproject.toml", *needles)
    assert source.read_text(encoding="utf-8") == SPIN


def test_model_integrity_is_checked_before_loading(tmp_path):
    runtime = pytest.importorskip("spinlint.model.runtime")
    artefact = tmp_path / "model.npz"
    artefact.write_bytes(b"PK\x03\x04 not really a model")
    with pytest.raises(runtime.ModelError, match="card"):
        runtime.load(artefact)
    (tmp_path / "model.json").write_text(json.dumps({"artefact": {"sha256": "0" * 64}}), encoding="utf-8")
    with pytest.raises(runtime.ModelError, match="sha256"):
        runtime.load(artefact)


def test_a_user_supplied_model_needs_a_card(tmp_path):
    source = tmp_path / "memo.txt"
    source.write_text(SPIN, encoding="utf-8")
    artefact = tmp_path / "swapped.npz"
    artefact.write_bytes(b"PK\x03\x04 not really a model")
    result = check("--model", str(artefact), str(source), root=tmp_path)
    assert_one_line_error(result, "swapped", "card")
