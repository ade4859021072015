"""Unit test: the numpy forward pass of the shipped NER network equals PyTorch's."""

from __future__ import annotations

import numpy as np
import pytest

from rasd.extract.entities import NerModel
from rasd.text import analyze

torch = pytest.importorskip("torch")


def test_numpy_emissions_equal_the_torch_network_on_the_seed(seed_raw):
    from rasd.extract.ner_training import Tagger, Vocab, _batch, load_weights

    model = NerModel()
    tokens, sentences = analyze(seed_raw)
    groups = [[t for t in tokens if s.start <= t.start and t.end <= s.end] for s in sentences]
    groups = [g for g in groups if g][:8]
    tagger, vocab = load_weights(model)
    assert isinstance(tagger, Tagger) and isinstance(vocab, Vocab)
    batch = _batch(vocab.encode_tokens(groups, model.encoder))
    with torch.no_grad():
        expected = tagger.emissions(batch).numpy()
    got = model.network.emissions([model.projections(g) for g in groups])
    for k, e in enumerate(got):
        assert e.shape == (len(groups[k]), len(model.labels))
        np.testing.assert_allclose(e, expected[k, : len(e)], atol=1e-4)
