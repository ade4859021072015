"""End to end: bad input is reported per file and skipped; interrupted ingests leave a sound database."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from tests.conftest import SEED_PATH, SHARED

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def _snn(n: int) -> list[dict]:
    with gzip.open(SHARED / "saudinewsnet" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(next(f)) for _ in range(n)]


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory) -> Path:
    """A folder of real articles in awkward encodings beside broken files."""
    d = tmp_path_factory.mktemp("bad")
    a, b, c, good = (r["content"] for r in _snn(4))
    (d / "seed.txt").write_bytes(SEED_PATH.read_bytes())
    (d / "windows-1256.txt").write_bytes(
        ("عنوان الخبر\n\n| عكاظ\n\n" + a).encode("cp1256", errors="ignore")
    )
    (d / "iso-8859-6.txt").write_bytes(b.encode("iso8859_6", errors="ignore"))
    (d / "utf-16.txt").write_bytes(c.encode("utf-16"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.dat").write_bytes(random.Random(1).randbytes(5000))
    (d / "no-body.html").write_text(
        "<html><head><title>عنوان</title></head><body><nav>الرئيسية</nav></body></html>"
    )
    lines = [
        json.dumps(
            {"content": good, "title": "خبر سليم", "date_extracted": "2015-07-21"},
            ensure_ascii=False,
        ),
        "{this is not json",
        json.dumps(
            {"content": good + " مكرر بتاريخ مستحيل", "date_extracted": "2015-02-30"},
            ensure_ascii=False,
        ),
        json.dumps({"title": "بلا محتوى"}, ensure_ascii=False),
        '{"content": "خبر مقطوع في منتصف',
    ]
    (d / "dump.jsonl").write_text("\n".join(lines), encoding="utf-8")
    os.symlink(d / "gone.txt", d / "vanished.txt")  # listed, but the file is not there
    return d


def test_bad_inputs_are_reported_and_skipped(bad_dir, tmp_path):
    db = tmp_path / "bad.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(bad_dir), "--no-extract", "--json"])
    assert result.exit_code == 1  # something was skipped
    summary = json.loads(result.stdout)
    assert summary["problems_by_code"] == {
        "empty": 1,
        "binary": 1,
        "no-body": 1,
        "bad-json": 1,
        "no-text": 1,
        "truncated": 1,
        "bad-date": 1,
        "unreadable": 1,
    }
    # seed, three encodings, two JSON records (one stored with its impossible date left empty)
    assert summary["read"] == 6
    assert summary["stored"] + summary["near_duplicates"] == 6
    paths = {p["path"].rsplit("/", 1)[-1] for p in summary["problem_examples"]}
    assert {"empty.txt", "binary.dat", "no-body.html", "dump.jsonl", "vanished.txt"} <= paths
    # The awkward encodings were decoded: their words are searchable.
    out = runner.invoke(app, ["--db", str(db), "search", "عنوان الخبر", "--json"]).stdout
    assert json.loads(out.splitlines()[0])["outlet"] == "عكاظ"
    listed = runner.invoke(
        app, ["--db", str(db), "stats", "--problems", "--json"]
    ).stdout.splitlines()
    assert len(listed) == 8
    assert {"code": "bad-json", "position": "line 2"}.items() <= json.loads(
        next(line for line in listed if "bad-json" in line)
    ).items()
    assert "vanished.txt" in runner.invoke(app, ["--db", str(db), "stats", "--problems"]).stdout


def _corpus(path: Path, n: int) -> int:
    """n distinct articles made of real sentences (a small vocabulary, so ingest is quick)."""
    sentences = [s.strip() for r in _snn(60) for s in r["content"].split(".") if len(s.split()) > 6]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = ". ".join(rng.sample(sentences, 6)) + f". الخبر {i}"
            f.write(
                json.dumps({"id": f"a{i}", "content": text, "source": "test"}, ensure_ascii=False)
                + "\n"
            )
    return n


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet
    finally:
        conn.close()


def _ingest(db: Path, source: str, **kwargs) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-m",
        "rasd",
        "--db",
        str(db),
        "ingest",
        source,
        "--no-extract",
        "--batch-size",
        "20",
    ]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def _assert_sound(db: Path, n: int) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles, dups = (
        conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "duplicates")
    )
    distinct = conn.execute(
        "SELECT COUNT(DISTINCT doc_id) FROM (SELECT doc_id FROM articles UNION ALL SELECT doc_id FROM duplicates)"
    ).fetchone()[0]
    indexed = conn.execute("SELECT COUNT(*) FROM minhashes").fetchone()[0]
    conn.close()
    assert articles + dups == n == distinct  # everything once, nothing twice
    assert indexed == articles


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_ingest_then_rerun(tmp_path, sig):
    """Kill an ingest mid-stream (it waits on stdin with batches committed), then re-run."""
    source, db = tmp_path / "corpus.jsonl", tmp_path / "k.db"
    n = _corpus(source, 300)
    lines = source.read_bytes().splitlines(keepends=True)
    proc = _ingest(db, "-", stdin=subprocess.PIPE)
    proc.stdin.write(b"".join(lines[:150]))
    proc.stdin.flush()
    deadline = time.time() + 60
    while _count(db, "SELECT COUNT(*) FROM articles") < 100:
        assert proc.poll() is None and time.time() < deadline
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and b"interrupted" in err
        assert _count(db, "SELECT COUNT(*) FROM runs WHERE status = 'interrupted'") == 1
    else:
        assert proc.returncode == -signal.SIGKILL
    assert 100 <= _count(db, "SELECT COUNT(*) FROM articles") <= 150
    rerun = _ingest(db, str(source))
    rerun.communicate(timeout=120)
    assert rerun.returncode == 0
    _assert_sound(db, n)
    again = _ingest(db, str(source))
    again.communicate(timeout=120)
    _assert_sound(db, n)
    assert _count(db, "SELECT stored FROM runs ORDER BY id DESC LIMIT 1") == 0
