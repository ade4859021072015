"""Unit: the places stage on real Arabic text — the seed article and short news sentences."""

from __future__ import annotations

import pytest

from rasd.doc import Doc, PlaceMention, Span
from rasd.extract.gazetteer import distance_km, load_gazetteer
from rasd.extract.places import extract_places, stage
from rasd.pipeline import TEXT

DAMASCUS, ALEPPO, ALEPPO_GOV, IDLIB_GOV, SYRIA = 170654, 170063, 170062, 169387, 163843


@pytest.fixture(scope="module")
def places_stage():
    return stage()


def run(text: str, st, entities: list[Span] | None = None) -> list[PlaceMention]:
    doc = Doc(text, entities=entities)
    for layer, value in TEXT.run(doc).items():
        setattr(doc, layer, value)
    return st.run(doc)["places"]


def at(places: list[PlaceMention], text: str, word: str, occurrence: int = 1) -> PlaceMention:
    """The place mention overlapping the n-th occurrence of `word`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    end = start + len(word)
    hits = [p for p in places if p.start < end and start < p.end]
    assert hits, f"no place at {word!r} #{occurrence}"
    return hits[0]


@pytest.fixture(scope="module")
def seed_places(seed_raw, places_stage):
    return run(seed_raw, places_stage)


def test_seed_offsets_slice_the_text(seed_raw, seed_places):
    assert seed_places
    for p in seed_places:
        assert seed_raw[p.start : p.end] == p.text


def test_seed_damascus_and_the_capital(seed_raw, seed_places):
    assert at(seed_places, seed_raw, "دمشق").geonameid == DAMASCUS
    capital = at(seed_places, seed_raw, "العاصمة")  # «في جنوب العاصمة»: south of Damascus
    assert capital.geonameid == DAMASCUS and capital.precision == 2


def test_seed_named_places_have_their_geonames_ids(seed_raw, seed_places):
    assert at(seed_places, seed_raw, "الحجر الأسود").geonameid == 8419677
    yarmouk = at(seed_places, seed_raw, "مخيم اليرموك")
    assert yarmouk.geonameid == 166716 and yarmouk.precision == 1


@pytest.mark.parametrize("word", ["حي القدم", "حي التضامن"])
def test_seed_quarters_fall_back_to_damascus(seed_raw, seed_places, word):
    p = at(seed_places, seed_raw, word)
    assert (p.geonameid, p.precision) == (DAMASCUS, 2)


def test_seed_every_qadam_mention_is_damascus(seed_raw, seed_places):
    n = seed_raw.count("القدم")
    for k in range(1, n + 1):
        assert at(seed_places, seed_raw, "القدم", k).geonameid == DAMASCUS


def test_seed_yalda_falls_back_near_yalda(seed_raw, seed_places):
    p = at(seed_places, seed_raw, "يلدا")
    assert p.precision == 2 and p.country == "SY"
    # Yalda is at 33.464, 36.321; the containing place must be within 10 km
    assert abs(p.lat - 33.464) < 0.09 and abs(p.lon - 36.321) < 0.11


@pytest.mark.parametrize("phrase", ["شمال البلاد", "الشمال السوري"])
def test_seed_north_of_the_country_is_northern_syria(seed_raw, seed_places, phrase):
    p = at(seed_places, seed_raw, phrase)
    assert p.name == "Northern Syria" and p.precision == 3 and p.country == "SY"


def test_seed_relative_south_of_damascus_is_precision_2(seed_raw, seed_places):
    p = at(seed_places, seed_raw, "جنوب دمشق")
    assert (p.geonameid, p.precision) == (DAMASCUS, 2)
    assert p.text == "دمشق"


def test_seed_nationality_adjective_is_not_a_place(seed_raw, seed_places):
    start = seed_raw.index("الجيش العربي السوري")
    end = start + len("الجيش العربي السوري")
    assert not [p for p in seed_places if start <= p.start < end]


def test_mention_starts_after_the_proclitic(places_stage):
    text = "قصفت الطائرات مواقع بدمشق وللرقة حصة من الغارات."
    places = run(text, places_stage)
    damascus = at(places, text, "بدمشق")
    assert damascus.text == "دمشق" and damascus.geonameid == DAMASCUS
    assert at(places, text, "للرقة").geonameid == 172955  # Ar Raqqah, Syria


def test_bare_city_is_the_city_governorate_after_trigger(places_stage):
    text = "سقطت قذائف على حلب، وقصف الطيران قرى في ريف إدلب ومحافظة حلب."
    places = run(text, places_stage)
    assert at(places, text, "حلب", 1).geonameid == ALEPPO
    assert at(places, text, "إدلب").geonameid == IDLIB_GOV
    gov = at(places, text, "حلب", 2)
    assert gov.geonameid == ALEPPO_GOV and gov.precision == 3


def test_countryside_pair_covers_both_governorates(places_stage):
    text = "وقصفت المعارضة بلدات موالية للنظام بريفي إدلب وحلب."
    places = run(text, places_stage)
    assert at(places, text, "إدلب").geonameid == IDLIB_GOV
    assert at(places, text, "حلب").geonameid == ALEPPO_GOV


def test_duma_follows_the_focus_country(places_stage):
    syria = "قصف الطيران السوري مدينة دوما في الغوطة الشرقية بريف دمشق، وقال ناشطون في حلب إن..."
    assert at(run(syria, places_stage), syria, "دوما").country == "SY"
    palestine = "هاجم مستوطنون قرية دوما قرب نابلس في الضفة الغربية، وأحرقوا منزلا في رام الله."
    assert at(run(palestine, places_stage), palestine, "دوما").country == "PS"


def test_country_names_and_variants(places_stage):
    text = "زار الوزير سوريا ثم سورية والعراق، وعاد إلى الولايات المتحدة."
    places = run(text, places_stage)
    assert at(places, text, "سوريا").geonameid == SYRIA
    assert at(places, text, "سورية").geonameid == SYRIA
    assert at(places, text, "العراق").geonameid == 99237
    assert at(places, text, "الولايات المتحدة").geonameid == 6252001


def test_common_words_are_not_towns(places_stage):
    text = "وأكد أن الحكومة بين الأطراف تعمل تحت ضغط الأحداث إلى الآن."
    assert run(text, places_stage) == []


def test_person_entity_vetoes_a_place_name(places_stage):
    text = "قال عمر حلب إن الاجتماع انتهى."
    start = text.index("عمر")
    person = Span(start, start + len("عمر حلب"), "عمر حلب", "PERS")
    assert run(text, places_stage) != []
    assert run(text, places_stage, [person]) == []


def test_ner_location_adds_a_name_the_gazetteer_lacks(places_stage):
    # عقربا in the gazetteer is a Palestinian village: in an article on southern Damascus the
    # name NER vouches for falls back to the place named with it
    text = "وصلت القافلة من دمشق إلى الحجر الأسود ثم إلى عقربا المجاورة."
    start = text.index("عقربا")
    loc = Span(start, start + len("عقربا"), "عقربا", "LOC")
    assert not [p for p in run(text, places_stage) if p.text == "عقربا"]
    p = at(run(text, places_stage, [loc]), text, "عقربا")
    assert p.geonameid == 8419677 and p.precision == 2


@pytest.mark.parametrize("word", ["بينهم", "فيما", "السورية", "ثم"])
def test_ner_location_on_a_frequent_word_is_not_a_place(places_stage, word):
    # A mistagged function word or nationality adjective would otherwise fall back to the
    # place named before it (seen on SaudiNewsNet: «بينهم» → Ankara, «السورية» → United States).
    text = f"قالت مصادر في أنقرة إن الشرطة اعتقلت مئات {word} من ينتمون لجماعات كردية."
    start = text.index(word, text.index("مئات"))
    loc = Span(start, start + len(word), word, "LOC")
    places = run(text, places_stage, [loc])
    assert [p.text for p in places] == ["أنقرة"]


def test_unknown_village_falls_back_to_the_place_it_is_in(places_stage):
    text = "شنت الطائرات غارات على قرية كفر داعل التي تسيطر عليها المعارضة في ريف حلب الغربي."
    places = run(text, places_stage)
    p = at(places, text, "كفر داعل")
    assert p.geonameid == ALEPPO_GOV and p.precision == 3
    assert not [q for q in places if q.text == "داعل"]  # not the village in Daraa


def test_extract_places_without_tokens_is_empty():
    assert extract_places(Doc("دمشق"), load_gazetteer()) == []


def test_distance_km_damascus_aleppo():
    gaz = load_gazetteer()
    d = distance_km(gaz.by_id[DAMASCUS], gaz.by_id[ALEPPO])
    assert 300 < d < 330


def test_capital_named_after_it_is_not_guessed(places_stage):
    text = "افتتح شاطئ خاص بالنساء في العاصمة جروزني في روسيا."
    assert [p.text for p in run(text, places_stage)] == ["روسيا"]


def test_titles_and_teams_are_not_places(places_stage):
    text = "وقالت مصادر لـ«الشرق الأوسط» إن ريال مدريد سيواجه موناكو الفرنسي في مدريد."
    places = run(text, places_stage)
    assert [p.text for p in places] == ["مدريد"]
    assert places[0].start == text.rindex("مدريد")


def test_parts_of_the_country_do_not_overlap(places_stage):
    text = "تقع تعز في جنوب غرب البلاد، وقتل جنود بِجَنوبِ شرقي البلاد في اليمن."
    places = run(text, places_stage)
    parts = [p for p in places if "البلاد" in p.text]
    assert [p.text for p in parts] == ["جنوب غرب البلاد", "جَنوبِ شرقي البلاد"]
    assert all(p.country == "YE" and p.precision == 3 for p in parts)


def test_dual_trigger_covers_both_governorates(places_stage):
    text = "شهدت محافظتا إدلب وحلب في شمال سوريا مجزرتين."
    places = run(text, places_stage)
    assert at(places, text, "إدلب").geonameid == IDLIB_GOV
    assert at(places, text, "حلب").geonameid == ALEPPO_GOV


def test_dev_gold_place_accuracy_stays_above_its_floor(places_stage):
    from rasd.eval.gold import read_gold, score_gold
    from rasd.pipeline import Pipeline
    from tests.conftest import SHARED

    files = sorted((SHARED / "gold-dev").glob("*.jsonl"))
    m = score_gold(read_gold(files), Pipeline([TEXT, places_stage])).as_json()["places"]
    # measured 90.7 % accuracy, 95.6 % recall (README); the floors of issue 5
    assert m["accuracy"] >= 0.85 and m["recall"] >= 0.90
