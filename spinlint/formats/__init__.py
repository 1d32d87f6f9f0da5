"""Output formats: each a small module with ``render(report, **options) -> str``."""

from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json", "sarif", "github", "html")


def renderer(name: str):
    """The ``render`` function of one format, imported only when asked for."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f".{name}_format", __name__)
    return module.render
