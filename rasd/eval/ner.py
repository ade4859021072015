"""Scoring NER against CoNLL gold: entity-level precision, recall and F1 (conlleval).

In: a gold file of `token LABEL` lines (ANERcorp) and a trained model. The
gold sentences are tokenised by the text core, tagged, and the predictions
mapped back to one label per gold token (`rasd.extract.ner_data`), so the
score is over the corpus's own tokens. An entity counts only when its type
and both boundaries match, per type and micro-averaged over all types.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.extract.entities import MODEL, NerModel, propagate_labels
from rasd.extract.ner_data import LABELS, Sentence, align, read_conll, word_labels

DOC_SENTENCES = 20


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int


def chunks(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity chunks (start, end, type) the conlleval way: «B-LOC I-LOC O» → {(0, 2, LOC)}.

    An I- tag after O or after another type begins a new chunk.
    """
    out = set()
    start, kind = None, None
    for i, label in enumerate([*labels, "O"]):
        tag, typ = (label[:1], label[2:]) if label != "O" else ("O", None)
        if kind is not None and (tag in ("O", "B") or typ != kind):
            out.add((start, i, kind))
            kind = None
        if tag == "B" or (tag == "I" and kind is None):
            start, kind = i, typ
    return out


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict[str, Score]:
    """Per-type and micro scores over (gold, predicted) label sequences."""
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    ok_n: Counter[str] = Counter()
    for gold, pred in pairs:
        g, p = chunks(gold), chunks(pred)
        gold_n.update(c[2] for c in g)
        pred_n.update(c[2] for c in p)
        ok_n.update(c[2] for c in g & p)
    result = {}
    for kind in (*LABELS, "micro"):
        if kind == "micro":
            g, p, c = sum(gold_n.values()), sum(pred_n.values()), sum(ok_n.values())
        else:
            g, p, c = gold_n[kind], pred_n[kind], ok_n[kind]
        prec = c / p if p else 0.0
        rec = c / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        result[kind] = Score(prec, rec, f1, g, p, c)
    return result


def predict(
    model: NerModel, sentences: Iterable[Sentence]
) -> Iterable[tuple[list[str], list[str]]]:
    """(gold, predicted) labels per corpus sentence.

    The corpus has no article boundaries, so runs of DOC_SENTENCES sentences
    stand in for the documents within which the stage propagates labels.
    """
    batch: list[Sentence] = []
    for sent in [*sentences, None]:
        if sent is not None:
            batch.append(sent)
        if batch and (sent is None or len(batch) == DOC_SENTENCES):
            tokens = [s.tokens for s in batch]
            labels = propagate_labels(tokens, model.tag_sentences(tokens))
            for s, lab in zip(batch, labels, strict=True):
                yield s.gold, word_labels(s, lab)
            batch = []


def evaluate_ner(gold: Path, model: Path = MODEL) -> dict[str, Score]:
    """Scores of a model on a CoNLL gold file: `rasd eval ner --gold FILE`."""
    tagger = NerModel(model)
    return score(predict(tagger, (align(w, g) for w, g in read_conll(gold))))
