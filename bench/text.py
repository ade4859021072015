"""Benchmark of the text core: tokens per second for normalise + tokenise + segment + keys.

Input: the first `--articles` articles of SaudiNewsNet
(`../shared/data/saudinewsnet/articles.jsonl.gz`). Each run calls
`rasd.text.tokenize` on every article (Token objects with norm, key and clitic
segments, exactly what the pipeline stores) on one core, starting from empty
per-word-form caches, then a second time with every form memoised (the steady
state of a long ingest); resources are loaded once before timing. Prints the
load time, every run and the medians, per CPU second (what one core does,
robust to other jobs on a shared machine) and per wall-clock second, and the
peak memory of the process (texts read included).

    .venv/bin/python bench/text.py [--articles 3000] [--runs 5]
    .venv/bin/python bench/text.py --articles 0 --runs 1   # the whole corpus in one pass
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import time
from pathlib import Path

from rasd.text import tokenize
from rasd.text.forms import load_resources
from rasd.text.tokens import clear_caches

CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
)


def read_texts(limit: int) -> list[str]:
    texts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit and len(texts) >= limit:
                break
            texts.append(json.loads(line).get("content") or "")
    return texts


def timed_pass(texts: list[str]) -> tuple[int, float, float]:
    """Tokens, wall seconds and CPU seconds of one pass over the texts."""
    wall, cpu = time.perf_counter(), time.process_time()
    n = sum(len(tokenize(text)) for text in texts)
    return n, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="0: all 30,984")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    texts = read_texts(args.articles)
    began, began_cpu = time.perf_counter(), time.process_time()
    load_resources()
    print(
        f"resources loaded in {time.perf_counter() - began:.2f} s "
        f"({time.process_time() - began_cpu:.2f} CPU-s)"
    )
    rates: dict[str, list[float]] = {"cold": [], "warm": [], "cold wall": []}
    for i in range(args.runs):
        clear_caches()
        n, wall, cpu = timed_pass(texts)
        rates["cold"].append(n / cpu)
        rates["cold wall"].append(n / wall)
        _, _, warm_cpu = timed_pass(texts)  # same texts again: every form memoised
        rates["warm"].append(n / warm_cpu)
        print(
            f"run {i + 1}: {n:,} tokens; from empty caches {n / cpu:,.0f} tokens/CPU-s "
            f"({n / wall:,.0f}/wall-s); warm {n / warm_cpu:,.0f} tokens/CPU-s"
        )
    median = {name: statistics.median(values) for name, values in rates.items()}
    print(
        f"median over {args.runs} runs, {len(texts)} articles, one core: "
        f"{median['cold']:,.0f} tokens per CPU second from empty caches "
        f"({median['cold wall']:,.0f} per wall second), {median['warm']:,.0f} warm"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main()
