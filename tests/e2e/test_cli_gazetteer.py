"""End to end through the CLI: rasd gazetteer import / add / lookup into the user file
beside the database."""

from __future__ import annotations

import zipfile

from typer.testing import CliRunner

from rasd.cli import app

runner = CliRunner()
ROW = ("9000002\tYalda\tYalda\tYalda,يلدا\t33.464\t36.321\tP\tPPL\tSY\t\t08\t\t\t\t40000\t\t690\t"
       "Asia/Damascus\t2020-01-01\n")  # fmt: skip


def rasd(db, *args):
    return runner.invoke(app, ["--db", str(db), *args])


def test_import_add_and_lookup_use_the_file_beside_the_database(tmp_path):
    db = tmp_path / "rasd.db"
    dump = tmp_path / "SY.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("SY.txt", ROW)
    result = rasd(db, "gazetteer", "import", str(dump))
    assert result.exit_code == 0, result.output
    assert "1 places added" in result.stdout
    assert (tmp_path / "rasd.places.tsv").exists()

    mine = tmp_path / "mine.csv"
    mine.write_text("name,alternates,lat,lon,parent\nالمادنية,,33.463,36.285,دمشق\n", "utf-8")
    result = rasd(db, "gazetteer", "add", str(mine))
    assert result.exit_code == 0, result.output
    assert "1 places added" in result.stdout

    found = rasd(db, "gazetteer", "lookup", "يلدا")
    assert "9000002" in found.stdout and "Yalda" in found.stdout
    assert "SY.13" in rasd(db, "gazetteer", "lookup", "المادنية").stdout
    # the bundled gazetteer is there too
    assert "170654" in rasd(db, "gazetteer", "lookup", "دمشق").stdout


def test_ingest_uses_the_places_kept_beside_the_database(tmp_path):
    """A town imported with `rasd gazetteer import` is found by the next ingest
    without --places: يلدا in the seed resolves to the imported entry."""
    import json

    from tests.conftest import SEED_PATH

    db = tmp_path / "rasd.db"
    dump = tmp_path / "SY.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("SY.txt", ROW)
    assert rasd(db, "gazetteer", "import", str(dump)).exit_code == 0
    result = rasd(db, "ingest", str(SEED_PATH), "--published", "2018-03-11")
    assert result.exit_code == 0, result.output
    article = json.loads(rasd(db, "show", "1", "--json").stdout)
    yalda = [p for p in article["layers"]["places"] if p["text"] == "يلدا"]
    assert yalda and yalda[0]["geonameid"] == 9000002
