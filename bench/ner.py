"""Benchmark: NER tokens per second on one core (floor: 20,000).

Usage: .venv/bin/python bench/ner.py [--articles N]

Tokenises N SaudiNewsNet articles with the text core (not timed), then times
the entities stage alone (inputs + BiLSTM-CRF in numpy + spans) over them, after one
warm-up article, and the actors stage after it. Prints tokens per CPU-second
(time.process_time: the machine is shared) for each.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from itertools import islice
from pathlib import Path

from rasd.doc import Doc
from rasd.extract import actors, entities
from rasd.text import analyze

CORPUS = Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/articles.jsonl.gz"


def main() -> None:
    args = sys.argv[1:]
    n = int(args[args.index("--articles") + 1]) if "--articles" in args else 1000
    docs = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in islice(fh, n):
            doc = Doc(text=json.loads(line)["content"])
            doc.tokens, doc.sentences = analyze(doc.text)
            docs.append(doc)
    tokens = sum(len(d.tokens or []) for d in docs)
    ner, act = entities.stage(), actors.stage()
    ner.run(docs[0])  # warm-up: first-call costs are not throughput

    start = time.process_time()
    found = 0
    for doc in docs:
        doc.entities = ner.run(doc)["entities"]
        found += len(doc.entities)
    ner_seconds = time.process_time() - start

    start = time.process_time()
    mentions = sum(len(act.run(doc)["actors"]) for doc in docs)
    actor_seconds = time.process_time() - start

    print(f"{len(docs)} articles, {tokens} tokens")
    print(f"entities: {tokens / ner_seconds:,.0f} tokens/s ({found} entities)")
    print(f"actors:   {tokens / actor_seconds:,.0f} tokens/s ({mentions} mentions)")


if __name__ == "__main__":
    main()
