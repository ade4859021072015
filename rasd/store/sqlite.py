"""The embedded store: articles, near-duplicates, search index, problems, events.

One SQLite file (WAL mode). Articles are keyed by the hash of their
normalised body, so storing the same text twice is a no-op; a text whose
MinHash says it is a near copy of a stored article is recorded in
`duplicates`, linked to that original, and not indexed as news. Writes come in
batches, each one transaction: a batch is stored whole or not at all. The
extraction layers of each article are kept as JSON and its events as rows of
`events`, which `iter_events` filters.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rasd.doc import Doc, Event, Problem
from rasd.errors import RasdError
from rasd.ingest.identity import fingerprint
from rasd.store import dedup
from rasd.store.schema import migrate
from rasd.store.search import index_keys, mark, parse_query, snippet

ARTICLE_COLUMNS = (
    "id, content_hash, doc_id, outlet, section, headline, published, url, author, "
    "categories, language, source_path, source_sha256"
)


@dataclass(frozen=True)
class Hit:
    """One search result: the article, its BM25 score (lower is better) and a snippet."""

    id: int
    outlet: str | None
    published: str | None
    headline: str | None
    score: float
    snippet: str
    spans: tuple[tuple[int, int], ...]

    def marked(self, left: str = "[", right: str = "]") -> str:
        return mark(self.snippet, list(self.spans), left, right)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "published": self.published,
            "headline": self.headline,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(s) for s in self.spans],
        }


class Store:
    """A rasd database; open with Store(path), use as a context manager to close it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.parent.is_dir():
            raise RasdError(
                f"no folder {self.path.parent} for the database", hint="create it first"
            )
        # isolation_level=None: transactions are opened explicitly, one per batch.
        self.conn = sqlite3.connect(str(self.path), isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            migrate(self.conn)
        except sqlite3.DatabaseError as err:
            self.conn.close()
            raise RasdError(
                f"{self.path} is not a rasd database ({err})", hint="give another --db path"
            ) from err

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs and batches -------------------------------------------------

    def start_run(self, sources: Iterable[str]) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started, status, sources) VALUES (?, 'running', ?)",
            (_now(), json.dumps(list(sources), ensure_ascii=False)),
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        self.conn.execute(
            "UPDATE runs SET finished = ?, status = ?, read = ?, stored = ?, duplicates = ?, "
            "near_duplicates = ?, problems = ? WHERE id = ?",
            (
                _now(),
                status,
                counts.get("read", 0),
                counts.get("stored", 0),
                counts.get("duplicates", 0),
                counts.get("near_duplicates", 0),
                counts.get("problems", 0),
                run_id,
            ),
        )

    def add_batch(
        self, docs: Iterable[Doc], problems: Iterable[Problem] = (), run_id: int | None = None
    ) -> list[str]:
        """Store a batch in one transaction; the outcome of each doc, in order.

        Outcomes: "stored", "duplicate" (same normalised text already stored) or
        "near-duplicate" (linked to its original in `duplicates`).
        """
        outcomes: list[str] = []
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for doc in docs:
                outcomes.append(self._add(doc, run_id))
            conn.executemany(
                "INSERT INTO problems (run_id, path, code, message, stage, position) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(run_id, p.path, p.code, p.message, p.stage, p.position) for p in problems],
            )
        except BaseException:
            # KeyboardInterrupt included: the batch is stored whole or not at all.
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return outcomes

    def contains(self, text: str) -> bool:
        """True when this text (up to spelling noise) is stored, as news or as a near copy."""
        key = fingerprint(text).content_hash
        return self._known(key)

    def _known(self, key: str) -> bool:
        return bool(
            self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ? UNION ALL "
                "SELECT 1 FROM duplicates WHERE content_hash = ?",
                (key, key),
            ).fetchone()
        )

    def _add(self, doc: Doc, run_id: int | None) -> str:
        conn = self.conn
        key, keys, key_hashes = fingerprint(doc.text)
        if self._known(key):
            return "duplicate"
        sig = dedup.signature(key_hashes)
        bands = dedup.band_keys(sig) if sig is not None else []
        original = self._near_original(sig, bands) if sig is not None else None
        published = doc.published.isoformat() if doc.published else None
        if original is not None:
            original_id, sim = original
            conn.execute(
                "INSERT INTO duplicates (content_hash, original_id, similarity, doc_id, outlet, "
                "headline, published, url, source_path, source_sha256, run_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key, original_id, sim, doc.id, doc.outlet, doc.headline, published,
                    doc.url, doc.source_path, doc.source_sha256, run_id,
                ),
            )  # fmt: skip
            return "near-duplicate"
        cur = conn.execute(
            "INSERT INTO articles (content_hash, doc_id, outlet, section, headline, published, "
            "url, author, categories, language, text, source_path, source_sha256, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key, doc.id, doc.outlet, doc.section, doc.headline, published, doc.url,
                doc.author, json.dumps(list(doc.categories), ensure_ascii=False),
                doc.language, doc.text, doc.source_path, doc.source_sha256, run_id,
            ),
        )  # fmt: skip
        article_id = cur.lastrowid
        headline_keys = " ".join(index_keys(doc.headline)) if doc.headline else ""
        conn.execute(
            "INSERT INTO articles_fts (rowid, headline, body) VALUES (?, ?, ?)",
            (article_id, headline_keys, " ".join(keys)),
        )
        if sig is not None:
            conn.execute(
                "INSERT INTO minhashes (article_id, signature) VALUES (?, ?)",
                (article_id, dedup.to_blob(sig)),
            )
            conn.executemany(
                "INSERT INTO minhash_bands (band, article_id) VALUES (?, ?)",
                [(band, article_id) for band in bands],
            )
        if doc.tokens is not None:
            self._add_layers(article_id, doc)
        return "stored"

    def _near_original(self, sig: np.ndarray, bands: list[int]) -> tuple[int, float] | None:
        marks = ",".join("?" * len(bands))
        candidates = self.conn.execute(
            f"SELECT DISTINCT m.article_id, m.signature FROM minhash_bands b "
            f"JOIN minhashes m ON m.article_id = b.article_id WHERE b.band IN ({marks})",
            bands,
        ).fetchall()
        best: tuple[int, float] | None = None
        for row in candidates:
            sim = dedup.similarity(sig, dedup.from_blob(row[1]))
            if sim >= dedup.THRESHOLD and (best is None or sim > best[1]):
                best = (row[0], sim)
        return best

    def _add_layers(self, article_id: int | None, doc: Doc) -> None:
        layers = doc.to_json()
        for name in ("id", "outlet", "section", "headline", "published", "url", "text"):
            layers.pop(name, None)
        self.conn.execute(
            "INSERT INTO layers (article_id, json) VALUES (?, ?)",
            (article_id, json.dumps(layers, ensure_ascii=False)),
        )
        published = doc.published.isoformat() if doc.published else None
        self.conn.executemany(
            "INSERT INTO events (article_id, outlet, published, type, mode, actor_name, "
            "actor_text, target_name, target_text, place_name, place_text, place_geonameid, "
            "place_lat, place_lon, place_admin1, place_precision, start_date, end_date, "
            "attribution, modality, killed, injured, trigger_text, trigger_start, trigger_end, "
            "evidence_text, evidence_start, evidence_end, source, json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?)",
            [_event_row(article_id, doc.outlet, published, e) for e in doc.events or []],
        )

    # -- reading ------------------------------------------------------------

    def article(self, ref: str | int) -> dict[str, Any] | None:
        """An article by number, content-hash prefix or source id, with its layers."""
        ref = str(ref)
        row = None
        if ref.isdigit():
            row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT * FROM articles WHERE doc_id = ?", (ref,)).fetchone()
        if row is None and len(ref) >= 6:
            row = self.conn.execute(
                "SELECT * FROM articles WHERE content_hash >= ? AND content_hash < ? LIMIT 1",
                (ref.lower(), ref.lower() + "g"),
            ).fetchone()
        if row is None:
            return None
        article = _article_dict(row)
        layers = self.conn.execute(
            "SELECT json FROM layers WHERE article_id = ?", (row["id"],)
        ).fetchone()
        article["layers"] = json.loads(layers[0]) if layers else None
        article["duplicates"] = [
            dict(d)
            for d in self.conn.execute(
                "SELECT id, similarity, outlet, url, source_path FROM duplicates "
                "WHERE original_id = ? ORDER BY id",
                (row["id"],),
            )
        ]
        return article

    def iter_articles(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        with_text: bool = True,
    ) -> Iterator[dict[str, Any]]:
        """Stored articles in id order, streamed from the database."""
        where, params = _filters(outlet, since, until, prefix="")
        columns = ARTICLE_COLUMNS + (", text" if with_text else "")
        cursor = self.conn.execute(f"SELECT {columns} FROM articles {where} ORDER BY id", params)
        for row in cursor:
            yield _article_dict(row)

    def search(
        self,
        query: str,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """The best `limit` articles for `query` by BM25: «انشقاق» → hits with snippets."""
        parsed = parse_query(query)
        if not parsed.phrases:
            return []
        where, params = _filters(outlet, since, until, prefix="a.")
        if where:
            # Filters need the article row; only its first page is read, not the text.
            sql = (
                "SELECT articles_fts.rowid, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts "
                "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
                + where.replace("WHERE", "AND")
                + " ORDER BY score LIMIT ?"
            )
        else:
            sql = (
                "SELECT rowid, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts "
                "WHERE articles_fts MATCH ? ORDER BY score LIMIT ?"
            )
        ranked = self.conn.execute(sql, [parsed.fts, *params, limit]).fetchall()
        hits = []
        for article_id, score in ranked:
            row = self.conn.execute(
                "SELECT outlet, published, headline, text FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            window, spans = snippet(row["text"], parsed)
            hits.append(
                Hit(article_id, row["outlet"], row["published"], row["headline"],
                    score, window, tuple(spans))
            )  # fmt: skip
        return hits

    def stats(self) -> dict[str, Any]:
        """Counts: articles, near-duplicates, events, problems by code, articles by outlet."""

        def one(sql: str) -> Any:
            return self.conn.execute(sql).fetchone()[0]

        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "near_duplicates": one("SELECT COUNT(*) FROM duplicates"),
            "events": one("SELECT COUNT(*) FROM events"),
            "first_published": one("SELECT MIN(published) FROM articles"),
            "last_published": one("SELECT MAX(published) FROM articles"),
            "runs": one("SELECT COUNT(*) FROM runs"),
            "outlets": {
                r[0] or "?": r[1]
                for r in self.conn.execute(
                    "SELECT outlet, COUNT(*) FROM articles GROUP BY outlet ORDER BY 2 DESC"
                )
            },
            "events_by_type": {
                r[0]: r[1]
                for r in self.conn.execute(
                    "SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC"
                )
            },
            "problems": {
                r[0]: r[1]
                for r in self.conn.execute(
                    "SELECT code, COUNT(*) FROM problems GROUP BY code ORDER BY 2 DESC"
                )
            },
        }

    def iter_problems(self, run_id: int | None = None) -> Iterator[dict[str, Any]]:
        sql = "SELECT run_id, path, code, message, stage, position FROM problems"
        params: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        for row in self.conn.execute(sql + " ORDER BY id", params):
            yield dict(row)

    def iter_events(
        self,
        type: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        modality: str | None = None,
        outlet: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Stored events as dicts (the `events` columns plus article headline and url).

        type/modality/outlet match exactly; actor matches the canonical name or the
        words (substring, either of actor and target); place the name, the words or
        the GeoNames id; since/until (YYYY-MM-DD) keep events whose dates overlap.
        Example: iter_events(type="DEFECT", place="القدم").
        """
        clauses: list[str] = []
        params: list[Any] = []
        if type:
            clauses.append("e.type = ?")
            params.append(type.upper())
        if modality:
            clauses.append("e.modality = ?")
            params.append(modality)
        if outlet:
            clauses.append("e.outlet = ?")
            params.append(outlet)
        if actor:
            clauses.append(
                "(e.actor_name LIKE ? OR e.actor_text LIKE ? OR e.target_name LIKE ? "
                "OR e.target_text LIKE ?)"
            )
            params += [f"%{actor}%"] * 4
        if place:
            clauses.append("(e.place_name LIKE ? OR e.place_text LIKE ? OR e.place_geonameid = ?)")
            params += [f"%{place}%", f"%{place}%", int(place) if place.isdigit() else None]
        if since:
            clauses.append("COALESCE(e.end_date, e.start_date, e.published) >= ?")
            params.append(since)
        if until:
            clauses.append("COALESCE(e.start_date, e.end_date, e.published) <= ?")
            params.append(until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        cursor = self.conn.execute(
            "SELECT e.*, a.headline AS headline, a.url AS url, a.doc_id AS doc_id FROM events e "
            f"JOIN articles a ON a.id = e.article_id {where} ORDER BY e.start_date, e.id",
            params,
        )
        for row in cursor:
            event = dict(row)
            event["json"] = json.loads(event["json"])
            yield event


def _event_row(
    article_id: int | None, outlet: str | None, published: str | None, e: Event
) -> tuple[Any, ...]:
    evidence = e.evidence[0] if e.evidence else None
    return (
        article_id, outlet, published, e.type, e.mode,
        e.actor.name if e.actor else None, e.actor.text if e.actor else None,
        e.target.name if e.target else None, e.target.text if e.target else None,
        e.place.name if e.place else None, e.place.text if e.place else None,
        e.place.geonameid if e.place else None, e.place.lat if e.place else None,
        e.place.lon if e.place else None, e.place.admin1 if e.place else None,
        e.place.precision if e.place else None,
        _iso(e.start_date), _iso(e.end_date),
        e.attribution.text if e.attribution else None, e.modality, e.killed, e.injured,
        e.trigger.text, e.trigger.start, e.trigger.end,
        evidence.text if evidence else None, evidence.start if evidence else None,
        evidence.end if evidence else None, e.source,
        json.dumps(e.as_json(), ensure_ascii=False),
    )  # fmt: skip


def _filters(
    outlet: str | None, since: str | None, until: str | None, prefix: str
) -> tuple[str, list[str]]:
    clauses, params = [], []
    if outlet:
        clauses.append(f"{prefix}outlet = ?")
        params.append(outlet)
    if since:
        clauses.append(f"{prefix}published >= ?")
        params.append(since)
    if until:
        clauses.append(f"{prefix}published <= ?")
        params.append(until)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _article_dict(row: sqlite3.Row) -> dict[str, Any]:
    article = dict(row)
    if article.get("categories"):
        article["categories"] = json.loads(article["categories"])
    article.pop("run_id", None)
    return article


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
