"""The document model: one vocabulary for every stage, the store and the JSON output.

A `Doc` owns one clean body `text` that never changes after ingest. Every layer
added by a stage (tokens, sentences, entities, times, places, actors, events)
holds half-open `start`/`end` character offsets into that text, so
`doc.text[x.start:x.end] == x.text` holds for every record. A token such as
«وبالقلم» owns its clitic segments و + ب + القلم, each with its own offsets.

`Doc.to_json()` produces the JSON contract of `rasd extract`
(`shared/docs/design.md`): a field with no value is `null`, never omitted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class Segment:
    """A clitic segment of a token: role is "proclitic", "stem" or "enclitic"."""

    start: int
    end: int
    text: str
    role: str


@dataclass(slots=True, frozen=True)
class Token:
    """A token of the clean text.

    kind: word, number, punct, url, email, hashtag, mention, symbol.
    norm: the search-normalised form (no diacritics, unified alef, ...).
    key: the search key that inflections share (انشقاقات → انشقاق), "" for punctuation.
    segments: clitic segments (proclitics + stem + enclitics) for Arabic words;
    one stem segment for anything else.
    """

    start: int
    end: int
    text: str
    kind: str
    norm: str
    key: str
    segments: tuple[Segment, ...]

    @property
    def stem(self) -> Segment:
        for seg in self.segments:
            if seg.role == "stem":
                return seg
        return self.segments[0]


@dataclass(slots=True, frozen=True)
class Span:
    """A labelled stretch of the clean text (sentence, entity, evidence...)."""

    start: int
    end: int
    text: str
    label: str = ""
    source: str = ""  # the stage, rule or resource that produced it

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True, frozen=True)
class TimeMention:
    """A temporal expression resolved against the publication date.

    granularity: day, week, month, year or range. Dates are None when the
    expression could not be resolved (e.g. no publication date known).
    """

    start: int
    end: int
    text: str
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: str | None
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
            "granularity": self.granularity,
        }


@dataclass(slots=True, frozen=True)
class PlaceMention:
    """A toponym resolved to a gazetteer entry.

    precision follows ACLED: 1 the place itself, 2 part of / near it, 3 a larger region.
    geonameid is None for places not in GeoNames (lat/lon still give the best location).
    """

    start: int
    end: int
    text: str
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    precision: int
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "geonameid": self.geonameid,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision,
        }


@dataclass(slots=True, frozen=True)
class ActorMention:
    """A mention resolved to a canonical actor of the actor dictionary."""

    start: int
    end: int
    text: str
    actor: str
    type: str
    country: str | None = None
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor": self.actor,
            "type": self.type,
        }


@dataclass(slots=True, frozen=True)
class Argument:
    """An event argument: a canonical name (actor, place) and the words that name it."""

    name: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    precision: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end, "text": self.text}

    def place_json(self) -> dict[str, Any]:
        return {
            "geonameid": self.geonameid,
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "precision": self.precision,
        }


@dataclass(slots=True)
class Event:
    """A typed event with its arguments and the words that support it.

    type/mode: PLOVER type (plus DEFECT) and mode. modality: asserted, planned,
    negated or uncertain. evidence: every span that reports this happening.
    """

    type: str
    mode: str | None
    trigger: Span
    actor: Argument | None = None
    target: Argument | None = None
    place: Argument | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    attribution: Span | None = None
    modality: str = "asserted"
    killed: int | None = None
    injured: int | None = None
    evidence: list[Span] = field(default_factory=list)
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger.as_json(),
            "actor": self.actor.as_json() if self.actor else None,
            "target": self.target.as_json() if self.target else None,
            "place": self.place.place_json() if self.place else None,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
            "attribution": self.attribution.as_json() if self.attribution else None,
            "modality": self.modality,
            "killed": self.killed,
            "injured": self.injured,
            "evidence": self.evidence[0].as_json() if self.evidence else None,
            "evidence_all": [e.as_json() for e in self.evidence],
        }


@dataclass(slots=True, frozen=True)
class Problem:
    """Bad input recorded instead of raised: where, which stage, a code from rasd.errors."""

    path: str
    code: str
    message: str
    stage: str = "ingest"
    position: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "message": self.message,
            "stage": self.stage,
            "position": self.position,
        }


@dataclass(slots=True)
class Doc:
    """One article: page metadata, the clean body and the layers stages add to it."""

    text: str
    id: str = ""
    outlet: str | None = None
    section: str | None = None
    headline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None
    categories: tuple[str, ...] = ()
    language: str = "ar"
    source_path: str | None = None
    source_sha256: str | None = None
    # layers, filled by the stages of rasd.pipeline
    tokens: list[Token] | None = None
    sentences: list[Span] | None = None
    entities: list[Span] | None = None
    times: list[TimeMention] | None = None
    places: list[PlaceMention] | None = None
    actors: list[ActorMention] | None = None
    events: list[Event] | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of `rasd extract` (see shared/docs/design.md)."""
        return {
            "id": self.id,
            "outlet": self.outlet,
            "section": self.section,
            "headline": self.headline,
            "published": _iso(self.published),
            "url": self.url,
            "text": self.text,
            "entities": [
                {"start": e.start, "end": e.end, "text": e.text, "label": e.label}
                for e in self.entities or []
            ],
            "times": [t.as_json() for t in self.times or []],
            "places": [p.as_json() for p in self.places or []],
            "actors": [a.as_json() for a in self.actors or []],
            "events": [e.as_json() for e in self.events or []],
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
