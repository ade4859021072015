"""Unit test of NER training on a tiny slice (seconds, not a real model); needs torch."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.eval.ner import predict, score
from rasd.extract.entities import NerModel
from rasd.text import tokenize
from tests.conftest import SHARED

pytest.importorskip("torch")


def _head(tmp_path: Path, n: int) -> Path:
    """The first n sentences of ANERcorp train, as a train file."""
    train = tmp_path / "train.txt"
    lines, sentences = [], 0
    with (SHARED / "anercorp" / "ANERcorp_train_original.txt").open(encoding="utf-8") as fh:
        for line in fh:
            lines.append(line)
            sentences += not line.strip()
            if sentences == n:
                break
    train.write_text("".join(lines), encoding="utf-8")
    return train


def test_train_ner_stops_early_on_the_tail_and_writes_model_and_provenance(tmp_path: Path):
    from rasd.extract.ner_training import Settings, train_ner

    train = _head(tmp_path, 50)
    out = tmp_path / "ner" / "model.npz"
    result = train_ner(
        lambda model, sents: score(predict(model, sents)),
        out=out,
        train=train,
        settings=Settings(hidden=16, max_epochs=3, patience=1, ema=0.0, swa_from=2),
        command="test",
        log=lambda _msg: None,
    )
    assert 1 <= len(result.history) <= 3
    assert result.epoch == max(result.history, key=lambda h: h[1])[0]
    assert result.dev["micro"].gold > 0  # the dev slice is the last 5 of 50 sentences
    provenance = (out.parent / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in provenance and "`test`" in provenance
    assert "end-of-epoch weights\nfrom epoch 2 on" in provenance
    model = NerModel(out)
    assert model.network.hidden == 16
    assert model.tag([]) == []


def test_refit_on_all_sentences_is_repeatable_and_keeps_snapshots(tmp_path: Path):
    import numpy as np

    from rasd.extract.ner_training import Settings, refit

    train = _head(tmp_path, 30)
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


def test_weight_averages_are_exported_instead_of_the_last_weights(tmp_path: Path):
    import numpy as np

    from rasd.extract.ner_training import Settings, refit

    train = _head(tmp_path, 30)
    raw, swa, ema = (tmp_path / k / "model.npz" for k in ("raw", "swa", "ema"))
    quiet = {"log": lambda _msg: None}
    refit(3, raw, train, settings=Settings(hidden=8, ema=0.0), snapshots=True, **quiet)
    # Averaging leaves the trajectory alone: the mean of epochs 2 and 3 of the same run.
    refit(3, swa, train, settings=Settings(hidden=8, ema=0.0, swa_from=2), **quiet)
    refit(3, ema, train, settings=Settings(hidden=8, ema=0.9), **quiet)
    with (
        np.load(raw.with_name("model-e2.npz")) as e2,
        np.load(raw) as e3,
        np.load(swa) as s,
        np.load(ema) as e,
    ):
        floats = [k for k in e3.files if e3[k].dtype.kind == "f"]
        for k in floats:
            np.testing.assert_allclose(s[k], (e2[k] + e3[k]) / 2, atol=1e-6)
        # The moving average lags behind the last weights, towards the earlier ones.
        lag = [np.abs(e[k] - e3[k]).sum() for k in floats]
        assert sum(lag) > 0
        assert np.abs(e["out_w"] - e2["out_w"]).sum() < np.abs(e3["out_w"] - e2["out_w"]).sum()
