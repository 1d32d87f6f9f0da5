"""Where shipped data lives, in a wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path


def models_dir() -> Path:
    """The folder holding the shipped model and the Punkt parameters.

    In a wheel the build maps the top-level ``models/`` into ``spinlint/_models``;
    in a source checkout (or an editable install) it is the top-level ``models/``.
    """
    package = Path(__file__).resolve().parent
    installed = package / "_models"
    if installed.is_dir():
        return installed
    return package.parent / "models"
