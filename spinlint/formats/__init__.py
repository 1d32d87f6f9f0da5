"""Output formats: each a small module with ``render(report, **options) -> str``.

The registry below is the one list of formats: the CLI builds its
``--format`` choices and help from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class OutputFormat:
    name: str
    summary: str
    # the format shows the document itself, so the linter must keep its text
    needs_text: bool = False


REGISTRY: dict[str, OutputFormat] = {
    entry.name: entry
    for entry in (
        OutputFormat("text", "path:line:col lines and a summary per file"),
        OutputFormat("json", "the versioned JSON contract (docs/json.md)"),
        OutputFormat("sarif", "SARIF 2.1.0 for code scanning (docs/ci.md)"),
        OutputFormat("github", "GitHub Actions annotations (docs/ci.md)"),
        OutputFormat("html", "a self-contained HTML report (docs/html-report.md)", needs_text=True),
    )
}
FORMATS = tuple(REGISTRY)


def renderer(name: str):
    """The ``render`` function of one format, imported only when asked for."""
    if name not in REGISTRY:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f".{name}_format", __name__)
    return module.render


def needs_text(name: str) -> bool:
    return REGISTRY[name].needs_text
