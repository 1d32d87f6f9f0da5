"""The pre-commit snippet in README.md and docs/ci.md, as written (issue 15).

``rev:`` must name the release tag of this version, the hook it names must be the one
``.pre-commit-hooks.yaml`` defines, and (slow) pre-commit must run it from a local clone of this
repository exactly as a user's ``.pre-commit-config.yaml`` would: only the placeholder URL is replaced.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import pytest

import spinlint

yaml = pytest.importorskip("yaml")  # pre-commit's own dependency

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = ("README.md", "docs/ci.md")
# Written for this test: a memo that blames "legacy systems" in the passive voice.
SPIN_DRAFT = ("# Update\n\nMistakes were made during the rollout, and legacy systems held the teams back.\n"
              "Our AI-first platform will unlock value at scale.\n")


def snippet(document: str) -> dict:
    text = (REPO / document).read_text(encoding="utf-8")
    blocks = [block for block in re.findall(r"```yaml\n(.*?)```", text, re.S) if "repos:" in block]
    assert len(blocks) == 1, f"{document}: expected one pre-commit snippet, found {len(blocks)}"
    return yaml.safe_load(blocks[0])


def test_the_version_is_the_same_everywhere():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == spinlint.__version__


def test_the_snippets_name_this_release_and_the_defined_hook():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    for document in DOCUMENTS:
        (repo,) = snippet(document)["repos"]
        assert repo["rev"] == f"v{spinlint.__version__}", document
        assert [hook["id"] for hook in repo["hooks"]] == ["spinlint"], document
        assert all(hook["id"] in hooks for hook in repo["hooks"]), document
    assert hooks["spinlint"]["entry"] == "spinlint check" and hooks["spinlint"]["language"] == "python"


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_the_release_tag_names_this_version():
    """Where the checkout has the snippet's tag, it must point at a commit of this version, not an older one."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout of spinlint")
    rev = snippet("README.md")["repos"][0]["rev"]
    found = subprocess.run(["git", "show", f"{rev}:pyproject.toml"], cwd=REPO, capture_output=True, text=True)
    if found.returncode != 0:
        pytest.skip(f"this checkout has no tag {rev} (a clone made without tags)")
    assert f'version = "{rev.lstrip("v")}"' in found.stdout


@pytest.mark.slow
def test_the_readme_snippet_runs_as_written_against_a_local_clone(tmp_path):
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout of spinlint")
    config = snippet("README.md")
    rev = config["repos"][0]["rev"]
    clone = tmp_path / "spinlint-clone"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(REPO), str(clone)], check=True)
    tagged = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/tags/{rev}^{{commit}}"],
                            cwd=clone, capture_output=True, text=True)
    if tagged.returncode != 0:
        # A clone made without tags (some CI checkouts) still tests the snippet as written: the commit under test
        # is the one the release tag names (test_the_release_tag_names_this_version checks the tag where it exists).
        _git("tag", rev, "HEAD", cwd=clone)
    config["repos"][0]["repo"] = clone.as_uri()  # the placeholder URL; everything else as written

    project = tmp_path / "project"
    project.mkdir()
    _git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "update.md").write_text(SPIN_DRAFT, encoding="utf-8")
    _git("add", ".", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    env.pop("SPINLINT_CONFIG", None)
    result = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"], cwd=project,
                            env=env, capture_output=True, text=True, timeout=1800, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-4000:]  # the hook ran and found spin, not exit 3 (bad rev)
    assert "Failed" in output and "update.md:" in output, output[-4000:]
