"""Unit: gazetteer loading, the GeoNames dump importer (on a small fixture in the GeoNames
format made here) and the user's CSV places."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from rasd.doc import Doc
from rasd.errors import RasdError
from rasd.extract.gazetteer import (
    add_to_user_file,
    load_gazetteer,
    read_gazetteer_tsv,
    read_places_csv,
    user_places_file,
)
from rasd.extract.geonames_import import read_geonames
from rasd.extract.places import stage
from rasd.pipeline import TEXT

# Rows in the GeoNames dump format: 19 tab-separated columns.
DUMP_ROWS = [
    # geonameid name ascii alternates lat lon class code cc cc2 adm1 adm2 adm3 adm4 pop elev dem tz date
    ("9000001", "Al Qadam", "Al Qadam", "Al-Qadam,القدم,حي القدم", "33.468", "36.288", "P", "PPLX",
     "SY", "", "13", "", "", "", "0", "", "690", "Asia/Damascus", "2020-01-01"),
    ("9000002", "Yalda", "Yalda", "Yalda", "33.464", "36.321", "P", "PPL",
     "SY", "", "08", "", "", "", "40000", "", "690", "Asia/Damascus", "2020-01-01"),
    ("9000003", "Jabal Example", "Jabal Example", "", "33.9", "36.1", "T", "MT",
     "SY", "", "08", "", "", "", "0", "", "1200", "Asia/Damascus", "2020-01-01"),
    ("9000004", "Some Hotel", "Some Hotel", "فندق الشام", "33.5", "36.3", "S", "HTL",
     "SY", "", "13", "", "", "", "0", "", "690", "Asia/Damascus", "2020-01-01"),
    ("9000005", "Kurdish only", "Kurdish only", "گەڕەک", "36.5", "40.7", "P", "PPL",
     "SY", "", "01", "", "", "", "0", "", "300", "Asia/Damascus", "2020-01-01"),
]  # fmt: skip
# alternateNamesV2 rows: id, geonameid, language, name, preferred, short, colloquial, historic
ALT_ROWS = [
    ("1", "9000002", "ar", "يلدا", "1", "", "", ""),
    ("2", "9000003", "ar", "جبل المثال", "", "", "", ""),
    ("3", "9000002", "ar", "يلدا القديمة", "", "", "", "1"),
    ("4", "9000001", "en", "Qadam", "", "", "", ""),
]


def _write_zip(path: Path, member: str, rows) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(member, "".join("\t".join(r) + "\n" for r in rows))
        zf.writestr("readme.txt", "GeoNames test fixture\n")
    return path


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    return _write_zip(tmp_path / "SY.zip", "SY.txt", DUMP_ROWS)


@pytest.fixture()
def alternates(tmp_path: Path) -> Path:
    return _write_zip(tmp_path / "alternateNamesV2.zip", "alternateNamesV2.txt", ALT_ROWS)


def test_import_reads_arabic_names_and_skips_the_rest(dump, alternates):
    places = {p.geonameid: p for p in read_geonames(dump, alternates)}
    assert set(places) == {9000001, 9000002, 9000003}  # hotel: not a kept feature; no Arabic
    qadam = places[9000001]
    assert qadam.names == ("القدم", "حي القدم") and qadam.kind == "city"
    assert (qadam.country, qadam.admin1, qadam.lat) == ("SY", "13", 33.468)
    assert places[9000002].names == ("يلدا",)  # the historic name is dropped
    assert places[9000003].kind == "feature"


def test_import_without_alternate_names_keeps_inline_ones(dump):
    assert {p.geonameid for p in read_geonames(dump)} == {9000001}


def test_import_rejects_a_file_not_in_dump_format(tmp_path):
    bad = tmp_path / "SY.txt"
    bad.write_text("170654\tDamascus\t33.5\n", encoding="utf-8")
    with pytest.raises(RasdError, match="columns"):
        list(read_geonames(bad))


def test_user_file_merges_without_duplicates(tmp_path, dump, alternates):
    target = user_places_file(tmp_path / "rasd.db")
    assert target.name == "rasd.places.tsv"
    assert add_to_user_file(read_geonames(dump, alternates), target) == (3, 0)
    assert add_to_user_file(read_geonames(dump, alternates), target) == (0, 3)
    assert len(read_gazetteer_tsv(target, "geonames")) == 3


def test_imported_places_resolve_in_the_stage(tmp_path, dump, alternates, seed_raw):
    target = tmp_path / "places.tsv"
    add_to_user_file(read_geonames(dump, alternates), target)
    doc = Doc(seed_raw)
    for layer, value in TEXT.run(doc).items():
        setattr(doc, layer, value)
    places = stage([target]).run(doc)["places"]
    qadams = [p for p in places if p.text in ("القدم", "حي القدم")]
    # «القسم الشرقي من حي القدم» is part of it (2); «ولجؤوا إلى حي القدم» the quarter (1)
    assert [(p.geonameid, p.precision) for p in qadams[:2]] == [(9000001, 2), (9000001, 1)]
    yalda = next(p for p in places if p.text == "يلدا")
    assert (yalda.geonameid, yalda.precision) == (9000002, 1)


def test_user_csv_places_take_country_from_parent(tmp_path):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(
        "name,alternates,lat,lon,parent\nالمادنية,حي المادنية,33.463,36.285,دمشق\n",
        encoding="utf-8",
    )
    (place,) = read_places_csv(csv_file, load_gazetteer())
    assert (place.country, place.admin1, place.geonameid) == ("SY", "13", None)
    assert place.names == ("المادنية", "حي المادنية")
    gaz = load_gazetteer([csv_file])
    assert gaz.lookup("المادنية")[0].lat == 33.463


def test_bad_csv_row_is_an_error_with_its_line(tmp_path):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("name,alternates,lat,lon,parent\nيلدا,,north,36.3,\n", encoding="utf-8")
    with pytest.raises(RasdError, match=r"bad\.csv:2"):
        read_places_csv(csv_file)


def test_bundled_gazetteer_has_the_region_and_its_ids():
    gaz = load_gazetteer()
    assert {p.geonameid for p in gaz.lookup("ريف دمشق")} == {170652}
    assert {p.geonameid for p in gaz.lookup("ديرالزور")} >= {170792}
    assert {p.geonameid for p in gaz.lookup("سورية")} == {163843}
    assert gaz.lookup("القلمون")[0].kind == "region"
    # 14 Syrian governorates, each with an Arabic name
    assert len([d for (cc, _), d in gaz.divisions.items() if cc == "SY"]) == 14
    assert gaz.nationality("السورية").country == "SY"
    assert gaz.by_id[163843].seat == 170654  # Syria's capital is Damascus
