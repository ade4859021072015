"""Sentence detection, in the GSR's sense, on SaudiNewsNet sentences no model was fit on.

`bench/snn_sentences/` holds labels for 1,800 SaudiNewsNet sentences where rasd's
lexicon finds an ASSAULT or PROTEST trigger (README there): does the sentence itself
report such an event as fact? Each sentence is run alone through the pipeline, as
`rasd eval gsr` runs the GSR's, and scored the same way (a sentence is detected when
it has an asserted event of the type). Two samples are scored apart, since they were
drawn differently: parts 4-6 (sentences with any ASSAULT or PROTEST trigger) and parts
7-9 (sentences with a PROTEST trigger only).

Since every sentence has a trigger, recall here is that of the salience model and the
rules after the lexicon, not of the lexicon itself.

    .venv/bin/python bench/snn_sentences.py [--scope sentence|article] [--show-errors]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rasd.cli.extract import build_pipeline
from rasd.eval.gsr import read_sentence_labels, score_gsr
from rasd.extract import events

HERE = Path(__file__).resolve().parent
LABELS = HERE / "snn_sentences"
CORPUS = HERE.parents[1] / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
SAMPLES = {
    "any trigger (parts 4-6)": ("part-4.jsonl", "part-5.jsonl", "part-6.jsonl"),
    "PROTEST triggers (parts 7-9)": ("part-7.jsonl", "part-8.jsonl", "part-9.jsonl"),
}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scope", choices=("sentence", "article"), default="sentence")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    pipeline = build_pipeline([], [], []).replacing(events.stage(scope=args.scope))
    print(f"{args.scope} thresholds")
    print(f"{'sample':30s} {'type':8s} {'pos':>4s} {'neg':>4s} {'P':>5s} {'R':>5s} {'F1':>5s}")
    for name, files in SAMPLES.items():
        sentences = read_sentence_labels(LABELS, CORPUS, files)
        for event_type, score in score_gsr(sentences, pipeline).items():
            m = score.metrics()
            if not m["positives"] and not m["negatives"]:
                continue
            print(
                f"{name:30s} {event_type:8s} {m['positives']:4d} {m['negatives']:4d}"
                f" {_pct(m['precision']):>5s} {_pct(m['recall']):>5s} {_pct(m['f1']):>5s}"
            )
            if args.show_errors:
                for error in score.errors:
                    print(f"    {error['error']:<11} {error['id']}  {error['text'][:200]}")


if __name__ == "__main__":
    main()
