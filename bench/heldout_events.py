"""Article-level events on a small held-out gold that no rule or model was tuned on.

The annotations (`bench/heldout/events.jsonl` = batch 1, `bench/heldout/events-2.jsonl`
= batch 2, see `bench/heldout/README.md`) hold only events and the places they
happened at; the article texts are read from SaudiNewsNet by id, so no text is
copied into the repository. Scored as `rasd eval gold` scores events
(`shared/docs/gold-format.md`). Prints one row per batch and one for their union
(the row `batch 1` is what this script printed alone before batch 2 existed).

    .venv/bin/python bench/heldout_events.py [--batch 1|2] [--show-errors]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from rasd.eval.gold import EventScore, score_events
from rasd.eval.gold_read import parse_article
from rasd.pipeline import Pipeline, default_pipeline

HERE = Path(__file__).resolve().parent
BATCHES = {1: HERE / "heldout" / "events.jsonl", 2: HERE / "heldout" / "events-2.jsonl"}
GOLD = BATCHES[1]  # batch 1, kept for callers of load()
METRICS = ("precision", "recall", "f1", "actor_accuracy", "target_accuracy", "modality_accuracy")
CORPUS = HERE.parents[1] / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"


def load(gold: Path = GOLD, corpus: Path = CORPUS) -> list[dict]:
    """Annotation lines joined with their article's title and text from the corpus."""
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    wanted = {r["id"]: r for r in records}
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] in wanted:
                wanted[article["id"]].update(title=article["title"], text=article["content"])
    missing = [r["id"] for r in records if "text" not in r]
    if missing:
        raise SystemExit(f"articles not in {corpus}: {missing}")
    return records


def score_batch(gold: Path, pipeline: Pipeline) -> tuple[int, EventScore]:
    """Number of articles and the event score of one annotation file."""
    total = EventScore()
    records = load(gold)
    for record in records:
        article = parse_article(record, where=str(gold))
        total.add(score_events(article, pipeline(article.doc()).events or []))
    return len(records), total


def row(name: str, articles: int, score: EventScore) -> str:
    """One table row: counts, P/R/F1 and argument accuracies in percent."""
    m = score.metrics()
    pct = ["–" if m[k] is None else f"{100 * m[k]:.1f}" for k in METRICS]
    cells = [name, str(articles), str(m["gold"]), str(m["system"]), str(score.matched), *pct]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, choices=sorted(BATCHES), help="score one batch only")
    parser.add_argument("--show-errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    pipeline = default_pipeline()
    chosen = [args.batch] if args.batch else sorted(BATCHES)
    scores = {b: score_batch(BATCHES[b], pipeline) for b in chosen}
    if args.show_errors:
        for b in chosen:
            for error in scores[b][1].errors:
                print(json.dumps({"batch": b, **error}, ensure_ascii=False))
    print("held-out events (blind; never tune on it)")
    print("| set | articles | gold | system | matched | P | R | F1 | actor | target | modality |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for b in chosen:
        print(row(f"batch {b}", *scores[b]))
    if len(chosen) > 1:
        union = EventScore()
        for _, score in scores.values():
            union.add(score)
        print(row("union", sum(n for n, _ in scores.values()), union))


if __name__ == "__main__":
    main()
