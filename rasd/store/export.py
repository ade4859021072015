"""Streamed export of stored articles: JSON Lines, CSV or Parquet.

Rows go from the database cursor to the output one at a time (Parquet: in
record batches), so exporting a million articles holds a batch in memory, not
a million objects.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from rasd.errors import RasdError
from rasd.store.sqlite import Store

FIELDS = (
    "id", "content_hash", "doc_id", "outlet", "section", "headline", "published", "url",
    "author", "categories", "language", "source_path", "source_sha256", "text",
)  # fmt: skip
PARQUET_BATCH = 2000


def export_articles(
    store: Store,
    fmt: str,
    out: IO[str] | None = None,
    path: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """Write the articles to `out` (jsonl, csv) or to the file `path` (parquet); return the count.

    One JSON line looks like {"id": 1, "outlet": "الوطن", "headline": "انشقاقات...", ...}.
    """
    rows = store.iter_articles(outlet=outlet, since=since, until=until)
    if fmt == "parquet":
        if not path:
            raise RasdError("parquet needs a file", hint="add --output articles.parquet")
        return _write_parquet(rows, path)
    if out is None:
        raise RasdError(f"{fmt} export needs an output stream")
    if fmt == "jsonl":
        count = 0
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        count = 0
        for row in rows:
            row["categories"] = "; ".join(row.get("categories") or [])
            writer.writerow(row)
            count += 1
        return count
    raise RasdError(f"unknown format {fmt!r}", hint="use jsonl, csv or parquet")


def _write_parquet(rows: Iterator[dict[str, Any]], path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise RasdError("parquet export needs pyarrow", hint="pip install 'rasd[parquet]'") from err
    schema = pa.schema(
        [
            (name, pa.int64() if name == "id" else pa.string())
            for name in FIELDS
            if name != "categories"
        ]
        + [("categories", pa.list_(pa.string()))]
    )
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            row["categories"] = row.get("categories") or []
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                count += len(batch)
                batch.clear()
        if batch:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
