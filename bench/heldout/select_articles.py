"""Redo the blind choice of the held-out SaudiNewsNet articles (prints ids only).

Candidates, in corpus file order: 400–1,400 characters of `content`, not in
gold-dev, and at least two occurrences in `content` of the keywords below (counted
with `str.count`, summed over keywords). Batch 1 is `random.sample` of 8 with
seed 20261129; batch 2 is `random.sample` of 10 with seed 20261130 from the same
candidates minus batch 1.

    .venv/bin/python bench/heldout/select_articles.py [--batch 1|2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
GOLD_DEV = ROOT.parent / "shared" / "data" / "gold-dev" / "saudinewsnet-dev.jsonl"
KEYWORDS = ("غارة", "غارات", "قصف", "اشتباك", "مقتل", "تظاهر", "احتجاج", "هجوم", "انفجار", "اعتقال")
BATCHES = {1: (20261129, 8), 2: (20261130, 10)}


def candidates(corpus: Path = CORPUS, gold_dev: Path = GOLD_DEV) -> list[str]:
    """Ids of the eligible articles, in corpus order."""
    dev = {
        json.loads(line)["id"] for line in gold_dev.read_text(encoding="utf-8").splitlines() if line
    }
    ids = []
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = article["content"]
            if (
                400 <= len(text) <= 1400
                and article["id"] not in dev
                and sum(text.count(k) for k in KEYWORDS) >= 2
            ):
                ids.append(article["id"])
    return ids


def select(batch: int, pool: list[str] | None = None) -> list[str]:
    """The ids of held-out batch `batch` (earlier batches are excluded from the pool)."""
    pool = candidates() if pool is None else pool
    taken: set[str] = set()
    for number in sorted(BATCHES):
        seed, size = BATCHES[number]
        random.seed(seed)
        chosen = random.sample([i for i in pool if i not in taken], size)
        if number == batch:
            return chosen
        taken.update(chosen)
    raise ValueError(f"no batch {batch}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, choices=sorted(BATCHES), default=max(BATCHES))
    args = parser.parse_args()
    print("\n".join(select(args.batch)))


if __name__ == "__main__":
    main()
