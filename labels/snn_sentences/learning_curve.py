"""Do more labelled SaudiNewsNet sentences help on SaudiNewsNet? Cross-validated here.

`check_on_gsr.py` scores the GSR dev half; this scores the outlet rasd reads. The
labelled sentences of this directory are cut into five folds by article (three seeds);
each fold is scored by a model fit on the GSR dev half and the other folds' sentences,
with the shipped setting (that of `rasd/resources/event_salience.json`). Two training
sets are compared on the same scored sentences: the other folds' sentences of some
parts only (`--base`; by default the first batch, parts 1-3, and the strict
relabelling) and of every part. One threshold per type is
chosen on the out-of-fold probabilities, as `fit_event_salience.py` chooses it. Nothing
is written; `bench/snn_sentences/` is never read.

    .venv/bin/python labels/snn_sentences/learning_curve.py [--base part-1.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))

import fit_event_salience as fit  # noqa: E402

from rasd.eval.gsr import read_gsr, read_sentence_labels  # noqa: E402
from rasd.extract.salience import WEIGHTS_PATH  # noqa: E402

FIRST_BATCH = ("part-1.jsonl", "part-2.jsonl", "part-3.jsonl")


def out_of_fold(
    gsr: list[fit.Example],
    labelled: list[fit.Example],
    trainable: set[str],
    setting: fit.Setting,
    seed: str,
) -> np.ndarray:
    """Probabilities of every labelled example, from models that never saw its article;
    only examples whose sentence is in `trainable` join the training folds."""
    folds = [fit.fold_of(e, seed) for e in labelled]  # by article
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
    parser.add_argument("--base", nargs="+", default=list(FIRST_BATCH), help="label files")
    args = parser.parse_args()
    corpus = DATA / "saudinewsnet" / "articles.jsonl.gz"
    gsr = fit.collect(list(read_gsr(DATA / "arabic-event-gsr", "dev")))
    sentences = fit.labelled_sentences(HERE, corpus)
    labelled = fit.collect(sentences)
    base = {s.id for s in read_sentence_labels(HERE, corpus, (*args.base, "strict-*.jsonl"))}
    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))["cross_validation"]["chosen"]
    setting = fit.Setting(**shipped)
    print(
        f"{len(gsr)} GSR dev mentions; {len(labelled)} labelled mentions, "
        f"{sum(e.sentence in base for e in labelled)} of them in {' '.join(args.base)}; {setting}"
    )
    for name, trainable in (("the base parts", base), ("every part", {s.id for s in sentences})):
        runs = [out_of_fold(gsr, labelled, trainable, setting, seed) for seed in fit.SEEDS]
        scores = fit.scores_of_runs(sentences, labelled, runs)
        line = "  ".join(
            f"{t} F1 {100 * v['f1']:.1f} @{v['threshold']:.2f}" for t, v in scores.items()
        )
        print(f"trained with {name}: {line}", flush=True)


if __name__ == "__main__":
    main()
