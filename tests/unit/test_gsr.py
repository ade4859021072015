"""Unit: the GSR reader, its fixed dev/test split and the detection scorer, on the real set."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from rasd.doc import Doc
from rasd.eval.gsr import read_gsr, score_gsr
from rasd.extract import salience
from rasd.extract.events import extract_events
from rasd.extract.triggers import find_triggers, load_lexicon
from rasd.text import analyze
from tests.conftest import SHARED

GSR = SHARED / "arabic-event-gsr"


def test_unit_gsr_split_is_fixed_disjoint_and_leaves_out_ambiguous() -> None:
    every = list(read_gsr(GSR, "all"))
    dev = {s.id for s in read_gsr(GSR, "dev")}
    test = {s.id for s in read_gsr(GSR, "test")}
    assert all(s.label != "ambiguous" for s in every)
    assert len(every) == 1609 - 80 + 1239 - 145  # the ambiguous sentences are left out
    assert dev.isdisjoint(test) and dev | test == {s.id for s in every}
    assert 0.4 < len(dev) / len(every) < 0.6
    assert {s.id for s in read_gsr(GSR, "dev")} == dev  # stable from run to run


def test_unit_gsr_scores_detection_with_the_events_stage() -> None:
    lexicon, model = load_lexicon(), salience.load_model(scope="sentence")

    def run(doc: Doc) -> Doc:
        doc.tokens, doc.sentences = analyze(doc.text)
        doc.events = extract_events(doc, lexicon, model)
        return doc

    sample = [s for s in islice(read_gsr(GSR, "dev"), 400) if s.type == "ASSAULT"]
    scores = score_gsr(sample, run)
    m = scores["ASSAULT"].metrics()
    assert m["positives"] + m["negatives"] == len(sample)
    assert m["tp"] + m["fn"] == sum(s.label == "yes" for s in sample)
    # The salience weights were fit on this half, so these are in-sample floors
    # (measured: recall 0.88, precision 0.76, with weights fit on it and on 5,000
    # labelled SaudiNewsNet sentences): they fail when the features drift from the
    # weights file (a change to token keys, a renamed feature) — refit then.
    # The held-out estimate is the cross-validated one in the weights file.
    assert m["recall"] >= 0.8 and m["precision"] >= 0.65
    assert scores["PROTEST"].metrics()["positives"] == 0


def test_unit_salience_weights_are_fit_on_gsr_dev_and_labels_of_our_own() -> None:
    # Never on gold-dev or the GSR test half: both measure the events stage.
    meta = json.loads(salience.WEIGHTS_PATH.read_text(encoding="utf-8"))
    sources = meta["data"].split("; ")
    assert sources[0] == "Arabic event GSR (OEDA, MIT), dev half (rasd.eval.gsr split)"
    assert all(s.startswith("labelled SaudiNewsNet sentences of labels/") for s in sources[1:])
    cv = meta["cross_validation"]["gsr_dev"]
    # The thresholds the stage keeps mentions at are those chosen by cross-validation.
    assert meta["thresholds"] == {t: cv[t]["threshold"] for t in ("ASSAULT", "PROTEST")}


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("قصفت قوات المعارضة قريتي نبل والزهراء", True),
        ("وقال مصدر أمني: قتل ثلاثة أشخاص في المدينة", True),
        ("تظاهر أمس عشرات من أعضاء حزب الغد أمام مقر البرلمان", True),
        ("وصف الميليشيات التي خطفت عشرات الاشخاص بانها أسوأ", False),
        ("وبشأن ملف اغتيال رئيس الحكومة السابق", False),
        ("سيقصفون المدينة غدا", False),
    ],
)
def test_unit_a_past_verb_opening_its_clause_is_kept_as_a_report(text: str, opens: bool) -> None:
    lexicon, model = load_lexicon(), salience.load_model()
    tokens, _ = analyze(text)
    (trigger,) = find_triggers(lexicon, tokens)
    features = salience.features(tokens, trigger, False, 1)
    assert (salience.REPORT_OPENING in features) == opens
    if opens:
        assert model.keep(features)


def test_unit_salience_keeps_each_type_at_its_own_threshold() -> None:
    # No weights: every mention scores 0.5.
    model = salience.SalienceModel({}, 0.0, 0.3, {"ASSAULT": 0.6, "PROTEST": 0.4})
    assert not model.keep(["noun", "casualties", "type:ASSAULT"])
    assert model.keep(["noun", "casualties", "type:PROTEST"])
    assert model.keep(["noun", "type:COERCE"])  # not fitted: the default threshold


def test_unit_articles_use_the_thresholds_chosen_on_gold_dev() -> None:
    meta = json.loads(salience.WEIGHTS_PATH.read_text(encoding="utf-8"))
    best = max(meta["article_thresholds_chosen_on"]["grid"], key=lambda t: (t[1], t[0]))[0]
    assert meta["article_thresholds"] == {"ASSAULT": best, "PROTEST": best}
    article, sentence = salience.load_model(), salience.load_model(scope="sentence")
    assert sentence.thresholds == meta["thresholds"]
    assert article.thresholds["ASSAULT"] == best < sentence.thresholds["ASSAULT"]
    # Shelling told as a state of days («تتعرض ... لقصف منذ أيام») is kept in an article;
    # the GSR's stricter point, set for unanimous annotators, drops it (probability
    # 0.13 with the current weights). Mortar rounds falling on a quarter, told as the
    # news, are kept at both (0.57 and 0.67).
    lexicon = load_lexicon()
    for text, at_sentence_scope in (
        ("وتتعرض المدينة لقصف مدفعي منذ أيام", False),
        ("وسقطت قذائف هاون على حي باب توما في دمشق", True),
    ):
        tokens, _ = analyze(text)
        triggers = [t for t in find_triggers(lexicon, tokens) if t.type == "ASSAULT"]
        features = [salience.features(tokens, t, False, len(triggers)) for t in triggers]
        assert features and all(map(article.keep, features))
        assert all(sentence.keep(f) == at_sentence_scope for f in features)
    with pytest.raises(ValueError):
        salience.load_model(scope="corpus")


@pytest.mark.parametrize("split", ["dev", "test"])
def test_unit_gsr_each_split_has_positives_of_both_types(split: str) -> None:
    labels = {(s.type, s.label == "yes") for s in read_gsr(GSR, split)}
    assert {("ASSAULT", True), ("PROTEST", True), ("ASSAULT", False), ("PROTEST", False)} <= labels
