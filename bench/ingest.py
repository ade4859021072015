"""Benchmark: ingest + near-duplicate detection + search indexing on SaudiNewsNet.

    python bench/ingest.py                 # all 30,984 articles, no extraction
    python bench/ingest.py --extract       # with the default extraction pipeline
    python bench/ingest.py --limit 5000 --db /tmp/snn.db
    python bench/ingest.py --warm          # word forms analysed before the clock starts

Prints articles/s (one core, one process) and peak memory. The database is
kept (default /tmp/rasd-bench.db) for bench/search.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from rasd.doc import Problem
from rasd.store import Store, run_ingest

SNN = Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/articles.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(SNN))
    parser.add_argument("--db", default="/tmp/rasd-bench.db")
    parser.add_argument("--extract", action="store_true", help="run default_pipeline too")
    parser.add_argument("--limit", type=int, default=0, help="stop after this many articles")
    parser.add_argument(
        "--warm", action="store_true", help="analyse every word form first, then time the ingest"
    )
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)

    pipeline = None
    if args.extract:
        from rasd.pipeline import default_pipeline

        pipeline = default_pipeline()
    source = args.source
    if args.limit:
        source = _head(args.source, args.limit)
    if args.warm:
        # Separates rasd's own cost from the text core's first analysis of each word form.
        from rasd.ingest import read_sources
        from rasd.ingest.identity import fingerprint

        for doc in read_sources([source]):
            if not isinstance(doc, Problem):
                fingerprint(doc.text)
                fingerprint(doc.headline or "")
    start, cpu_start = time.perf_counter(), time.process_time()
    with Store(args.db) as store:
        summary = run_ingest(store, [source], pipeline)
    seconds = time.perf_counter() - start
    # CPU seconds of this process: the fair "one core" figure on a shared machine.
    cpu = time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = os.path.getsize(args.db) / 2**20
    print(
        f"{summary.read:,} articles read, {summary.stored:,} stored, "
        f"{summary.duplicates:,} exact and {summary.near_duplicates:,} near-duplicates, "
        f"{sum(summary.problems.values())} problems"
    )
    print(
        f"{'with' if args.extract else 'without'} extraction{', warm caches' if args.warm else ''}: "
        f"{summary.read / cpu:,.0f} articles per CPU-second ({cpu:.1f} s CPU), "
        f"{summary.read / seconds:,.0f} articles/s wall clock ({seconds:.1f} s); "
        f"peak memory {peak_mb:,.0f} MB; database {size_mb:,.0f} MB"
    )


def _head(path: str, limit: int) -> str:
    import gzip

    out = f"/tmp/rasd-bench-head-{limit}.jsonl"
    with gzip.open(path, "rt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return out


if __name__ == "__main__":
    main()
