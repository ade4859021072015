"""Unit: the clause and argument features of salience and the sentence-scope opening rule,
on real Arabic sentences (most from the GSR dev half)."""

from __future__ import annotations

import json

import pytest

from rasd.doc import Doc
from rasd.extract import salience
from rasd.extract.events import iter_candidates
from rasd.extract.triggers import find_triggers, load_lexicon
from rasd.pipeline import Pipeline, default_pipeline
from rasd.text import analyze


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def features_of(lexicon, text: str, word: str) -> list[str]:
    """The salience features of the trigger whose text contains `word`."""
    tokens, _ = analyze(text)
    triggers = find_triggers(lexicon, tokens)
    (trigger,) = [t for t in triggers if word in text[t.start : t.end]]
    return salience.features(tokens, trigger, False, 1)


@pytest.mark.parametrize(
    ("text", "word", "feature", "present"),
    [
        # A speaker's words: «لقد قتلوا» inside guillemets; the reporter's «قتل» outside.
        ("وقال: «لقد قتلوا طفلتي مرتين».", "قتلوا", "quoted", True),
        ("وقال مصدر أمني ان مسلحين قتلوا ثلاثة جنود.", "قتلوا", "quoted", False),
        # Pluperfect background: «وكانوا قد هاجموا مؤخرا».
        ("وكانوا قد هاجموا مؤخرا عدة قرى قريبة من نابلس بشمال الضفة الغربية", "هاجموا", "after-kana", True),
        ("وهاجم مسلحون عدة قرى قريبة من نابلس", "هاجم", "after-kana", False),
        # Reported speech: a complementiser a few words before the trigger.
        ("قالت مصادر فلسطينية إن وحدة اسرائيلية خاصة اغتالت ناشطا", "اغتالت", "reported-clause", True),
        ("اغتالت وحدة اسرائيلية خاصة ناشطا في جنين", "اغتالت", "reported-clause", False),
        ("اغتالت وحدة اسرائيلية خاصة ناشطا في جنين", "اغتالت", "early", True),
    ],
)  # fmt: skip
def test_unit_salience_clause_features(lexicon, text, word, feature, present) -> None:
    assert (feature in features_of(lexicon, text, word)) == present


def test_unit_salience_argument_features_come_from_the_events_stage(lexicon) -> None:
    pipeline = Pipeline(s for s in default_pipeline().stages if s.name != "events")

    def arguments(text: str) -> set[str]:
        doc = pipeline(Doc(text=text, id="t"))
        (candidate,) = [c for c in iter_candidates(doc, lexicon) if c.trigger.type == "ASSAULT"]
        return {f[len("has-") :] for f in candidate.features if f.startswith("has-")}

    # Who struck whom, where, and who says so.
    found = arguments("وقال الجيش الأميركي إن قواته قصفت مواقع لحركة طالبان في مدينة حلب")
    assert found == {"actor", "target", "place", "source"}
    # A bare name of an attack names none of them.
    assert arguments("وبشأن ملف اغتيال رئيس الحكومة السابق") == set()


def test_unit_sentence_scope_keeps_an_opening_past_verb_only_for_chosen_types() -> None:
    tokens, _ = analyze("وقتل اخيها بالرصاص في 1996")
    trigger = next(t for t in find_triggers(load_lexicon(), tokens) if t.first == 0)
    features = salience.features(tokens, trigger, False, 2)
    assert salience.REPORT_OPENING in features
    never = salience.SalienceModel({}, -10.0, 0.5, {"ASSAULT": 0.5})  # scores ~0
    assert never.keep(features)  # articles: every opening past verb is a report
    only_protest = salience.SalienceModel({}, -10.0, 0.5, {"ASSAULT": 0.5}, frozenset({"PROTEST"}))
    assert not only_protest.keep(features)
    assert only_protest.keep([salience.REPORT_OPENING, "type:PROTEST"])


def test_unit_sentence_scope_reads_the_opening_types_from_the_weights_file() -> None:
    meta = json.loads(salience.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert salience.load_model().report_opening_types is None
    sentence = salience.load_model(scope="sentence")
    assert sentence.report_opening_types == frozenset(meta["report_opening_kept"])
    cv = meta["cross_validation"]["gsr_dev"]
    assert set(meta["report_opening_kept"]) == {
        t for t, s in cv.items() if s["report_opening_kept"]
    }


def test_unit_only_the_scored_types_need_argument_features() -> None:
    meta = json.loads(salience.WEIGHTS_PATH.read_text(encoding="utf-8"))
    # Other types pass the salience cut whatever their features.
    assert set(meta["thresholds"]) <= salience.SCORED_TYPES
    assert meta["threshold"] == 0.0
