"""Where shipped data lives, in a wheel and in a source checkout."""

from __future__ import annotations

import importlib.util
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


def package_data(package: str, *parts: str) -> Path:
    """A data file another installed package ships, found without importing that package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package!r} package is not installed; reinstall spinlint")
    return Path(list(spec.submodule_search_locations)[0], *parts)
