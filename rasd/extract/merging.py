"""Merging event mentions into happenings, for the events stage.

In: the event mentions of one article in text order (one per trigger and
place). Out: one `Event` per happening — mentions of the same type whose
places, actors and dates agree are merged, keeping every evidence span and
filling each field from whichever mention states it. Strikes on two towns
stay two events; a strike reported in three sentences becomes one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rasd.doc import Argument, Event

DATE_SLACK = dt.timedelta(days=1)
# (mode, a mode that refines it): a suicide bombing is an explosion, told twice as
# «فجرت فتاة نفسها» and «كمفجرين انتحاريين».
REFINED_BY = frozenset({("explosives", "suicide-attack")})
# Statements: a speaker's words repeated or quoted («أدانت الولايات المتحدة الهجمات» then
# «إن الولايات المتحدة «تدين بشدة الهجمات»») are one statement wherever each is placed.
STATEMENTS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN"})


@dataclass
class Mention:
    """An event mention, whether its date came from the text (not the publication date),
    the country of its place, and whether its actor was carried over from an earlier
    sentence rather than named in its own."""

    event: Event
    explicit_date: bool
    sentence: int
    country: str | None = None
    carried_actor: bool = False
    # A noun naming the happening with no date of its own («اتفاق المصالحة»): it can
    # refer back to one reported before, whatever its own sentence's modality.
    re_mention: bool = False


def merge_mentions(mentions: list[Mention]) -> list[Event]:
    """Merge mentions of the same happening.

    «انشقاقات في صفوف داعش» + «انشقوا عنه ولجؤوا إلى حي القدم» → one DEFECT event.
    """
    merged: list[Mention] = []
    for mention in mentions:
        for kept in merged:
            if _same_happening(kept, mention):
                _absorb(kept, mention)
                break
        else:
            merged.append(mention)
    return _drop_broad(merged)


def _drop_broad(merged: list[Mention]) -> list[Event]:
    """Fold a country-level mention into a same-type event placed in a town or governorate
    of that country.

    «19 غارة في سوريا والعراق» then «قرب مدينة الحسكة»: Syria is the summary, while
    Iraq, with no town of its own named, stays an event.
    """
    kept: list[Mention] = []
    for mention in merged:
        event = mention.event
        if event.place is not None and _broad(event.place):
            specific = next(
                (
                    m
                    for m in merged
                    if m.event.type == event.type
                    and m.event.place is not None
                    and not _broad(m.event.place)
                    and m.event.modality == event.modality
                    and m.country == mention.country
                ),
                None,
            )
            if specific is not None:
                specific.event.evidence.extend(event.evidence)
                continue
        kept.append(mention)
    return [m.event for m in kept]


def _broad(place: Argument) -> bool:
    # Countries (and regions) carry no first-level division.
    return not place.admin1 or place.admin1 == "00"


def _same_happening(a: Mention, b: Mention) -> bool:
    x, y = a.event, b.event
    if x.type != y.type or not _compatible_modes(x.mode, y.mode):
        return False
    if not _same_place(x.place, y.place) and not _same_speaker(a, b):
        return False
    if a.sentence != b.sentence:
        if x.modality != y.modality and not b.re_mention:
            return False
        if not (a.carried_actor or b.carried_actor or _compatible(x.actor, y.actor)):
            return False
        if a.explicit_date and b.explicit_date and not _dates_overlap(x, y):
            return False
    return True


def _same_place(p: Argument | None, q: Argument | None) -> bool:
    if p is None or q is None:
        # An unplaced mention is usually a re-mention («الهجوم») of a placed one.
        return True
    if p.geonameid is not None and p.geonameid == q.geonameid:
        return True
    return p.name == q.name


def _same_speaker(a: Mention, b: Mention) -> bool:
    x, y = a.event, b.event
    return (
        x.type in STATEMENTS
        and x.actor is not None
        and y.actor is not None
        and x.actor.name == y.actor.name
        and not (a.carried_actor or b.carried_actor)
        and _compatible(x.target, y.target)
    )


def _compatible_modes(m: str | None, n: str | None) -> bool:
    return not (m and n) or m == n or (m, n) in REFINED_BY or (n, m) in REFINED_BY


def _compatible(p: Argument | None, q: Argument | None) -> bool:
    return p is None or q is None or p.name == q.name


def _dates_overlap(x: Event, y: Event) -> bool:
    if None in (x.start_date, y.start_date):
        return True
    x_end = x.end_date or x.start_date
    y_end = y.end_date or y.start_date
    return x.start_date <= y_end + DATE_SLACK and y.start_date <= x_end + DATE_SLACK  # type: ignore[operator]


def _absorb(kept: Mention, other: Mention) -> None:
    x, y = kept.event, other.event
    x.evidence.extend(e for e in y.evidence if e not in x.evidence)
    if x.mode is None or (x.mode, y.mode) in REFINED_BY:
        x.mode = y.mode
    if x.actor is None or (kept.carried_actor and y.actor and not other.carried_actor):
        x.actor = y.actor  # an actor named in its own sentence beats a carried one
        kept.carried_actor = other.carried_actor
    x.target = x.target or y.target
    x.place = x.place or y.place
    x.attribution = x.attribution or y.attribution
    x.killed = x.killed if x.killed is not None else y.killed
    x.injured = x.injured if x.injured is not None else y.injured
    if other.explicit_date and not kept.explicit_date:
        x.start_date, x.end_date = y.start_date, y.end_date
        kept.explicit_date = True
