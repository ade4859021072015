"""Unit: the word-vector features of event salience on real Arabic sentences, their scoring,
and the document-grouped folds its fit cross-validates with."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from rasd.extract import salience
from rasd.extract.triggers import find_triggers, load_lexicon
from rasd.text import analyze

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fit_event_salience.py"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(autouse=True)
def _restore_vector_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    # `project` turns the vector features on for the process: not beyond each test here.
    monkeypatch.setattr(salience, "_vectors_scored", salience._vectors_scored)


def assault(lexicon, text: str):
    tokens, _ = analyze(text)
    trigger = next(t for t in find_triggers(lexicon, tokens) if t.type == "ASSAULT")
    return tokens, trigger


def vector(word: str) -> np.ndarray:
    return salience.vector_matrix()[salience.vector_rows()[word]]


def slot_words(features: list[str], slot: str) -> list[str]:
    prefix = f"ASSAULT|{slot}:"
    return [f[len(prefix) :] for f in features if f.startswith(prefix)]


def test_unit_vector_word_falls_back_to_the_clitic_stem_and_skips_non_words() -> None:
    tokens, _ = analyze("وبالمحاكمة أمس، 5 قتلى")
    assert [salience.vector_word(t) for t in tokens] == ["محاكمه", "امس", None, None, "قتلي"]
    assert "وبالمحاكمه" not in salience.vector_rows()  # no vector of its own: the stem's
    assert abs(float(np.linalg.norm(vector("امس"))) - 1) < 1e-3  # unit vectors


def test_unit_vector_features_name_the_trigger_its_window_and_its_sentence(lexicon) -> None:
    tokens, trigger = assault(lexicon, "وبشأن ملف اغتيال رئيس الحكومة السابق")
    features = salience.features(tokens, trigger, False, 1, vectors=True)
    assert slot_words(features, "vec-key") == ["اغتيال"]
    assert slot_words(features, "vec-window") == ["وبشان", "ملف", "رئيس", "الحكومه", "السابق"]
    assert slot_words(features, "vec-sentence") == [
        "وبشان", "ملف", "اغتيال", "رئيس", "الحكومه", "السابق"
    ]  # fmt: skip
    assert features[-1] == "type:ASSAULT"  # still last


def test_unit_vector_slots_score_the_weight_vector_times_the_mean_word_vector(lexicon) -> None:
    tokens, trigger = assault(lexicon, "قصفت الطائرات البلدة أمس، فقتلت 5 أشخاص")
    features = salience.features(tokens, trigger, True, 2, vectors=True)
    w_window, w_sentence = vector("غارات") * 3, vector("محاكمه") * -2
    model = salience.SalienceModel(
        {"casualties": 0.5},
        -1.0,
        0.5,
        vectors=salience.project(
            {"ASSAULT|vec-window": w_window, "ASSAULT|vec-sentence": w_sentence}
        ),
    )
    window = np.mean([vector(w) for w in slot_words(features, "vec-window")], axis=0)
    sentence = np.mean([vector(w) for w in slot_words(features, "vec-sentence")], axis=0)
    z = -1.0 + 0.5 + float(w_window @ window) + float(w_sentence @ sentence)
    assert model.probability(features) == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-5)
    # Without vectors the same features score by the sparse weights alone.
    sparse_only = salience.SalienceModel({"casualties": 0.5}, -1.0, 0.5)
    assert sparse_only.probability(features) == pytest.approx(1 / (1 + math.exp(0.5)))


def test_unit_a_weight_vector_carries_to_words_it_was_never_given(lexicon) -> None:
    # A trigger weight along «غارات» (air raids) alone: a shelling («قصفت», a close word)
    # gains from it, an assassination named as a file much less.
    model = salience.SalienceModel(
        {}, 0.0, 0.5, vectors=salience.project({"ASSAULT|vec-key": 4 * vector("غارات")})
    )

    def score(text: str) -> float:
        tokens, trigger = assault(lexicon, text)
        return model.probability(salience.features(tokens, trigger, False, 1, vectors=True))

    shelling = score("قصفت الطائرات البلدة أمس")
    file = score("وبشأن ملف اغتيال رئيس الحكومة السابق")
    assert shelling > 0.9 and file < 0.75  # measured: 0.92, 0.70


def test_unit_vector_features_are_made_once_a_model_scores_them(
    lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(salience, "_vectors_scored", False)  # as the shipped weights leave it
    tokens, trigger = assault(lexicon, "قصفت الطائرات البلدة أمس")
    plain = salience.features(tokens, trigger, False, 1)
    assert not any("|vec-" in f for f in plain)  # no model scores them: not made
    salience.project({"ASSAULT|vec-key": vector("غارات")})
    made = salience.features(tokens, trigger, False, 1)
    assert made == [*plain[:-1], *salience.vector_features(tokens, trigger), plain[-1]]
    assert salience.features(tokens, trigger, False, 1, vectors=False) == plain


def test_unit_load_model_projects_the_vectors_of_the_weights_file(tmp_path: Path) -> None:
    weights = np.linspace(-1, 1, salience.vector_matrix().shape[1]).round(3)
    data = {
        "bias": -0.5,
        "threshold": 0.0,
        "thresholds": {"ASSAULT": 0.4},
        "weights": {"noun": 0.2},
        "vectors": {"ASSAULT|vec-key": weights.tolist()},
    }
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    model = salience.load_model(path, scope="sentence")
    z = -0.5 + 0.2 + float(weights @ vector("اغتيال"))
    features = ["noun", "ASSAULT|vec-key:اغتيال", "type:ASSAULT"]
    assert model.probability(features) == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-5)
    assert model.keep(features) == (1 / (1 + math.exp(-z)) >= 0.4)


def test_unit_the_shipped_weights_are_cross_validated_by_document_with_known_slots() -> None:
    meta = json.loads(salience.WEIGHTS_PATH.read_text(encoding="utf-8"))
    dim = salience.vector_matrix().shape[1]
    for slot, weights in meta.get("vectors", {}).items():
        etype, _, name = slot.partition("|")
        assert etype in ("ASSAULT", "PROTEST") and name in salience.VECTOR_SLOTS
        assert len(weights) == dim
    assert meta["cross_validation"]["grouped_by"].startswith("document")


def _fit_script(monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("scipy")
    spec = importlib.util.spec_from_file_location("fit_event_salience", SCRIPT)
    assert spec and spec.loader
    fit = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, fit)  # its dataclasses look their module up
    spec.loader.exec_module(fit)
    return fit


def test_unit_the_fit_keeps_the_sentences_of_a_document_in_one_fold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fit = _fit_script(monkeypatch)

    def example(sentence_id: str):
        return fit.Example(("noun", "type:ASSAULT"), True, "ASSAULT", sentence_id, True)

    a, b = example("AAW_ARB_20080913.0007-59"), example("AAW_ARB_20080913.0007-3")
    assert a.document == b.document == "AAW_ARB_20080913.0007"
    others = [example(f"AAW_ARB_2008091{d}.00{n}-1") for d in range(10) for n in range(10, 30)]
    for seed in fit.SEEDS:
        assert fit.fold_of(a, seed) == fit.fold_of(b, seed)
        assert {fit.fold_of(e, seed) for e in others} == set(range(fit.FOLDS))


def test_unit_extra_labels_are_cut_from_the_corpus_and_strict_ones_win(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import gzip

    fit = _fit_script(monkeypatch)
    text = "قتل خمسة أشخاص في تفجير انتحاري. وأدان الوزير التفجير الذي استهدف المسجد."
    first, second = text.index("قتل"), text.index("وأدان")
    corpus = tmp_path / "articles.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "snn-1", "content": text}, ensure_ascii=False) + "\n")
    labels = tmp_path / "labels"
    labels.mkdir()
    one = f"snn-1:{first}-{second - 1}"
    two = f"snn-1:{second}-{len(text)}"
    rows = [
        {"id": one, "type": "ASSAULT", "label": "yes"},
        {"id": two, "type": "ASSAULT", "label": "yes"},
        {"id": two, "type": "PROTEST", "label": "unsure"},
    ]
    (labels / "part-1.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    strict = {"id": two, "type": "ASSAULT", "label": "no"}  # a condemnation, not the attack
    (labels / "strict-assault.jsonl").write_text(json.dumps(strict), encoding="utf-8")
    got = {(s.text, s.type, s.label) for s in fit.labelled_sentences(labels, corpus)}
    assert got == {
        ("قتل خمسة أشخاص في تفجير انتحاري.", "ASSAULT", "yes"),
        ("وأدان الوزير التفجير الذي استهدف المسجد.", "ASSAULT", "easy no"),
    }
