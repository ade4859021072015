"""End to end through the CLI: ingest, search, show, stats, export on real Arabic input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from rasd.errors import RasdError
from tests.conftest import SEED_PATH

runner = CliRunner()


def rasd(db, *args, input=None):
    return runner.invoke(app, ["--db", str(db), *args], input=input)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "seed.db"
    result = rasd(
        db, "ingest", str(SEED_PATH), "--published", "2018-03-11", "--no-extract", "--json"
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["stored"], summary["problems"]) == (1, 1, 0)
    return db


def test_reingest_is_idempotent(seed_db):
    result = rasd(seed_db, "ingest", str(SEED_PATH), "--no-extract", "--json")
    assert json.loads(result.stdout)["duplicates"] == 1
    assert json.loads(rasd(seed_db, "stats", "--json").stdout)["articles"] == 1


def test_search_finds_inflections_with_highlight(seed_db):
    result = rasd(seed_db, "search", "انشقاق")
    assert result.exit_code == 0
    assert "انشقاقات في صفوف داعش جنوب دمشق" in result.stdout
    assert "[بالانشقاق]" in result.stdout
    hits = [
        json.loads(line) for line in rasd(seed_db, "search", "مسلح", "--json").stdout.splitlines()
    ]
    assert len(hits) == 1 and hits[0]["outlet"] == "الوطن"
    start, end = hits[0]["highlights"][0]
    assert hits[0]["snippet"][start:end] == "مسلحون"
    assert rasd(seed_db, "search", '"حي القدم"', "--since", "2018-01-01", "--json").stdout.strip()
    assert not rasd(seed_db, "search", "انشقاق", "--outlet", "عكاظ", "--json").stdout.strip()
    assert rasd(seed_db, "search", "انشقاق", "--since", "March").exit_code == 2


def test_show_article_with_metadata_and_layers(seed_db):
    result = rasd(seed_db, "show", "1")
    assert "الوطن" in result.stdout and "سورية" in result.stdout
    assert "بدأ مسلحون من تنظيم داعش" in result.stdout and "زر الذهاب" not in result.stdout
    article = json.loads(rasd(seed_db, "show", "1", "--json").stdout)
    assert article["headline"] == "انشقاقات في صفوف داعش جنوب دمشق"
    assert article["published"] == "2018-03-11"
    assert article["source_path"] == str(SEED_PATH) and len(article["source_sha256"]) == 64
    assert article["layers"] is None  # ingested with --no-extract
    by_hash = json.loads(rasd(seed_db, "show", article["content_hash"][:10], "--json").stdout)
    assert by_hash["id"] == 1
    missing = rasd(seed_db, "show", "999")
    assert isinstance(missing.exception, RasdError)


def test_ingest_runs_the_extraction_pipeline(tmp_path):
    db = tmp_path / "x.db"
    result = rasd(db, "ingest", str(SEED_PATH), "--published", "2018-03-11", "--json")
    assert result.exit_code == 0, result.output
    article = json.loads(rasd(db, "show", "1", "--json").stdout)
    assert set(article["layers"]) >= {"entities", "times", "places", "actors", "events"}
    text = article["text"]
    for place in article["layers"]["places"]:
        assert text[place["start"] : place["end"]] == place["text"]
    stats = json.loads(rasd(db, "stats", "--json").stdout)
    assert stats["events"] == len(article["layers"]["events"])
    exported = rasd(db, "export", "--what", "events", "-f", "jsonl").stdout.splitlines()
    assert len(exported) == stats["events"]


def test_stats(seed_db):
    stats = json.loads(rasd(seed_db, "stats", "--json").stdout)
    assert stats["outlets"] == {"الوطن": 1}
    assert stats["first_published"] == "2018-03-11"
    assert "الوطن" in rasd(seed_db, "stats").stdout


def test_export_jsonl_csv_parquet(seed_db, tmp_path):
    [line] = rasd(seed_db, "export", "--format", "jsonl").stdout.splitlines()
    assert json.loads(line)["text"].startswith("بدأ مسلحون")
    rows = list(csv.DictReader(io.StringIO(rasd(seed_db, "export", "-f", "csv").stdout)))
    assert rows[0]["outlet"] == "الوطن" and rows[0]["section"] == "سورية"
    parquet = tmp_path / "a.parquet"
    assert rasd(seed_db, "export", "-f", "parquet", "-o", str(parquet)).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.num_rows == 1 and table.column("headline")[0].as_py().startswith("انشقاقات")
    assert rasd(seed_db, "export", "--outlet", "عكاظ").stdout == ""
    events = rasd(seed_db, "export", "--what", "events", "-f", "jsonl")
    assert events.exit_code == 0 and events.stdout == ""  # ingested with --no-extract
    assert rasd(seed_db, "export", "--what", "people").exit_code == 2


def test_stdin_jsonl_and_field_map(tmp_path):
    record = {
        "body": "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي أمس.",
        "headline": "قصف كفرنبل",
    }
    data = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    result = rasd(
        tmp_path / "s.db", "ingest", "-", "--map", "text=body", "--no-extract", "--json", input=data
    )
    assert json.loads(result.stdout)["stored"] == 1
    assert "[قصفت]" in rasd(tmp_path / "s.db", "search", "قصفت").stdout
    assert rasd(tmp_path / "s.db", "ingest", "-", "--map", "body").exit_code == 2


def test_bundled_samples(tmp_path):
    db = tmp_path / "demo.db"
    summary = json.loads(rasd(db, "ingest", "--samples", "--no-extract", "--json").stdout)
    assert (summary["stored"], summary["problems"]) == (6, 0)
    stats = json.loads(rasd(db, "stats", "--json").stdout)
    assert stats["outlets"] == {"ويكي الأخبار": 5, "الوطن": 1}
    seed = json.loads(rasd(db, "search", "انشقاق", "--json").stdout.splitlines()[0])
    assert seed["outlet"] == "الوطن" and seed["published"] == "2018-03-11"
    # Fully diacritised WikiNews text answers a plain query.
    hits = [
        json.loads(h) for h in rasd(db, "search", "الائتلاف السوري", "--json").stdout.splitlines()
    ]
    assert hits and hits[0]["headline"].startswith("انْتِخَابُ هَادِي الْبَحْرَةِ")


def test_readme_documents_every_article_command():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for command in ("ingest", "search", "show", "stats", "export"):
        assert f"rasd {command}" in readme


def test_commands_before_any_ingest(tmp_path):
    result = rasd(tmp_path / "none.db", "search", "انشقاق")
    assert isinstance(result.exception, RasdError)
    assert not (tmp_path / "none.db").exists()


def test_help_lists_every_article_command():
    result = runner.invoke(app, ["--help"])
    for command in ("ingest", "search", "show", "stats", "export"):
        assert command in result.stdout
