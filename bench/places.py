"""Benchmark of the places stage: articles per second for place recognition and resolution.

Input: SaudiNewsNet (`../shared/data/saudinewsnet/articles.jsonl.gz`), the first
`--articles` articles (0 = all 30,984). Each article is tokenised first (the
text stage, timed apart), then the places stage runs over all of them on one
core; the gazetteer is loaded once before timing. Prints articles/s per CPU
second (what one core does, robust to other jobs on a shared machine) and per
wall-clock second, plus how many places were found.

With `--gold FILE...` it scores the text + places stages alone on gold articles
(`rasd.eval.gold`, the scorer of `rasd eval gold`) instead, so place accuracy
can be measured whatever state the other stages are in.

    .venv/bin/python bench/places.py [--articles 5000]
    .venv/bin/python bench/places.py --gold ../shared/data/gold-dev/*.jsonl [--errors]
    .venv/bin/python bench/places.py --sample 50 --seed 2027   # mentions to judge by hand
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import time
from collections import Counter
from pathlib import Path

from rasd.doc import Doc
from rasd.extract.places import stage
from rasd.pipeline import TEXT, Pipeline, Stage

SNN = Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/articles.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SNN)
    parser.add_argument("--articles", type=int, default=5000, help="0 = all")
    parser.add_argument("--gold", type=Path, nargs="*", help="score on these gold files instead")
    parser.add_argument("--errors", action="store_true", help="with --gold: list the errors")
    parser.add_argument("--sample", type=int, default=0, help="print N random mentions instead")
    parser.add_argument("--seed", type=int, default=2027)
    args = parser.parse_args()

    places = stage()
    if args.gold:
        score_gold_places(places, args.gold, args.errors)
        return
    if args.sample:
        print_sample(places, args.source, args.sample, args.seed)
        return
    with gzip.open(args.source, "rt", encoding="utf-8") as f:
        lines = itertools.islice(f, args.articles or None)
        docs = [Doc(json.loads(line).get("content") or "") for line in lines]

    cpu, wall = time.process_time(), time.perf_counter()
    for doc in docs:
        for layer, value in TEXT.run(doc).items():
            setattr(doc, layer, value)
    text_cpu = time.process_time() - cpu

    found: Counter[int] = Counter()
    cpu, wall = time.process_time(), time.perf_counter()
    for doc in docs:
        for p in places.run(doc)["places"]:
            found[p.precision] += 1
    places_cpu, places_wall = time.process_time() - cpu, time.perf_counter() - wall

    n = len(docs)
    print(f"{n:,} articles; text stage {n / text_cpu:,.0f} articles/CPU-s")
    print(
        f"places stage: {n / places_cpu:,.0f} articles/CPU-s, {n / places_wall:,.0f} articles/s "
        f"wall; {sum(found.values()):,} places "
        f"(precision 1: {found[1]:,}, 2: {found[2]:,}, 3: {found[3]:,})"
    )


def print_sample(places: Stage, source: Path, n: int, seed: int) -> None:
    """N place mentions drawn at random from 60 random articles, with context, to judge."""
    with gzip.open(source, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    random.seed(seed)
    found = []
    for i in random.sample(range(len(lines)), 60):
        doc = Doc(json.loads(lines[i]).get("content") or "")
        for layer, value in TEXT.run(doc).items():
            setattr(doc, layer, value)
        for p in places.run(doc)["places"]:
            context = doc.text[max(0, p.start - 45) : p.end + 35].replace("\n", " ")
            found.append(
                f"{p.text} | {p.geonameid} {p.name} {p.country} p{p.precision} || {context}"
            )
    random.seed(seed)
    for line in random.sample(found, min(n, len(found))):
        print(line)


def score_gold_places(places: Stage, files: list[Path], errors: bool) -> None:
    from rasd.eval.gold import read_gold, score_gold

    pipeline = Pipeline([TEXT, places])
    m = score_gold(read_gold(files), pipeline).as_json(errors=errors)
    if errors:
        for e in m["errors"]["places"]:
            print(f"{e['kind']}: {e['text']} | gold {e['gold']} | system {e.get('system')}")
    p = m["places"]
    print(
        f"{m['articles']} articles, {p['gold']} gold places, {p['system']} system places: "
        f"accuracy {p['accuracy']:.1%}, recall {p['recall']:.1%}, precision {p['precision']:.1%}, "
        f"accuracy of found {p['accuracy_of_found']:.1%}"
    )


if __name__ == "__main__":
    main()
