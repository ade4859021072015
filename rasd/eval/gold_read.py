"""Gold articles in the format of `shared/docs/gold-format.md`, read into offsets.

In: gold JSON Lines files, one article a line, whose spans are given as text +
occurrence. Out: `GoldArticle`s with every time, place and event span resolved
to character offsets into `text` (the first «أول من أمس» is occurrence 1); a
span that is not in the text is an error naming the file, line and article.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.doc import Doc
from rasd.errors import RasdError


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    text: str
    start_date: dt.date
    end_date: dt.date
    granularity: str


@dataclass(frozen=True, slots=True)
class GoldPlace:
    start: int
    end: int
    text: str
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    mode: str | None
    actor: str | None
    target: str | None
    modality: str
    start_date: dt.date
    end_date: dt.date
    place: GoldPlace | None  # the mention where it happened, with its coordinates
    evidence: str
    evidence_start: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    published: dt.date | None
    text: str
    title: str | None
    times: tuple[GoldTime, ...]
    places: tuple[GoldPlace, ...]
    events: tuple[GoldEvent, ...]

    def doc(self) -> Doc:
        """The Doc a system sees: the text and publication date, nothing of the gold."""
        return Doc(text=self.text, id=self.id, published=self.published, headline=self.title)


def find_occurrence(text: str, needle: str, occurrence: int) -> int:
    """Start offset of the `occurrence`-th (1-based, non-overlapping) `needle` in `text`.

    find_occurrence("أمس ثم أمس", "أمس", 2) == 7; -1 when there are fewer.
    """
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(needle, pos + 1 if pos < 0 else pos + len(needle))
        if pos < 0:
            return -1
    return pos


def _span(text: str, needle: str, occurrence: int, where: str) -> tuple[int, int]:
    start = find_occurrence(text, needle, occurrence)
    if start < 0:
        raise RasdError(
            f"{where}: «{needle}» occurrence {occurrence} is not in the text",
            hint="gold spans must be exact substrings of `text` (see docs/gold-format.md)",
        )
    return start, start + len(needle)


def _date(value: str | None, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise RasdError(f"{where}: bad date {value!r}", hint="dates are YYYY-MM-DD") from err


def parse_article(record: dict[str, Any], where: str = "gold") -> GoldArticle:
    """One gold JSON object → GoldArticle with every span resolved to offsets.

    {"text": "... أمس ...", "times": [{"text": "أمس", "occurrence": 1, ...}]} → GoldTime(start, end, ...)
    """
    text = record.get("text") or ""
    art_id = str(record.get("id") or where)
    where = f"{where} ({art_id})"
    published = _date(record["published"], where) if record.get("published") else None
    times = []
    for t in record.get("times") or []:
        start, end = _span(text, t["text"], t.get("occurrence", 1), where)
        times.append(
            GoldTime(
                start,
                end,
                t["text"],
                _date(t["start"], where),
                _date(t["end"], where),
                t.get("granularity") or "day",
            )
        )
    places = []
    for p in record.get("places") or []:
        start, end = _span(text, p["text"], p.get("occurrence", 1), where)
        places.append(
            GoldPlace(
                start,
                end,
                p["text"],
                p.get("geonameid"),
                p.get("name") or "",
                p.get("lat"),
                p.get("lon"),
            )
        )
    events = [_parse_event(e, text, places, where) for e in record.get("events") or []]
    return GoldArticle(
        art_id, published, text, record.get("title"), tuple(times), tuple(places), tuple(events)
    )


def _parse_event(e: dict[str, Any], text: str, places: list[GoldPlace], where: str) -> GoldEvent:
    place = None
    if e.get("place_text"):
        start, end = _span(text, e["place_text"], e.get("place_occurrence") or 1, where)
        # coordinates come from the gold place mention at the same span
        known = next((p for p in places if p.start == start and p.end == end), None)
        place = GoldPlace(
            start,
            end,
            e["place_text"],
            e.get("geonameid"),
            known.name if known else "",
            known.lat if known else None,
            known.lon if known else None,
        )
    evidence = e.get("evidence") or ""
    ev_start = text.find(evidence) if evidence else -1
    return GoldEvent(
        e["type"],
        e.get("mode"),
        e.get("actor"),
        e.get("target"),
        e.get("modality") or "asserted",
        _date(e["start"], where),
        _date(e["end"], where),
        place,
        evidence,
        ev_start if ev_start >= 0 else None,
    )


def read_gold(paths: Iterable[Path]) -> Iterator[GoldArticle]:
    """Gold articles of JSON Lines files, in order; a bad line is an error with its place.

    read_gold([Path("gold-dev/seed.jsonl")]) → the seed, its 7 times, 17 places, 9 events.
    """
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise RasdError(f"cannot read gold file {path}: {err.strerror}") from err
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise RasdError(f"{path}:{n}: not JSON ({err.msg})") from err
            try:
                article = parse_article(record, f"{path.name}:{n}")
            except (KeyError, TypeError) as err:
                raise RasdError(
                    f"{path}:{n}: gold record lacks a field or has a wrong type ({err})",
                    hint="see docs/gold-format.md for the fields of times, places and events",
                ) from err
            yield article
