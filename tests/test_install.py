"""A regular (non-editable) install works from any folder: wheel → fresh venv → spinlint check."""

from __future__ import annotations

import os
import subprocess
import sys
import venv

import pytest

pytestmark = pytest.mark.slow


def test_wheel_installs_and_runs_from_a_temporary_folder(tmp_path, repo):
    wheel_dir = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(repo)],
                   check=True, capture_output=True)
    wheel = next(wheel_dir.glob("spinlint-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)

    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    memo = workdir / "memo.md"
    # The last sentence is one no rule flags and the classifier does (a scapegoat in plain words), so a finding of
    # the model's own shows it ran from the wheel.
    memo.write_text("# Update\n\nMistakes were made, and our AI-first journey will unlock value at scale.\n\n"
                    "Staff who did not follow the checklist caused most of the delays last month.\n",
                    encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH",)}
    result = subprocess.run([str(env_dir / "bin" / "spinlint"), "check", "--format", "json", "memo.md"],
                            cwd=workdir, capture_output=True, text=True, env=environment)
    assert result.returncode == 1, result.stderr
    assert '"code": "M' in result.stdout, "the shipped model should run from the wheel"
    installed = subprocess.run([str(python), "-c", "import spinlint, sys; print(spinlint.__file__)"],
                               cwd=workdir, capture_output=True, text=True, check=True).stdout
    assert str(repo) not in installed, "the test must exercise the installed wheel, not the checkout"

    # the labelled corpora ship inside the wheel: training from the installed copy sees the checkout's rows
    counts = subprocess.run([str(python), "-c", "from spinlint.model import passages, corpus; "
                             "print(len(passages.load_passages()), len(passages.load_written()), "
                             "len(corpus.load_pool()), corpus.CORPORA.name)"],
                            cwd=workdir, capture_output=True, text=True, check=True).stdout.split()
    from spinlint.model import corpus, passages

    assert counts == [str(len(passages.load_passages())), str(len(passages.load_written())),
                      str(len(corpus.load_pool())), "_corpora"]
