"""Choose the salience thresholds `rasd extract` uses on articles, on gold-dev events F1.

The salience weights and their sentence thresholds are fit on the GSR dev half
(`scripts/fit_event_salience.py`). The GSR says "yes" only when all three
annotators accept a sentence, a stricter line than gold-format's "events the
article reports", so articles need their own operating point. This script
tries one threshold for ASSAULT and PROTEST (the types the model was fit on)
over a grid, runs the whole pipeline on the gold-dev articles for each, and
writes the best as `article_thresholds` into `rasd/resources/event_salience.json`
with the grid it tried. One number chosen on development data; held-out
articles (`bench/heldout_events.py`) say how it generalises.

    .venv/bin/python scripts/choose_article_thresholds.py ../shared/data/gold-dev/*.jsonl
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from rasd.doc import Doc
from rasd.eval.gold import read_gold, score_gold
from rasd.extract import events, salience
from rasd.pipeline import Pipeline, default_pipeline

GRID = (0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3)
FITTED_TYPES = ("ASSAULT", "PROTEST")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold-dev JSON Lines files")
    args = parser.parse_args()
    articles = list(read_gold(args.gold))
    # The stages before events do not depend on the threshold: run them once.
    upstream = Pipeline(s for s in default_pipeline().stages if s.name != "events")
    prepared = {article.id: upstream(article.doc()) for article in articles}
    lexicon = events.load_lexicon()
    sentence_model = salience.load_model(scope="sentence")
    tried = []
    for threshold in GRID:
        model = replace(
            sentence_model,
            thresholds=sentence_model.thresholds | dict.fromkeys(FITTED_TYPES, threshold),
        )

        def run(doc: Doc, model: salience.SalienceModel = model) -> Doc:
            ready = prepared[doc.id]
            ready.events = events.extract_events(ready, lexicon, model)
            return ready

        f1 = score_gold(articles, run).events.metrics()["f1"] or 0.0
        tried.append((threshold, round(f1, 4)))
        print(f"threshold {threshold:.2f}: gold-dev events F1 {100 * f1:.1f}")
    best = max(tried, key=lambda t: (t[1], t[0]))[0]  # ties: the stricter threshold
    data = json.loads(salience.WEIGHTS_PATH.read_text(encoding="utf-8"))
    data["article_thresholds"] = dict.fromkeys(FITTED_TYPES, best)
    data["article_thresholds_chosen_on"] = {
        "data": "gold-dev events F1 (the whole pipeline)",
        "grid": tried,
        "by": "scripts/choose_article_thresholds.py",
    }
    salience.WEIGHTS_PATH.write_text(
        json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    print(f"article thresholds {data['article_thresholds']} → {salience.WEIGHTS_PATH}")


if __name__ == "__main__":
    main()
