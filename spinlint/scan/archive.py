"""``spinlint scan``: score an archive, one JSON line per document.

The results file is an append-and-flush log by design (the one exception to
atomic writes): each line is written as soon as its document is done, so a
crash or Ctrl-C loses nothing, and ``--resume`` skips documents whose
(path, sha256) is already there.  Work runs in parallel across files with
joblib (local processes, or a Dask cluster through joblib's Dask backend).
Nothing holds all documents or all results: results are streamed to disk.

An archive is someone else's folder, so a scan reads no config file unless
asked (``--config FILE``, or ``--discover-config``), and everything that can
be wrong with the options is found before the old log is touched.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import re
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import quote

from ..sources import (InputError, display_path, distinct_files, escaped_name, file_sha256, read_bytes,
                       source_from_bytes)
from .interrupts import quiet_threads_once_ending_early, workers_ignore_ctrl_c
from .output import FILE, STREAM, ResultsLog, output_kind

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
    config_path: str | None = None  # one config for every document
    discover_config: bool = False  # each document's nearest config, found no higher than ``roots``
    roots: tuple[str, ...] = ()  # the paths being scanned
    inline_suppressions: bool = True  # False: every directive in the documents is ignored


class ScanError(Exception):
    """Options or a results log a scan cannot start with; the message is one line."""


# Every record starts with its path (json.dumps keeps the order): how a line cut short by a crash is told
# apart from a file that is not a results log at all.
RECORD_START = b'{"path": '
# Local worker processes beyond a few per core only cost memory (each loads the rules and the model).
MAX_JOBS_PER_CORE = 4
MAX_CLUSTER_JOBS = 10_000
SCHEDULER_TIMEOUT = "10s"
_SCHEDULER_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:[\w.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})")

_WORKER_STATE: dict = {}


def log_name(path: str) -> tuple[str, str | None]:
    """How a file is named in the log: its name with undecodable bytes escaped, and (only for such a name)
    its exact bytes, percent-encoded as in a URI, so the record is valid UTF-8 and still names one file."""
    shown = escaped_name(path)
    return shown, (quote(os.fsencode(path), safe="/") if shown != path else None)


def scan_document(path: str, options: ScanOptions) -> dict:
    """Lint one file and summarise it as a JSON-able record (runs in a worker)."""
    return _scan_one(path, options)[0]


def _scan_one(path: str, options: ScanOptions) -> tuple[dict, int]:
    """The record and the number of bytes read: each file is read once, so its hash and its findings
    come from the same bytes even if it changes during the scan."""
    from ..config import ConfigError, ConfigFinder, with_overrides
    from ..lint import Linter
    from ..model.loading import ModelLoadError
    from ..rules.ruleset import RuleError

    if _WORKER_STATE.get("options") != options:
        _WORKER_STATE.clear()
        finder = ConfigFinder(Path(options.config_path) if options.config_path else None,
                              isolated=not options.discover_config, roots=[Path(root) for root in options.roots])
        _WORKER_STATE.update(options=options, finder=finder,
                             linter=Linter(model_path=Path(options.model_path) if options.model_path else None,
                                           inline_suppressions=options.inline_suppressions))
    shown, raw_name = log_name(path)
    record: dict = {"path": shown, **({"path_bytes": raw_name} if raw_name else {})}
    try:
        data = read_bytes(Path(path), max_bytes=options.max_bytes, display=shown)
    except InputError as error:
        record["sha256"] = file_sha256(path)
        record["error"] = str(error)
        return record, 0
    record["sha256"] = hashlib.sha256(data).hexdigest()
    try:
        source = source_from_bytes(data, Path(path), encoding=options.encoding, display=shown)
        settings = with_overrides(_WORKER_STATE["finder"].for_path(Path(path)),
                                  select=options.select, ignore=options.ignore)
        report = _WORKER_STATE["linter"].lint(source, settings)
    except (InputError, ConfigError) as error:  # a bad config found beside one document spoils only that one
        record["error"] = str(error)
        return record, len(data)
    except (ModelLoadError, RuleError):
        raise  # the model or the rules themselves are broken: every document would fail, so the scan stops
    except Exception as error:  # noqa: BLE001 - a bug set off by this document: name it and go on
        record["error"] = f"{shown}: internal error while linting ({type(error).__name__}: {error}); please report it"
        return record, len(data)
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
    if report.directives:  # what the author silenced is on the record, never hidden
        record["directives"] = {"found": report.directives, "honoured": options.inline_suppressions,
                                "suppressed": report.suppressed}
    return record, len(data)


def completed_documents(output: Path) -> set[tuple[str, str | None, str | None]]:
    """(path, path_bytes, sha256) of every record already in the results log.

    A last line cut short by a crash is dropped from the file; anything else that is not a record
    (a bad line in the middle, a file that is not a results log) is a ``ScanError`` and the file is
    left as it is. Error lines count too, so a resumed scan never writes a second line for a document
    that has not changed: a file that could be read but not decoded has its hash, and an unreadable
    one is recorded with no hash and skipped while it stays unreadable.
    """
    if not output.exists():
        return set()
    done: set[tuple[str, str | None, str | None]] = set()
    good_end = 0
    with output.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.endswith(b"\n") and raw.startswith(RECORD_START):
                break  # the last line, cut off by a crash: dropped below
            record = _record(raw)
            if record is None:
                raise ScanError(f"{display_path(output)}: line {number} is not a spinlint scan record; refusing "
                                "to resume (nothing was changed: move the file aside or scan without --resume)")
            good_end += len(raw)
            done.add((record["path"], record.get("path_bytes"), record.get("sha256")))
    if good_end != output.stat().st_size:
        with output.open("r+b") as stream:
            stream.truncate(good_end)
    return done


def _record(raw: bytes) -> dict | None:
    """A complete log line as a record, or None when it is not one."""
    if not raw.endswith(b"\n"):
        return None
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not (isinstance(record, dict) and isinstance(record.get("path"), str)
            and isinstance(record.get("path_bytes", ""), str) and isinstance(record.get("sha256"), (str, type(None)))):
        return None
    return record


def check_jobs(jobs: int, dask_scheduler: str | None) -> None:
    """Refuse a worker count or scheduler address that cannot work, before any log is touched."""
    if dask_scheduler is not None:
        match = _SCHEDULER_ADDRESS.fullmatch(dask_scheduler)
        if match is None or not 0 < int(match.group(1)) < 65536:
            raise ScanError(f"--dask-scheduler {dask_scheduler!r} is not a scheduler address (tcp://HOST:PORT)")
    if jobs == -1:
        return
    limit = MAX_CLUSTER_JOBS if dask_scheduler else MAX_JOBS_PER_CORE * (os.cpu_count() or 1)
    if not 1 <= jobs <= limit:
        where = "on a cluster" if dask_scheduler else f"here ({MAX_JOBS_PER_CORE} per core)"
        raise ScanError(f"--jobs {jobs}: use -1 (every core) or 1 to {limit:,} {where}")


def _connect(dask_scheduler: str):
    try:
        from distributed import Client
    except ImportError:
        raise ScanError("--dask-scheduler needs the dask extra: pip install 'spinlint[dask]'") from None
    try:
        return Client(dask_scheduler, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ScanError(f"--dask-scheduler {dask_scheduler}: cannot connect ({message})") from None


SAME_FILE = "the same file as another path"


@dataclass
class ScanSummary:
    documents: int = 0
    errors: int = 0
    skipped: int = 0
    bytes: int = 0
    seconds: float = 0.0
    top: list = field(default_factory=list)  # min-heap of (spin, path), size 10
    histogram: list = field(default_factory=lambda: [0] * 10)
    directives_honoured: bool = True
    documents_with_directives: int = 0
    suppressed_findings: int = 0
    left_out: list = field(default_factory=list)  # {"path", "reason"[, "same_as"]}: what the scan did not read

    def add(self, record: dict) -> None:
        if "error" in record:
            self.errors += 1
            return
        self.documents += 1
        if "directives" in record:
            self.documents_with_directives += 1
            self.suppressed_findings += record["directives"]["suppressed"]
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
            "directives": {"honoured": self.directives_honoured, "documents": self.documents_with_directives,
                           "findings_suppressed": self.suppressed_findings},
            "left_out": {"count": len(self.left_out), "by_reason": self._left_out_by_reason(),
                         "paths": self.left_out},
        }

    def _left_out_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.left_out:
            counts[entry["reason"]] = counts.get(entry["reason"], 0) + 1
        return counts


def _stop(records) -> None:
    """Cancel the documents still in flight, now and quietly: the scan is ending early (a full disk, Ctrl-C),
    and joblib would otherwise warn, over two lines, that it cancelled them."""
    with warnings.catch_warnings():
        # Both of joblib's wordings end so: "N tasks which were still being processed ... have been cancelled."
        # and, when the interrupt lands after the last task finished, "N tasks have been successfully executed
        # but not used."
        warnings.filterwarnings("ignore", message=".*You could benefit from adjusting the input task iterator",
                                category=UserWarning)
        close = getattr(records, "close", None)
        if close is not None:
            close()


def run_scan(files: Iterable[str], output: Path, options: ScanOptions, *, jobs: int = -1, resume: bool = False,
             dask_scheduler: str | None = None, left_out: Iterable[tuple[str, str]] = (),
             progress: Callable[[ScanSummary], None] | None = None) -> ScanSummary:
    """Scan ``files`` into the log ``output``; ``left_out`` is (path, reason) for what the folder walk did
    not read, for the summary, which also names every path that is the same file as an earlier one.

    Raises ``ScanError`` or ``OutputError`` (and ``ConfigError`` for a bad ``config_path``) before the
    log is changed: an output that is an input, a symlink or a folder, a bad --jobs, an unreachable
    scheduler, a log --resume cannot read back."""
    from joblib import Parallel, delayed, parallel_config

    check_jobs(jobs, dask_scheduler)
    if options.config_path:
        from ..config import ConfigFinder

        ConfigFinder(Path(options.config_path))  # a bad file is one error now, not one per worker later
    files, repeats = distinct_files(files)
    kind = output_kind(output, files)
    if resume and kind == STREAM:
        raise ScanError(f"{display_path(output)}: --resume reads the log back, and a device or pipe cannot be "
                        "read back")
    done = completed_documents(output) if resume else set()
    client = _connect(dask_scheduler) if dask_scheduler else None
    if not resume and kind == FILE and output.exists():
        output.unlink()
    summary = ScanSummary(directives_honoured=options.inline_suppressions)
    summary.left_out = [{"path": log_name(path)[0], "reason": reason} for path, reason in left_out]
    summary.left_out += [{"path": log_name(path)[0], "reason": SAME_FILE, "same_as": log_name(first)[0]}
                         for path, first in repeats]
    started = time.perf_counter()

    def pending() -> Iterator[str]:
        for path in files:
            if done and (*log_name(path), file_sha256(path)) in done:
                summary.skipped += 1
                continue
            yield path

    backend: dict = {"backend": "loky", "n_jobs": jobs}
    if client is not None:
        backend = {"backend": "dask", "n_jobs": jobs if jobs > 0 else -1}
    try:
        with quiet_threads_once_ending_early() as ending, ResultsLog(output) as log, parallel_config(**backend):
            tasks = (delayed(_scan_one)(path, options) for path in pending())
            parallel = Parallel(return_as="generator_unordered", pre_dispatch="4*n_jobs", batch_size=1)
            with workers_ignore_ctrl_c():  # the pool starts its workers in this first call
                records = parallel(tasks)
            try:
                for record, size in records:
                    log.write_line(json.dumps(record, ensure_ascii=False))
                    summary.add(record)
                    summary.bytes += size
                    summary.seconds = time.perf_counter() - started
                    if progress is not None:
                        progress(summary)
            except BaseException:
                ending.set()  # before the pool is torn down: its threads may fail as it goes
                raise
            finally:
                _stop(records)
    finally:
        if client is not None:
            client.close()
    summary.seconds = time.perf_counter() - started
    return summary
