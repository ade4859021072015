"""Do more labelled SaudiNewsNet sentences help on SaudiNewsNet? Cross-validated here.

`check_on_gsr.py` scores the GSR dev half; this scores the outlet rasd reads. The
labelled sentences of this directory are cut into five folds by article (three seeds);
each fold is scored by a model fit on the GSR dev half and the other folds' sentences,
with the shipped setting. Two training sets are compared on the same scored sentences:
the other folds' sentences of the first batch only (parts 1-3 and their strict
relabelling: the shipped model's data) and of every part. One threshold per type is
chosen on the out-of-fold probabilities, as `fit_event_salience.py` chooses it. Nothing
is written; `bench/snn_sentences/` is never read.

    .venv/bin/python labels/snn_sentences/learning_curve.py [--weight 1.0]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))

import fit_event_salience as fit  # noqa: E402

from rasd.eval.gsr import read_gsr, read_sentence_labels  # noqa: E402

FIRST_BATCH = ("part-1.jsonl", "part-2.jsonl", "part-3.jsonl")


def article(example: fit.Example) -> str:
    return example.sentence.split("_")[0]


def fold(example: fit.Example, seed: str) -> int:
    return hashlib.sha1(f"{seed}:{article(example)}".encode()).digest()[0] % fit.FOLDS


def out_of_fold(
    gsr: list[fit.Example],
    labelled: list[fit.Example],
    trainable: set[str],
    setting: fit.Setting,
    seed: str,
) -> np.ndarray:
    """Probabilities of every labelled example, from models that never saw its article;
    only examples whose sentence is in `trainable` join the training folds."""
    folds = [fold(e, seed) for e in labelled]
    probs = np.zeros(len(labelled))
    for k in range(fit.FOLDS):
        train = [
            e for e, f in zip(labelled, folds, strict=True) if f != k and e.sentence in trainable
        ]
        model = fit.fit_setting(gsr, setting, train).model()
        for i, e in enumerate(labelled):
            if folds[i] == k:
                probs[i] = model.probability(e.features)
    return probs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--weight", type=float, default=1.0, help="loss weight of a labelled sentence"
    )
    args = parser.parse_args()
    corpus = DATA / "saudinewsnet" / "articles.jsonl.gz"
    gsr = fit.collect(list(read_gsr(DATA / "arabic-event-gsr", "dev")))
    sentences = fit.labelled_sentences(HERE, corpus)
    labelled = fit.collect(sentences)
    first = {s.id for s in read_sentence_labels(HERE, corpus, (*FIRST_BATCH, "strict-*.jsonl"))}
    setting = fit.Setting("trigger+window+sentence", 1.0, 3, 3.0, 1.0, args.weight)
    print(
        f"{len(gsr)} GSR dev mentions; {len(labelled)} labelled mentions, "
        f"{sum(e.sentence in first for e in labelled)} of them in the first batch"
    )
    for name, trainable in (("first batch", first), ("every part", {s.id for s in sentences})):
        runs = [out_of_fold(gsr, labelled, trainable, setting, seed) for seed in fit.SEEDS]
        parts = []
        for etype in fit.TYPES:
            best = max(
                (
                    float(
                        np.mean(
                            [fit.f1(*fit.detection(sentences, labelled, p, etype, t)) for p in runs]
                        )
                    ),
                    t,
                )
                for t in fit.THRESHOLDS
            )
            parts.append(f"{etype} F1 {100 * best[0]:.1f} @{best[1]:.2f}")
        print(f"trained with the {name}: " + "  ".join(parts), flush=True)


if __name__ == "__main__":
    main()
