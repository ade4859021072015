"""Benchmark: CPU time per stage of the whole pipeline, and memory over the corpus.

Usage: .venv/bin/python bench/pipeline.py [CORPUS] [--limit N] [--runs R]

Reads SaudiNewsNet (`../shared/data/saudinewsnet/articles.jsonl.gz` by default),
runs the default pipeline on one core and prints, as JSON, the CPU
milliseconds per article of ingest (reading and cleaning the page) and of each
stage, and articles per CPU-second for the whole (page → events) — the median
of R runs (3 by default) over the same articles, each with a freshly built
pipeline and empty text-core caches (resource loading is not counted). CPU time (`process_time`)
does not count the time other processes on the machine take. The peak
resident memory is taken at each quarter of the first run: flat numbers mean
memory does not grow with the corpus.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

from rasd.doc import Doc
from rasd.ingest import read_sources
from rasd.pipeline import Pipeline, default_pipeline
from rasd.text import clear_caches

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/articles.jsonl.gz"


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_once(
    pipeline: Pipeline, corpus: str, limit: int, memory: list[dict[str, float]] | None
) -> dict[str, float]:
    """CPU seconds per stage ("ingest" for reading) over the first `limit` articles."""
    spent = dict.fromkeys(["ingest"] + [s.name for s in pipeline.stages], 0.0)
    checkpoints = [limit * k // 4 for k in (1, 2, 3)]
    docs = 0
    items = islice(read_sources([corpus]), limit)
    while True:
        t0 = time.process_time()
        item = next(items, None)
        spent["ingest"] += time.process_time() - t0
        if item is None:
            break
        if not isinstance(item, Doc):
            continue
        for stage in pipeline.stages:
            t0 = time.process_time()
            for layer, value in stage.run(item).items():
                setattr(item, layer, value)
            spent[stage.name] += time.process_time() - t0
        docs += 1
        if memory is not None and checkpoints and docs >= checkpoints[0]:
            checkpoints.pop(0)
            memory.append({"articles": docs, "peak_rss_mb": peak_rss_mb()})
    if memory is not None:
        memory.append({"articles": docs, "peak_rss_mb": peak_rss_mb()})
    spent["articles"] = docs
    return spent


def main() -> None:
    args = sys.argv[1:]
    options = {"--limit": 500, "--runs": 3}
    for name in options:
        if name in args:
            at = args.index(name)
            options[name] = int(args[at + 1])
            del args[at : at + 2]
    corpus = args[0] if args else str(DEFAULT_CORPUS)

    memory: list[dict[str, float]] = []
    runs = []
    for r in range(options["--runs"]):
        clear_caches()
        t0 = time.process_time()
        pipeline = default_pipeline()
        load_seconds = time.process_time() - t0
        runs.append(run_once(pipeline, corpus, options["--limit"], memory if r == 0 else None))
    docs = runs[0]["articles"]
    stages = [k for k in runs[0] if k != "articles"]
    per_stage = {s: statistics.median(r[s] for r in runs) * 1000 / docs for s in stages}
    total = statistics.median(sum(r[s] for s in stages) for r in runs)
    print(
        json.dumps(
            {
                "corpus": corpus,
                "articles": docs,
                "runs": len(runs),
                "resource_load_cpu_seconds": round(load_seconds, 2),
                "cpu_ms_per_article": {s: round(ms, 2) for s, ms in per_stage.items()},
                "cpu_ms_per_article_total": round(total * 1000 / docs, 2),
                "articles_per_cpu_second": round(docs / total, 1),
                "memory_first_run": memory,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
