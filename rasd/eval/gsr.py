"""Sentence-level event detection scored on the Arabic event GSR (Open Event Data Alliance).

In: `assault_gsr.jsonl` and `protest_gsr.jsonl` (one sentence a line: `id`,
`event_type`, `label` yes / easy no / difficult no / ambiguous, `text`) and a
pipeline. Out: per event type, precision, recall and F1 of "an event of this
type is present in the sentence" against label `yes`, with `easy no` and
`difficult no` as negatives and `ambiguous` left out.

The set has no declared split, so it is cut here, fixed and stable: a sentence
is in the `dev` half when the first byte of the SHA-1 of its id is even, else
in `test`. Tune on dev; report test apart.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.doc import Doc

FILES = {"ASSAULT": "assault_gsr.jsonl", "PROTEST": "protest_gsr.jsonl"}
NEGATIVE_LABELS = frozenset({"easy no", "difficult no"})
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True, slots=True)
class GsrSentence:
    id: str
    type: str
    label: str
    text: str

    @property
    def split(self) -> str:
        return "dev" if hashlib.sha1(self.id.encode()).digest()[0] % 2 == 0 else "test"


def read_gsr(directory: Path, split: str = "all") -> Iterator[GsrSentence]:
    """Scorable sentences (ambiguous ones left out) of the GSR folder, of one split."""
    for event_type, name in FILES.items():
        with (directory / name).open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if row["label"] == "ambiguous":
                    continue
                sentence = GsrSentence(row["id"], event_type, row["label"], row["text"])
                if split == "all" or sentence.split == split:
                    yield sentence


def read_sentence_labels(
    directory: Path, corpus: Path, files: tuple[str, ...] = ("part-*.jsonl",)
) -> list[GsrSentence]:
    """Sentences of SaudiNewsNet labelled here in the GSR's sense (`labels/snn_sentences`,
    `bench/snn_sentences`), as GSR sentences: `yes`, or `no` as "easy no"; `unsure` left out.

    Each line of the label files matched by `files` (in that order: a later file's label
    replaces an earlier one's, so strict relabellings come last) is `{"id":
    "<article>:<start>-<end>", "type", "label"}`; the text is cut from the corpus article
    by those character offsets. The sentence id is `<article>_<start>_<end>`.
    """
    labels: dict[tuple[str, str], str] = {}
    for pattern in files:
        for path in sorted(directory.glob(pattern)):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    labels[(row["id"], row["type"])] = row["label"]
    wanted = {key[0].split(":")[0] for key in labels}
    texts: dict[str, str] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] in wanted:
                texts[article["id"]] = article["content"]
    out = []
    for (key, event_type), label in labels.items():
        if label == "unsure":
            continue
        article, span = key.split(":")
        start, end = map(int, span.split("-"))
        gsr_label = "yes" if label == "yes" else "easy no"
        text = texts[article][start:end]
        out.append(GsrSentence(f"{article}_{start}_{end}", event_type, gsr_label, text))
    return out


@dataclass
class DetectionScore:
    """Counts for one event type; errors hold the sentences it got wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)

    def metrics(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return {
            "positives": self.tp + self.fn,
            "negatives": self.fp + self.tn,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": p,
            "recall": r,
            "f1": f1,
        }


def detected_types(doc: Doc) -> set[str]:
    """Event types a processed sentence reports as fact (modality asserted).

    Planned, negated and rumoured («أنباء عن»، «إذا») mentions do not count: the GSR
    asks whether the sentence reports that an event took place.
    """
    return {e.type for e in doc.events or [] if e.modality == "asserted"}


def score_gsr(
    sentences: Iterable[GsrSentence], run: Callable[[Doc], Doc]
) -> dict[str, DetectionScore]:
    """Run the pipeline on each sentence and score detection per event type."""
    scores = {t: DetectionScore() for t in FILES}
    for sentence in sentences:
        doc = run(Doc(text=sentence.text, id=sentence.id))
        found = sentence.type in detected_types(doc)
        gold = sentence.label == "yes"
        score = scores[sentence.type]
        if found and gold:
            score.tp += 1
        elif found:
            score.fp += 1
            score.errors.append({"id": sentence.id, "error": "false alarm", "text": sentence.text})
        elif gold:
            score.fn += 1
            score.errors.append({"id": sentence.id, "error": "miss", "text": sentence.text})
        else:
            score.tn += 1
    return scores
