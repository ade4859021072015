"""Learn the clitic segmentation weights from the train part of the WikiNews gold.

Input: `shared/data/farasa-wikinews/WikiNews.pos.ref` (free to copy and
distribute; text CC BY 2.5), lines before 11,713 only (the train part; dev and
test parts are never read here), and the SaudiNewsNet word counts built by
`scripts/build_stems.py`. Output: `rasd/resources/clitic_weights.json`, and
`rasd/resources/clitic_splits.tsv.gz`: the segmentation these weights give to
every corpus form they split (`form <TAB> proclitics joined by + <TAB> enclitic`),
which rasd looks up instead of scoring those forms again; then
`rasd/resources/word_analyses.tsv.gz`: the whole analysis (parts and search
key, `rasd.text.forms`) of every corpus form, from all the text resources.
After editing `broken_plurals.tsv`, rebuild that table alone with
`--analyses-only`.

Method: an averaged structured perceptron over the candidate segmentations of
each word (`rasd.text.clitics.candidates` / `features`), fixed seed. Prints the
dev accuracy, which is what the few settings here were tuned on.

    .venv/bin/python scripts/train_clitics.py [--epochs 10] [--analyses-only]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

from rasd.eval.segmentation import read_gold
from rasd.text import clitics, forms
from rasd.text.clitics import Candidate, best_candidate, candidates, features, word_counts
from rasd.text.normalize import normalize_letters

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "farasa-wikinews" / "WikiNews.pos.ref"
OUT = ROOT / "rasd" / "resources" / "clitic_weights.json"
SPLITS = ROOT / "rasd" / "resources" / "clitic_splits.tsv.gz"
ANALYSES = ROOT / "rasd" / "resources" / "word_analyses.tsv.gz"
SEED = 7
# Function words kept whole whatever the model says: the issue asks «كما» (as)
# to stay one word although Farasa sometimes writes ك + ما.
# «والي» (governor) is named by the issue; SaudiNewsNet often spells وإلى so.
KEEP_WHOLE = ["كما", "كلما", "كلا", "هنا", "لكن", "لله", "والي"]


def bounds_of(cand: Candidate) -> tuple[int, ...]:
    pre, stem, enc = cand
    out, at = [], 0
    for p in pre:
        at += len(p)
        out.append(at)
    if enc:
        out.append(at + len(stem))
    return tuple(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--analyses-only", action="store_true", help="only word_analyses.tsv.gz")
    args = parser.parse_args()
    counts = word_counts()
    if args.analyses_only:
        write_analyses(counts)
        return
    train, dev = [], []
    for gold in read_gold(GOLD):
        if gold.line >= 11_713:  # dev starts here; test (>= 14,641) is never used
            if gold.line < 14_641:
                dev.append(gold)
            continue
        letters = normalize_letters(gold.word)
        cands = candidates(letters, counts)
        feats = [features(letters, c, counts) for c in cands]
        gold_i = next((i for i, c in enumerate(cands) if bounds_of(c) == gold.bounds), None)
        if gold_i is not None and len(cands) > 1:
            train.append((feats, gold_i))
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamp: dict[str, int] = defaultdict(int)
    step = 0
    rng = random.Random(SEED)
    for _ in range(args.epochs):
        rng.shuffle(train)
        for feats, gold_i in train:
            step += 1
            guess = max(
                range(len(feats)), key=lambda i: sum(weights[k] * v for k, v in feats[i].items())
            )
            if guess == gold_i:
                continue
            for sign, f in ((1.0, feats[gold_i]), (-1.0, feats[guess])):
                for k, v in f.items():
                    totals[k] += (step - stamp[k]) * weights[k]
                    stamp[k] = step
                    weights[k] += sign * v
    averaged = {
        k: round((totals[k] + (step - stamp[k]) * w) / step, 5)
        for k, w in weights.items()
        if (totals[k] + (step - stamp[k]) * w) != 0
    }
    keep = frozenset(KEEP_WHOLE)
    right = sum(
        bounds_of(((), g.word, "") if g.word in keep else best_candidate(g.word, averaged))
        == g.bounds
        for g in dev
    )
    print(f"train words {len(train)} (ambiguous), dev accuracy {right / len(dev):.4f} ({len(dev)})")
    OUT.write_text(
        json.dumps(
            {
                "about": "clitic segmentation weights; built by scripts/train_clitics.py",
                "keep_whole": KEEP_WHOLE,
                "weights": dict(sorted(averaged.items())),
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    write_splits(counts, averaged, keep)
    write_analyses(counts)


def write_splits(counts: dict[str, int], weights: dict[str, float], keep: frozenset[str]) -> None:
    """The model's segmentation of every corpus form it splits, in corpus order."""
    rows = []
    for form in counts:
        if form in keep:
            continue
        pre, _stem, enc = best_candidate(form, weights)
        if pre or enc:
            rows.append(f"{form}\t{'+'.join(pre)}\t{enc}\n")
    # mtime=0 keeps the gzip byte-identical across rebuilds (stable checksum).
    with open(SPLITS, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(rows).encode("utf-8"))
    print(f"{len(rows)} split forms of {len(counts)} -> {SPLITS}")


def write_analyses(counts: dict[str, int]) -> None:
    """The analysis of every corpus form with the resources as now written, in corpus order."""
    clitics._model.cache_clear()  # read the weights and splits just written
    clitics.known_segmentations.cache_clear()
    rows = [forms.table_row(form) for form in counts]
    with open(ANALYSES, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(rows).encode("utf-8"))
    print(f"{len(rows)} form analyses -> {ANALYSES}")


if __name__ == "__main__":
    main()
