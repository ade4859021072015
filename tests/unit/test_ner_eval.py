"""Unit tests of the NER scorer (conlleval chunks) and the corpus ↔ token alignment."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.eval.ner import chunks, score
from rasd.extract.ner_data import align, read_conll, token_labels, word_labels


def test_chunks_follow_conlleval():
    assert chunks(["B-LOC", "I-LOC", "O"]) == {(0, 2, "LOC")}
    # I- after O starts a chunk; a type change ends one.
    assert chunks(["O", "I-PERS", "I-ORG"]) == {(1, 2, "PERS"), (2, 3, "ORG")}
    assert chunks(["B-PERS", "B-PERS"]) == {(0, 1, "PERS"), (1, 2, "PERS")}
    assert chunks(["O", "O"]) == set()


def test_score_counts_exact_type_and_boundaries():
    gold = ["B-PERS", "I-PERS", "O", "B-LOC"]
    pred = ["B-PERS", "O", "O", "B-LOC"]
    s = score([(gold, pred)])
    assert (s["LOC"].precision, s["LOC"].recall) == (1.0, 1.0)
    assert s["PERS"].correct == 0
    assert s["micro"].precision == 0.5
    assert s["micro"].recall == 0.5
    assert s["micro"].f1 == pytest.approx(0.5)


def test_read_conll_keeps_our_labels_and_maps_wojood(tmp_path: Path):
    aner = tmp_path / "aner.txt"
    aner.write_text("زار B-PERS\nدمشق B-LOC\nأمس B-DATE\n\nو O\n", encoding="utf-8")
    assert list(read_conll(aner)) == [
        (["زار", "دمشق", "أمس"], ["B-PERS", "B-LOC", "O"]),
        (["و"], ["O"]),
    ]
    woj = tmp_path / "woj.txt"
    woj.write_text(
        "مجلس B-ORG\nالأمن I-ORG\n$#$ O\nسوريا B-GPE\nأمس B-DATE\nالأسد I-DATE B-PERS\n",
        encoding="utf-8",
    )
    assert list(read_conll(woj, wojood=True)) == [
        (
            ["مجلس", "الأمن", "سوريا", "أمس", "الأسد"],
            ["B-ORG", "I-ORG", "B-LOC", "O", "B-PERS"],
        )
    ]


def test_alignment_splits_corpus_words_and_maps_back():
    words = ["(د", "ب", "أ)", "وصل", "كوفي", "أنان", "إلى", "دمشق،"]
    gold = ["O", "O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]
    sent = align(words, gold)
    assert [sent.text[t.start : t.end] for t in sent.tokens][:2] == ["(", "د"]
    labels = token_labels(sent)
    # «دمشق،» is two tokens: the word keeps B-LOC, the comma continues it.
    assert labels[-2:] == ["B-LOC", "I-LOC"]
    assert word_labels(sent, labels) == gold
    # A prediction that starts with I- is repaired to B- per corpus word.
    predicted = ["O"] * len(labels)
    predicted[-2] = "I-LOC"
    assert word_labels(sent, predicted)[-1] == "B-LOC"
