"""Unit test of NER training on a tiny slice (seconds, not a real model); needs torch."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.eval.ner import predict, score
from rasd.extract.entities import NerModel
from rasd.text import tokenize
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


def test_refit_on_all_sentences_is_repeatable_and_keeps_snapshots(tmp_path: Path):
    import numpy as np

    from rasd.extract.ner_training import Settings, refit

    train = tmp_path / "train.txt"
    lines, sentences = [], 0
    with (SHARED / "anercorp" / "ANERcorp_train_original.txt").open(encoding="utf-8") as fh:
        for line in fh:
            lines.append(line)
            sentences += not line.strip()
            if sentences == 30:
                break
    train.write_text("".join(lines), encoding="utf-8")
    settings = Settings(hidden=8, rare_dropout=0.5, heads=True)
    outs = [tmp_path / f"run{i}" / "model.npz" for i in (1, 2)]
    for out in outs:
        refit(2, out, train, settings=settings, log=lambda _msg: None, snapshots=True)
    assert (outs[0].parent / "model-e1.npz").is_file()
    with (
        np.load(outs[0]) as a,
        np.load(outs[1]) as b,
        np.load(outs[0].parent / "model-e1.npz") as e1,
    ):
        assert all(np.array_equal(a[k], b[k]) for k in a.files)
        assert not np.array_equal(a["out_w"], e1["out_w"])  # epoch 2 moved on from epoch 1
        assert any(c.startswith("head=") for c in a["cues"].tolist())
    tokens = tokenize("زار الرئيس السوري دمشق")
    assert len(NerModel(outs[0]).tag(tokens)) == len(tokens)
