"""Article-level scorer for gold in the format of `shared/docs/gold-format.md`.

In: gold articles (`gold_read.read_gold`: one article a line: `text`, `published`, `times`,
`places`, `events`, spans given as text + occurrence). Each article becomes a
`rasd.doc.Doc`, runs through a pipeline, and its `times`, `places` and `events`
layers are matched to the gold:

- times: a system time overlapping a gold span is correct when its start and
  end dates equal the gold's;
- places: a system place overlapping a gold span is correct when its GeoNames
  id equals the gold id or, where the gold id is null, lies within 10 km;
- events: a system event matches a gold event when the type is equal, the
  dates overlap (±1 day) and the places agree (same id, within 25 km, or both
  absent); actor, target and modality are scored over matched pairs.

Out: a `GoldReport` with micro-averaged counts, per-article errors and
`as_json()`. Rendering is left to the CLI (`rasd eval gold`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.doc import Doc, Event, PlaceMention, TimeMention
from rasd.eval.gold_read import (
    GoldArticle,
    GoldEvent,
    GoldPlace,
    GoldTime,
    find_occurrence,
    parse_article,
    read_gold,
)

__all__ = [
    "GoldArticle",
    "GoldEvent",
    "GoldPlace",
    "GoldReport",
    "GoldTime",
    "distance_km",
    "events_match",
    "find_occurrence",
    "parse_article",
    "read_gold",
    "score_events",
    "score_gold",
    "score_places",
    "score_times",
]

PLACE_KM = 10.0  # a place with a null gold id is right within this distance
EVENT_PLACE_KM = 25.0  # event places agree within this distance
EVENT_DAYS = 1  # event dates may miss each other by this many days

# Replaces the times layer of a processed Doc (the dateparser baseline).
TimeResolver = Callable[[Doc], list[TimeMention]]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine): Damascus–Aleppo ≈ 310 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class SpanScore:
    """Times or places: `found` gold spans overlapped by a system span, `right` also
    resolved right (for times the gold-format's "exact": right start and end)."""

    right_name: str  # what `right` is called in the metrics: "exact" or "accuracy"
    gold: int = 0
    system: int = 0
    system_hit: int = 0  # system spans overlapping some gold span
    found: int = 0
    right: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: SpanScore) -> None:
        self.gold += other.gold
        self.system += other.system
        self.system_hit += other.system_hit
        self.found += other.found
        self.right += other.right
        self.errors += other.errors

    def metrics(self) -> dict[str, Any]:
        p, r = _ratio(self.system_hit, self.system), _ratio(self.found, self.gold)
        return {
            "gold": self.gold,
            "system": self.system,
            "precision": p,
            "recall": r,
            "f1": _f1(p, r),
            self.right_name: _ratio(self.right, self.gold),
            f"{self.right_name}_of_found": _ratio(self.right, self.found),
        }


def _score_spans(
    article: GoldArticle,
    gold: Sequence[GoldTime] | Sequence[GoldPlace],
    system: Sequence[TimeMention] | Sequence[PlaceMention],
    is_right: Callable[[Any, Any], bool],
    describe: Callable[[Any], str],
    right_name: str,
) -> SpanScore:
    """Match system spans to gold spans by overlap; record misses, wrong values and
    false alarms with their context."""
    score = SpanScore(right_name, gold=len(gold), system=len(system))
    for g in gold:
        hits = [x for x in system if _overlaps(g.start, g.end, x.start, x.end)]
        right = any(is_right(g, x) for x in hits)
        score.found += bool(hits)
        score.right += right
        if not right:
            score.errors.append(
                {
                    "article": article.id,
                    "kind": "wrong" if hits else "missed",
                    "text": g.text,
                    "start": g.start,
                    "gold": describe(g),
                    "system": [f"{x.text} {describe(x)}" for x in hits],
                    "context": _context(article.text, g.start, g.end),
                }
            )
    for x in system:
        if any(_overlaps(g.start, g.end, x.start, x.end) for g in gold):
            score.system_hit += 1
        else:
            score.errors.append(
                {
                    "article": article.id,
                    "kind": "false alarm",
                    "text": x.text,
                    "start": x.start,
                    "gold": None,
                    "system": [describe(x)],
                    "context": _context(article.text, x.start, x.end),
                }
            )
    return score


def _dates(x: GoldTime | TimeMention) -> str:
    return f"{x.start_date}..{x.end_date}"


def score_times(article: GoldArticle, times: list[TimeMention]) -> SpanScore:
    """Match one article's system times to its gold times.

    Gold «أول من أمس» 2018-03-09: a system «أمس» over it with 2018-03-10 is found, not exact.
    """
    return _score_spans(
        article,
        article.times,
        times,
        lambda g, t: (t.start_date, t.end_date) == (g.start_date, g.end_date),
        _dates,
        "exact",
    )


def _place_right(g: GoldPlace, p: PlaceMention) -> bool:
    if g.geonameid is not None:
        return p.geonameid == g.geonameid
    if None in (g.lat, g.lon, p.lat, p.lon):
        return False
    return distance_km(g.lat, g.lon, p.lat, p.lon) <= PLACE_KM  # type: ignore[arg-type]


def _place(x: GoldPlace | PlaceMention) -> str:
    return f"{x.geonameid} {x.name} ({x.lat}, {x.lon})"


def score_places(article: GoldArticle, places: list[PlaceMention]) -> SpanScore:
    """Match one article's system places to its gold place mentions.

    Gold «حي القدم» (no id, 33.468, 36.288): a system place over it within 10 km is right.
    """
    return _score_spans(article, article.places, places, _place_right, _place, "accuracy")


@dataclass(slots=True)
class EventScore:
    """Events: one-to-one matches, and argument agreement over the matched pairs."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    actor: int = 0
    target: int = 0
    modality: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: EventScore) -> None:
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched
        self.actor += other.actor
        self.target += other.target
        self.modality += other.modality
        self.errors += other.errors

    def metrics(self) -> dict[str, Any]:
        p, r = _ratio(self.matched, self.system), _ratio(self.matched, self.gold)
        return {
            "gold": self.gold,
            "system": self.system,
            "precision": p,
            "recall": r,
            "f1": _f1(p, r),
            "actor_accuracy": _ratio(self.actor, self.matched),
            "target_accuracy": _ratio(self.target, self.matched),
            "modality_accuracy": _ratio(self.modality, self.matched),
        }


def _places_agree(g: GoldPlace | None, e: Event) -> bool:
    p = e.place
    if g is None or p is None:
        return g is None and p is None
    if g.geonameid is not None and p.geonameid == g.geonameid:
        return True
    if None in (g.lat, g.lon, p.lat, p.lon):
        return False
    return distance_km(g.lat, g.lon, p.lat, p.lon) <= EVENT_PLACE_KM  # type: ignore[arg-type]


def events_match(g: GoldEvent, e: Event) -> bool:
    """Type equal, dates overlapping within ±1 day, places agreeing."""
    if e.type != g.type or e.start_date is None:
        return False
    e_end = e.end_date or e.start_date
    slack = dt.timedelta(days=EVENT_DAYS)
    if e.start_date > g.end_date + slack or e_end < g.start_date - slack:
        return False
    return _places_agree(g.place, e)


def _same_name(gold: str | None, system: str | None) -> bool:
    # an absent argument and "unknown" say the same thing
    def norm(name: str | None) -> str:
        return (name or "unknown").strip().casefold()

    return norm(gold) == norm(system)


def _affinity(g: GoldEvent, e: Event) -> tuple[bool, int, int]:
    """Pairing preference: reported by the same words, then the same arguments."""
    overlap = 0
    if g.evidence_start is not None:
        g_end = g.evidence_start + len(g.evidence)
        for s in (e.trigger, *e.evidence):
            overlap += max(0, min(g_end, s.end) - max(g.evidence_start, s.start))
    agree = (
        _same_name(g.actor, e.actor.name if e.actor else None)
        + _same_name(g.target, e.target.name if e.target else None)
        + (g.modality == e.modality)
    )
    return overlap > 0, agree, overlap


def _match_pairs(gold: tuple[GoldEvent, ...], system: list[Event]) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths), candidates tried by affinity."""
    options = [
        sorted(
            (j for j, e in enumerate(system) if events_match(g, e)),
            key=lambda j, g=g: _affinity(g, system[j]),
            reverse=True,
        )
        for g in gold
    ]
    owner: dict[int, int] = {}  # system index -> gold index

    def assign(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        assign(i, set())
    return {i: j for j, i in owner.items()}


def score_events(article: GoldArticle, events: list[Event]) -> EventScore:
    """Match one article's system events to its gold events, one to one.

    Gold DEFECT «انشقوا» at «حي القدم» on 2018-03-10: a system DEFECT there on 03-11 matches.
    """
    score = EventScore(gold=len(article.events), system=len(events))
    pairs = _match_pairs(article.events, events)
    for i, g in enumerate(article.events):
        j = pairs.get(i)
        if j is None:
            score.errors.append(
                {
                    "article": article.id,
                    "kind": "missed",
                    "gold": _gold_event_line(g),
                    "system": None,
                    "evidence": g.evidence,
                }
            )
            continue
        e = events[j]
        actor, target = (e.actor.name if e.actor else None), (e.target.name if e.target else None)
        checks = [
            ("actor", g.actor, actor, _same_name(g.actor, actor)),
            ("target", g.target, target, _same_name(g.target, target)),
            ("modality", g.modality, e.modality, g.modality == e.modality),
        ]
        score.matched += 1
        score.actor += checks[0][3]
        score.target += checks[1][3]
        score.modality += checks[2][3]
        wrong = [f"{what}: gold {gv!r}, system {sv!r}" for what, gv, sv, ok in checks if not ok]
        if wrong:
            score.errors.append(
                {
                    "article": article.id,
                    "kind": "wrong arguments",
                    "gold": _gold_event_line(g),
                    "system": "; ".join(wrong),
                    "evidence": g.evidence,
                }
            )
    matched_system = set(pairs.values())
    for j, e in enumerate(events):
        if j not in matched_system:
            score.errors.append(
                {
                    "article": article.id,
                    "kind": "false alarm",
                    "gold": None,
                    "system": _system_event_line(e),
                    "evidence": e.evidence[0].text if e.evidence else e.trigger.text,
                }
            )
    return score


def _gold_event_line(g: GoldEvent) -> str:
    place = f"{g.place.text} {g.place.geonameid}" if g.place else "-"
    return f"{g.type} {g.actor} → {g.target} @ {place} {g.start_date}..{g.end_date} {g.modality}"


def _system_event_line(e: Event) -> str:
    place = f"{e.place.text or e.place.name} {e.place.geonameid}" if e.place else "-"
    actor = e.actor.name if e.actor else None
    target = e.target.name if e.target else None
    return f"{e.type} {actor} → {target} @ {place} {e.start_date}..{e.end_date} {e.modality}"


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"{left}[{text[start:end]}]{right}".replace("\n", " ")


@dataclass(slots=True)
class GoldReport:
    """Micro-averaged scores over all articles; `baseline` holds the alternative times scores."""

    articles: int = 0
    times: SpanScore = field(default_factory=lambda: SpanScore("exact"))
    places: SpanScore = field(default_factory=lambda: SpanScore("accuracy"))
    events: EventScore = field(default_factory=EventScore)
    baseline_name: str | None = None
    baseline_times: SpanScore | None = None

    def as_json(self, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles,
            "times": self.times.metrics(),
            "places": self.places.metrics(),
            "events": self.events.metrics(),
        }
        if self.baseline_times is not None:
            out["baseline"] = {"name": self.baseline_name, "times": self.baseline_times.metrics()}
        if errors:
            out["errors"] = {
                "times": self.times.errors,
                "places": self.places.errors,
                "events": self.events.errors,
            }
            if self.baseline_times is not None:
                out["errors"]["baseline_times"] = self.baseline_times.errors
        return out


def score_gold(
    articles: Iterable[GoldArticle],
    run: Callable[[Doc], Doc],
    baseline: tuple[str, TimeResolver] | None = None,
) -> GoldReport:
    """Run `run` (a pipeline) on each gold article and score its times, places and events.

    baseline: (name, resolver) whose times are scored beside the system's.
    """
    report = GoldReport()
    if baseline is not None:
        report.baseline_name = baseline[0]
        report.baseline_times = SpanScore("exact")
    for article in articles:
        doc = run(article.doc())
        report.articles += 1
        report.times.add(score_times(article, doc.times or []))
        report.places.add(score_places(article, doc.places or []))
        report.events.add(score_events(article, doc.events or []))
        if baseline is not None and report.baseline_times is not None:
            report.baseline_times.add(score_times(article, baseline[1](doc)))
    return report
