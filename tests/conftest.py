"""Shared test helpers.

Tests that need ``../shared/datasets`` use the ``datasets_dir`` fixture: it
skips when the folder is absent, unless SPINLINT_REQUIRE_DATA=1 (as in CI),
where a missing folder is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared_datasets() -> Path:
    return Path(os.environ.get("SPINLINT_DATASETS", REPO.parent / "shared" / "datasets"))


@pytest.fixture
def datasets_dir() -> Path:
    path = shared_datasets()
    if not path.is_dir():
        if os.environ.get("SPINLINT_REQUIRE_DATA") == "1":
            pytest.fail(f"SPINLINT_REQUIRE_DATA=1 but {path} is missing")
        pytest.skip(f"{path} is not present")
    return path


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    """A one-line spin memo on disk, for the command-line tests."""
    from cli_runs import SPIN

    path = tmp_path / "memo.md"
    path.write_text(SPIN, encoding="utf-8")
    return path
