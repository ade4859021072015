"""Fit the event salience weights (rasd/resources/event_salience.json) on development data only.

Usage: .venv/bin/python scripts/fit_event_salience.py [GSR_DIR] [GOLD_DEV_DIR] [--threshold T]

Examples are trigger mentions with the binary features of
`rasd.extract.salience.features`:
- each trigger of the sentence's own type in the dev half of the Arabic event
  GSR (`rasd.eval.gsr` split, SHA-1 of the id): ASSAULT in assault_gsr.jsonl,
  PROTEST in protest_gsr.jsonl; labelled by its sentence (yes → 1, easy or
  difficult no → 0, ambiguous left out);
- each trigger in the development gold articles (`gold-dev/*.jsonl`), labelled
  1 when a gold event of its type has its evidence in the trigger's sentence.
  These carry the other types, whose weights the GSR alone would not set.

An L2-regularised logistic regression is fit by gradient descent (numpy, fixed
steps, no randomness). The keep threshold is chosen on out-of-fold
probabilities (five folds by SHA-1 of the article id, so no sentence is
scored by a model that saw its article): the one maximising the mean GSR
F1 of the two types (a sentence counts when one of its triggers of the type
is kept and asserted) — unless `--threshold T` sets it. Weights smaller than
PRUNE are dropped to keep the file small. The test half of the GSR is never read.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from rasd.doc import Doc
from rasd.eval.gsr import read_gsr
from rasd.extract.events import iter_candidates
from rasd.extract.salience import WEIGHTS_PATH
from rasd.extract.triggers import load_lexicon
from rasd.pipeline import TEXT, Pipeline

L2 = 3.0
STEPS = 2000
RATE = 0.5
FOLDS = 5
PRUNE = 0.01
THRESHOLDS = [i / 100 for i in range(5, 71)]


class Example:
    __slots__ = ("features", "label", "source", "type", "unit", "asserted")

    def __init__(
        self, features: list[str], label: bool, source: str, etype: str, unit: str, asserted: bool
    ) -> None:
        self.features = features
        self.label = label
        self.source = source  # "gsr" or "gold"
        self.type = etype
        self.unit = unit  # the sentence (GSR) or article (gold) id: folds never split it
        self.asserted = asserted


def collect(gsr_dir: Path, gold_dir: Path) -> list[Example]:
    lexicon = load_lexicon()
    # Salience reads tokens only, so the text stage is all the examples need.
    pipeline = Pipeline([TEXT])
    out: list[Example] = []
    for sentence in read_gsr(gsr_dir, "dev"):
        doc = pipeline(Doc(text=sentence.text, id=sentence.id))
        for c in iter_candidates(doc, lexicon):
            if c.trigger.type == sentence.type:
                gold = sentence.label == "yes"
                out.append(
                    Example(
                        c.features, gold, "gsr", sentence.type, sentence.id, c.mood == "asserted"
                    )
                )
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            article = json.loads(line)
            spans = defaultdict(list)
            for event in article["events"]:
                at = article["text"].find(event["evidence"])
                spans[event["type"]].append((at, at + len(event["evidence"])))
            doc = pipeline(Doc(text=article["text"], id=article["id"]))
            for c in iter_candidates(doc, lexicon):
                s = (doc.sentences or [])[c.sentence]
                gold = any(a < s.end and s.start < b for a, b in spans[c.trigger.type])
                out.append(
                    Example(
                        c.features,
                        gold,
                        "gold",
                        c.trigger.type,
                        article["id"],
                        c.mood == "asserted",
                    )
                )
    return out


def fit(examples: list[Example]) -> tuple[dict[str, float], float]:
    names = sorted({f for e in examples for f in e.features})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(examples), len(names)), dtype=np.float32)
    for r, e in enumerate(examples):
        for f in e.features:
            x[r, index[f]] = 1.0
    y = np.array([e.label for e in examples], dtype=np.float32)
    w = np.zeros(len(names), dtype=np.float32)
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= RATE * (x.T @ (p - y) / len(y) + L2 * w / len(y))
        b -= RATE * float(np.mean(p - y))
    return {n: float(w[i]) for n, i in index.items()}, float(b)


def probability(weights: dict[str, float], bias: float, features: list[str]) -> float:
    return 1.0 / (1.0 + float(np.exp(-(bias + sum(weights.get(f, 0.0) for f in features)))))


def gsr_counts(
    examples: list[Example], probs: list[float], threshold: float
) -> dict[str, tuple[int, int]]:
    """Per GSR type, (true, false) detections when mentions at or above `threshold` are kept."""
    fired: dict[tuple[str, str], bool] = {}
    gold: dict[tuple[str, str], bool] = {}
    for e, p in zip(examples, probs, strict=True):
        if e.source != "gsr":
            continue
        key = (e.type, e.unit)
        fired[key] = fired.get(key, False) or (p >= threshold and e.asserted)
        gold[key] = e.label
    out = {}
    for etype in ("ASSAULT", "PROTEST"):
        tp = sum(1 for k, f in fired.items() if k[0] == etype and f and gold[k])
        fp = sum(1 for k, f in fired.items() if k[0] == etype and f and not gold[k])
        out[etype] = (tp, fp)
    return out


def best_threshold(
    examples: list[Example], probs: list[float], positives: dict[str, int]
) -> tuple[float, dict[str, float]]:
    chosen, chosen_f1 = THRESHOLDS[0], {"ASSAULT": -1.0, "PROTEST": -1.0}
    for t in THRESHOLDS:
        f1s = {}
        for etype, (tp, fp) in gsr_counts(examples, probs, t).items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / positives[etype]
            f1s[etype] = 2 * p * r / (p + r) if p + r else 0.0
        if sum(f1s.values()) > sum(chosen_f1.values()):
            chosen, chosen_f1 = t, f1s
    return chosen, chosen_f1


def out_of_fold(examples: list[Example]) -> list[float]:
    # GSR ids are «ARTICLE-SENTENCE»: a fold holds whole articles, since sentences of
    # one article share words and would leak through the bag-of-keys features.
    fold = [hashlib.sha1(_article(e.unit).encode()).digest()[1] % FOLDS for e in examples]
    probs = [0.0] * len(examples)
    for k in range(FOLDS):
        weights, bias = fit([e for e, f in zip(examples, fold, strict=True) if f != k])
        for i, e in enumerate(examples):
            if fold[i] == k:
                probs[i] = probability(weights, bias, e.features)
    return probs


def _article(unit: str) -> str:
    return unit.rsplit("-", 1)[0]


def main() -> None:
    args = sys.argv[1:]
    chosen = None
    if "--threshold" in args:
        at = args.index("--threshold")
        chosen = float(args[at + 1])
        del args[at : at + 2]
    gsr_dir = Path(args[0] if args else "../shared/data/arabic-event-gsr")
    gold_dir = Path(args[1] if len(args) > 1 else "../shared/data/gold-dev")
    examples = collect(gsr_dir, gold_dir)
    positives: dict[str, int] = defaultdict(int)
    for sentence in read_gsr(gsr_dir, "dev"):
        positives[sentence.type] += sentence.label == "yes"
    threshold, f1s = best_threshold(examples, out_of_fold(examples), positives)
    weights, bias = fit(examples)
    kept = {n: round(w, 3) for n, w in weights.items() if abs(w) >= PRUNE}
    data = {
        "fit_by": "scripts/fit_event_salience.py",
        "data": "Arabic event GSR (OEDA, MIT), dev half (rasd.eval.gsr split); gold-dev articles",
        "l2": L2,
        "cv_best_threshold": threshold,
        "cv_gsr_dev_f1_at_best": {k: round(v, 3) for k, v in f1s.items()},
        "bias": round(bias, 4),
        "threshold": threshold if chosen is None else chosen,
        "weights": dict(sorted(kept.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    WEIGHTS_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in data.items() if k != "weights"}, ensure_ascii=False))
    print(len(kept), "weights kept of", len(weights))


if __name__ == "__main__":
    main()
