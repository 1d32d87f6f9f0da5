"""Hostile archives, part 2 (issue 16): config files, baselines and model files someone else wrote.

A config inside a scanned archive must not change its scores, one bad config must not stop a whole
scan, discovery must not climb out of the tree it was given, and a config, baseline or model built
to crash spinlint gets a one-line error naming the file.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from cli_runs import SPIN, run

# per-file-ignores, not ignore: the tests' own --ignore M would replace a config's ignore list
IGNORE_BLAME = '[tool.spinlint]\nper-file-ignores = {"*.txt" = ["B"]}\n'



def one_line_error(result, *needles: str) -> str:
    assert result.exit_code == 2, result.output
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("spinlint: error: ")]
    for needle in needles:
        assert needle in line, line
    return line


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def scan_records(tmp_path: Path, *args: str) -> dict[str, dict]:
    out = tmp_path / "results.jsonl"
    result = run("scan", "--jobs", "1", "--ignore", "M", "--output", str(out), "--force", *args)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {Path(record["path"]).parent.name + "/" + Path(record["path"]).name: record for record in records}


def has_blame(record: dict) -> bool:
    return any(code.startswith("B") for code in record["counts"])


# ---------------------------------------------------------------- item 11: configs inside a scanned archive

def test_scan_reads_no_config_from_the_archive_unless_asked(tmp_path):
    archive = tmp_path / "archive"
    config = write(archive / "pyproject.toml", IGNORE_BLAME)
    write(archive / "memo.txt", SPIN)
    assert has_blame(scan_records(tmp_path, str(archive))["archive/memo.txt"])
    assert not has_blame(scan_records(tmp_path, str(archive), "--config", str(config))["archive/memo.txt"])
    assert not has_blame(scan_records(tmp_path, str(archive), "--discover-config")["archive/memo.txt"])


def test_one_malformed_config_is_an_error_record_for_its_documents_only(tmp_path):
    archive = tmp_path / "archive"
    write(archive / "broken" / "pyproject.toml", "[tool.spinlint\n")
    write(archive / "broken" / "memo.txt", SPIN)
    write(archive / "fine" / "memo.txt", SPIN)
    records = scan_records(tmp_path, str(archive), "--discover-config")
    assert "pyproject.toml" in records["broken/memo.txt"]["error"]
    assert "TOML" in records["broken/memo.txt"]["error"]
    assert "error" not in records["fine/memo.txt"] and has_blame(records["fine/memo.txt"])


def test_a_bad_explicit_scan_config_is_one_error_before_the_log_is_touched(tmp_path):
    archive = tmp_path / "archive"
    write(archive / "memo.txt", SPIN)
    config = write(tmp_path / "spinlint.toml", "ignroe = ['B']\n")
    out = write(tmp_path / "results.jsonl", '{"path": "an old line"}\n')
    one_line_error(run("scan", "--jobs", "1", str(archive), "--output", str(out), "--config", str(config)),
                   "ignroe")
    assert out.read_text(encoding="utf-8") == '{"path": "an old line"}\n'


def test_discovery_stops_at_the_walked_folder_outside_a_repository(tmp_path):
    outer = tmp_path / "shared"
    write(outer / "pyproject.toml", IGNORE_BLAME)  # planted above the folder the user asked about
    write(outer / "archive" / "memo.txt", SPIN)
    result = run("check", "--ignore", "M", "--format", "json", str(outer / "archive"))
    codes = {finding["code"] for finding in json.loads(result.stdout)["files"][0]["findings"]}
    assert any(code.startswith("B") for code in codes)
    named = run("check", "--ignore", "M", "--format", "json", str(outer / "archive" / "memo.txt"))
    assert any(f["code"].startswith("B") for f in json.loads(named.stdout)["files"][0]["findings"])


def test_discovery_climbs_to_the_repository_root(tmp_path):
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    write(project / "pyproject.toml", IGNORE_BLAME)
    write(project / "docs" / "deep" / "memo.txt", SPIN)
    result = run("check", "--ignore", "M", "--format", "json", str(project / "docs" / "deep"))
    assert not any(f["code"].startswith("B") for f in json.loads(result.stdout)["files"][0]["findings"])


# ---------------------------------------------------------------- low: config gaps

@pytest.mark.parametrize("config, needles", [
    ("tool = 5\n", ["tool", "table"]),
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", ["nested too deeply"]),
    ('[tool.spinlint.vocabulary.add]\nbuzzwords = [""]\n', ["buzzwords", "word"]),
    ('[tool.spinlint.vocabulary.add]\nbuzzwords = ["  --  "]\n', ["buzzwords", "word"]),
    ('[tool.spinlint.vocabulary.add]\nbuzzwords = ["' + "synergy " * 625 + '"]\n', ["buzzwords", "200"]),
    ("[tool.spinlint.rules.R001]\nmax = nan\n", ["R001", "max", "nan"]),
    ("[tool.spinlint.rules.R001]\nmax = -3\n", ["R001", "max", "-3"]),
    ("[tool.spinlint.rules.R001]\nmax = inf\n", ["R001", "max", "inf"]),
])
def test_hostile_config_values_are_one_line_errors(tmp_path, config, needles):
    write(tmp_path / "pyproject.toml", config)
    source = write(tmp_path / "memo.txt", SPIN)
    one_line_error(run("check", str(source)), "pyproject.toml", *needles)


# ---------------------------------------------------------------- low: baselines and model files

def test_a_deeply_nested_baseline_is_a_one_line_error(tmp_path):
    source = write(tmp_path / "memo.txt", SPIN)
    baseline = write(tmp_path / "baseline.json", "[" * 100_000 + "]" * 100_000)
    one_line_error(run("check", "--isolated", "--baseline", str(baseline), str(source)), "baseline.json",
                   "nested too deeply")


def hand_made_model(tmp_path: Path, name: str, content: bytes) -> Path:
    """A model file with a card whose sha256 matches it: the integrity check passes, the content is bad."""
    from spinlint.model import runtime

    card = json.loads(runtime.default_path().with_suffix(".json").read_text(encoding="utf-8"))
    card["artefact"] = dict(card["artefact"], sha256=hashlib.sha256(content).hexdigest())
    path = tmp_path / f"{name}.npz"
    path.write_bytes(content)
    path.with_suffix(".json").write_text(json.dumps(card), encoding="utf-8")
    return path


def nan_weighted_model_bytes() -> bytes:
    import numpy as np

    from spinlint.model import runtime

    with np.load(runtime.default_path(), allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    arrays["intercept"] = np.full_like(arrays["intercept"], np.nan)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


@pytest.mark.parametrize("name, needle", [("empty", "malformed"), ("truncated", "malformed"), ("nan", "NaN")])
def test_a_broken_model_with_a_matching_card_is_a_one_line_error(tmp_path, name, needle):
    from spinlint.model import runtime

    shipped = runtime.default_path().read_bytes()
    content = {"empty": b"", "truncated": shipped[: len(shipped) // 2], "nan": b""}[name]
    if name == "nan":
        content = nan_weighted_model_bytes()
    model = hand_made_model(tmp_path, name, content)
    source = write(tmp_path / "memo.txt", SPIN)
    one_line_error(run("check", "--isolated", "--model", str(model), str(source)), f"{name}.npz", needle)
