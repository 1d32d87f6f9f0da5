"""docs/rules/ is generated from the rule files and must be up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinlint.rules.ruledocs import generated_pages, render_rule_markdown, render_rule_text
from spinlint.rules.ruleset import builtin_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
REGENERATE = "run: python -m spinlint.rules.ruledocs docs/rules"


def test_generated_docs_are_up_to_date():
    pages = generated_pages(builtin_rules())
    on_disk = {path.name for path in DOCS.glob("*.md")}
    assert on_disk == set(pages), f"docs/rules is out of date ({REGENERATE})"
    for name, content in pages.items():
        assert (DOCS / name).read_text(encoding="utf-8") == content, f"docs/rules/{name} is stale ({REGENERATE})"


def test_index_lists_every_rule():
    index = generated_pages(builtin_rules())["README.md"]
    for rule in builtin_rules():
        assert f"[{rule.code}]({rule.code}.md)" in index


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda rule: rule.code)
def test_every_rule_renders_its_sections(rule):
    text = render_rule_text(rule)
    for heading in ("What it does", "Why it matters", "Example", "Instead, write", "Question to ask"):
        assert heading in text, f"{rule.code}: no '{heading}' section"
    markdown = render_rule_markdown(rule)
    assert markdown.startswith(f"# {rule.code} {rule.name}")
    assert "{match}" not in markdown and "{replacement}" not in markdown


def test_generator_writes_and_prunes(tmp_path):
    from spinlint.rules.ruledocs import main

    (tmp_path / "Z999.md").write_text("a page for a rule that does not exist")
    assert main([str(tmp_path)]) == 0
    assert not (tmp_path / "Z999.md").exists()
    assert (tmp_path / "README.md").is_file() and (tmp_path / "V001.md").is_file()
