"""The shipped (or a given) model, loaded once per process; the linter and the Python API share it."""

from __future__ import annotations

import sys
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
            model = runtime.load(path)
        except runtime.ModelError as error:
            raise ModelLoadError(str(error)) from None
        # A card whose sha256 matches only proves the file is the one the card describes: a truncated,
        # empty or hand-made artefact (or a deeply nested card) still fails here as one line, not a traceback.
        except (EOFError, RecursionError, AttributeError, *_zip_errors()) as error:
            raise ModelLoadError(f"model file {path or runtime.default_path()} is malformed "
                                 f"({type(error).__name__}): {runtime.RETRAIN_HINT}") from None
        broken = _non_finite_arrays(model)
        if broken:
            raise ModelLoadError(f"model file {path or runtime.default_path()} holds NaN or infinite numbers "
                                 f"({', '.join(broken)}): {runtime.RETRAIN_HINT}")
        _MODELS[path] = model
    return _MODELS[path]


def _zip_errors() -> tuple[type[Exception], ...]:
    """zipfile's error, if zipfile was imported (the shipped model loads without it: spinlint/model/storedzip.py)."""
    zipfile = sys.modules.get("zipfile")
    return (zipfile.BadZipFile,) if zipfile is not None else ()


def _non_finite_arrays(model) -> list[str]:
    """Names of the model's float arrays (and its parts' arrays) holding NaN or infinity: such a model
    scores every document NaN, which no threshold compares sanely against."""
    import numpy as np

    def arrays(owner, prefix: str):
        for name, value in vars(owner).items():
            if isinstance(value, np.ndarray):
                yield prefix + name, value
            elif hasattr(value, "__dict__") and not isinstance(value, type) and prefix == "":
                yield from arrays(value, f"{name}.")

    broken = [name for name, value in arrays(model, "")
              if np.issubdtype(value.dtype, np.floating) and not np.isfinite(value).all()]
    broken += [f"thresholds.{label}" for label, value in model.thresholds.items() if not np.isfinite(value)]
    return sorted(broken)
