"""Arguments of an event mention, for the events stage: actor, target, place and date.

In: one sentence's tokens, a trigger in it, and the sentence's actor, place
and time mentions from the earlier stages. Out: `Argument` records (actor,
target, places) and a (start, end) date.

- actor / target: who acts and who is acted on, read from word order — the
  actor nearest before a verb in its clause or, in verb-first clauses, the
  first after it in its clause; the one after «على»، «ضد»، «استهدف» or with the
  preposition ل («مواقع لقوات النظام»، «أهداف للتنظيم») is the target; «من قبل»،
  «على يد»، «شنتها» name the actor after a noun or a passive («تم اعتقال»، «قُتل»).
  Actors joined by و are one party («قوات النظام وحزب الله»), except for the
  reciprocal types, where they are the two sides («تعمل تركيا والولايات المتحدة»).
- place: the place mentions tied to the trigger — the first after it in its
  clause (with the places coordinated with it: «قرب حلب والرقة ودير الزور»),
  else the nearest before it; a country yields to a town named in the same clause.
- date: the time expression nearest the trigger, else the publication date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rasd.doc import ActorMention, Argument, PlaceMention, TimeMention, Token
from rasd.extract.triggers import Trigger
from rasd.text import normalize_search, search_keys


def _norms(*words: str) -> frozenset[str]:
    return frozenset(normalize_search(w) for w in words)


# Words after which the next actor is the agent: «من قبل»، «على يد»، «شنتها طائرات».
AGENT_MARKERS = _norms(
    "قبل", "يد", "أيدي", "شنتها", "شنها", "نفذتها", "نفذها", "مصدره", "مصدرها", "طائرات", "بواسطة"
)
# Words after which the next actor is the target.
TARGET_MARKERS = _norms(
    "على", "ضد", "إلى", "لمواقع", "مواقع", "استهدف", "استهدفت", "بحق", "ضدها", "تجاه"
)
# With a seizure, the actor after «من» is the one it was taken from.
SEIZED_FROM = _norms("من")
LED_BY = _norms("بقيادة", "بزعامة", "برئاسة")
AFFILIATED = _norms(
    "تابعون", "تابعين", "تابع", "تابعة", "التابع", "التابعة", "التابعين", "موالون", "موالين",
    "الموالية", "الموالي", "الموالين", "ينتمون", "المنتمين",
)  # fmt: skip
DEFECT_FROM = _norms("عن", "صفوف", "بصفوف")
# Words after which ل introduces a point of view, not whose positions were hit.
_LAM_FRAMES = _norms("بالنسبة", "وفقا", "طبقا", "تبعا", "نسبة") | AFFILIATED | LED_BY
PASSIVE_AUX = _norms("تم", "يتم", "سيتم", "جرى", "يجري", "تعرض", "تعرضت", "يتعرض", "تتعرض")
CLAUSE_BREAKS = frozenset("،,:;؛.")
# Coordinating material allowed between two places of one list.
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
# Verbal nouns whose genitive is the one who suffers: «مقتل ضابط»، «اغتيال القائد».
VICTIM_NOUNS = frozenset(
    search_keys(w)[0]
    for w in ("مقتل", "مصرع", "استشهاد", "اغتيال", "إصابة", "اعتقال", "اختطاف", "خطف")
)
CONTROL_WORDS = _norms("سيطرة", "عليها", "عليه")
# The dead and wounded «من» a side: that side is the target.
CASUALTY_NOUNS = _norms(
    "القتلى", "قتلى", "الجرحى", "جرحى", "الضحايا", "ضحايا", "المصابين", "مصابين"
)  # fmt: skip
# Strikes from afar (and unspecified ones): what they hit in a town hits its people.
STRIKE_MODES = frozenset({None, "aerial", "heavy-weapons"})
SETTLEMENTS = _norms(
    "قرية", "قريتي", "القرية", "قرى", "بلدة", "بلدتي", "البلدة", "بلدات", "مدينة", "المدينة",
    "مدينتي", "مدن", "مخيم", "المخيم", "حي", "الحي", "أحياء", "الأحياء",
)  # fmt: skip
LOCATIVES = _norms("في", "داخل", "قرب", "بالقرب", "محيط", "أطراف")
# Types whose two coordinated parties act on each other: «اتفاق بين الجيش والمسلحين».
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
ACTOR_WINDOW = 8
NEAR_WORDS = 2  # a town this close before a trigger says where it happened
PLACE_WINDOW_CHARS = 160


def actor_and_target(
    text: str,
    tokens: Sequence[Token],
    trigger: Trigger,
    actors: Sequence[ActorMention],
) -> tuple[Argument | None, Argument | None]:
    """Actor and target of the trigger among the sentence's actor mentions.

    «إن تنظيم داعش منع خروج عائلات فلسطينية» → (Islamic State, civilians).
    """
    heads = _heads_of_phrases(tokens, actors)
    if not heads:
        return None, None
    parties = _coordinated(text, tokens, heads)
    actor, target = _roles(tokens, trigger, list(parties))
    if trigger.type in RECIPROCAL and actor is not None and target is None:
        first, *others = parties[actor]
        if others:  # «تعمل تركيا والولايات المتحدة على وضع خطط»: one side, then the other
            return _arg(first), _arg(_joined(text, others))
    return _arg(actor), _arg(target)


def _roles(
    tokens: Sequence[Token], trigger: Trigger, actors: list[ActorMention]
) -> tuple[ActorMention | None, ActorMention | None]:
    trig_start, trig_end = trigger.start, trigger.end
    clause_start = _clause_start(tokens, trigger.first)
    before = [a for a in actors if clause_start <= a.start and a.end <= trig_start]
    # «غارات شنتها طائرات النظام»: a mention may begin inside the trigger.
    inside = [a for a in actors if trig_start <= a.start < trig_end]
    clause_end = _clause_end(tokens, trigger.last)
    # Who holds a place named after the trigger («تحت سيطرة تنظيم داعش») is neither role.
    after = [a for a in actors if a.start >= trig_end and not _holds_place(tokens, a)]
    after = after[:3]
    passive = _is_passive(tokens, trigger)
    agent = _marked(tokens, trigger, after, AGENT_MARKERS)
    marked_target = _marked(tokens, trigger, after + inside, TARGET_MARKERS)
    if marked_target is None:
        # «سقوط عشرات القتلى والجرحى من الحوثيين»: the dead are of the target's side
        marked_target = next((a for a in after if _casualties_of(tokens, a)), None)
    if marked_target is None and (trigger.type, trigger.mode) == ("COERCE", "seize"):
        # «استعادة السيطرة على باقي مدن البلاد من الانقلابيين»: taken from them
        marked_target = _marked(tokens, trigger, after, SEIZED_FROM)
    actor: ActorMention | None = None
    target: ActorMention | None = None
    if agent is not None:
        actor = agent
    elif passive:
        actor = None
    elif trigger.pos == "noun":
        # A verbal noun's genitive is its actor unless a preposition marks a target,
        # or the noun names what the genitive suffered («مقتل عناصر من الحزب»).
        near_after = [a for a in after if _gap_tokens(tokens, trig_end, a.start) <= 1]
        suffered = tokens[trigger.first].key in VICTIM_NOUNS
        if near_after and near_after[0] is not marked_target and not suffered:
            actor = near_after[0]
        elif before and _gap_tokens(tokens, before[-1].end, trig_start) <= ACTOR_WINDOW:
            actor = before[-1]
    else:
        if _subject_follows(tokens, trigger, after, marked_target):
            actor = after[0]  # verb-subject order: «وسيطر مقاتلون من المعارضة على حاجز»
        elif before and _gap_tokens(tokens, before[-1].end, trig_start) <= ACTOR_WINDOW:
            actor = before[-1]
        elif inside:
            actor = inside[0]
        elif (
            after
            and after[0] is not marked_target
            and after[0].end <= clause_end
            and _gap_tokens(tokens, trig_end, after[0].start) <= ACTOR_WINDOW
        ):
            actor = after[0]  # verb first: «قصفت قوات المعارضة قريتي نبل والزهراء»
    if marked_target is not None and marked_target is not actor:
        target = marked_target
    elif passive:
        target = before[-1] if before else (after[0] if after and after[0] is not actor else None)
    else:
        rest = [a for a in inside + after if a is not actor]
        town = struck_settlement(tokens, trigger)
        if (
            rest
            and rest[0].end <= clause_end
            and _gap_tokens(tokens, trig_end, rest[0].start) <= ACTOR_WINDOW
            and not (town and town.start < rest[0].start)  # «قصفت ... بلدات موالية»: its people
        ):
            target = rest[0]
    if trigger.type == "DEFECT":
        # Who defects leaves a group («انشقوا عنه»); the next actor named is where they go.
        target = _marked(tokens, trigger, after, DEFECT_FROM)
    if actor is not None and target is not None and actor.actor == target.actor:
        target = None
    return actor, target


def _subject_follows(
    tokens: Sequence[Token],
    trigger: Trigger,
    after: list[ActorMention],
    marked_target: ActorMention | None,
) -> bool:
    """Whether the actor right after a verb is its subject (Arabic verb-subject order).

    A verb agreeing in the plural («هاجموا»، «استهدفوا») has its subject before it,
    so the actor after it is its object.
    """
    if trigger.pos != "verb" or not after or after[0] is marked_target:
        return False
    verb = tokens[trigger.last].norm
    return not verb.endswith(("وا", "ون")) and _gap_tokens(tokens, trigger.end, after[0].start) == 0


def _coordinated(
    text: str, tokens: Sequence[Token], actors: list[ActorMention]
) -> dict[ActorMention, list[ActorMention]]:
    """Actors joined by و as one party, each with its conjuncts.

    «قوات النظام وحزب الله» → one mention "Syrian government forces and Hezbollah".
    """
    parties: dict[ActorMention, list[ActorMention]] = {}
    group: list[ActorMention] = []
    for mention in actors:
        if group and _joined_by_and(text, group[-1], mention):
            group.append(mention)
            continue
        if group:
            parties[_joined(text, group)] = group
        group = [mention]
    if group:
        parties[_joined(text, group)] = group
    return parties


def _joined_by_and(text: str, left: ActorMention, right: ActorMention) -> bool:
    # «قوات النظام وحزب الله»: the mention leaves out the proclitic و, so it is in the gap.
    return text[left.end : right.start].strip() == "و"


def _joined(text: str, group: list[ActorMention]) -> ActorMention:
    if len(group) == 1:
        return group[0]
    first, last = group[0], group[-1]
    names: list[str] = []
    for mention in group:
        if mention.actor not in names:
            names.append(mention.actor)
    return ActorMention(
        first.start,
        last.end,
        text[first.start : last.end],
        " and ".join(names),
        first.type,
        first.country if all(m.country == first.country for m in group) else None,
        "events:coordination",
    )


def struck_settlement(tokens: Sequence[Token], trigger: Trigger) -> Token | None:
    """The town, village or camp a strike hits, named in the trigger's clause after it.

    «كما قصفت قوات المعارضة في ريف حلب قريتي نبل والزهراء» → «قريتي»: the people who
    live there are the target. A settlement after «في» is where, not what, was hit.
    """
    if trigger.mode not in STRIKE_MODES:
        return None
    clause_end = _clause_end(tokens, trigger.last)
    previous = ""
    for token in tokens[trigger.last + 1 :]:
        if token.start >= clause_end:
            break
        bare = token.norm[1:] if token.norm[:1] in ("و", "ف") else token.norm
        if bare in SETTLEMENTS and previous not in LOCATIVES:
            return token
        previous = token.norm
    return None


def _heads_of_phrases(
    tokens: Sequence[Token], actors: Sequence[ActorMention]
) -> list[ActorMention]:
    """One actor per noun phrase: «قوات التحالف بقيادة الولايات المتحدة» is the coalition;
    «مسلحون تابعون لجماعة الحوثي» are the Houthis."""
    kept: list[ActorMention] = []
    for mention in actors:
        idx = _token_index(tokens, mention.start)
        word = tokens[idx - 1].norm if idx else ""
        if word in AFFILIATED and kept and kept[-1].source.endswith(":generic"):
            # «مسلحون تابعون لجماعة الحوثي»: the affiliation names who the generic
            # actor is; a named one keeps its name («قوات جيش الفتح التابع للمعارضة»).
            kept.pop()
        elif word in LED_BY or (word in AFFILIATED and kept):
            continue  # a modifier of the actor before it: «بقيادة الولايات المتحدة»
        kept.append(mention)
    return kept


def _arg(mention: ActorMention | None) -> Argument | None:
    if mention is None:
        return None
    return Argument(mention.actor, mention.start, mention.end, mention.text)


def _is_passive(tokens: Sequence[Token], trigger: Trigger) -> bool:
    word = tokens[trigger.first]
    # «قُتل»، «اُعتقل»: a damma on the first letter of the stem marks the passive.
    if "\u064f" in word.text[:3] and trigger.pos == "verb":
        return True
    return any(t.norm in PASSIVE_AUX for t in tokens[max(0, trigger.first - 2) : trigger.first])


def _marked(
    tokens: Sequence[Token],
    trigger: Trigger,
    candidates: Sequence[ActorMention],
    markers: frozenset[str],
) -> ActorMention | None:
    """The first candidate preceded (within two words) by one of `markers`.

    With the target markers, a candidate carrying the preposition ل is marked
    too: «مواقع لقوات النظام», «أهداف أخرى للتنظيم» name whose positions were hit.
    """
    for mention in candidates:
        idx = _token_index(tokens, mention.start)
        if idx is None:
            continue
        in_clause = mention.end <= _clause_end(tokens, trigger.last)
        if markers is TARGET_MARKERS and in_clause and _with_lam(tokens, idx, mention):
            return mention
        words = [t for t in tokens[trigger.first : idx] if t.kind == "word"][-2:]
        for token in [*words, tokens[idx]]:
            bare = token.norm[1:] if token.norm[:1] in ("و", "ف") else token.norm
            if token.norm in markers or bare in markers:
                return mention
    return None


def _holds_place(tokens: Sequence[Token], mention: ActorMention) -> bool:
    """«الواقعة تحت سيطرة تنظيم داعش», «التي تسيطر عليها ميليشيات مسلحة»."""
    idx = _token_index(tokens, mention.start)
    words = [t for t in tokens[:idx] if t.kind == "word"]
    return bool(words) and words[-1].norm in CONTROL_WORDS


def _casualties_of(tokens: Sequence[Token], mention: ActorMention) -> bool:
    """Whether the mention follows «القتلى/الجرحى من»: «عشرات القتلى من الحوثيين»."""
    idx = _token_index(tokens, mention.start)
    words = [t for t in tokens[:idx] if t.kind == "word"][-2:]
    if len(words) < 2 or words[1].norm != normalize_search("من"):
        return False
    dead = words[0].norm[1:] if words[0].norm[:1] == "و" else words[0].norm
    return dead in CASUALTY_NOUNS


def _with_lam(tokens: Sequence[Token], idx: int, mention: ActorMention) -> bool:
    """«لقوات النظام» (the mention starts after ل) or «للتنظيم» (it keeps the ل of لل),
    unless ل only frames the words before («بالنسبة للجهات المختصة»)."""
    token = tokens[idx]
    if idx and tokens[idx - 1].norm in _LAM_FRAMES:
        return False
    if mention.start > token.start:
        return normalize_search(token.text[: mention.start - token.start]).endswith("ل")
    return token.norm.startswith("لل")


def _token_index(tokens: Sequence[Token], offset: int) -> int | None:
    for i, token in enumerate(tokens):
        if token.start <= offset < token.end:
            return i
    return None


def _gap_tokens(tokens: Sequence[Token], start: int, end: int) -> int:
    return sum(1 for t in tokens if start <= t.start and t.end <= end and t.kind == "word")


def _clause_start(tokens: Sequence[Token], index: int) -> int:
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
    after = [
        p for p in places if p.start >= trigger.start and p.start - trigger.end < PLACE_WINDOW_CHARS
    ]
    clause_end = _clause_end(tokens, trigger.last)
    in_clause = [p for p in after if p.end <= clause_end] or after[:1]
    if in_clause:
        chosen = in_clause[0]
        if _is_country(chosen):
            # A country yields to a town of the clause after the trigger, or to one just
            # before it: «يتجمع آلاف الأشخاص في اسطنبول في مسيرة ... حزب كردي في تركيا».
            clause_start = _clause_start(tokens, trigger.first)
            towns_before = [
                p
                for p in places
                if clause_start <= p.start
                and p.end <= trigger.start
                and _gap_tokens(tokens, p.end, trigger.start) <= NEAR_WORDS
                and not _is_country(p)
            ]
            towns = [p for p in in_clause[1:] if not _is_country(p)] + towns_before[-1:]
            chosen = towns[0] if towns else chosen
        if tokens[trigger.last + 1 :] and _between(text, trigger, chosen):
            return [chosen]  # «الطريق بين الحجر الأسود والقدم»: one road, one place
        return _with_list(text, chosen, places)
    before = [p for p in places if p.end <= trigger.start]
    return [before[-1]] if before else []


def refers_back(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """Whether the trigger's clause names its place by a back-reference: «من المنطقة»، «هذه المدينة»."""
    following = tokens[trigger.last + 1 : trigger.last + 6]
    return any(t.norm in _PLACE_ANAPHORS or t.norm[1:] in _PLACE_ANAPHORS for t in following)


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


def _clause_end(tokens: Sequence[Token], index: int) -> int:
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
