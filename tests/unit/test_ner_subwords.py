"""Unit tests of the n-gram vectors of unseen forms: the numpy sum equals gensim's
fastText vector, and a model trained with them finds them again when loaded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rasd.extract.ner_features import NgramVectors, char_ngrams, ngram_hash

SENTENCES = [
    ["زار", "الرئيس", "السوري", "دمشق", "أمس", "والتقى", "وزير", "الخارجية"],
    ["قال", "المتحدث", "باسم", "الحكومة", "في", "بيروت", "إن", "الاجتماع", "انتهى"],
    ["وصل", "وفد", "من", "القاهرة", "إلى", "عمان", "لبحث", "التعاون"],
] * 20


def _fasttext(tmp_path: Path) -> tuple[object, Path]:
    """A tiny gensim model and the file build_fasttext.py would write of it."""
    gensim = pytest.importorskip("gensim")
    model = gensim.models.FastText(
        SENTENCES,
        vector_size=8,
        min_count=1,
        min_n=2,
        max_n=5,
        bucket=997,
        epochs=2,
        seed=1,
        workers=1,
    )
    words = list(model.wv.index_to_key)
    vec = np.stack([model.wv[w] for w in words])
    path = tmp_path / "embeddings.npz"
    np.savez_compressed(
        path,
        words=np.array(words),
        vectors=(vec / np.linalg.norm(vec, axis=1, keepdims=True)).astype(np.float16),
        ngrams=model.wv.vectors_ngrams.astype(np.float16),
        min_n=np.array(2),
        max_n=np.array(5),
    )
    return model, path


def test_ngrams_and_hashes_are_gensims():
    inner = pytest.importorskip("gensim.models.fasttext_inner")
    for word in ["بدمشق", "لافروف", "a", "Москва", "😀ش", "ab"]:
        for lo, hi in [(1, 3), (3, 6), (2, 5)]:
            assert char_ngrams(word, lo, hi) == inner.compute_ngrams_bytes(word, lo, hi)
        assert [ngram_hash(g) for g in char_ngrams(word, 3, 6)] == [
            inner.ft_hash_bytes(g) for g in char_ngrams(word, 3, 6)
        ]


def test_vector_of_an_unseen_form_is_gensims(tmp_path: Path):
    model, path = _fasttext(tmp_path)
    with np.load(path) as data:
        ngrams = NgramVectors(data["ngrams"], int(data["min_n"]), int(data["max_n"]))
    for word in ["بدمشق", "الدمشقيون", "لافروف", "xyz"]:
        assert word not in model.wv.key_to_index
        expected = model.wv[word] / np.linalg.norm(model.wv[word])
        np.testing.assert_allclose(ngrams.vector(word), expected, atol=2e-3)


def test_a_model_trained_with_subwords_reads_them_again(tmp_path: Path):
    pytest.importorskip("torch")
    from rasd.extract.entities import NerModel
    from rasd.extract.ner_training import Settings, refit
    from rasd.text import tokenize
    from tests.unit.test_ner_training import _head

    _, vectors = _fasttext(tmp_path)
    out = tmp_path / "model.npz"  # beside embeddings.npz
    settings = Settings(hidden=8, embeddings=vectors, subwords=True)
    refit(1, out, _head(tmp_path, 20), settings=settings, log=lambda _msg: None)
    model = NerModel(out)
    assert model.encoder.ngrams is not None
    tokens = tokenize("زار الرئيس السوري بدمشق")
    inputs = [model.encoder.inputs(t) for t in tokens]
    assert any(i.word < 0 and i.subword is not None and i.subword[0].any() for i in inputs)
    assert len(model.tag(tokens)) == len(tokens)


def test_a_model_reading_stem_ngrams_beside_other_vectors_reads_them_again(tmp_path: Path):
    pytest.importorskip("torch")
    from rasd.extract.entities import NerModel
    from rasd.extract.ner_network import NerNetwork
    from rasd.extract.ner_training import Settings, refit
    from rasd.text import tokenize
    from tests.unit.test_ner_training import _head

    _, vectors = _fasttext(tmp_path)
    ngrams = tmp_path / "ngrams.npz"  # beside the model; the word vectors are the bundled
    with np.load(vectors) as data:
        np.savez_compressed(ngrams, **{k: data[k] for k in ("ngrams", "min_n", "max_n")})
    out = tmp_path / "run" / "model.npz"
    settings = Settings(hidden=8, stem_ngrams=True, ngrams=ngrams)
    refit(1, out, _head(tmp_path, 20), settings=settings, log=lambda _msg: None)
    ngrams.rename(out.with_name("ngrams.npz"))
    model = NerModel(out)
    assert model.encoder.stem_ngrams and not model.encoder.subwords
    assert NerNetwork(out, model.encoder.vectors).ngram_dim == 8
    tokens = tokenize("زار الرئيس السوري بدمشق")
    assert all(model.encoder.inputs(t).ngram.shape == (8,) for t in tokens)
    assert len(model.tag(tokens)) == len(tokens)


@pytest.mark.parametrize("mode", ["subwords", "stem_ngrams"])
def test_numpy_emissions_equal_torch_with_ngram_vectors(tmp_path: Path, mode: str):
    torch = pytest.importorskip("torch")
    from rasd.extract.entities import NerModel
    from rasd.extract.ner_training import Settings, _batch, load_weights, refit
    from rasd.text import analyze
    from tests.unit.test_ner_training import _head

    _, vectors = _fasttext(tmp_path)
    out = tmp_path / "model.npz"  # beside embeddings.npz (with its n-gram rows)
    settings = Settings(hidden=8, embeddings=vectors, ngrams=vectors, **{mode: True})
    refit(1, out, _head(tmp_path, 20), settings=settings, log=lambda _msg: None)
    model = NerModel(out)
    tokens, sentences = analyze("زار الرئيس السوري بدمشق أمس. والتقى لافروف في القاهرة.")
    groups = [[t for t in tokens if s.start <= t.start and t.end <= s.end] for s in sentences]
    tagger, vocab = load_weights(model)
    with torch.no_grad():
        expected = tagger.emissions(_batch(vocab.encode_tokens(groups, model.encoder))).numpy()
    got = model.network.emissions([model.projections(g) for g in groups])
    for k, e in enumerate(got):
        np.testing.assert_allclose(e, expected[k, : len(e)], atol=1e-4)
