"""E2E: the seed ingested, its events listed and filtered with `rasd events`, and exported
with `rasd export --what events` as ACLED-style CSV, JSON Lines and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from tests.conftest import SEED_PATH


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("events") / "rasd.db"
    result = CliRunner().invoke(
        app, ["--db", str(path), "ingest", str(SEED_PATH), "--published", "2018-03-11"]
    )
    assert result.exit_code == 0, result.output
    return path


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", str(db), "-q", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_e2e_events_filters_by_type_place_date_and_modality(db: Path) -> None:
    defections = [
        json.loads(x) for x in run(db, "events", "--type", "DEFECT", "--json").splitlines()
    ]
    assert defections and {e["type"] for e in defections} == {"DEFECT"}
    assert {e["start_date"] for e in defections} >= {"2018-03-10", "2018-03-01"}
    recent = run(db, "events", "--type", "DEFECT", "--since", "2018-03-05", "--json").splitlines()
    assert [json.loads(x)["start_date"] for x in recent] == ["2018-03-10"]
    planned = [
        json.loads(x) for x in run(db, "events", "--modality", "planned", "--json").splitlines()
    ]
    assert planned and all(e["modality"] == "planned" for e in planned)
    assert "DEFECT" in run(db, "events", "--actor", "Islamic State")
    assert run(db, "events", "--type", "PROTEST", "--json") == ""


def test_e2e_export_events_as_acled_csv_jsonl_and_geojson(db: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run(db, "export", "--what", "events", "--format", "csv")))
    )
    assert rows
    assert list(rows[0])[:14] == [
        "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location",
        "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities",
    ]  # fmt: skip
    defect = next(r for r in rows if r["plover_type"] == "DEFECT")
    assert defect["event_type"] == "Strategic developments"
    assert defect["sub_event_type"] == "Change to group/activity"
    assert defect["source"] == "الوطن" and defect["evidence"]
    lines = run(db, "export", "--what", "events", "--format", "jsonl").splitlines()
    assert len(lines) == len(rows)
    assert all(json.loads(x)["article_id"] for x in lines)
    collection = json.loads(run(db, "export", "--what", "events", "--format", "geojson"))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(rows)
    placed = [f for f in collection["features"] if f["geometry"]]
    assert placed and all(len(f["geometry"]["coordinates"]) == 2 for f in placed)
