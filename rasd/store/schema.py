"""The store's schema as versioned, forward-only migrations.

Each migration is a list of SQL statements applied once, in order, inside one
transaction, and the database remembers the highest one applied in
`PRAGMA user_version`. A change to the schema is a new entry at the end of
`MIGRATIONS`; an applied entry is never edited.
"""

from __future__ import annotations

import sqlite3

from rasd.errors import RasdError

MIGRATIONS: list[list[str]] = [
    # 1: articles, near-duplicates, MinHash bands, search index, runs, problems, extraction output
    [
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
            sources TEXT, read INTEGER DEFAULT 0, stored INTEGER DEFAULT 0,
            duplicates INTEGER DEFAULT 0, near_duplicates INTEGER DEFAULT 0,
            problems INTEGER DEFAULT 0)""",
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, doc_id TEXT,
            outlet TEXT, section TEXT, headline TEXT, published TEXT, url TEXT, author TEXT,
            categories TEXT, language TEXT, text TEXT NOT NULL,
            source_path TEXT, source_sha256 TEXT, run_id INTEGER REFERENCES runs(id))""",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_outlet ON articles(outlet, published)",
        "CREATE INDEX articles_doc_id ON articles(doc_id)",
        """CREATE TABLE duplicates (
            id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE,
            original_id INTEGER NOT NULL REFERENCES articles(id), similarity REAL NOT NULL,
            doc_id TEXT, outlet TEXT, headline TEXT, published TEXT, url TEXT,
            source_path TEXT, source_sha256 TEXT, run_id INTEGER REFERENCES runs(id))""",
        "CREATE INDEX duplicates_original ON duplicates(original_id)",
        "CREATE TABLE minhashes (article_id INTEGER PRIMARY KEY, signature BLOB NOT NULL)",
        "CREATE TABLE minhash_bands (band INTEGER NOT NULL, article_id INTEGER NOT NULL)",
        "CREATE INDEX minhash_bands_band ON minhash_bands(band)",
        # Contentless: the keys are derived data; the text lives in `articles`.
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            headline, body, content='', tokenize='unicode61 remove_diacritics 0')""",
        """CREATE TABLE problems (
            id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id), path TEXT NOT NULL,
            code TEXT NOT NULL, message TEXT NOT NULL, stage TEXT NOT NULL, position TEXT)""",
        """CREATE TABLE layers (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id), json TEXT NOT NULL)""",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),
            outlet TEXT, published TEXT, type TEXT NOT NULL, mode TEXT,
            actor_name TEXT, actor_text TEXT, target_name TEXT, target_text TEXT,
            place_name TEXT, place_text TEXT, place_geonameid INTEGER, place_lat REAL,
            place_lon REAL, place_admin1 TEXT, place_precision INTEGER,
            start_date TEXT, end_date TEXT, attribution TEXT, modality TEXT,
            killed INTEGER, injured INTEGER, trigger_text TEXT, trigger_start INTEGER,
            trigger_end INTEGER, evidence_text TEXT, evidence_start INTEGER,
            evidence_end INTEGER, source TEXT, json TEXT NOT NULL)""",
        "CREATE INDEX events_article ON events(article_id)",
        "CREATE INDEX events_type ON events(type, start_date)",
        "CREATE INDEX events_dates ON events(start_date, end_date)",
    ],
]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database has not seen; return its schema version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise RasdError(
            f"database schema version {version} is newer than this rasd ({len(MIGRATIONS)})",
            hint="upgrade rasd to open this database",
        )
    for number in range(version + 1, len(MIGRATIONS) + 1):
        with conn:
            conn.execute("BEGIN")
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    return len(MIGRATIONS)
