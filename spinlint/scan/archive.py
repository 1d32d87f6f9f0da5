"""``spinlint scan``: score an archive, one JSON line per document.

The results file is an append-and-flush log by design (the one exception to
atomic writes): each line is written as soon as its document is done, so a
crash or Ctrl-C loses nothing, and ``--resume`` skips documents whose
(path, sha256) is already there.  Work runs in parallel across files with
joblib (local processes, or a Dask cluster through joblib's Dask backend).
Nothing holds all documents or all results: files are listed lazily and
results are streamed to disk.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .interrupts import quiet_threads_once_interrupted, workers_ignore_ctrl_c

TOP_FINDINGS = 5
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class ScanOptions:
    """What every worker needs; small and picklable."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    encoding: str | None = None
    max_bytes: int = 10_000_000
    model_path: str | None = None
    isolated: bool = False


_WORKER_STATE: dict = {}


def scan_document(path: str, options: ScanOptions) -> dict:
    """Lint one file and summarise it as a JSON-able record (runs in a worker)."""
    from ..config import ConfigFinder, with_overrides
    from ..lint import Linter
    from ..sources import InputError, read_source

    if _WORKER_STATE.get("options") != options:
        _WORKER_STATE.clear()
        _WORKER_STATE.update(options=options, finder=ConfigFinder(isolated=options.isolated),
                             linter=Linter(model_path=Path(options.model_path) if options.model_path else None))
    record: dict = {"path": path}
    try:
        data = Path(path).read_bytes()
        record["sha256"] = hashlib.sha256(data).hexdigest()
        source = read_source(Path(path), encoding=options.encoding, max_bytes=options.max_bytes, display=path)
        settings = with_overrides(_WORKER_STATE["finder"].for_path(Path(path)),
                                  select=options.select, ignore=options.ignore)
        report = _WORKER_STATE["linter"].lint(source, settings)
    except (InputError, OSError) as error:
        record["error"] = str(error) if isinstance(error, InputError) else f"{path}: {error.strerror or error}"
        return record
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    top = sorted(report.findings, key=lambda f: (_SEVERITY_ORDER[f.severity], f.span.start))[:TOP_FINDINGS]
    record.update(
        scores=dict(report.scores),
        readability=dict(report.readability),
        sentences=report.sentences,
        counts=counts,
        top_findings=[{"code": f.code, "line": f.line, "column": f.column, "match": f.match[:200],
                       "message": f.message} for f in top],
    )
    return record


def completed_documents(output: Path) -> set[tuple[str, str | None]]:
    """(path, sha256) pairs already in the results log; a truncated last line is dropped.

    Error lines count too, so a resumed scan never writes a second line for a document that has
    not changed: a file that could be read but not decoded has its hash, and an unreadable one
    is recorded as (path, None) and skipped while it stays unreadable.
    """
    if not output.exists():
        return set()
    done: set[tuple[str, str | None]] = set()
    good_end = 0
    with output.open("rb") as stream:
        for raw in stream:
            if not raw.endswith(b"\n"):
                break  # a line cut off by a crash: drop it below
            try:
                record = json.loads(raw)
            except ValueError:
                break
            good_end += len(raw)
            if "path" in record:
                done.add((record["path"], record.get("sha256")))
    if good_end != output.stat().st_size:
        with output.open("r+b") as stream:
            stream.truncate(good_end)
    return done


def _sha256(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class ScanSummary:
    documents: int = 0
    errors: int = 0
    skipped: int = 0
    bytes: int = 0
    seconds: float = 0.0
    top: list = field(default_factory=list)  # min-heap of (spin, path), size 10
    histogram: list = field(default_factory=lambda: [0] * 10)

    def add(self, record: dict) -> None:
        if "error" in record:
            self.errors += 1
            return
        self.documents += 1
        spin = record["scores"].get("spin", 0.0)
        self.histogram[min(int(spin // 10), 9)] += 1
        heapq.heappush(self.top, (spin, record["path"]))
        if len(self.top) > 10:
            heapq.heappop(self.top)

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "skipped_already_done": self.skipped,
            "megabytes": round(self.bytes / 1e6, 3),
            "seconds": round(self.seconds, 2),
            "highest_spin": [{"path": path, "spin": spin} for spin, path in sorted(self.top, reverse=True)],
            "spin_distribution": {f"{10 * i}-{10 * i + 10}": count for i, count in enumerate(self.histogram)},
        }


def run_scan(files: Iterable[str], output: Path, options: ScanOptions, *, jobs: int = -1, resume: bool = False,
             dask_scheduler: str | None = None,
             progress: Callable[[ScanSummary], None] | None = None) -> ScanSummary:
    from joblib import Parallel, delayed, parallel_config

    done = completed_documents(output) if resume else set()
    if not resume and output.exists():
        output.unlink()
    summary = ScanSummary()
    started = time.perf_counter()

    def pending() -> Iterator[str]:
        for path in files:
            if done:
                if (path, _sha256(path)) in done:
                    summary.skipped += 1
                    continue
            yield path

    backend: dict = {"backend": "loky", "n_jobs": jobs}
    client = None
    if dask_scheduler:
        from distributed import Client

        client = Client(dask_scheduler)
        backend = {"backend": "dask", "n_jobs": jobs if jobs > 0 else -1}
    try:
        with quiet_threads_once_interrupted(), output.open("a", encoding="utf-8") as log, \
                parallel_config(**backend):
            tasks = (delayed(scan_document)(path, options) for path in pending())
            parallel = Parallel(return_as="generator_unordered", pre_dispatch="4*n_jobs", batch_size=1)
            with workers_ignore_ctrl_c():  # the pool starts its workers in this first call
                records = parallel(tasks)
            for record in records:
                log.write(json.dumps(record, ensure_ascii=False) + "\n")
                log.flush()
                summary.add(record)
                summary.bytes += _size(record["path"])
                summary.seconds = time.perf_counter() - started
                if progress is not None:
                    progress(summary)
    finally:
        if client is not None:
            client.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
