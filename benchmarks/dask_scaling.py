"""Throughput of `spinlint scan` on a local Dask cluster with 1 and with 2 workers (docs/scale.md).

    python benchmarks/dask_scaling.py [--documents 600]

Starts a `distributed.LocalCluster` on loopback for each worker count, scans the same archive documents
once to warm the workers up (rules and model loaded), then times a second scan of different documents
through the cluster, full analysis. Prints MB/s per worker count and the ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

WORK = Path(os.environ.get("SPINLINT_BENCH_DIR", "/tmp/spinlint-bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=WORK / "corpus")
    parser.add_argument("--documents", type=int, default=600)
    args = parser.parse_args()
    try:
        import distributed
    except ImportError:
        sys.exit("needs the dask extra: pip install 'spinlint[dask]'")
    from spinlint.scan.archive import ScanOptions, run_scan

    files = sorted(str(path) for path in (args.corpus / "archive").rglob("*.txt"))
    if len(files) < 2 * args.documents:
        sys.exit(f"{args.corpus}/archive has {len(files)} documents; build it with benchmarks/build_corpus.py")
    warm_up, timed = files[:args.documents], files[args.documents:2 * args.documents]
    megabytes = sum(os.path.getsize(path) for path in timed) / 1e6
    rates = {}
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None) as cluster, \
                tempfile.TemporaryDirectory() as folder:
            run_scan(warm_up, Path(folder) / "warm.jsonl", ScanOptions(), dask_scheduler=cluster.scheduler_address)
            started = time.perf_counter()
            run_scan(timed, Path(folder) / "timed.jsonl", ScanOptions(), dask_scheduler=cluster.scheduler_address)
            rates[workers] = megabytes / (time.perf_counter() - started)
        print(f"{workers} worker(s): {rates[workers]:.2f} MB/s ({len(timed)} documents, {megabytes:.2f} MB)")
    print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
