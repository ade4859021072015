"""Unit tests of the entities stage: the shipped NER model on real Arabic text."""

from __future__ import annotations

import pycrfsuite
import pytest

from rasd.doc import Doc
from rasd.extract import entities
from rasd.extract.entities import MODEL, NerModel, propagate_labels
from rasd.extract.ner_features import entity_start
from rasd.text import analyze, tokenize

LABELS = {"PERS", "LOC", "ORG", "MISC"}


@pytest.fixture(scope="module")
def stage():
    return entities.stage()


def run(stage, text: str) -> list:
    doc = Doc(text=text)
    doc.tokens, doc.sentences = analyze(text)
    spans = stage.run(doc)["entities"]
    for e in spans:
        assert text[e.start : e.end] == e.text
        assert e.label in LABELS
    return spans


def test_stage_declares_its_layers(stage):
    assert stage.requires == {"tokens", "sentences"}
    assert stage.provides == {"entities"}


def test_shipped_model_is_small():
    assert MODEL.stat().st_size < 30_000_000


def test_entity_starts_after_a_proclitic_but_keeps_the_article():
    bi_dimashq, wal_wilayat = tokenize("بدمشق والولايات")
    assert bi_dimashq.text[entity_start(bi_dimashq) - bi_dimashq.start :] == "دمشق"
    assert wal_wilayat.text[entity_start(wal_wilayat) - wal_wilayat.start :] == "الولايات"


def test_seed_places_and_groups_are_found(stage, seed_raw):
    spans = run(stage, seed_raw)
    # The article's places: most are entities, several as LOC, «دمشق» without its «ب».
    # A span that ends with the name counts («مخيم اليرموك» for «اليرموك»).
    expected = {"دمشق", "اليرموك", "الحجر الأسود", "القدم", "يلدا", "سورية"}

    def named(texts: set[str]) -> set[str]:
        return {x for x in expected for t in texts if t == x or t.endswith(" " + x)}

    found = named({e.text for e in spans})
    locs = named({e.text for e in spans if e.label == "LOC"})
    assert len(found) >= 5
    assert len(locs) >= 3
    assert not any(t.startswith("بجنوب") or t == "بدمشق" for t in found)
    assert ("داعش", "ORG") in {(e.text, e.label) for e in spans}


def test_people_places_and_organisations_in_a_news_sentence(stage):
    text = (
        "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الأمم المتحدة "
        "ستعقد اجتماعاً في جنيف الأسبوع المقبل."
    )
    got = {(e.text, e.label) for e in run(stage, text)}
    assert ("سيرغي لافروف", "PERS") in got
    assert ("موسكو", "LOC") in got
    assert ("جنيف", "LOC") in got
    assert any(label == "ORG" and "الأمم المتحدة" in t for t, label in got)


def test_no_entities_in_text_without_names(stage):
    assert run(stage, "وكان الجو بارداً جداً في ذلك اليوم، ثم عاد الجميع إلى بيوتهم.") == []
    assert run(stage, "") == []


def test_labels_propagate_within_a_document():
    sentences = [tokenize("قال سيرغي لافروف إن موسكو ترفض"), tokenize("وأضاف لافروف أن موسكو")]
    labels = [["O", "B-PERS", "I-PERS", "O", "B-LOC", "O"], ["O", "O", "O", "O"]]
    assert propagate_labels(sentences, labels)[1] == ["O", "B-PERS", "O", "B-LOC"]
    # Words the model never tagged stay untagged; tagged ones are not overwritten.
    assert propagate_labels([sentences[1]], [["O", "B-ORG", "O", "O"]]) == [
        ["O", "B-ORG", "O", "O"]
    ]


def test_fast_tagging_gives_crfsuites_own_labels(seed_raw):
    model = NerModel()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    tokens, sentences = analyze(seed_raw)
    for sent in sentences:
        toks = [t for t in tokens if sent.start <= t.start and t.end <= sent.end]
        assert model.tag(toks) == tagger.tag(model.features.sentence(toks))
