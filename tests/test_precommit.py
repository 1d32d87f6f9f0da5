"""The pre-commit hook, run for real: ``pre-commit try-repo <this checkout> spinlint`` in a fresh git repo.

try-repo installs the checkout's committed HEAD (plus changes to tracked
files) into pre-commit's own virtualenv, from the package registry, so the
first run takes a minute or two; the environment is shared by the tests here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Written for this test: a draft thick with corporate spin, and a plain factual note.
SPIN_DRAFT = """# A message from leadership

Our AI-first platform will unlock transformational value at scale for all our stakeholders.
Going forward, we will leverage best-in-class synergies to drive world-class outcomes.
Mistakes were made during the rollout, and legacy systems held the teams back.
Many experts agree this is the most innovative solution on the market, delivering up to 40% savings.
"""
PLAIN_NOTE = "The printer on floor two is fixed.\nMaria replaced the paper tray on Monday.\n"


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def checkout() -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (REPO / ".git").exists():
        pytest.skip(f"{REPO} is not a git checkout (try-repo needs one)")
    untracked = _git("ls-files", "--others", "--exclude-standard", "--", "spinlint", "models", "pyproject.toml",
                     cwd=REPO).split()
    if untracked:
        # try-repo installs what is committed: a half-committed package is not what the hook would ship.
        pytest.skip(f"try-repo installs the committed HEAD, and {len(untracked)} package files are not "
                    f"committed yet (e.g. {', '.join(untracked[:3])})")
    return REPO


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(checkout: Path, home: Path, workdir: Path, name: str, text: str) -> subprocess.CompletedProcess:
    workdir.mkdir()
    _git("init", "-q", cwd=workdir)
    (workdir / name).write_text(text, encoding="utf-8")
    _git("add", name, cwd=workdir)
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    env.pop("SPINLINT_CONFIG", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(checkout), "spinlint", "--files", name,
               "--verbose"]
    return subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=1800, check=False)


def test_hook_definition():
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for line in ("- id: spinlint", "entry: spinlint check", "language: python",
                 "types_or: [markdown, plain-text, html]", "require_serial: true"):
        assert line in text


@pytest.mark.slow
def test_hook_fails_on_a_spin_heavy_draft_naming_the_file(checkout, pre_commit_home, tmp_path):
    result = try_repo(checkout, pre_commit_home, tmp_path / "spin", "launch-memo.md", SPIN_DRAFT)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-4000:]
    assert "Failed" in output and "launch-memo.md:" in output, output[-4000:]


@pytest.mark.slow
def test_hook_passes_on_plain_text(checkout, pre_commit_home, tmp_path):
    result = try_repo(checkout, pre_commit_home, tmp_path / "plain", "note.txt", PLAIN_NOTE)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "Passed" in output, output[-4000:]
