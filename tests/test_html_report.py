"""--format html: a self-contained page, checked as text and in a real headless Chromium.

The browser tests skip on a machine without Chromium, unless
SPINLINT_REQUIRE_BROWSER=1 (as in CI, where .ci/run installs Debian's
chromium): then a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from spinlint.document import Span
from spinlint.rules.findings import Finding, LineIndex
from spinlint.formats import renderer
from spinlint.report import FileReport, InputProblem, Report

# A hostile draft: every trick here must show up as text, never run.
HOSTILE = """# Launch memo

We leverage synergy <script>document.body.setAttribute("data-pwned", "script")</script> today.
Mistakes were made. "><img src=x onerror="document.body.setAttribute('data-pwned', 'img')">
See [our proof](javascript:document.body.setAttribute('data-pwned','link')) for details.
Our platform is the best in the world.
"""


def finding(text: str, phrase: str, code: str, category: str, severity: str = "warning") -> Finding:
    start = text.index(phrase)
    span = Span(start, start + len(phrase))
    position = LineIndex(text).position(span)
    return Finding(code=code, name=f"rule-{code.lower()}", category=category, severity=severity,
                   message=f"{code} says <b>look</b> here.", span=span, match=phrase,
                   question='Who "decided" & when?', suggestion="Name <i>who</i>.", scope="sentence",
                   line=position.line, column=position.column, end_line=position.end_line,
                   end_column=position.end_column)


def hostile_report() -> Report:
    findings = sorted((
        finding(HOSTILE, "leverage synergy", "V001", "vague"),
        finding(HOSTILE, "Mistakes were made", "B001", "blame"),
        finding(HOSTILE, '"><img src=x', "B002", "blame", "info"),
        finding(HOSTILE, "the best in the world", "E001", "evidence", "error"),
        finding(HOSTILE, "Our platform is the best in the world.", "R001", "readability", "info"),
    ), key=lambda f: (f.span.start, f.span.end))
    first = FileReport(path="drafts/<memo>.md", findings=tuple(findings),
                       scores={"spin": 62.5, "vague": 30.0, "blame": 55.0, "evidence_gap": 12.0},
                       readability={"flesch_reading_ease": 55.2, "flesch_kincaid_grade": 9.1, "words": 40,
                                    "sentences": 5},
                       sentences=5, text=HOSTILE)
    second = FileReport(path="drafts/plain.txt", scores={"spin": 0.0}, sentences=1,
                        text="The invoice run finished at 09:00.\n")
    return Report(files=(first, second), problems=(InputProblem("gone.md", "gone.md: no such <file>"),))


class Elements(HTMLParser):
    """Every element in a page, as (tag, attributes)."""

    def __init__(self, page: str):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def having(self, tag: str, css_class: str | None = None) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.elements
                if name == tag and (css_class is None or css_class in attrs.get("class", "").split())]


def test_page_is_self_contained_and_inert():
    page = renderer("html")(hostile_report())
    elements = Elements(page)
    assert not elements.having("script") and not elements.having("img") and not elements.having("link")
    for tag, attrs in elements.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not value.strip().lower().startswith(("http:", "https:", "//", "javascript:")), (tag, value)
    policy = [attrs["content"] for attrs in elements.having("meta") if attrs.get("http-equiv")]
    assert policy and "default-src 'none'" in policy[0]
    assert "&lt;script&gt;document.body.setAttribute" in page
    assert "drafts/&lt;memo&gt;.md" in page and "no such &lt;file&gt;" in page


def test_structure_per_file():
    elements = Elements(renderer("html")(hostile_report()))
    assert len(elements.having("section", "file")) == 2
    assert len(elements.having("div", "gauge")) == 8
    assert len(elements.having("table", "readability")) == 1  # the plain file has no readability figures
    tags = elements.having("a", "tag")
    assert len(tags) == 5
    assert {"cat-vague", "cat-blame", "cat-evidence", "cat-readability"} <= {
        cls for attrs in tags for cls in attrs["class"].split()}
    assert len(elements.having("tr")) == 5 + 1 + 4  # findings + header + readability rows
    titles = [attrs["title"] for attrs in elements.having("mark", "hl")]
    assert any('Ask: Who "decided" & when?' in title for title in titles)


def test_overlapping_findings_are_numbered_once_each_and_the_innermost_colours_the_text():
    text = "They say it is the best in the world, truly."
    outer = finding(text, "it is the best in the world", "V001", "vague")
    inner = finding(text, "the best in the world", "E001", "evidence")
    from spinlint.formats.html_format import highlight

    html = highlight(text, [outer, inner], "f1")
    assert html.count('class="tag') == 2
    assert html.index('id="f1-hl-1"') < html.index('id="f1-hl-2"')
    assert '<mark class="hl cat-vague" title="V001' in html and '<mark class="hl cat-evidence" title="E001' in html
    assert html.index("cat-vague") < html.index("cat-evidence")
    assert "the best in the world</mark>, truly." in html  # the punctuation stays with its sentence


# -- in a real browser ---------------------------------------------------------------------------------


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("SPINLINT_REQUIRE_BROWSER") == "1":
        pytest.fail("SPINLINT_REQUIRE_BROWSER=1 but no chromium is installed")
    pytest.skip("no chromium on this machine (set SPINLINT_REQUIRE_BROWSER=1 to require it)")


def run_chromium(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1600", *args, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def check_in_browser(page: Path, tmp_path: Path, expected_tags: int) -> Elements:
    screenshot = tmp_path / "report.png"
    shot = run_chromium(page, tmp_path, f"--screenshot={screenshot}")
    assert screenshot.is_file() and screenshot.stat().st_size > 10_000, shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = run_chromium(page, tmp_path, "--dump-dom")
    assert dom.returncode == 0 and "<body" in dom.stdout, dom.stderr[-2000:]
    elements = Elements(dom.stdout)
    assert len(elements.having("a", "tag")) == expected_tags
    assert elements.having("mark", "hl")
    assert not elements.having("script") and not elements.having("img")
    body = elements.having("body")[0]
    assert "data-pwned" not in body, body
    return elements


def test_hostile_report_renders_in_chromium_without_running_anything(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(renderer("html")(hostile_report()), encoding="utf-8")
    elements = check_in_browser(page, tmp_path, expected_tags=5)
    assert len(elements.having("section", "file")) == 2


def test_control_the_browser_does_run_scripts_in_this_mode(tmp_path):
    """Without this, "nothing ran" could just mean headless Chromium runs no scripts at all."""
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><html><body><p>x</p><script>document.body.setAttribute("data-pwned", "yes")'
                    "</script></body></html>", encoding="utf-8")
    dom = run_chromium(page, tmp_path, "--dump-dom")
    assert Elements(dom.stdout).having("body")[0].get("data-pwned") == "yes", dom.stderr[-2000:]


def test_check_writes_one_report_for_several_files_and_it_renders(tmp_path):
    from click.testing import CliRunner

    from spinlint.cli import main

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "hostile.md").write_text(HOSTILE + "Our AI-first platform will unlock value at scale.\n",
                                       encoding="utf-8")
    (drafts / "launch.html").write_text(
        "<html><body><h1>Launch</h1><p>We will reimagine the future of work at scale.</p>"
        "<p>Mistakes were made.</p><script>document.body.setAttribute('data-pwned', 'html')</script>"
        "</body></html>\n", encoding="utf-8")
    page = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", "--format", "html", "--output", str(page), str(drafts)],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert result.output == ""
    html = page.read_text(encoding="utf-8")
    assert html.count('<section class="file"') == 2
    findings = html.count('<a class="tag')
    assert findings >= 3
    elements = check_in_browser(page, tmp_path, expected_tags=findings)
    labels = {cls for attrs in elements.having("a", "tag") for cls in attrs["class"].split()}
    assert {"cat-vague", "cat-blame"} <= labels
