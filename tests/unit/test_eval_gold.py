"""Unit tests of the gold scorer (rasd.eval.gold) and `rasd eval gold`, on the real gold-dev."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from rasd import pipeline
from rasd.cli import app
from rasd.doc import Argument, Doc, Event, PlaceMention, Span, TimeMention
from rasd.errors import RasdError
from rasd.eval.gold import (
    GoldArticle,
    distance_km,
    find_occurrence,
    parse_article,
    read_gold,
    score_events,
    score_gold,
    score_places,
    score_times,
)
from rasd.extract import times
from rasd.pipeline import TEXT, Pipeline
from tests.conftest import SHARED

GOLD_DEV = sorted((SHARED / "gold-dev").glob("*.jsonl"))
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def gold() -> list[GoldArticle]:
    return list(read_gold(GOLD_DEV))


@pytest.fixture(scope="module")
def seed_gold(gold: list[GoldArticle]) -> GoldArticle:
    return next(a for a in gold if a.id.startswith("seed"))


def test_find_occurrence_counts_from_one() -> None:
    assert find_occurrence("أمس ثم أمس", "أمس", 1) == 0
    assert find_occurrence("أمس ثم أمس", "أمس", 2) == 7
    assert find_occurrence("أمس ثم أمس", "أمس", 3) == -1


def test_every_gold_span_slices_back(gold: list[GoldArticle]) -> None:
    assert len(gold) == 15
    for a in gold:
        for x in (*a.times, *a.places):
            assert a.text[x.start : x.end] == x.text
        for e in a.events:
            if e.place is not None:
                assert a.text[e.place.start : e.place.end] == e.place.text


def test_seed_second_occurrence_of_a_time_is_the_later_one(seed_gold: GoldArticle) -> None:
    first, second = (t for t in seed_gold.times if t.text == "أول من أمس")
    assert first.start < second.start
    assert seed_gold.text.count("أول من أمس") == 2


def test_missing_span_is_an_error_with_a_hint() -> None:
    record = {"id": "x", "published": "2018-03-11", "text": "أمس", "times": []}
    record["times"].append(
        {"text": "غدا", "occurrence": 1, "start": "2018-03-12", "end": "2018-03-12"}
    )
    with pytest.raises(RasdError) as err:
        parse_article(record)
    assert err.value.hint


def test_a_gold_line_without_a_field_is_an_error_naming_it(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"id": "x", "text": "قتل أمس", "times": [{"text": "أمس"}]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(RasdError, match="bad.jsonl:1"):
        list(read_gold([bad]))


def _oracle_times(a: GoldArticle) -> list[TimeMention]:
    return [
        TimeMention(t.start, t.end, t.text, t.start_date, t.end_date, t.granularity)
        for t in a.times
    ]


def test_times_exact_needs_both_dates(seed_gold: GoldArticle) -> None:
    perfect = score_times(seed_gold, _oracle_times(seed_gold)).metrics()
    assert perfect["precision"] == perfect["recall"] == perfect["exact"] == 1.0
    shifted = [
        TimeMention(t.start, t.end, t.text, t.start_date, t.start_date, "day")
        for t in _oracle_times(seed_gold)
    ]
    score = score_times(seed_gold, shifted)
    # only the week and the Tuesday–Wednesday range have end != start
    assert score.found == len(seed_gold.times)
    assert score.right == len(seed_gold.times) - 2
    assert {e["text"] for e in score.errors} == {
        "الأسبوع الجاري",
        "يومي الثلاثاء والأربعاء القادمين",
    }


def test_time_false_alarm_lowers_precision_only(seed_gold: GoldArticle) -> None:
    start = seed_gold.text.index("حالياً")
    extra = TimeMention(start, start + 6, "حالياً", D("2018-03-11"), D("2018-03-11"), "day")
    m = score_times(seed_gold, [*_oracle_times(seed_gold), extra]).metrics()
    assert m["recall"] == m["exact"] == 1.0
    assert m["precision"] == pytest.approx(7 / 8)


def _place_at(a: GoldArticle, text: str, geonameid: int | None, lat: float, lon: float):
    start = a.text.index(text)
    return PlaceMention(start, start + len(text), text, geonameid, text, lat, lon, "SY", None, 1)


def test_place_null_id_is_right_within_10_km(seed_gold: GoldArticle) -> None:
    # al-Qadam gold: (33.468, 36.288), no GeoNames id; 0.05° latitude ≈ 5.6 km, 0.1° ≈ 11 km
    near = score_places(seed_gold, [_place_at(seed_gold, "حي القدم", 999, 33.518, 36.288)])
    far = score_places(seed_gold, [_place_at(seed_gold, "حي القدم", None, 33.568, 36.288)])
    assert near.right == 1 and far.right == 0
    assert near.found == far.found == 1


def test_place_with_id_needs_the_id(seed_gold: GoldArticle) -> None:
    right = score_places(seed_gold, [_place_at(seed_gold, "الحجر الأسود", 8419677, 0, 0)])
    wrong = score_places(
        seed_gold, [_place_at(seed_gold, "الحجر الأسود", 170654, 33.4576, 36.3042)]
    )
    assert (right.right, wrong.right) == (1, 0)


def test_distance_damascus_aleppo() -> None:
    assert 300 < distance_km(33.5102, 36.2913, 36.2021, 37.1343) < 320


def _event(type_: str, day: str, place: Argument | None, actor: str | None = None) -> Event:
    return Event(
        type_,
        None,
        Span(0, 1, "x"),
        actor=Argument(actor) if actor else None,
        place=place,
        start_date=D(day),
        end_date=D(day),
    )


def test_event_matching_type_date_and_place(seed_gold: GoldArticle) -> None:
    damascus = Argument("Damascus", geonameid=170654, lat=33.51, lon=36.29)
    aleppo = Argument("Aleppo", geonameid=170063, lat=36.2, lon=37.13)
    # gold: COERCE by Islamic State at دمشق on 2018-03-11
    one_day_late = score_events(
        seed_gold, [_event("COERCE", "2018-03-12", damascus, "Islamic State")]
    )
    two_days_late = score_events(seed_gold, [_event("COERCE", "2018-03-13", damascus)])
    elsewhere = score_events(seed_gold, [_event("COERCE", "2018-03-11", aleppo)])
    assert one_day_late.matched == 1 and one_day_late.actor == 1
    assert two_days_late.matched == 0 and elsewhere.matched == 0
    # al-Hajar al-Aswad (gold id 8419677) is within 25 km of Damascus coordinates
    assert score_events(seed_gold, [_event("COERCE", "2018-03-11", damascus)]).matched == 1


def test_event_without_place_matches_gold_without_place(seed_gold: GoldArticle) -> None:
    # gold CONSULT on 2018-03-11 has no place
    assert score_events(seed_gold, [_event("CONSULT", "2018-03-11", None)]).matched == 1
    m = score_events(seed_gold, [_event("CONSULT", "2018-03-11", None)]).metrics()
    assert m["precision"] == 1.0 and m["recall"] == pytest.approx(1 / 9)


def test_events_are_matched_one_to_one(seed_gold: GoldArticle) -> None:
    # gold DEFECTs on 03-10 and 03-01: two system DEFECTs on 03-10 make one match, one false alarm
    qadam = Argument("al-Qadam", lat=33.468, lon=36.288)
    score = score_events(seed_gold, [_event("DEFECT", "2018-03-10", qadam)] * 2)
    assert (score.gold, score.system, score.matched) == (9, 2, 1)
    assert [e["kind"] for e in score.errors].count("false alarm") == 1


def test_oracle_scores_everything_perfect_on_gold_dev(gold: list[GoldArticle]) -> None:
    by_id = {a.id: a for a in gold}

    def oracle(doc: Doc) -> Doc:
        a = by_id[doc.id]
        doc.times = _oracle_times(a)
        doc.places = [
            PlaceMention(p.start, p.end, p.text, p.geonameid, p.name, p.lat, p.lon, None, None, 1)
            for p in a.places
        ]
        doc.events = [
            Event(
                e.type,
                e.mode,
                Span(0, 1, "x"),
                actor=Argument(e.actor) if e.actor else None,
                target=Argument(e.target) if e.target else None,
                place=Argument(
                    e.place.name, geonameid=e.place.geonameid, lat=e.place.lat, lon=e.place.lon
                )
                if e.place
                else None,
                start_date=e.start_date,
                end_date=e.end_date,
                modality=e.modality,
            )
            for e in a.events
        ]
        return doc

    data = score_gold(gold, oracle).as_json()
    assert data["times"]["exact"] == data["places"]["accuracy"] == 1.0
    assert data["events"]["f1"] == data["events"]["actor_accuracy"] == 1.0
    assert data["events"]["modality_accuracy"] == 1.0


def test_cli_eval_gold_json_reports_every_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    # text and times only: the command must not depend on the other stages' models
    monkeypatch.setattr(pipeline, "default_pipeline", lambda: Pipeline([TEXT, times.stage()]))
    seed = str(SHARED / "gold-dev" / "seed.jsonl")
    result = CliRunner().invoke(app, ["eval", "gold", seed, "--json", "--show-errors"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 1
    assert (data["times"]["gold"], data["places"]["gold"], data["events"]["gold"]) == (7, 17, 9)
    assert data["times"]["exact"] >= 0.9  # a floor; the measured number is in the README
    assert len(data["errors"]["places"]) == 17  # no places stage here: every mention missed


def test_cli_eval_gold_table_with_dateparser_baseline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "default_pipeline", lambda: Pipeline([TEXT, times.stage()]))
    seed = str(SHARED / "gold-dev" / "seed.jsonl")
    result = CliRunner().invoke(app, ["eval", "gold", seed, "--baseline", "dateparser"])
    assert result.exit_code == 0, result.output
    assert "dateparser" in result.stdout and "rasd" in result.stdout
