"""Article-level events on a small held-out gold that no rule or model was tuned on.

The annotations (`bench/heldout/events.jsonl`, see `bench/heldout/README.md`)
hold only events and the places they happened at; the article texts are read
from SaudiNewsNet by id, so no text is copied into the repository. Scored as
`rasd eval gold` scores events (`shared/docs/gold-format.md`).

    .venv/bin/python bench/heldout_events.py [--show-errors]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from rasd.eval.gold import EventScore, score_events
from rasd.eval.gold_read import parse_article
from rasd.pipeline import default_pipeline

HERE = Path(__file__).resolve().parent
GOLD = HERE / "heldout" / "events.jsonl"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    pipeline = default_pipeline()
    total = EventScore()
    for record in load():
        article = parse_article(record, where=str(GOLD))
        total.add(score_events(article, pipeline(article.doc()).events or []))
    if args.show_errors:
        for error in total.errors:
            print(json.dumps(error, ensure_ascii=False))
    m = total.metrics()
    pct = {
        k: "–" if v is None else f"{100 * v:.1f}"
        for k, v in m.items()
        if k not in ("gold", "system")
    }
    print(
        f"held-out events: gold {m['gold']} system {m['system']} P {pct['precision']} "
        f"R {pct['recall']} F1 {pct['f1']}; actor {pct['actor_accuracy']} "
        f"target {pct['target_accuracy']} modality {pct['modality_accuracy']}"
    )


if __name__ == "__main__":
    main()
