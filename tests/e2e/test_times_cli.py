"""E2E: the times an analyst must get from the seed through `rasd extract`, and
`rasd eval gold` with the whole pipeline on the development gold (issue 4)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rasd.cli import app
from tests.conftest import SEED_PATH, SHARED


def _extract(*args: str) -> dict:
    result = CliRunner().invoke(app, ["extract", str(SEED_PATH), *args])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stdout.splitlines() if line.startswith("{")]
    return json.loads(line)


def test_e2e_seed_times_in_the_extract_contract() -> None:
    doc = _extract("--published", "2018-03-11")
    times = {(t["text"], t["start_date"], t["end_date"], t["granularity"]) for t in doc["times"]}
    assert ("أمس", "2018-03-10", "2018-03-10", "day") in times
    assert ("أول من أمس", "2018-03-09", "2018-03-09", "day") in times
    assert ("يوم الجمعة", "2018-03-09", "2018-03-09", "day") in times
    assert ("يومي الثلاثاء والأربعاء القادمين", "2018-03-13", "2018-03-14", "range") in times
    assert ("منذ عشرة أيام", "2018-03-01", "2018-03-01", "day") in times
    assert ("الأسبوع الجاري", "2018-03-10", "2018-03-16", "week") in times
    for t in doc["times"]:
        assert doc["text"][t["start"] : t["end"]] == t["text"]
    # «حالياً» and «منذ مدة» are vague: never times
    assert not {t["text"] for t in doc["times"]} & {"حالياً", "منذ مدة"}


def test_e2e_seed_without_a_date_has_unresolved_times() -> None:
    doc = _extract()
    assert doc["times"] and all(t["start_date"] is None for t in doc["times"])


def test_e2e_eval_gold_whole_pipeline_meets_the_times_floor() -> None:
    files = [str(p) for p in sorted((SHARED / "gold-dev").glob("*.jsonl"))]
    result = CliRunner().invoke(app, ["eval", "gold", *files, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 15 and data["times"]["gold"] == 41
    assert data["times"]["exact"] >= 0.90
    assert set(data) >= {"times", "places", "events"}
