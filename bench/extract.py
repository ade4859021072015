"""Benchmark: the whole pipeline (page → text → entities → times → places → actors → events).

Usage: .venv/bin/python bench/extract.py [CORPUS] [--limit N] [--skip-events]

Reads SaudiNewsNet (`../shared/data/saudinewsnet/articles.jsonl.gz` by default)
through `rasd.ingest.read_sources`, runs the default pipeline on one core and
prints articles per second, events found, and the peak resident memory at each
quarter of the run — flat numbers mean memory does not grow with the corpus.
Reading and cleaning the page is counted in the time, as `rasd extract` does it.
`--skip-events` times the pipeline without the events stage, to show its share.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from itertools import islice
from pathlib import Path

from rasd.doc import Doc
from rasd.ingest import read_sources
from rasd.pipeline import Pipeline, default_pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/articles.jsonl.gz"


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    args = sys.argv[1:]
    limit = 2000
    if "--limit" in args:
        at = args.index("--limit")
        limit = int(args[at + 1])
        del args[at : at + 2]
    skip_events = "--skip-events" in args
    args = [a for a in args if a != "--skip-events"]
    corpus = args[0] if args else str(DEFAULT_CORPUS)

    started = time.perf_counter()
    pipeline = default_pipeline()
    if skip_events:
        pipeline = Pipeline(s for s in pipeline.stages if s.name != "events")
    load_seconds = time.perf_counter() - started

    docs = events = chars = 0
    checkpoints = [limit * k // 4 for k in (1, 2, 3)]
    memory: list[dict[str, float]] = []
    start = time.perf_counter()
    for item in islice(read_sources([corpus]), limit):
        if not isinstance(item, Doc):
            continue
        doc = pipeline(item)
        docs += 1
        chars += len(doc.text)
        events += len(doc.events or [])
        if checkpoints and docs >= checkpoints[0]:
            checkpoints.pop(0)
            memory.append({"articles": docs, "peak_rss_mb": round(peak_rss_mb(), 1)})
    seconds = time.perf_counter() - start
    memory.append({"articles": docs, "peak_rss_mb": round(peak_rss_mb(), 1)})
    print(
        json.dumps(
            {
                "corpus": corpus,
                "articles": docs,
                "characters": chars,
                "events": events,
                "stages": [s.name for s in pipeline.stages],
                "resource_load_seconds": round(load_seconds, 2),
                "seconds": round(seconds, 2),
                "articles_per_second": round(docs / seconds, 1) if seconds else None,
                "memory": memory,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
