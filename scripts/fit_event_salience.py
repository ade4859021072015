"""Fit the event salience weights (rasd/resources/event_salience.json) on the GSR dev half.

Usage: .venv/bin/python scripts/fit_event_salience.py [GSR_DIR] [--threshold T]

Each trigger of the sentence's own type (ASSAULT in assault_gsr.jsonl, PROTEST
in protest_gsr.jsonl) is one example, labelled by its sentence (yes → 1, easy
or difficult no → 0; ambiguous left out), with the binary features of
`rasd.extract.salience.features`. An L2-regularised logistic regression is fit
by gradient descent (numpy, a dev dependency), then the keep threshold is the
one maximising the mean sentence-level F1 of the two types on the same dev
half — unless `--threshold T` sets it (the bundled file keeps a lower one:
the GSR's "yes" is stricter than what an analyst wants from an article, and
the best GSR threshold costs most of the article-level recall on gold-dev;
both are recorded). Only the dev half (`rasd.eval.gsr`, SHA-1 of the id) is read; the test
half stays held out for `rasd eval gsr --split test`.
"""

from __future__ import annotations

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

L2 = 1.0
STEPS = 3000
RATE = 0.5


def collect(directory: Path) -> tuple[list[list[str]], list[int], list[tuple[str, str, bool]]]:
    """Examples (features, label) and, per example, (type, sentence id, sentence label)."""
    lexicon = load_lexicon()
    # Salience reads tokens only, so the text stage is all the examples need.
    pipeline = Pipeline([TEXT])
    rows: list[list[str]] = []
    labels: list[int] = []
    keys: list[tuple[str, str, bool]] = []
    for sentence in read_gsr(directory, "dev"):
        doc = pipeline(Doc(text=sentence.text, id=sentence.id))
        for candidate in iter_candidates(doc, lexicon):
            if candidate.trigger.type != sentence.type:
                continue
            rows.append(candidate.features)
            labels.append(int(sentence.label == "yes"))
            keys.append((sentence.type, sentence.id, sentence.label == "yes"))
    return rows, labels, keys


def fit(rows: list[list[str]], labels: list[int]) -> tuple[dict[str, float], float]:
    names = sorted({f for row in rows for f in row})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for f in row:
            x[r, index[f]] = 1.0
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + L2 * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= RATE * grad_w
        b -= RATE * grad_b
    return {n: round(float(w[i]), 4) for n, i in index.items()}, round(b, 4)


def best_threshold(
    probs: list[float], keys: list[tuple[str, str, bool]], positives: dict[str, int]
) -> tuple[float, dict[str, float]]:
    """The threshold maximising the mean F1 over types (a sentence fires on its best trigger)."""
    best: dict[str, dict[str, tuple[float, bool]]] = defaultdict(dict)
    for p, (etype, sid, gold) in zip(probs, keys, strict=True):
        if p > best[etype].get(sid, (-1.0, gold))[0]:
            best[etype][sid] = (p, gold)
    chosen, chosen_f1 = 0.5, {}
    for t in [i / 100 for i in range(5, 96)]:
        f1s = {}
        for etype, sentences in best.items():
            tp = sum(1 for p, g in sentences.values() if p >= t and g)
            fp = sum(1 for p, g in sentences.values() if p >= t and not g)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / positives[etype]
            f1s[etype] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if not chosen_f1 or sum(f1s.values()) > sum(chosen_f1.values()):
            chosen, chosen_f1 = t, f1s
    return chosen, chosen_f1


def main() -> None:
    args = sys.argv[1:]
    chosen = None
    if "--threshold" in args:
        at = args.index("--threshold")
        chosen = float(args[at + 1])
        del args[at : at + 2]
    directory = Path(args[0] if args else "../shared/data/arabic-event-gsr")
    rows, labels, keys = collect(directory)
    weights, bias = fit(rows, labels)
    z = [bias + sum(weights.get(f, 0.0) for f in row) for row in rows]
    probs = [1.0 / (1.0 + np.exp(-v)) for v in z]
    positives: dict[str, int] = defaultdict(int)
    for sentence in read_gsr(directory, "dev"):
        positives[sentence.type] += sentence.label == "yes"
    threshold, f1s = best_threshold(probs, keys, positives)
    data = {
        "fit_by": "scripts/fit_event_salience.py",
        "data": "Arabic event GSR (OEDA, MIT), dev half (rasd.eval.gsr split)",
        "gsr_best_threshold": threshold,
        "gsr_dev_f1_at_best": {k: round(v, 3) for k, v in f1s.items()},
        "bias": bias,
        "threshold": threshold if chosen is None else chosen,
        "weights": dict(sorted(weights.items(), key=lambda kv: -kv[1])),
    }
    WEIGHTS_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
