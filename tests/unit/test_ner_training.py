"""Unit test of the NER training command on a tiny slice (seconds, not a real model)."""

from __future__ import annotations

from pathlib import Path

from rasd.eval.ner import predict, score
from rasd.extract.entities import NerModel
from rasd.extract.ner_training import train_ner
from tests.conftest import SHARED


def test_train_ner_tunes_on_the_tail_and_writes_model_and_provenance(tmp_path: Path):
    train = tmp_path / "train.txt"
    lines, sentences = [], 0
    with (SHARED / "anercorp" / "ANERcorp_train_original.txt").open(encoding="utf-8") as fh:
        for line in fh:
            lines.append(line)
            sentences += not line.strip()
            if sentences == 50:
                break
    train.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "ner" / "model.crfsuite"
    result = train_ner(
        lambda model, sents: score(predict(model, sents)),
        out=out,
        train=train,
        grid=((0.1, 0.01), (1.0, 0.01)),
        iterations=10,
        command="test",
        log=lambda _msg: None,
    )
    assert [g[:2] for g in result.grid] == [(0.1, 0.01), (1.0, 0.01)]
    assert (result.c1, result.c2) in {(0.1, 0.01), (1.0, 0.01)}
    assert result.dev["micro"].gold > 0  # the dev slice is the last 5 of 50 sentences
    assert not out.with_suffix(".dev.crfsuite").exists()
    provenance = (out.parent / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in provenance and "`test`" in provenance
    assert NerModel(out).tag([]) == []
