"""spinlint against proselint, in one run, on the same generated text.

    /work/venv/bin/python benchmarks/harness.py [--runs 5] [--slice-runs 3] [--skip-archive] [--cold-start-only]

Builds the corpus if it is missing (benchmarks/build_corpus.py), installs
proselint into a benchmark virtualenv under /tmp, then runs each tool as a
whole process several times and prints the median wall time and the median
peak memory, and the ratios.  Peak memory is the largest sum of the resident
set sizes of the process and all its descendants (loky workers included),
sampled every 20 ms, and at least the kernel's own peak for the main process.
Summing RSS counts pages the workers share (Python, numpy) once per process,
so it overstates the real footprint: the conservative side.  The sum of PSS
(each shared page split between the processes that map it) is printed too.

Scenarios: cold start on a 2 KB memo; 100 press releases of ~3 KB in one
command; throughput on a ~6 MB slice of the archive (`spinlint scan --jobs 2`
against proselint, which runs in one process); spinlint alone on the whole
archive (≥ 50 MB) for memory, with the peak in each quarter of the run to
show whether it stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import psutil

HERE = Path(__file__).resolve().parent
WORK = Path("/tmp/spinlint-bench")
PROSELINT_VERSION = "0.16.0"
SAMPLE_SECONDS = 0.02


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # largest sum of resident set sizes (shared pages counted once per process)
    peak_pss_mb: float  # largest sum of proportional set sizes (shared pages split between processes)
    quarter_peaks_mb: tuple[float, ...]
    exit_code: int
    cpu_seconds: float = 0.0  # user + system, the process and every descendant it waited for
    process_peaks_mb: tuple[tuple[str, float], ...] = ()  # largest RSS of each process, by role


def tree_memory(process: psutil.Process, peaks: dict[int, tuple[str, int]] | None = None) -> tuple[int, int]:
    """(RSS, PSS) summed over a process and all its descendants, in bytes; ``peaks`` keeps each one's largest RSS."""
    rss = pss = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for member in members:
        try:
            info = member.memory_full_info()
            if peaks is not None and info.rss > peaks.get(member.pid, ("", 0))[1]:
                peaks[member.pid] = (peaks.get(member.pid, ("", 0))[0] or _role(member, process), info.rss)
        except psutil.Error:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def _role(member: psutil.Process, root: psutil.Process) -> str:
    if member.pid == root.pid:
        return "parent"
    command = " ".join(member.cmdline())
    if "resource_tracker" in command:
        return "resource tracker"
    return "worker" if "loky" in command else "other"


def measure(command: list[str], *, cwd: Path | None = None) -> Run:
    """Run ``command`` once; wall time of the whole process and the peak memory of its process tree."""
    samples: list[tuple[float, int, int]] = []
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    watched = psutil.Process(child.pid)
    peaks: dict[int, tuple[str, int]] = {}
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        samples.append((time.perf_counter() - started, *tree_memory(watched, peaks)))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    own_peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    peak = max([own_peak, *(rss for _, rss, _ in samples)])
    peak_pss = max([0, *(pss for _, _, pss in samples)])
    quarters = []
    for quarter in range(4):
        low, high = seconds * quarter / 4, seconds * (quarter + 1) / 4
        inside = [rss for at, rss, _ in samples if low <= at < high]
        quarters.append(round(max(inside, default=0) / 1e6, 1))
    return Run(round(seconds, 3), round(peak / 1e6, 1), round(peak_pss / 1e6, 1), tuple(quarters),
               child.returncode, round(usage.ru_utime + usage.ru_stime, 3),
               tuple(sorted((role, round(rss / 1e6, 1)) for role, rss in peaks.values())))


def median_of(command: list[str], runs: int, label: str, *, ok_exits: tuple[int, ...] = (0, 1),
              check: Callable[[], None] | None = None) -> dict:
    results = [_measured(command, label, n, runs, ok_exits, check) for n in range(runs)]
    return _summary(results)


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, dict]:
    """Each command once per round, ``runs`` rounds: on a shared machine the tools then see the same load
    (the cold start's ratio moved by a third between back-to-back blocks of runs)."""
    results: dict[str, list[Run]] = {label: [] for label in commands}
    for n in range(runs):
        for label, command in commands.items():
            results[label].append(_measured(command, label, n, runs, (0, 1), None))
    return {label: _summary(found) for label, found in results.items()}


def _measured(command: list[str], label: str, n: int, runs: int, ok_exits: tuple[int, ...],
              check: Callable[[], None] | None) -> Run:
    result = measure(command)
    if result.exit_code not in ok_exits:
        raise SystemExit(f"{label} failed (exit {result.exit_code}): {' '.join(command)}")
    if check is not None:
        check()
    print(f"  {label} run {n + 1}/{runs}: {result.seconds:.2f} s wall, {result.cpu_seconds:.2f} s CPU, "
          f"{result.peak_mb:.0f} MB", file=sys.stderr)
    return result


def _summary(results: list[Run]) -> dict:
    return {
        "median_seconds": round(statistics.median(r.seconds for r in results), 3),
        "median_peak_mb": round(statistics.median(r.peak_mb for r in results), 1),
        "median_peak_pss_mb": round(statistics.median(r.peak_pss_mb for r in results), 1),
        "median_cpu_seconds": round(statistics.median(r.cpu_seconds for r in results), 3),
        "runs": [asdict(r) for r in results],
    }


def ensure_proselint() -> Path:
    venv = WORK / "venv"
    binary = venv / "bin" / "proselint"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"proselint=={PROSELINT_VERSION}"], check=True)
    return binary


def ensure_corpus(corpus: Path) -> None:
    if not (corpus / "archive").is_dir():
        subprocess.run([sys.executable, str(HERE / "build_corpus.py"), "--out", str(corpus)], check=True)


def folder_mb(paths: list[Path]) -> float:
    return sum(f.stat().st_size for p in paths for f in p.rglob("*.txt")) / 1e6


def compile_spinlint_bytecode() -> None:
    """Write spinlint's .pyc files, as pip does when it installs a wheel (proselint's venv has them).

    An editable install run with PYTHONDONTWRITEBYTECODE=1 (set on this machine) otherwise compiles every
    spinlint module from source on every run: tens of milliseconds of the cold start that no user pays.
    """
    code = "import pathlib, spinlint; print(pathlib.Path(spinlint.__file__).parent)"
    package = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)


def spinlint_models_dir() -> str:
    code = "from spinlint.resources import models_dir; print(models_dir())"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def machine() -> dict:
    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=WORK / "corpus")
    parser.add_argument("--runs", type=int, default=5, help="runs for the memo and the releases")
    parser.add_argument("--slice-runs", type=int, default=3, help="runs for the archive slice")
    parser.add_argument("--slice-shards", type=int, default=2, help="archive shards (1,000 files each) in the slice")
    parser.add_argument("--skip-archive", action="store_true", help="skip the whole-archive memory run")
    parser.add_argument("--cold-start-only", action="store_true", help="only the memo (cold start), --runs rounds")
    parser.add_argument("--against-tree", type=Path, default=None,
                        help="also time the cold start of the spinlint package in this source tree (e.g. a "
                             "`git archive` of an earlier commit), interleaved with the other two")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, default=WORK / "results.json")
    args = parser.parse_args()

    ensure_corpus(args.corpus)
    proselint = str(ensure_proselint())
    compile_spinlint_bytecode()
    spinlint = str(Path(sys.executable).parent / "spinlint")
    out = Path(tempfile.mkdtemp(prefix="scan-", dir=WORK)) / "results.jsonl"
    memo, releases = args.corpus / "memo.txt", args.corpus / "releases"
    shards = sorted((args.corpus / "archive").iterdir())
    slice_paths = shards[:args.slice_shards]
    slice_mb, archive_mb = folder_mb(slice_paths), folder_mb(shards)
    # --force: every timed run replaces the previous run's log (a scan refuses to otherwise)
    scan = [spinlint, "scan", "--jobs", str(args.jobs), "--output", str(out), "--force"]
    model = Path(spinlint_models_dir()) / "spinlint-model.npz"
    extra: list[str] = []
    if not model.exists():
        # Full analysis needs the trained model; without it the model rules are left out, and said so.
        print(f"warning: {model} is missing: spinlint runs without the model rules (--ignore M)", file=sys.stderr)
        extra = ["--ignore", "M"]
    scan += extra
    slice_files = sum(1 for p in slice_paths for _ in p.rglob("*.txt"))
    archive_files = sum(1 for _ in (args.corpus / "archive").rglob("*.txt"))

    def lines_are(expected: int) -> Callable[[], None]:
        def check() -> None:
            with out.open("rb") as stream:
                found = sum(1 for _ in stream)
            if found != expected:
                raise SystemExit(f"spinlint scan wrote {found} lines for {expected} documents")
        return check

    results: dict = {"machine": machine(), "proselint": PROSELINT_VERSION, "model_rules": not extra,
                     "slice_mb": round(slice_mb, 2), "archive_mb": round(archive_mb, 2)}
    print("cold start, 2 KB memo", file=sys.stderr)
    memo_commands = {"spinlint": [spinlint, "check", *extra, str(memo)], "proselint": [proselint, "check", str(memo)]}
    if args.against_tree is not None:
        tree = args.against_tree.resolve()
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "spinlint")], check=True)
        # the same entry-point script, finding the other tree's package first
        memo_commands["spinlint (other tree)"] = ["env", f"PYTHONPATH={tree}", spinlint, "check", *extra, str(memo)]
    results["memo"] = interleaved(memo_commands, args.runs)
    if args.cold_start_only:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print_table(results)
        return
    print("100 press releases of ~3 KB", file=sys.stderr)
    results["releases"] = {"spinlint": median_of([spinlint, "check", *extra, str(releases)], args.runs,
                                                       "spinlint"),
                           "proselint": median_of([proselint, "check", str(releases)], args.runs, "proselint")}
    print(f"archive slice, {slice_mb:.1f} MB", file=sys.stderr)
    results["slice"] = {
        "spinlint": median_of([*scan, *map(str, slice_paths)], args.slice_runs, "spinlint scan", ok_exits=(0,),
                              check=lines_are(slice_files)),
        "proselint": median_of([proselint, "check", *map(str, slice_paths)], args.slice_runs, "proselint"),
    }
    if not args.skip_archive:
        print(f"whole archive, {archive_mb:.1f} MB (spinlint only)", file=sys.stderr)
        results["archive"] = {"spinlint": median_of([*scan, str(args.corpus / "archive")], 1, "spinlint scan",
                                                    ok_exits=(0,), check=lines_are(archive_files))}
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)


def print_table(results: dict) -> None:
    print(f"machine: {json.dumps(results['machine'])}; proselint {results['proselint']}; "
          f"spinlint model rules: {'on' if results['model_rules'] else 'OFF (model file missing)'}")
    print(f"{'scenario':<28}{'spinlint s':>11}{'proselint s':>12}{'time ×':>8}"
          f"{'spinlint MB':>12}{'proselint MB':>13}{'mem ×':>7}")
    for key, label in (("memo", "cold start, 2 KB memo"), ("releases", "100 × 3 KB releases"),
                       ("slice", f"archive slice {results['slice_mb']:.1f} MB")):
        if key not in results:
            continue
        ours, theirs = results[key]["spinlint"], results[key]["proselint"]
        print(f"{label:<28}{ours['median_seconds']:>11.2f}{theirs['median_seconds']:>12.2f}"
              f"{ours['median_seconds'] / theirs['median_seconds']:>8.2f}"
              f"{ours['median_peak_mb']:>12.0f}{theirs['median_peak_mb']:>13.0f}"
              f"{ours['median_peak_mb'] / theirs['median_peak_mb']:>7.2f}")
    memo = results["memo"]
    if "spinlint (other tree)" in memo:
        other = memo["spinlint (other tree)"]
        print(f"cold start of the other tree: {other['median_cpu_seconds']:.3f} s CPU, "
              f"{other['median_cpu_seconds'] / memo['proselint']['median_cpu_seconds']:.2f}× proselint CPU; "
              f"this tree {memo['spinlint']['median_cpu_seconds']:.3f} s")
    print(f"cold start: {memo['spinlint']['median_seconds'] / memo['proselint']['median_seconds']:.2f}× proselint "
          f"wall, {memo['spinlint']['median_cpu_seconds'] / memo['proselint']['median_cpu_seconds']:.2f}× CPU "
          "(medians of interleaved runs; target ≤ 2×, issue 17)")
    if "slice" not in results:
        return
    ours, theirs = results["slice"]["spinlint"], results["slice"]["proselint"]
    mb = results["slice_mb"]
    print(f"throughput: spinlint {mb / ours['median_seconds']:.2f} MB/s, proselint "
          f"{mb / theirs['median_seconds']:.2f} MB/s: {theirs['median_seconds'] / ours['median_seconds']:.1f}× "
          "(target ≥ 3×, issue 17; the project goal stays 10×)")
    print(f"per CPU-second (less sensitive to other load): spinlint {mb / ours['median_cpu_seconds']:.2f} MB, "
          f"proselint {mb / theirs['median_cpu_seconds']:.2f} MB")
    if "archive" in results:
        run = results["archive"]["spinlint"]
        first = run["runs"][0]
        print(f"whole archive {results['archive_mb']:.1f} MB: {run['median_seconds']:.1f} s "
              f"({results['archive_mb'] / run['median_seconds']:.2f} MB/s), peak {run['median_peak_mb']:.0f} MB RSS, "
              f"{run['median_peak_pss_mb']:.0f} MB PSS (parent + workers; RSS peak per quarter of the run "
              f"{list(first['quarter_peaks_mb'])}) (target ≤ 300 MB, flat)")
        print("  largest RSS per process: " + ", ".join(f"{role} {mb:.0f} MB" for role, mb in first["process_peaks_mb"]))


if __name__ == "__main__":
    main()
