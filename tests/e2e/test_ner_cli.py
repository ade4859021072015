"""End to end through the CLI: rasd eval ner, and entities + actors in rasd extract."""

from __future__ import annotations

import json
from itertools import islice

from typer.testing import CliRunner

from rasd.cli import app
from tests.conftest import SEED_PATH, SHARED

runner = CliRunner()
TRAIN = SHARED / "anercorp" / "ANERcorp_train_original.txt"


def test_eval_ner_prints_conll_scores_per_type(tmp_path):
    # The first 60 sentences of the *train* file (never the test file in tests).
    gold = tmp_path / "gold.txt"
    lines, sentences = [], 0
    for line in TRAIN.open(encoding="utf-8"):
        lines.append(line)
        sentences += not line.strip()
        if sentences == 60:
            break
    gold.write_text("".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["eval", "ner", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"PERS", "LOC", "ORG", "MISC", "micro"}
    assert scores["micro"]["gold"] > 100
    assert scores["micro"]["f1"] > 0.8  # seen in training: a floor, not a measure


def test_eval_ner_without_gold_file_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["eval", "ner", "--gold", str(tmp_path / "none.txt")])
    assert result.exit_code != 0


def test_extract_outputs_entities_and_actors_of_the_seed(tmp_path):
    result = runner.invoke(app, ["extract", str(SEED_PATH), "--published", "2018-03-11"])
    assert result.exit_code == 0, result.output
    doc = json.loads(next(islice(result.stdout.splitlines(), 1)))
    text = doc["text"]
    for e in doc["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
    assert any(e["label"] == "LOC" and e["text"] == "دمشق" for e in doc["entities"])
    got = {(a["text"], a["actor"]) for a in doc["actors"]}
    assert ("مسلحي التنظيم", "Islamic State") in got
    assert ("الجيش العربي السوري", "Syrian government forces") in got
    assert ("مصادر إعلامية معارضة", "opposition media") in got
    assert ("التنظيم", "armed opposition") not in got


def test_extract_takes_user_actor_files(tmp_path):
    mine = tmp_path / "actors.yaml"
    mine.write_text(
        "actors:\n- {actor: Yalda local council, type: government body, ar: [مجلس يلدا المحلي]}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("وأعلن مجلس يلدا المحلي أن الطريق مغلق.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--actors", str(mine)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    assert [a["actor"] for a in doc["actors"]] == ["Yalda local council"]
