"""The shipped (or a given) model, loaded once per process; the linter and the Python API share it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_MODELS: dict[Any, Any] = {}


class ModelLoadError(Exception):
    """The model could not be loaded or failed its integrity check."""


def load_model(path: Path | None = None):
    """The shipped (or given) model, loaded once per process."""
    if path not in _MODELS:
        from . import runtime

        try:
            _MODELS[path] = runtime.load(path)
        except runtime.ModelError as error:
            raise ModelLoadError(str(error)) from None
    return _MODELS[path]
