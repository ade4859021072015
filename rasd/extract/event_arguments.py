"""Places and date of an event mention, for the events stage (its actor and target
are in event_roles.py).

In: one sentence's tokens, a trigger in it, and the sentence's place and time
mentions from the earlier stages. Out: the place mentions tied to the trigger
(`place_argument` makes them `Argument` records) and a (start, end) date.

- place: the place mentions tied to the trigger — the first after it in its
  clause (with the places coordinated with it: «قرب حلب والرقة ودير الزور»,
  «قاعدة العند العسكرية ومحافظة لحج»), else the nearest before it; a country
  yields to a town named in the same clause after the trigger or just before it.
  Diplomacy happens where a preposition puts it («في جنيف», «بالعاصمة الرياض»):
  a capital or country named bare is a party («أنقرة وواشنطن متفقتان», «مع
  تركيا»), except where a visit goes («زار القاهرة»).
- date: the time expression nearest the trigger, else the publication date.

The clause helpers (`clause_start_of`, `clause_end_of`, `gap_words`, `token_index`)
are shared with event_roles.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rasd.doc import Argument, PlaceMention, TimeMention, Token
from rasd.extract.triggers import Trigger
from rasd.text import normalize_search


def _norms(*words: str) -> frozenset[str]:
    return frozenset(normalize_search(w) for w in words)


CLAUSE_BREAKS = frozenset("،,:;؛.")
# Words that may stand between two places of one list: «السدة وحزم العديد وأجزاء من منطقة الرضمة».
_LIST_GLUE = frozenset(
    normalize_search(w)
    for w in (
        "و", "،", ",", "من", "أجزاء", "بلدة", "مدينة", "قرية", "منطقة", "بلدتي", "قريتي",
        "مدينتي", "منطقتي", "حي", "مخيم", "محافظة", "قاعدة",
    )
)  # fmt: skip
_CONTAINER_CUES = tuple(normalize_search(w) for w in ("ريف", "محافظة", "ولاية", "إقليم", "قضاء"))
_PLACE_ANAPHORS = frozenset(
    normalize_search(w) for w in ("المنطقة", "المدينة", "البلدة", "القرية", "الحي", "المخيم")
)
_MANY_PLACES = frozenset(
    normalize_search(w)
    for w in ("المدن", "مدن", "الأحياء", "أحياء", "البلدات", "القرى", "المناطق", "المحافظات")
)
NEAR_WORDS = 2  # a town this close before a trigger says where it happened
# Types between governments: a place is their venue only after a locative preposition.
DIPLOMATIC_TYPES = frozenset(
    {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID", "SANCTION", "CONCEDE"}
)
_VENUE_PREPOSITIONS = _norms("في", "إلى", "داخل", "قرب")
# Prepositions before a party, not a venue: «مع تركيا», «بين أنقرة وواشنطن».
_PARTY_PREPOSITIONS = _norms("مع", "بين", "على", "ضد", "عن", "لدى", "تجاه")
_PLACE_NOUNS = _norms("العاصمة", "المدينة", "المحافظة", "المنطقة", "الولاية", "القصر", "المقر")
LOCATIVE_WINDOW = 6  # tokens searched back from a place for its preposition
_COMPLEMENTISERS = _norms("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه")
PLACE_WINDOW_CHARS = 160


def token_index(tokens: Sequence[Token], offset: int) -> int | None:
    """Index of the token holding the character at `offset`."""
    for i, token in enumerate(tokens):
        if token.start <= offset < token.end:
            return i
    return None


def gap_words(tokens: Sequence[Token], start: int, end: int) -> int:
    """Number of words between two offsets (punctuation not counted)."""
    return sum(1 for t in tokens if start <= t.start and t.end <= end and t.kind == "word")


def clause_start_of(tokens: Sequence[Token], index: int) -> int:
    """Offset where the clause of token `index` begins (after «،», «:», «.» ...)."""
    for i in range(index - 1, -1, -1):
        if tokens[i].kind == "punct" and tokens[i].text in CLAUSE_BREAKS:
            return tokens[i].end
    return tokens[0].start if tokens else 0


def places_for(
    text: str, tokens: Sequence[Token], trigger: Trigger, places: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """The places where the trigger's event happened (several for a coordinated list).

    «استهدفت الهجمات أهدافا قرب حلب والرقة ودير الزور» → [حلب, الرقة, دير الزور].
    """
    if not places:
        return []
    places = [p for p in places if not _is_container(text, p, places)]
    if trigger.type in DIPLOMATIC_TYPES and trigger.mode != "visit":
        places = [p for p in places if _in_locative_phrase(text, tokens, p)]
    after = [
        p for p in places if p.start >= trigger.start and p.start - trigger.end < PLACE_WINDOW_CHARS
    ]
    clause_end = clause_end_of(tokens, trigger.last)
    in_clause = [p for p in after if p.end <= clause_end] or after[:1]
    if in_clause:
        chosen = in_clause[0]
        if _is_country(chosen):
            # A country yields to a town of the clause after the trigger, or to one just
            # before it: «يتجمع آلاف الأشخاص في اسطنبول في مسيرة ... حزب كردي في تركيا».
            clause_start = clause_start_of(tokens, trigger.first)
            towns_before = [
                p
                for p in places
                if clause_start <= p.start
                and p.end <= trigger.start
                and gap_words(tokens, p.end, trigger.start) <= NEAR_WORDS
                and not _is_country(p)
            ]
            towns = [p for p in in_clause[1:] if not _is_country(p)] + towns_before[-1:]
            chosen = towns[0] if towns else chosen
        if tokens[trigger.last + 1 :] and _between(text, trigger, chosen):
            return [chosen]  # «الطريق بين الحجر الأسود والقدم»: one road, one place
        return _with_list(text, chosen, places)
    before = [p for p in places if p.end <= trigger.start]
    if trigger.type in DIPLOMATIC_TYPES:
        # «وفي واشنطن قال مسؤولون إن مناقشات تجري»: where it was said, not where they talk.
        before = [p for p in before if not _reported_after(tokens, p.end, trigger.start)]
    return [before[-1]] if before else []


def names_many_places(tokens: Sequence[Token]) -> bool:
    """Whether the sentence speaks of towns in general: «العديد من المدن والأحياء السورية»."""
    return any(t.norm in _MANY_PLACES or t.norm[1:] in _MANY_PLACES for t in tokens)


def refers_back(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """Whether the trigger's clause names its place by a back-reference: «من المنطقة»، «هذه المدينة»."""
    following = tokens[trigger.last + 1 : trigger.last + 6]
    return any(t.norm in _PLACE_ANAPHORS or t.norm[1:] in _PLACE_ANAPHORS for t in following)


def _in_locative_phrase(text: str, tokens: Sequence[Token], place: PlaceMention) -> bool:
    """Whether a preposition puts the place: «في جنيف», «بالعاصمة الرياض», «لقطر», «في
    القسم الشرقي من حي القدم»; not «أنقرة وواشنطن متفقتان» nor «مع تركيا»."""
    idx = token_index(tokens, place.start)
    if idx is None:
        return False
    # A proclitic inside the place's own token: «بجنيف», «لقطر», «وبالرياض».
    if normalize_search(text[tokens[idx].start : place.start]).lstrip("وف")[:1] in ("ب", "ل"):
        return True
    for token in reversed(tokens[max(0, idx - LOCATIVE_WINDOW) : idx]):
        if token.kind == "punct" and token.text in CLAUSE_BREAKS:
            return False
        norm = token.norm
        bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 2 else norm
        if bare in _VENUE_PREPOSITIONS:
            return True
        if bare in _PARTY_PREPOSITIONS:
            return False
        if bare[:1] == "ب" and (bare[1:] in _PLACE_NOUNS or "ال" + bare[1:] in _PLACE_NOUNS):
            return True  # the place noun carries it: «بمدينة جدة», «بالعاصمة»
    return False


def _reported_after(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a reported clause begins between two offsets («قال مسؤولون إن ...»)."""
    return any(start <= t.start < end and t.norm in _COMPLEMENTISERS for t in tokens)


def _is_container(text: str, place: PlaceMention, places: Sequence[PlaceMention]) -> bool:
    """«منبج بريف حلب»: حلب only says where منبج is; the event is in منبج."""
    lead = normalize_search(text[max(0, place.start - 12) : place.start])
    if not any(cue in lead for cue in _CONTAINER_CUES):
        return False
    return any(0 <= place.start - q.end <= 25 for q in places if q is not place)


def _between(text: str, trigger: Trigger, place: PlaceMention) -> bool:
    return normalize_search("بين") in normalize_search(text[trigger.end : place.start]).split()


def _with_list(
    text: str, first: PlaceMention, places: Sequence[PlaceMention]
) -> list[PlaceMention]:
    chosen = [first]
    later = [p for p in places if p.start >= first.end]
    for place in later:
        glue = normalize_search(text[chosen[-1].end : place.start]).replace("،", " ، ").split()
        if not all(_is_list_glue(w) for w in glue):
            break
        chosen.append(place)
    return chosen


def _is_list_glue(word: str) -> bool:
    """«و», «،», a place noun («ومحافظة») or a nisba adjective of the one before it
    («قاعدة العند العسكرية الاستراتيجية ومحافظة لحج»)."""
    bare = word[1:] if word[:1] == "و" else word
    return bare in _LIST_GLUE or word in _LIST_GLUE or (word[:2] == "ال" and word[-2:] == "يه")


def _is_country(place: PlaceMention) -> bool:
    # Countries carry no first-level division; a governorate or town does.
    return not place.admin1 or place.admin1 == "00"


def clause_end_of(tokens: Sequence[Token], index: int) -> int:
    """Offset where the clause of token `index` ends."""
    for token in tokens[index + 1 :]:
        if token.kind == "punct" and token.text in CLAUSE_BREAKS:
            return token.start
    return tokens[-1].end if tokens else 0


def place_argument(place: PlaceMention) -> Argument:
    return Argument(
        place.name,
        place.start,
        place.end,
        place.text,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        precision=place.precision,
    )


def date_for(
    trigger: Trigger, times: Sequence[TimeMention], published: dt.date | None
) -> tuple[dt.date | None, dt.date | None, bool]:
    """(start, end, explicit) of the event: the resolved time nearest the trigger, else published.

    «انشقوا ... أمس» (published 2018-03-11) → (2018-03-10, 2018-03-10, True).
    """
    dated = [t for t in times if t.start_date is not None]
    if not dated:
        return published, published, False
    nearest = min(dated, key=lambda t: _distance(trigger, t))
    return nearest.start_date, nearest.end_date or nearest.start_date, True


def _distance(trigger: Trigger, time: TimeMention) -> int:
    if time.end <= trigger.start:
        return trigger.start - time.end
    if time.start >= trigger.end:
        return time.start - trigger.end
    return 0
