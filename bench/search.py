"""Benchmark: search latency over the database bench/ingest.py built.

    python bench/ingest.py && python bench/search.py [--db /tmp/rasd-bench.db]

100 varied queries, fixed by a seed: single words and word pairs taken from
stored headlines, quoted phrases, very common words, and queries with outlet
and date filters. Each query returns the top 10 with snippets (what
`rasd search` prints). Reports median and p95 of the first run (cold) and of a
second run (warm).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from rasd.store import Store


def queries(store: Store, n: int = 100, seed: int = 1) -> list[tuple[str, dict[str, str]]]:
    rng = random.Random(seed)
    rows = store.conn.execute(
        "SELECT headline, outlet, published FROM articles WHERE headline IS NOT NULL "
        "ORDER BY id LIMIT 5000"
    ).fetchall()
    rows = [r for r in rows if len(r[0].split()) >= 4]
    out: list[tuple[str, dict[str, str]]] = [
        (w, {}) for w in ("السعودية", "المملكة", "الرياض", "اليمن", "داعش", "الحوثيين")
    ]
    while len(out) < n:
        headline, outlet, published = rows[rng.randrange(len(rows))]
        words = [w for w in headline.split() if len(w) > 3 and w.isalpha()]
        if len(words) < 3:
            continue
        kind = len(out) % 4
        if kind == 0:
            out.append((rng.choice(words), {}))
        elif kind == 1:
            out.append((" ".join(rng.sample(words, 2)), {}))
        elif kind == 2:
            i = rng.randrange(len(words) - 1)
            out.append((f'"{words[i]} {words[i + 1]}"', {}))
        else:
            filters = (
                {"outlet": outlet} if rng.random() < 0.5 else {"since": published or "2015-08-01"}
            )
            out.append((rng.choice(words), filters))
    return out[:n]


def timed(store: Store, qs: list[tuple[str, dict[str, str]]]) -> tuple[list[float], int]:
    times, hits = [], 0
    for query, filters in qs:
        start = time.perf_counter()
        hits += len(store.search(query, limit=10, **filters))
        times.append((time.perf_counter() - start) * 1000)
    return times, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/rasd-bench.db")
    args = parser.parse_args()
    with Store(args.db) as store:
        count = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        qs = queries(store)
        for label in ("cold", "warm"):
            times, hits = timed(store, qs)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(
                f"{label}: {len(qs)} queries over {count:,} articles, {hits:,} results: "
                f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {max(times):.1f} ms"
            )


if __name__ == "__main__":
    main()
