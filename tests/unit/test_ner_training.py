"""Unit test of NER training on a tiny slice (seconds, not a real model); needs torch."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.eval.ner import predict, score
from rasd.extract.entities import NerModel
from tests.conftest import SHARED

pytest.importorskip("torch")


def test_train_ner_stops_early_on_the_tail_and_writes_model_and_provenance(tmp_path: Path):
    from rasd.extract.ner_training import Settings, train_ner

    train = tmp_path / "train.txt"
    lines, sentences = [], 0
    with (SHARED / "anercorp" / "ANERcorp_train_original.txt").open(encoding="utf-8") as fh:
        for line in fh:
            lines.append(line)
            sentences += not line.strip()
            if sentences == 50:
                break
    train.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "ner" / "model.npz"
    result = train_ner(
        lambda model, sents: score(predict(model, sents)),
        out=out,
        train=train,
        settings=Settings(hidden=16, max_epochs=3, patience=1),
        command="test",
        log=lambda _msg: None,
    )
    assert 1 <= len(result.history) <= 3
    assert result.epoch == max(result.history, key=lambda h: h[1])[0]
    assert result.dev["micro"].gold > 0  # the dev slice is the last 5 of 50 sentences
    provenance = (out.parent / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in provenance and "`test`" in provenance
    model = NerModel(out)
    assert model.network.hidden == 16
    assert model.tag([]) == []
