"""E2E: `rasd extract` on the seed article through the whole pipeline — the JSON contract
and the events an analyst must get from it (issue 7), with types, modalities, sources, dates."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from tests.conftest import SEED_PATH

KEYS = {"id", "outlet", "section", "headline", "published", "url", "text", "entities", "times"}
EVENT_KEYS = {
    "type", "mode", "trigger", "actor", "target", "place", "start_date", "end_date",
    "attribution", "modality", "killed", "injured", "evidence",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_json() -> dict:
    result = CliRunner().invoke(app, ["extract", str(SEED_PATH), "--published", "2018-03-11"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    return json.loads(lines[0])


def find(events: list[dict], type_: str, **want: object) -> list[dict]:
    def ok(e: dict) -> bool:
        for key, value in want.items():
            if key == "source":
                if value not in ((e["attribution"] or {}).get("text") or ""):
                    return False
            elif key == "actor":
                if (e["actor"] or {}).get("name") != value:
                    return False
            elif e[key] != value:
                return False
        return True

    return [e for e in events if e["type"] == type_ and ok(e)]


def test_e2e_extract_prints_the_design_contract(seed_json: dict) -> None:
    assert set(seed_json) >= KEYS and {"places", "actors", "events"} <= set(seed_json)
    assert seed_json["published"] == "2018-03-11"
    text = seed_json["text"]
    assert seed_json["events"]
    for event in seed_json["events"]:
        assert set(event) >= EVENT_KEYS
        for span in (event["trigger"], event["evidence"], event["attribution"], event["actor"]):
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
        assert event["modality"] in {"asserted", "planned", "negated", "uncertain"}


def test_e2e_seed_events_with_types_modalities_and_sources(seed_json: dict) -> None:
    events = seed_json["events"]
    # IS members defected, reported by opposition media «أمس».
    assert find(
        events,
        "DEFECT",
        actor="Islamic State",
        modality="asserted",
        start_date="2018-03-10",
        source="مصادر إعلامية معارضة",
    )
    # Five IS families defected ten days ago (to al-Madaniya).
    assert find(
        events,
        "DEFECT",
        actor="Islamic State",
        start_date="2018-03-01",
        source="المصادر الإعلامية المعارضة",
    )
    # An agreement on Friday between the army and armed groups — only rumoured.
    assert find(events, "AGREE", modality="uncertain", start_date="2018-03-09")
    # The evacuation planned for next Tuesday and Wednesday.
    assert find(
        events, "RETREAT", modality="planned", start_date="2018-03-13", end_date="2018-03-14"
    )
    # IS closed the road, reopened the one to Yalda, prevented families from leaving.
    assert find(events, "COERCE", mode="restrict", actor="Islamic State", source="المصادر")
    assert find(events, "RETREAT", mode="access", actor="Islamic State", modality="asserted")
    assert find(
        events, "COERCE", mode="restrict", actor="Islamic State", source="مصادر إعلامية معارضة أخرى"
    )
    # Reconciliation talks; the fighters have not handed over their weapons.
    assert find(events, "CONSULT")
    assert find(events, "RETREAT", mode="disarm", modality="negated")


def test_e2e_seed_background_control_is_not_an_event(seed_json: dict) -> None:
    text = seed_json["text"]
    control = text.index("ويسيطر تنظيم داعش")
    sentence_end = text.index("\n", control)
    assert not [e for e in seed_json["events"] if control <= e["trigger"]["start"] < sentence_end]


def test_e2e_extract_reads_jsonl_from_stdin() -> None:
    line = json.dumps(
        {
            "id": "x1",
            "text": "قصفت طائرات النظام السوري مدينة حلب أمس، ما أسفر عن مقتل 12 شخصا.",
            "published": "2015-07-22",
        },
        ensure_ascii=False,
    )
    result = CliRunner().invoke(app, ["extract", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    doc = json.loads([x for x in result.stdout.splitlines() if x.startswith("{")][0])
    assert doc["id"] == "x1"
    (event,) = [e for e in doc["events"] if e["type"] == "ASSAULT"]
    assert event["killed"] == 12 and event["start_date"] == "2015-07-21"


def _extract_jsonl(row: dict, *options: str) -> dict:
    line = json.dumps(row, ensure_ascii=False)
    result = CliRunner().invoke(app, ["extract", "-", *options], input=line + "\n")
    assert result.exit_code == 0, result.output
    return json.loads([x for x in result.stdout.splitlines() if x.startswith("{")][0])


def test_e2e_extract_published_from_input_then_dateline_then_option() -> None:
    body = "دمشق - 22 نيسان 2018\nقصفت طائرات النظام مدينة حلب أمس."
    dated = _extract_jsonl({"text": body, "published": "2018-05-01"}, "--published", "2019-01-01")
    assert dated["published"] == "2018-05-01"
    from_dateline = _extract_jsonl({"text": body}, "--published", "2019-01-01")
    assert from_dateline["published"] == "2018-04-22"
    (event,) = [e for e in from_dateline["events"] if e["type"] == "ASSAULT"]
    assert event["start_date"] == "2018-04-21"
    undated = _extract_jsonl(
        {"text": "قصفت طائرات النظام مدينة حلب أمس."}, "--published", "2019-01-01"
    )
    assert undated["published"] == "2019-01-01"
