"""Resolution of place candidates for the places stage: candidates in, PlaceMentions out.

In: the `Candidate`s of `rasd.extract.place_recognition` for one article,
its tokens and sentences, and the `Gazetteer`. Out: `rasd.doc.PlaceMention`s
with a GeoNames id (where the place has one), coordinates, country, admin1
and an ACLED-style precision: 1 the place itself, 2 part of or near it, 3 a
larger region (country, governorate, region).

Among places sharing a name, the trigger noun decides the kind («محافظة حلب»
is the governorate, bare «حلب» the city); then the article's focus country,
the hierarchy stated right after the name («في ريف إدlب»), nearness to the
places the article names unambiguously, and population, in that order of
weight. A lesser town named bare must be in the focus country or near
another place of the article. A name the gazetteer lacks, or whose entries
are all implausible although a trigger noun or NER says it is a place, falls
back to the place that contains it (the next named place in the sentence
after «في»/«بـ», else the previous one) with precision 2.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from rasd.doc import PlaceMention, Span, Token
from rasd.extract.gazetteer import AREA_KINDS, Gazetteer, Place, distance_km
from rasd.extract.place_recognition import (
    DIRECTIONS,
    RELATIVE_BEFORE,
    TRIGGERS,
    Candidate,
    key_of,
    word_forms,
)

# Adjectives after «العاصمة» that make it figurative: «العاصمة الاقتصادية لسورية».
_FIGURATIVE = frozenset({"الاقتصاديه", "الثقافيه", "السياسيه", "الاداريه", "التجاريه"})
# How far (tokens) a containing place may follow an unknown name: «كفر داعل التي … في ريف حلب».
_CONTAINER_WINDOW = 8
_HIERARCHY_WINDOW = 4
_CONTAINER_SENTENCES = 2
_SUPPORT_KM = 150.0
_IN_WORDS = frozenset({"في", "ضمن", "داخل", "قرب"})


def _options(c: Candidate) -> tuple[Place, ...]:
    """The places a candidate may be, given its trigger noun."""
    places = c.places
    if c.trigger == "area":
        chosen = [p for p in places if p.kind != "country"]  # «منطقة الجوف»: town or region
    elif c.trigger == "admin":
        chosen = [p for p in places if p.kind == "admin1"]
    elif c.trigger in ("city", "part"):
        chosen = [p for p in places if p.kind not in ("country", "admin1")]
    else:
        chosen = [p for p in places if p.kind == "country"] or [
            p for p in places if p.kind in ("city", "region", "feature")
        ]
    return tuple(chosen) or places


def _sentence_index(tokens: Sequence[Token], sentences: Sequence[Span] | None) -> list[int]:
    if not sentences:
        return [0] * len(tokens)
    out, s = [], 0
    for tok in tokens:
        while s + 1 < len(sentences) and tok.start >= sentences[s].end:
            s += 1
        out.append(s)
    return out


def focus_country(options: Sequence[tuple[Place, ...]]) -> str | None:
    """The country the article is about: most named among unambiguous mentions."""
    votes: Counter[str] = Counter()
    for opts in options:
        countries = {p.country for p in opts if p.country}
        if len(countries) == 1:
            votes[countries.pop()] += 1
    return votes.most_common(1)[0][0] if votes else None


def _contains(area: Place, place: Place) -> bool:
    if area.kind == "country":
        return area.country == place.country
    if area.kind == "admin1":
        return area.country == place.country and area.admin1 == place.admin1
    return False


def _score(
    place: Place,
    focus: str | None,
    anchors: Sequence[Place],
    stated: Sequence[Place],
) -> float:
    score = 0.3 * math.log10(place.population + 1)
    if focus and place.country == focus:
        score += 3.0
    if any(_contains(area, place) for area in stated):
        score += 4.0
    if place.kind not in AREA_KINDS and anchors:
        nearest = min(distance_km(place, a) for a in anchors)
        score += 2.0 if nearest < 50 else 1.0 if nearest < 300 else 0.0
    return score


def _supported(
    place: Place, gaz: Gazetteer, focus: str | None, anchors: Sequence[Place], vouched: bool
) -> bool:
    """A lesser place named bare must be near another place the article names (or, when
    it names none, in its focus country): «ودان» (a Libyan town, and "and condemned") in
    an article on Istanbul is a word; «حصيبة» near Ramadi is not the one on the border."""
    if gaz.known(place):
        return True
    others = [a for a in anchors if a is not place and a.kind != "region"]
    near = any(_contains(a, place) or distance_km(place, a) < _SUPPORT_KM for a in others)
    if vouched or not others:
        # a trigger noun says it is a place: its country may be enough
        return near or place.country == focus
    return near


def _mention(c: Candidate, place: Place, precision: int, source: str) -> PlaceMention:
    return PlaceMention(
        c.start,
        c.end,
        c.text,
        place.geonameid,
        place.name,
        place.lat,
        place.lon,
        place.country,
        place.admin1,
        precision,
        source,
    )


def _precision(c: Candidate, place: Place) -> int:
    if place.kind in AREA_KINDS:
        return 3
    return 2 if c.relative else 1


def resolve_places(
    cands: Sequence[Candidate],
    tokens: Sequence[Token],
    sentences: Sequence[Span] | None,
    gaz: Gazetteer,
) -> list[PlaceMention]:
    """Resolve one article's candidates (in text order, not overlapping) to places.

    «إلى القسم الشرقي من حي القدم … جنوب دمشق»: «دمشق» → Damascus (precision 2),
    «القدم» (not in the gazetteer) → Damascus, precision 2.
    """
    sent = _sentence_index(tokens, sentences)
    options = [_options(c) if c.places else () for c in cands]
    # Only well-known places and vouched names set the scene: a town read into a word
    # («بزوغ» → Zug) must not make its own country the focus or anchor itself.
    trusted = [
        o for c, o in zip(cands, options, strict=True)
        if o and (c.vouched or all(gaz.known(p) for p in o))
    ]  # fmt: skip
    focus = focus_country(trusted)
    anchors = [o[0] for o in trusted if len(o) == 1 and o[0].kind in ("city", "admin1", "region")]
    resolved: list[tuple[Place, int] | None] = [None] * len(cands)
    unsupported: dict[int, Place] = {}

    for n, c in enumerate(cands):
        if not options[n]:
            continue
        stated = [
            p
            for m in range(n + 1, len(cands))
            if cands[m].first - c.last <= _HIERARCHY_WINDOW
            and sent[cands[m].first] == sent[c.first]
            for p in options[m]
            if p.kind in ("admin1", "country")
        ]
        best = max(options[n], key=lambda p: _score(p, focus, anchors, stated))
        if c.source != "gazetteer" or _supported(best, gaz, focus, anchors, c.vouched):
            resolved[n] = (best, _precision(c, best))
        elif c.vouched:
            unsupported[n] = best  # a place, but maybe not this one: its container first

    _resolve_special(cands, tokens, gaz, focus, resolved)
    _resolve_unknown(cands, tokens, sent, resolved)
    for n, best in unsupported.items():
        if resolved[n] is None:
            resolved[n] = (best, _precision(cands[n], best))

    mentions = []
    for c, r in zip(cands, resolved, strict=True):
        if r is not None:
            mentions.append(_mention(c, r[0], r[1], f"places:{c.source}"))
    return mentions


def _resolve_special(
    cands: Sequence[Candidate],
    tokens: Sequence[Token],
    gaz: Gazetteer,
    focus: str | None,
    resolved: list[tuple[Place, int] | None],
) -> None:
    """«العاصمة» → the capital of the country named after it or of the focus country;
    «شمال البلاد» → the northern part of the focus country (or the country), precision 3."""
    for n, c in enumerate(cands):
        if c.source == "capital":
            nxt = tokens[c.last + 1].norm if c.last + 1 < len(tokens) else ""
            # «العاصمة صنعاء», «العاصمة المؤقتة عدن»: the named place says it all
            follows_place = n + 1 < len(cands) and cands[n + 1].first <= c.last + 2
            if follows_place or nxt in _FIGURATIVE:
                continue
            named = gaz.nationality(nxt)
            if named is None and c.last + 1 < len(tokens) and tokens[c.last + 1].kind == "word":
                forms = {f for _, f in word_forms(tokens[c.last + 1])}
                if len(forms) == 1 and not forms & gaz.common:
                    continue  # «في العاصمة جروزني»: a capital named by a name rasd lacks
            country = named or (gaz.countries.get(focus) if focus else None)
            capital = gaz.by_id.get(country.seat) if country and country.seat else None
            if capital is not None:
                resolved[n] = (capital, _precision(c, capital))
        elif c.source == "country-part":
            country = _beside_country(n, cands, tokens, resolved) if c.beside else focus
            if country is None:
                continue
            area = gaz.parts.get((country, c.part))
            if area is None and not c.beside:
                area = gaz.countries.get(country)
            if area is not None:
                resolved[n] = (area, 3)


def _beside_country(
    n: int,
    cands: Sequence[Candidate],
    tokens: Sequence[Token],
    resolved: Sequence[tuple[Place, int] | None],
) -> str | None:
    """The country of the place coordinated with candidate n: «الجنوب والبقاع» → LB."""
    c = cands[n]
    if n + 1 < len(cands):
        nxt = cands[n + 1]
        if nxt.first == c.last + 1 and tokens[nxt.first].norm[:1] == "و" and resolved[n + 1]:
            return resolved[n + 1][0].country  # type: ignore[index]
    if n > 0:
        prev = cands[n - 1]
        if prev.last == c.first - 1 and tokens[c.first].norm[:1] == "و" and resolved[n - 1]:
            return resolved[n - 1][0].country  # type: ignore[index]
    return None


def _resolve_unknown(
    cands: Sequence[Candidate],
    tokens: Sequence[Token],
    sent: Sequence[int],
    resolved: list[tuple[Place, int] | None],
) -> None:
    """Names the gazetteer lacks fall back to the place containing them, precision 2 (3 when
    that is a country or division); repeats of a name get what its first mention got."""
    learnt: dict[tuple[str, ...], tuple[Place, int]] = {}
    # Containers may themselves be unknown («منطقة المادنية في حي القدم»): a few passes,
    # each resolving what the previous one made resolvable.
    for _ in range(3):
        progress = False
        for n, c in enumerate(cands):
            if resolved[n] is not None or c.source in ("capital", "country-part"):
                continue
            if c.places and not c.vouched:
                continue  # a bare name whose places are all implausible here: not a place
            key = key_of(c)
            hit = learnt.get(key) or _container(n, cands, tokens, sent, resolved)
            if hit is None:
                continue
            place = hit[0]
            resolved[n] = (place, 3 if place.kind in AREA_KINDS else 2)
            learnt.setdefault(key, resolved[n])  # type: ignore[arg-type]
            progress = True
        if not progress:
            break


def _container(
    n: int,
    cands: Sequence[Candidate],
    tokens: Sequence[Token],
    sent: Sequence[int],
    resolved: Sequence[tuple[Place, int] | None],
) -> tuple[Place, int] | None:
    """The place an unknown name lies in: the next place in the sentence when a word
    says «in» («المادنية في حي القدم», «الجبل الشرقي في الزبداني»), else the nearest
    earlier place in the sentence («بين الحجر الأسود وبلدة يلدا»)."""
    c = cands[n]
    for m in range(n + 1, len(cands)):
        other = cands[m]
        if sent[other.first] != sent[c.first] or other.first - c.last > _CONTAINER_WINDOW:
            break
        if resolved[m] is not None and _says_in(tokens, other):
            return resolved[m]
    for m in range(n - 1, -1, -1):
        if sent[cands[m].first] != sent[c.first]:
            break
        if resolved[m] is not None and cands[m].source != "country-part":
            return resolved[m]
    # nothing in the sentence: the last town or district named in the two before it
    for m in range(n - 1, -1, -1):
        if sent[c.first] - sent[cands[m].first] > _CONTAINER_SENTENCES:
            break
        hit = resolved[m]
        if hit is not None and hit[0].kind in ("city", "admin1") and cands[m].source != "capital":
            return hit
    return None


def _says_in(tokens: Sequence[Token], c: Candidate) -> bool:
    """Whether the words before a place make it a container: «في», «ضمن», «بـ», «جنوب»…"""
    if c.start > tokens[c.first].start and tokens[c.first].norm[:1] == "ب":
        return True  # «بدمشق»
    k = c.first - 1
    if k >= 0 and c.trigger:
        if tokens[k].norm[:1] == "ب" and tokens[k].norm[1:] in TRIGGERS:
            return True  # «بريف», «بمدينة»
        k -= 1
    if k < 0 or tokens[k].kind != "word":
        return False
    norm = tokens[k].norm
    if norm in _IN_WORDS:
        return True
    bare = norm[1:] if norm[:1] in "بو" else norm
    return bare in RELATIVE_BEFORE or bare in DIRECTIONS  # «جنوب العاصمة», «بجنوب دمشق»
