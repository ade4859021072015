"""Unit tests of the store: idempotence, near-duplicates, transactions, migrations, events."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from rasd.doc import Argument, Doc, Event, Problem, Span
from rasd.errors import RasdError
from rasd.ingest import read_sources
from rasd.store import Store, run_ingest
from rasd.store.schema import MIGRATIONS
from tests.conftest import SEED_PATH


@pytest.fixture
def seed_doc() -> Doc:
    [doc] = list(read_sources([str(SEED_PATH)]))
    return doc


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def _copy(doc: Doc, text: str) -> Doc:
    return Doc(text=text, outlet=doc.outlet, headline=doc.headline, source_path="copy")


def test_same_text_is_stored_once_even_respelled(store, seed_doc):
    respelled = (
        seed_doc.text.replace("مسلحون", "مُسَلَّحُونَ").replace("إلى", "الى").replace("\n", "\n\n")
    )
    assert store.add_batch([seed_doc, _copy(seed_doc, respelled)]) == ["stored", "duplicate"]
    assert store.add_batch([seed_doc]) == ["duplicate"]
    assert store.stats()["articles"] == 1


def test_near_duplicate_is_linked_not_stored(store, seed_doc):
    rescrape = (
        "اقرأ الخبر على موقعنا الجديد\n"
        + seed_doc.text.replace("أمس", "يوم أمس")
        + "\nشارك الخبر مع أصدقائك"
    )
    other = _copy(
        seed_doc,
        "أعلنت وزارة الصحة السعودية تسجيل حالات جديدة بفيروس كورونا في الرياض وجدة خلال الأسبوع الماضي، وقالت إن المرضى يتلقون العلاج.",
    )
    other.headline = None
    outcomes = store.add_batch([seed_doc, _copy(seed_doc, rescrape), other])
    assert outcomes == ["stored", "near-duplicate", "stored"]
    original = store.article(1)
    assert len(original["duplicates"]) == 1 and original["duplicates"][0]["similarity"] >= 0.7
    assert store.stats()["near_duplicates"] == 1
    # A near copy is not news: search finds the original only.
    assert [h.id for h in store.search("انشقاق")] == [1]


def test_interrupted_batch_leaves_nothing(store, seed_doc):
    def docs():
        yield seed_doc
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.add_batch(docs(), [Problem("x", "empty", "m")])
    assert store.stats()["articles"] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == 0
    assert list(store.iter_problems()) == []
    assert store.add_batch([seed_doc]) == ["stored"]


def test_migrations_are_forward_only(tmp_path):
    path = tmp_path / "m.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(RasdError, match="newer"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    (tmp_path / "notes.db").write_text("ملاحظات", encoding="utf-8")
    with pytest.raises(RasdError, match="not a rasd database"):
        Store(tmp_path / "notes.db")
    with pytest.raises(RasdError, match="no folder"):
        Store(tmp_path / "missing" / "x.db")


def test_run_counts_and_problems_are_recorded(store, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = run_ingest(store, [str(SEED_PATH), str(SEED_PATH), str(tmp_path / "empty.txt")])
    assert (summary.read, summary.stored, summary.duplicates) == (2, 1, 1)
    assert dict(summary.problems) == {"empty": 1}
    [problem] = store.iter_problems(summary.run_id)
    assert problem["path"].endswith("empty.txt") and problem["code"] == "empty"


def test_rerun_skips_extraction_of_stored_articles(store):
    calls = []

    def pipeline(doc: Doc) -> Doc:
        calls.append(doc.id)
        doc.tokens, doc.events = [], []
        return doc

    assert run_ingest(store, [str(SEED_PATH)], pipeline).stored == 1
    again = run_ingest(store, [str(SEED_PATH)], pipeline)
    assert (again.stored, again.duplicates, len(calls)) == (0, 1, 1)
    assert store.article(1)["layers"]["events"] == []


def test_failing_stage_is_a_problem_and_the_article_is_kept(store):
    def pipeline(doc: Doc) -> Doc:
        raise ValueError("bug in a stage")

    summary = run_ingest(store, [str(SEED_PATH)], pipeline)
    assert summary.stored == 1 and dict(summary.problems) == {"stage-failed": 1}
    assert store.article(1)["layers"] is None


def test_reference_date_for_undated_docs(store):
    summary = run_ingest(store, [str(SEED_PATH)], published=dt.date(2018, 3, 11))
    assert summary.stored == 1
    assert store.article(1)["published"] == "2018-03-11"


def _event(
    doc: Doc, type_: str, actor: str, place: str, day: str, modality: str = "asserted"
) -> Event:
    start = doc.text.index(place)
    return Event(
        type=type_,
        mode=None,
        trigger=Span(0, 3, doc.text[0:3]),
        actor=Argument(actor, 0, 3, doc.text[0:3]),
        place=Argument(
            "Al Qadam" if place == "القدم" else place,
            start,
            start + len(place),
            place,
            geonameid=170654 if place == "دمشق" else None,
        ),
        start_date=dt.date.fromisoformat(day),
        end_date=dt.date.fromisoformat(day),
        modality=modality,
        evidence=[Span(0, 40, doc.text[0:40])],
    )


def test_events_are_stored_and_filtered(store, seed_doc):
    seed_doc.tokens = []  # extraction ran (layers present)
    seed_doc.events = [
        _event(seed_doc, "DEFECT", "Islamic State", "القدم", "2018-03-10"),
        _event(seed_doc, "AGREE", "Syrian government forces", "دمشق", "2018-03-09", "uncertain"),
    ]
    store.add_batch([seed_doc])
    assert store.stats()["events"] == 2
    assert [e["type"] for e in store.iter_events(type="defect")] == ["DEFECT"]
    assert [e["type"] for e in store.iter_events(actor="Syrian")] == ["AGREE"]
    assert [e["type"] for e in store.iter_events(place="القدم")] == ["DEFECT"]
    assert [e["type"] for e in store.iter_events(place="170654")] == ["AGREE"]
    assert [e["type"] for e in store.iter_events(since="2018-03-10")] == ["DEFECT"]
    assert [e["type"] for e in store.iter_events(until="2018-03-09")] == ["AGREE"]
    assert [e["type"] for e in store.iter_events(modality="uncertain")] == ["AGREE"]
    assert len(list(store.iter_events(outlet="الوطن"))) == 2
    assert list(store.iter_events(outlet="عكاظ")) == []
    event = next(store.iter_events(type="DEFECT"))
    assert seed_doc.text[event["evidence_start"] : event["evidence_end"]] == event["evidence_text"]
    assert event["json"]["place"]["text"] == "القدم" and event["headline"] == seed_doc.headline
