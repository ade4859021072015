"""How well one crowd worker of the Arabic event GSR agrees with the GSR's own labels.

The GSR's `yes` means every worker who saw the sentence accepted it (3 of 3,
4 of 4...); one acceptance among several makes a `difficult no`, two of three
an `ambiguous` (left out of scoring). A worker is modelled as accepting a
sentence with the share of its workers who did (`accept / total`); the
expected precision, recall and F1 of such a worker against the label, scored
as `rasd eval gsr` scores (ambiguous left out), is a human reference for the
F1 floors. It reads only the labels and vote counts, not the text.

    .venv/bin/python bench/gsr_agreement.py [GSR_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.eval.gsr import FILES, NEGATIVE_LABELS, GsrSentence

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "arabic-event-gsr"


def worker_scores(rows: list[dict]) -> tuple[float, float, float, int]:
    """Expected precision, recall, F1 of one random worker; the number of positives."""
    tp = fp = fn = 0.0
    positives = 0
    for row in rows:
        if row["label"] not in NEGATIVE_LABELS and row["label"] != "yes":
            continue  # ambiguous
        accepts = row["accept"] / row["total"]
        if row["label"] == "yes":
            positives += 1
            tp += accepts
            fn += 1 - accepts
        else:
            fp += accepts
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1, positives


def main(directory: Path = DEFAULT) -> None:
    print("type     split  positives  precision  recall     F1   (one random crowd worker)")
    for event_type, name in FILES.items():
        with (directory / name).open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
        for split in ("dev", "test", "all"):
            chosen = [
                r
                for r in rows
                if split == "all" or GsrSentence(r["id"], event_type, r["label"], "").split == split
            ]
            precision, recall, f1, positives = worker_scores(chosen)
            print(
                f"{event_type:8} {split:5} {positives:10d} {100 * precision:10.1f}"
                f" {100 * recall:7.1f} {100 * f1:6.1f}"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
