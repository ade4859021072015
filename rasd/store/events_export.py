"""Streamed export of stored events: ACLED-style CSV, GeoJSON, JSON Lines.

In: event rows from `Store.iter_events` (the `events` columns plus the
article's headline, url and doc_id) and a function mapping a (PLOVER type,
mode) to ACLED's (event type, sub-event type) — the store knows the document
model, not the extraction ontology, so the caller passes it in. Out: one row,
feature or line per event, written as it is read.

CSV columns follow ACLED (event_date, event_type, sub_event_type, actor1,
actor2, admin1, location, latitude, longitude, geo_precision, time_precision,
source, notes, fatalities) and add rasd's own (plover_type, mode, modality,
attribution, evidence, killed, injured, article_id, url).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from rasd.errors import RasdError

ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location",
    "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities",
)  # fmt: skip
RASD_COLUMNS = (
    "plover_type", "mode", "modality", "attribution", "evidence", "killed", "injured",
    "article_id", "url",
)  # fmt: skip
FORMATS = ("csv", "jsonl", "geojson")

AcledMap = Callable[[str, str | None], tuple[str, str]]


def export_events(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str], acled: AcledMap) -> int:
    """Write events to `out` as csv, jsonl or geojson; return how many were written.

    A CSV row: 2018-03-10,Strategic developments,Change to group/activity,Islamic State,,...
    """
    if fmt == "csv":
        return _write_csv(rows, out, acled)
    if fmt == "jsonl":
        count = 0
        for row in rows:
            out.write(json.dumps(_record(row, acled), ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "geojson":
        return _write_geojson(rows, out, acled)
    raise RasdError(f"unknown events format {fmt!r}", hint="use " + ", ".join(FORMATS))


def acled_row(row: dict[str, Any], acled: AcledMap) -> dict[str, Any]:
    """One stored event as an ACLED-style CSV row plus rasd's columns."""
    event_type, sub_event_type = acled(row["type"], row.get("mode"))
    actor = row.get("actor_name") or ""
    target = row.get("target_name") or ""
    where = row.get("place_name") or ""
    return {
        "event_date": row.get("start_date") or row.get("published") or "",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor,
        "actor2": target,
        "admin1": row.get("place_admin1") or "",
        "location": where,
        "latitude": _blank(row.get("place_lat")),
        "longitude": _blank(row.get("place_lon")),
        "geo_precision": _blank(row.get("place_precision")),
        "time_precision": time_precision(row.get("start_date"), row.get("end_date")),
        "source": row.get("outlet") or "",
        "notes": _notes(row, actor, target, where),
        # Unknown stays empty rather than 0: no count reported is not no one killed.
        "fatalities": _blank(row.get("killed")),
        "plover_type": row["type"],
        "mode": row.get("mode") or "",
        "modality": row.get("modality") or "",
        "attribution": row.get("attribution") or "",
        "evidence": row.get("evidence_text") or "",
        "killed": _blank(row.get("killed")),
        "injured": _blank(row.get("injured")),
        "article_id": row.get("doc_id") or row.get("article_id") or "",
        "url": row.get("url") or "",
    }


def time_precision(start: str | None, end: str | None) -> int | str:
    """ACLED time precision: 1 a day, 2 within a week, 3 a longer span; "" when undated."""
    if not start:
        return ""
    days = (dt.date.fromisoformat(end or start) - dt.date.fromisoformat(start)).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _notes(row: dict[str, Any], actor: str, target: str, where: str) -> str:
    parts = [row["type"] + (f"/{row['mode']}" if row.get("mode") else "")]
    if actor or target:
        parts.append(f"{actor or 'unknown'} → {target or 'unknown'}")
    if where:
        parts.append(f"at {where}")
    if row.get("modality") and row["modality"] != "asserted":
        parts.append(f"({row['modality']})")
    if row.get("attribution"):
        parts.append(f"according to «{row['attribution']}»")
    return " ".join(parts)


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _write_csv(rows: Iterable[dict[str, Any]], out: IO[str], acled: AcledMap) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + RASD_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(acled_row(row, acled))
        count += 1
    return count


def _record(row: dict[str, Any], acled: AcledMap) -> dict[str, Any]:
    """The event as `rasd extract` prints it, with its article and ACLED categories."""
    event_type, sub_event_type = acled(row["type"], row.get("mode"))
    return {
        "article_id": row.get("doc_id"),
        "outlet": row.get("outlet"),
        "published": row.get("published"),
        "headline": row.get("headline"),
        "url": row.get("url"),
        "acled_event_type": event_type,
        "acled_sub_event_type": sub_event_type,
        **row["json"],
    }


def _write_geojson(rows: Iterable[dict[str, Any]], out: IO[str], acled: AcledMap) -> int:
    # Streamed by hand: a FeatureCollection written feature by feature.
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for row in rows:
        lat, lon = row.get("place_lat"), row.get("place_lon")
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]}
            if lat is not None and lon is not None
            else None
        )
        feature = {"type": "Feature", "geometry": geometry, "properties": acled_row(row, acled)}
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count
