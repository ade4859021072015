"""Would these labels help the salience model? Cross-validated on the GSR dev half.

The setting chosen without these labels (trigger+window+sentence words, L2 1, min
count 3, structure scale 3) is fit as `scripts/fit_event_salience.py` fits it —
five document-grouped folds of GSR dev × three seeds, one threshold per type on
the out-of-fold scores — with the labelled SaudiNewsNet sentences (`yes` and
`no`, strict relabellings applied, `unsure` left out) added to every training
fold, whole or one type at a time. Only GSR dev sentences are scored. Nothing
is written.

    .venv/bin/python labels/snn_sentences/check_on_gsr.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))

import fit_event_salience as fit  # noqa: E402

from rasd.eval.gsr import GsrSentence, read_gsr  # noqa: E402


def scores(sentences: list[GsrSentence], gsr: list[fit.Example], extra: list[fit.Example]) -> str:
    setting = fit.Setting("trigger+window+sentence", 1.0, 3, 3.0, 1.0)
    result = fit.cross_validate(sentences, gsr, setting, extra)
    return "  ".join(
        f"{etype} F1 {100 * s['f1']:.1f} @{s['threshold']:.2f}" for etype, s in result.items()
    )


def main() -> None:
    sentences = list(read_gsr(DATA / "arabic-event-gsr", "dev"))
    gsr = fit.collect(sentences)
    corpus = DATA / "saudinewsnet" / "articles.jsonl.gz"
    extra = fit.collect(fit.labelled_sentences(HERE, corpus))
    print(f"{len(gsr)} GSR dev mentions; {len(extra)} mentions of labelled SaudiNewsNet sentences")
    print("GSR dev only:         ", scores(sentences, gsr, []))
    print("+ all labels:         ", scores(sentences, gsr, extra))
    for etype in fit.TYPES:
        only = [e for e in extra if e.type == etype]
        print(f"+ {etype} labels only:", scores(sentences, gsr, only))


if __name__ == "__main__":
    main()
