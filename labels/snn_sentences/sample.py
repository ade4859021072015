"""Draw SaudiNewsNet sentences where rasd's lexicon finds an ASSAULT or PROTEST trigger.

These are the sentences the salience model decides on (`rasd/extract/salience.py`), to be
labelled as the Arabic event GSR labels its own (see README.md here). Articles of
gold-dev, of the blind held-out batches (`bench/heldout/`), of the held-out labelled
sentences (`bench/snn_sentences/`) and of the precision review (`bench/review/`) are
left out. Articles are visited in a fixed random order (seed 20261129); at most two
sentences are taken from one article. Prints JSON lines
with the sentence text, for annotators: only ids, offsets and labels are committed.

    .venv/bin/python labels/snn_sentences/sample.py --count 900 > /tmp/sentences.jsonl

Later batches leave out every article that already has a labelled sentence here
(`--fresh`), may visit the articles in another order (`--seed`) and may ask for one
type's triggers only (`--types PROTEST`: PROTEST triggers are rare in SaudiNewsNet).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

from rasd.extract.triggers import find_triggers, load_lexicon
from rasd.text import analyze

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
CORPUS = DATA / "saudinewsnet" / "articles.jsonl.gz"
TYPES = ("ASSAULT", "PROTEST")
SEED = 20261129
PER_ARTICLE = 2


def excluded() -> set[str]:
    """Ids of every article an evaluation or review has used."""
    ids: set[str] = set()
    for path in [
        *(DATA / "gold-dev").glob("*.jsonl"),
        *(ROOT / "bench" / "heldout").glob("*.jsonl"),
        *(ROOT / "bench" / "snn_sentences").glob("*.jsonl"),
    ]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["id"].split(":")[0])  # sentence ids: article:span
    review = ROOT / "bench" / "review" / "README.md"
    ids.update(re.findall(r"snn-[0-9a-f]{12}", review.read_text(encoding="utf-8")))
    return ids


def labelled_articles() -> set[str]:
    """Ids of the articles with a sentence in any label file of this directory."""
    here = Path(__file__).resolve().parent
    return {
        json.loads(line)["id"].split(":")[0]
        for path in here.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


def sample(
    count: int, seed: int = SEED, types: tuple[str, ...] = TYPES, fresh: bool = False
) -> list[dict]:
    skip = excluded() | (labelled_articles() if fresh else set())
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        articles = [a for a in map(json.loads, lines) if a["id"] not in skip and a["content"]]
    random.Random(seed).shuffle(articles)
    lexicon = load_lexicon()
    out: list[dict] = []
    for article in articles:
        text = article["content"]
        tokens, sentences = analyze(text)
        taken = 0
        for sentence in sentences:
            words = [t for t in tokens if sentence.start <= t.start < sentence.end]
            found = sorted({t.type for t in find_triggers(lexicon, words) if t.type in types})
            if not found:
                continue
            out.append(
                {
                    "id": f"{article['id']}:{sentence.start}-{sentence.end}",
                    "types": found,
                    "text": text[sentence.start : sentence.end],
                }
            )
            taken += 1
            if taken == PER_ARTICLE or len(out) == count:
                break
        if len(out) == count:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=900)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--types", nargs="+", choices=TYPES, default=list(TYPES))
    parser.add_argument(
        "--fresh", action="store_true", help="leave out articles already labelled here"
    )
    args = parser.parse_args()
    for row in sample(args.count, args.seed, tuple(args.types), args.fresh):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
