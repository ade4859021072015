"""Unit tests of Arabic-aware search: keys, phrases, filters, ranking, snippets."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.doc import Doc
from rasd.store import Store
from rasd.store.search import mark, parse_query

ARTICLES = [
    (
        "الوطن",
        "2018-03-11",
        "بدأ مسلحون من تنظيم داعش في جنوب العاصمة بالانشقاق عن التنظيم واللجوء إلى حي القدم. وتتوالى الانشقاقات في صفوفه.",
    ),
    (
        "عكاظ",
        "2015-07-20",
        "أعلنت الوزارة أن انشقاقات جرت في صفوف الميليشيات، وأن المسلحين سلموا أسلحتهم في القدم القديمة.",
    ),
    ("الرياض", "2015-08-01", "اِفْتَتَحَ الْأَمِيرُ مَعْرِضَ الْكِتَابِ فِي الرِّيَاضِ بِحُضُورِ عَدَدٍ مِنَ الْمُثَقَّفِينَ."),
    ("الرياض", "2015-08-02", "تراجعت أسعار النفط في الأسواق العالمية بعد إعلان زيادة الإنتاج."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("s") / "s.db") as s:
        s.add_batch(
            Doc(text=text, outlet=outlet, published=dt.date.fromisoformat(day), headline=text[:20])
            for outlet, day, text in ARTICLES
        )
        yield s


def _ids(hits):
    return sorted(h.id for h in hits)


@pytest.mark.parametrize("query", ["انشقاق", "الانشقاق", "بالانشقاقات", "إنشقاق"])
def test_inflections_meet(store, query):
    assert _ids(store.search(query)) == [1, 2]


def test_plural_and_article_forms(store):
    assert _ids(store.search("مسلح")) == [1, 2]


def test_diacritics_both_ways(store):
    assert _ids(store.search("معرض الكتاب")) == [3]
    assert _ids(store.search("أَسْعَار")) == [4]


def test_phrase_queries_keep_order(store):
    assert _ids(store.search('"حي القدم"')) == [1]
    assert _ids(store.search('"القدم حي"')) == []
    assert _ids(store.search('القدم "في صفوف"')) == [1, 2]


def test_filters(store):
    assert _ids(store.search("انشقاق", outlet="عكاظ")) == [2]
    assert _ids(store.search("انشقاق", since="2016-01-01")) == [1]
    assert _ids(store.search("انشقاق", until="2016-01-01")) == [2]


def test_bm25_ranks_more_hits_first(store):
    assert [h.id for h in store.search("انشقاق")][0] == 1


def test_snippet_highlights_the_matching_words(store):
    [hit] = store.search("انشقاق", outlet="الوطن")
    assert hit.marked().count("[") == 2
    assert "[بالانشقاق]" in hit.marked() and "[الانشقاقات]" in hit.marked()
    [hit] = store.search('"حي القدم"')
    assert "[حي] [القدم]" in hit.marked()


def test_query_parsing():
    q = parse_query('بالانشقاق "حي القدم" ،')
    assert q.phrases == (("انشقاق",), ("حي", "قدم"))
    assert q.fts == '"انشقاق" AND "حي قدم"'
    assert parse_query("، .").phrases == ()
    assert mark("في بالانشقاق عن", [(3, 12)]) == "في [بالانشقاق] عن"


def test_nothing_to_search_returns_nothing(store):
    assert store.search("،") == []
    assert store.search("كلمةغيرموجودة") == []
