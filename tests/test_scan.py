"""spinlint scan: output lines, resume, crash safety, and the Dask path."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from spinlint.cli import main
from spinlint.scan.archive import ScanOptions, completed_documents, run_scan

# The scan mechanics are tested without the model rules (M), so they do not depend on a trained model.
SPIN = "Our AI-first platform will unlock value at scale. Mistakes were made. Studies show gains of up to 40%.\n"
PLAIN = "The team moved {n} invoices to the new queue on day {n}. Maria fixed the printer.\n"


def make_archive(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"doc{n:04d}.txt"
        path.write_text(SPIN if n % 3 == 0 else PLAIN.format(n=n), encoding="utf-8")
        paths.append(path)
    return paths


def read_log(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_scan_writes_one_line_per_document_and_records_errors(tmp_path):
    make_archive(tmp_path / "archive", 6)
    (tmp_path / "archive" / "broken.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "archive"), "--output", str(out), "--jobs", "1",
                                       "--ignore", "M"])
    assert result.exit_code == 0, result.output
    records = read_log(out)
    assert len(records) == 7
    errors = [r for r in records if "error" in r]
    assert len(errors) == 1 and "broken.txt" in errors[0]["path"]
    good = [r for r in records if "error" not in r]
    for record in good:
        assert len(record["sha256"]) == 64
        assert set(record["scores"]) >= {"spin", "vague", "blame", "evidence_gap"}
        assert "readability" in record and "counts" in record and "top_findings" in record
    spin_docs = [r for r in good if r["path"].endswith(("doc0000.txt", "doc0003.txt"))]
    assert all(r["scores"]["spin"] > 30 for r in spin_docs)
    summary = json.loads(result.output)
    assert summary["documents"] == 6 and summary["errors"] == 1
    assert len(summary["highest_spin"]) == 6


def test_resume_skips_done_documents_and_drops_a_truncated_line(tmp_path):
    paths = make_archive(tmp_path / "archive", 5)
    out = tmp_path / "results.jsonl"
    options = ScanOptions(ignore=("M",))
    run_scan([str(p) for p in paths[:3]], out, options, jobs=1)
    with out.open("a", encoding="utf-8") as log:
        log.write('{"path": "half a li')
    assert len(completed_documents(out)) == 3
    summary = run_scan([str(p) for p in paths], out, options, jobs=1, resume=True)
    assert summary.skipped == 3 and summary.documents == 2
    records = read_log(out)
    assert sorted(r["path"] for r in records) == sorted(str(p) for p in paths)


def test_changed_document_is_rescanned_on_resume(tmp_path):
    paths = make_archive(tmp_path / "archive", 2)
    out = tmp_path / "results.jsonl"
    options = ScanOptions(ignore=("M",))
    run_scan([str(p) for p in paths], out, options, jobs=1)
    paths[0].write_text("A different text about the printer queue.\n", encoding="utf-8")
    summary = run_scan([str(p) for p in paths], out, options, jobs=1, resume=True)
    assert summary.skipped == 1 and summary.documents == 1


@pytest.mark.slow
def test_kill_mid_run_then_resume_loses_and_duplicates_nothing(tmp_path):
    # Enough text that the kill, sent once five lines are in, lands before the end however fast
    # documents are scanned: 600 documents of 40 paragraphs each.
    paths = make_archive(tmp_path / "archive", 600)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text("\n\n".join(f"Part {part}. {text}" for part in range(40)), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "spinlint", "scan", str(tmp_path / "archive"), "--output", str(out),
               "--jobs", "2", "--ignore", "M"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_text(encoding="utf-8").count("\n") < 5):
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    partial = out.read_text(encoding="utf-8").count("\n")
    assert 5 <= partial < 600, f"the kill should land mid-run ({partial} of 600 lines were in)"
    subprocess.run([*command, "--resume"], check=True, capture_output=True)
    records = read_log(out)
    names = [r["path"] for r in records]
    assert len(names) == len(set(names)) == 600
    assert sorted(names) == sorted(str(p) for p in paths)


@pytest.mark.slow
def test_dask_cluster_gives_the_same_results_as_a_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    paths = make_archive(tmp_path / "archive", 8)
    options = ScanOptions(ignore=("M",))
    local_out, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_scan([str(p) for p in paths], local_out, options, jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        run_scan([str(p) for p in paths], dask_out, options, dask_scheduler=cluster.scheduler_address)
    by_path = lambda records: {r["path"]: r for r in records}  # noqa: E731
    assert by_path(read_log(local_out)) == by_path(read_log(dask_out))


def test_resume_does_not_repeat_error_lines_for_unchanged_files(tmp_path):
    paths = make_archive(tmp_path / "archive", 2)
    broken = tmp_path / "archive" / "broken.txt"
    broken.write_bytes(b"\x00\x01binary")
    out = tmp_path / "results.jsonl"
    files = [str(p) for p in [*paths, broken]]
    run_scan(files, out, ScanOptions(ignore=("M",)), jobs=1)
    summary = run_scan(files, out, ScanOptions(ignore=("M",)), jobs=1, resume=True)
    assert summary.skipped == 3 and summary.documents == 0 and summary.errors == 0
    assert len(read_log(out)) == 3
    broken.write_text("Now it is plain text about the printer.\n", encoding="utf-8")
    summary = run_scan(files, out, ScanOptions(ignore=("M",)), jobs=1, resume=True)
    assert summary.skipped == 2 and summary.documents == 1
    last = {r["path"]: r for r in read_log(out)}  # the last line for a path wins
    assert "error" not in last[str(broken)]


def test_a_model_that_cannot_load_is_a_clean_error_not_a_traceback(tmp_path):
    make_archive(tmp_path / "archive", 2)
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "archive"), "--output", str(out), "--jobs", "1",
                                       "--select", "M", "--model", str(tmp_path / "missing.npz")])
    assert result.exit_code == 2
    assert "missing.npz" in result.output and "Traceback" not in result.output


def test_model_caches_are_bounded_and_change_no_result():
    pytest.importorskip("numpy")
    from spinlint import analyze
    from spinlint.model import runtime

    text = "Our AI-first platform will unlock value at scale. Mistakes were made by legacy systems.\n"
    before = analyze(text).files[0]
    # Fill the per-token caches past their bounds with tokens no document has.
    analyze(" ".join(f"zq{index}x" for index in range(runtime.CHAR_GRAM_CACHE + 100)) + ".\n")
    assert runtime.token_char_grams.cache_info().currsize <= runtime.CHAR_GRAM_CACHE
    after = analyze(text).files[0]
    assert before.scores == after.scores and before.findings == after.findings