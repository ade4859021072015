"""Roles of an event mention, for the events stage: its actor and its target.

In: one sentence's text and tokens, a trigger in it, and the sentence's actor
mentions (rasd.extract.actors). Out: two `Argument` records (or None), read
from Arabic word order and function words:

- actor: the subject — nearest before a verb in its clause, or right after a
  singular verb (verb-subject order: «وسيطر مقاتلون من المعارضة»; a plural verb,
  «استهدفوا», has its subject before it), or the genitive of a verbal noun
  («هجوم داعش», not of a noun of suffering: «مقتل عناصر حزب الله» is the target);
  «من قبل»، «على يد»، «شنتها» name it after a noun or a passive («تم اعتقال»، «قُتل»),
  as do the owner right after an attack noun («ثلاث غارات لطيران التحالف») and
  whoever it is ascribed to («هجوما ... نسبته الحكومة إلى تنظيم داعش»). Not the
  subject of «شهدت» (a place: «شهدت تركيا هجوما»), nor the side of the dead
  («معظمهم من قوات الأمن في هجوم»), nor civilians in an attack.
- target: the one after «على»، «ضد»، «إلى»، «استهدف», the positions hit («تجمعات
  الانقلابيين»، «دفاعات ميليشيات الحوثي»), or with ل («مواقع لقوات النظام», not
  «بالنسبة للجهات المختصة»), the side «من» which the dead are («عشرات القتلى من
  الحوثيين»، «بينهم القيادي»), what a seizure is taken «من»; else the next actor
  in the clause. Who holds a place («تحت سيطرة تنظيم داعش») is neither role, and
  a struck town («قصفت ... قريتي نبل والزهراء») makes its people the target
  (`struck_settlement`, filled in by the events stage).
- The subject of a statement verb is its speaker, not the actor of what it speaks
  about: «أدانت السعودية الهجوم» names no one who attacked.
- Actors joined by و are one party («قوات النظام وحزب الله» → "Syrian government
  forces and Hezbollah"), except for the reciprocal types, where they are the two
  sides («اتفاق بين الجيش العربي السوري والميليشيات المسلحة»). An affiliation
  names a generic actor («مسلحون تابعون لجماعة الحوثي» are the Houthis).
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.doc import ActorMention, Argument, Token
from rasd.extract.event_arguments import (
    clause_end_of,
    clause_start_of,
    gap_words,
    token_index,
)
from rasd.extract.triggers import Trigger, verb_forms
from rasd.text import normalize_search, search_keys


def _norms(*words: str) -> frozenset[str]:
    return frozenset(normalize_search(w) for w in words)


# Words after which the next actor is the agent: «من قبل»، «على يد»، «شنتها طائرات»،
# «بكمين نصبته المقاومة».
AGENT_MARKERS = _norms(
    "قبل", "يد", "أيدي", "شنتها", "شنها", "نفذتها", "نفذها", "مصدره", "مصدرها", "طائرات", "بواسطة",
    "نصبته", "نصبها",
)  # fmt: skip
# Counts before people: «قتل ثمانية حوثيين», «مقتل 22 حوثيا» — the counted are the dead.
COUNT_WORDS = _norms(
    "اثنين", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "ثلاث",
    "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "عشرات", "مئات", "آلاف", "نحو", "قرابة",
)  # fmt: skip
# Words after which the next actor is the target: prepositions, and the positions of a
# side that a strike hits («تجمعات الانقلابيين», «تدمير دفاعات ميليشيات الحوثي»).
_POSITIONS = ("مواقع", "تجمعات", "تجمع", "دفاعات", "معاقل", "معقل", "مقرات", "معسكرات", "ثكنات",
              "تحصينات", "مخازن")  # fmt: skip
TARGET_MARKERS = _norms(
    "على", "ضد", "إلى", "استهدف", "استهدفت", "استهدفوا", "بحق", "ضدها", "تجاه",
    *_POSITIONS, *("ل" + w for w in _POSITIONS),
)  # fmt: skip
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
# Verbal nouns whose genitive is the one who suffers: «مقتل ضابط»، «اغتيال القائد».
VICTIM_NOUNS = frozenset(
    search_keys(w)[0]
    for w in ("مقتل", "مصرع", "استشهاد", "اغتيال", "إصابة", "اعتقال", "اختطاف", "خطف")
)
RELATIVES = _norms("الذي", "التي", "اللذين", "اللتين", "الذين", "اللواتي")
# Words before whoever holds a place: «تحت سيطرة تنظيم داعش», «التي تسيطر عليها».
CONTROL_WORDS = _norms("سيطرة", "عليها", "عليه")
# The dead and wounded «من» a side: that side is the target.
CASUALTY_NOUNS = _norms(
    "القتلى", "قتلى", "الجرحى", "جرحى", "الضحايا", "ضحايا", "المصابين", "مصابين", "خسائر"
)  # fmt: skip
# «مقتل 15 شخصا معظمهم من قوات الأمن», «بينهم القيادي الحوثي»: the dead are of that side.
PARTITIVES = _norms("معظمهم", "أغلبهم", "غالبيتهم", "أكثرهم", "بينهم", "منهم")
# Nouns between «من» and the side's name: «قتلى من قوات جماعة أنصار الله».
GROUP_NOUNS = _norms(
    "قوات", "جماعة", "عناصر", "مقاتلي", "مسلحي", "أفراد", "جنود", "ميليشيات", "مليشيات", "صفوف"
)  # fmt: skip
# The subject of «شهدت» is where something happened: «شهدت تركيا هجوما انتحاريا».
WITNESS_VERBS = frozenset(verb_forms("شهد"))
# «نسبته الحكومة التركية إلى تنظيم داعش»: who an attack is ascribed to is its actor.
ASCRIBING_VERBS = frozenset(verb_forms("نسب"))
TO = _norms("إلى")
_IN = _norms("في")
# Nouns of attacks that may be the subject of a verb trigger: «استهدف هجوم سوروتش مجموعة».
ATTACK_NOUNS = _norms(
    "هجوم", "الهجوم", "غارة", "الغارة", "غارات", "الغارات", "قصف", "القصف", "تفجير", "التفجير",
    "انفجار", "الانفجار", "قذيفة", "القذيفة", "قذائف", "القذائف", "صاروخ", "الصاروخ", "صواريخ",
    "الصواريخ", "ضربة", "الضربة", "ضربات", "الضربات",
)  # fmt: skip
# Verbs whose object follows ب: «رحب المسؤول الكردي بقرار تركيا» — Turkey is not who welcomes.
_B_OBJECT_VERBS = frozenset().union(*(verb_forms(v) for v in ("رحب", "أشاد/-", "ندد", "نوه")))
_ADVERBS_WITH_B = _norms("بشدة", "بدوره", "بدورها", "بدورهم")
# Types whose noun takes its agent with ل: «ثلاث غارات لطيران التحالف», «هجوم لجماعة أبو سياف».
_LAM_AGENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Strikes from afar (and unspecified ones): what they hit in a town hits its people.
STRIKE_MODES = frozenset({None, "aerial", "heavy-weapons"})
SETTLEMENTS = _norms(
    "قرية", "قريتي", "القرية", "قرى", "بلدة", "بلدتي", "البلدة", "بلدات", "مدينة", "المدينة",
    "مدينتي", "مدن", "مخيم", "المخيم", "حي", "الحي", "أحياء", "الأحياء",
)  # fmt: skip
LOCATIVES = _norms("في", "داخل", "قرب", "بالقرب", "محيط", "أطراف")
# Types whose two coordinated parties act on each other: «اتفاق بين الجيش والمسلحين».
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Verbs of statements whose object is the happening spoken about: condemn, welcome,
# praise (no addressee), and demand, call for, urge (whose object may be an addressee,
# who is then the actor: «دعا الجيش المسلحين إلى الانسحاب»).
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
_JUDGING_VERBS = frozenset().union(
    *(
        verb_forms(v)
        for v in (
            "أدان/دين",
            "دان/دين",
            "ندد",
            "استنكر/ستنكر",
            "شجب",
            "انتقد/نتقد",
            "رحب",
            "أيد/ؤيد",
            "أشاد/-",
        )
    )
)
_ASKING_VERBS = frozenset().union(*(verb_forms(v) for v in ("طالب", "دعا/دعو", "ناشد", "حث")))
# A pattern opened by one of these («لن تتراجع») has its subject before it, not after.
NEGATIVE_PARTICLES = _norms("لن", "لم", "لا", "ولن", "ولم", "ولا")
SPEAKER_GAP = 4  # «أدانت وزارة الخارجية السعودية»: words from a statement verb to its subject
ACTOR_WINDOW = 8


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
    parties = _coordinated(text, heads)
    actor, target = _roles(tokens, trigger, list(parties))
    if trigger.type in RECIPROCAL and actor is not None and target is None:
        first, *others = parties[actor]
        if others:  # «تعمل تركيا والولايات المتحدة على وضع خطط»: one side, then the other
            return argument_of(first), argument_of(_joined(text, others))
    return argument_of(actor), argument_of(target)


def _roles(
    tokens: Sequence[Token], trigger: Trigger, actors: list[ActorMention]
) -> tuple[ActorMention | None, ActorMention | None]:
    trig_start, trig_end = trigger.start, trigger.end
    clause_start = clause_start_of(tokens, trigger.first)
    # The object of a verb before the trigger is not its subject: «استهدفوا مسلحي تنظيم
    # داعش بتسع ضربات جوية» — the strikes are not by the Islamic State.
    before = [
        a
        for a in actors
        if clause_start <= a.start
        and a.end <= trig_start
        and not _object_of_verb(tokens, a)
        # The dead of a side did not attack: «معظمهم من قوات الأمن في هجوم», «مقتل 22
        # حوثيا في اشتباكات»; they may flee.
        and not (trigger.type == "ASSAULT" and (_casualties_of(tokens, a) or _counted(tokens, a)))
        and not _after_word(tokens, a, WITNESS_VERBS)
    ]
    # «غارات شنتها طائرات النظام»: a mention may begin inside the trigger.
    inside = [a for a in actors if trig_start <= a.start < trig_end]
    clause_end = clause_end_of(tokens, trigger.last)
    # Who holds a place named after the trigger («تحت سيطرة تنظيم داعش») is neither role.
    after = [a for a in actors if a.start >= trig_end and not _holds_place(tokens, a)]
    after = after[:3]
    passive = _is_passive(tokens, trigger)
    agent = (
        _marked(tokens, trigger, after, AGENT_MARKERS)
        or _ascribed_to(tokens, trigger, after)
        or _lam_agent(tokens, trigger, after)
    )
    marked_target = _marked(tokens, trigger, after + inside, TARGET_MARKERS)
    # «سقوط عشرات القتلى والجرحى من الحوثيين»: the dead are of the target's side, also
    # before a strike named later («... جراء غارات لطيران التحالف»).
    dead = next((a for a in after if _casualties_of(tokens, a)), None)
    if dead is not None and (marked_target is None or dead.start < marked_target.start):
        marked_target = dead
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
        near_after = [a for a in after if gap_words(tokens, trig_end, a.start) <= 1]
        suffered = tokens[trigger.first].key in VICTIM_NOUNS
        relative = _relative_subject(tokens, trigger, after)
        if near_after and near_after[0] is not marked_target and not suffered:
            actor = near_after[0]
        elif relative is not None:
            actor = relative  # «الحصار الخانق الذي تفرضه قوات نظام الأسد»
        elif _subject_before(tokens, trigger, before):
            actor = before[-1]
    else:
        if _subject_follows(tokens, trigger, after, marked_target):
            actor = after[0]  # verb-subject order: «وسيطر مقاتلون من المعارضة على حاجز»
        elif _subject_before(tokens, trigger, before):
            actor = before[-1]
        elif inside:
            actor = inside[0]
        elif (
            after
            and after[0] is not marked_target
            and after[0].end <= clause_end
            and gap_words(tokens, trig_end, after[0].start) <= ACTOR_WINDOW
            and tokens[trigger.first].norm not in NEGATIVE_PARTICLES
            and not _object_with_b(tokens, trigger, after[0])
            and not _event_subject(tokens, trigger, after[0])
            and not (trigger.type == "ASSAULT" and _counted(tokens, after[0]))
            and not _agent_inside(tokens, trigger)
        ):
            actor = after[0]  # verb first: «قصفت قوات المعارضة قريتي نبل والزهراء»
    if marked_target is not None and marked_target is not actor:
        target = marked_target
    elif passive:
        # «قُصفت المدينة», «تم اعتقال نحو 50 متظاهرا»: the one named in its clause.
        in_clause = [a for a in after if a is not actor and a.end <= clause_end]
        target = before[-1] if before else (in_clause[0] if in_clause else None)
    else:
        rest = [a for a in inside + after if a is not actor]
        town = struck_settlement(tokens, trigger)
        if (
            rest
            and rest[0].end <= clause_end
            and gap_words(tokens, trig_end, rest[0].start) <= ACTOR_WINDOW
            and not (town and town.start < rest[0].start)  # «قصفت ... بلدات موالية»: its people
        ):
            target = rest[0]
    if trigger.type == "ASSAULT" and actor is not None and actor.type == "civilians":
        actor = None  # «استغلال الجماعة للأطفال كمفجرين انتحاريين»: civilians are its victims
    if trigger.type == "DEFECT":
        # Who defects leaves a group («انشقوا عنه»); the next actor named is where they go.
        target = _marked(tokens, trigger, after, DEFECT_FROM)
    if actor is not None and target is not None and actor.actor == target.actor:
        target = None
    return actor, target


def _subject_before(tokens: Sequence[Token], trigger: Trigger, before: list[ActorMention]) -> bool:
    """Whether the last actor before the trigger, close enough, is its subject."""
    if not before or gap_words(tokens, before[-1].end, trigger.start) > ACTOR_WINDOW:
        return False
    return trigger.type in STATEMENT_TYPES or not _speaker(tokens, trigger, before)


def _speaker(tokens: Sequence[Token], trigger: Trigger, before: list[ActorMention]) -> bool:
    """Whether the last actor before the trigger is the subject of a statement verb that
    has the trigger as its object: «السعودية تدين الهجوم», «أدانت وزارة الخارجية السعودية
    الهجوم»; not the addressee of a demand: «دعا الجيش المسلحين إلى الانسحاب»."""
    mention = before[-1]
    at = token_index(tokens, mention.start)
    if at is None:
        return False
    opening = clause_start_of(tokens, trigger.first)
    clause = next(i for i, t in enumerate(tokens) if t.start >= opening)
    for i in range(max(clause, at - SPEAKER_GAP), trigger.first):
        verb = _strip_conj(tokens[i].norm)
        if verb not in _JUDGING_VERBS and verb not in _ASKING_VERBS:
            continue
        if i > at:
            return True  # subject, statement verb, object
        if verb in _ASKING_VERBS and at > i + 1:
            return False  # «دعا الجيش المسلحين»: maybe the addressee
        # verb, subject, object: the first actor after the verb is its subject
        return not any(tokens[i].end <= a.start < mention.start for a in before)
    return False


def _strip_conj(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm


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
    return not verb.endswith(("وا", "ون")) and gap_words(tokens, trigger.end, after[0].start) == 0


def _coordinated(text: str, actors: list[ActorMention]) -> dict[ActorMention, list[ActorMention]]:
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
    clause_end = clause_end_of(tokens, trigger.last)
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
        idx = token_index(tokens, mention.start)
        word = tokens[idx - 1].norm if idx else ""
        if word in AFFILIATED and kept and kept[-1].source.endswith(":generic"):
            # «مسلحون تابعون لجماعة الحوثي»: the affiliation names who the generic
            # actor is; a named one keeps its name («قوات جيش الفتح التابع للمعارضة»).
            kept.pop()
        elif word in LED_BY or (word in AFFILIATED and kept):
            continue  # a modifier of the actor before it: «بقيادة الولايات المتحدة»
        kept.append(mention)
    return kept


def argument_of(mention: ActorMention | None) -> Argument | None:
    """The event argument naming `mention`'s actor (None for None)."""
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
        idx = token_index(tokens, mention.start)
        if idx is None:
            continue
        in_clause = mention.end <= clause_end_of(tokens, trigger.last)
        if markers is TARGET_MARKERS and in_clause and _with_lam(tokens, idx, mention):
            return mention
        if markers is AGENT_MARKERS and not in_clause:
            continue  # «... ، والجهود المبذولة من قبل رجال الأمن» is another clause's agent
        words = [t for t in tokens[trigger.first : idx] if t.kind == "word"][-2:]
        # The mention's own word only when a proclitic comes first («لمواقع»): the name
        # «علي عبدالله صالح» is no «على».
        own = [tokens[idx]] if tokens[idx].start < mention.start else []
        for token in [*words, *own]:
            bare = token.norm[1:] if token.norm[:1] in ("و", "ف") else token.norm
            if token.norm in markers or bare in markers:
                return mention
    return None


def _relative_subject(
    tokens: Sequence[Token], trigger: Trigger, after: list[ActorMention]
) -> ActorMention | None:
    """The subject of a relative clause on the trigger noun: «المعارك التي يخوضها الحزب»."""
    words = [t for t in tokens[trigger.last + 1 :] if t.kind == "word"][:4]
    for i, word in enumerate(words[:3]):
        if word.norm in RELATIVES and i + 2 < len(words):
            subject_at = words[i + 2].start  # after the relative pronoun and its verb
            return next((a for a in after if a.start == subject_at), None)
    return None


def _object_of_verb(tokens: Sequence[Token], mention: ActorMention) -> bool:
    """Whether a target marker stands right before the mention: «استهدفوا مسلحي داعش»."""
    idx = token_index(tokens, mention.start)
    words = [t for t in tokens[:idx] if t.kind == "word"]
    if not words:
        return False
    word = words[-1].norm
    return word in TARGET_MARKERS or word[1:] in TARGET_MARKERS and word[:1] in ("و", "ف")


def _holds_place(tokens: Sequence[Token], mention: ActorMention) -> bool:
    """«الواقعة تحت سيطرة تنظيم داعش», «التي تسيطر عليها ميليشيات مسلحة»."""
    idx = token_index(tokens, mention.start)
    words = [t for t in tokens[:idx] if t.kind == "word"]
    return bool(words) and words[-1].norm in CONTROL_WORDS


def _casualties_of(tokens: Sequence[Token], mention: ActorMention) -> bool:
    """Whether the mention names the side of the dead: «عشرات القتلى من الحوثيين»,
    «قتلى وجرحى من قوات جماعة أنصار الله», «خسائر في صفوف قوات النظام», «مقتل 15 شخصا
    معظمهم من قوات الأمن», «بينهم القيادي الحوثي»."""
    idx = token_index(tokens, mention.start)
    words = [_strip_conj(t.norm) for t in tokens[:idx] if t.kind == "word"][-6:]
    while len(words) > 1 and words[-1] in GROUP_NOUNS and words[-2] not in _IN:
        words.pop()  # «من قوات جماعة أنصار الله»: back to «من»
    if words and words[-1] in PARTITIVES:
        return True
    if len(words) >= 3 and words[-1] == normalize_search("صفوف") and words[-2] in _IN:
        return words[-3] in CASUALTY_NOUNS
    if len(words) < 2 or words[-1] != normalize_search("من"):
        return False
    return words[-2] in CASUALTY_NOUNS or words[-2] in PARTITIVES


def _agent_inside(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """Whether the trigger's own words name its agent: in «قصفت طائرات حربية عربية الجماعة
    المتحالفة مع إيران» the planes strike, and the group after them is struck."""
    return any(
        _strip_conj(t.norm) in AGENT_MARKERS for t in tokens[trigger.first + 1 : trigger.last + 1]
    )


def _counted(tokens: Sequence[Token], mention: ActorMention) -> bool:
    """Whether a count stands right before the mention: «ثمانية حوثيين», «22 حوثيا»."""
    idx = token_index(tokens, mention.start)
    if not idx or tokens[idx].start < mention.start:
        return False
    before = tokens[idx - 1]
    return before.kind == "number" or _strip_conj(before.norm) in COUNT_WORDS


def _after_word(tokens: Sequence[Token], mention: ActorMention, forms: frozenset[str]) -> bool:
    """Whether the word right before the mention is one of `forms` (with و/ف or not)."""
    idx = token_index(tokens, mention.start)
    words = [t for t in tokens[:idx] if t.kind == "word"]
    return bool(words) and _strip_conj(words[-1].norm) in forms


def _ascribed_to(
    tokens: Sequence[Token], trigger: Trigger, after: list[ActorMention]
) -> ActorMention | None:
    """The actor an attack noun is ascribed to just after it: «هجوما انتحاريا ... نسبته
    الحكومة التركية إلى تنظيم داعش»; a verb has its own subject."""
    if trigger.pos == "verb":
        return None
    words = [t for t in tokens[trigger.last + 1 :] if t.kind == "word"]
    # Near the noun, or farther with a pronoun that points back to it: «..., نسبته».
    verb = next(
        (
            w
            for k, w in enumerate(words)
            if _strip_conj(w.norm) in ASCRIBING_VERBS
            and (k < ACTOR_WINDOW or w.norm.endswith(("ه", "ها")))
        ),
        None,
    )
    if verb is None:
        return None
    for mention in after:
        idx = token_index(tokens, mention.start)
        if idx is None or mention.start < verb.end:
            continue
        between = [t for t in tokens[:idx] if t.kind == "word" and t.start >= verb.end]
        if len(between) > ACTOR_WINDOW:
            return None
        # Past the one who ascribes it («الحكومة التركية»); a group noun outside the
        # mention may follow «إلى»: «إلى تنظيم «داعش»».
        if any(w.norm in TO for w in between[-2:]):
            return mention
    return None


def _lam_agent(
    tokens: Sequence[Token], trigger: Trigger, after: list[ActorMention]
) -> ActorMention | None:
    """The owner right after an attack noun is its agent: «ثلاث غارات لطيران التحالف»,
    «هجوم لجماعة أبو سياف»; not after a noun of suffering («مقتل جنديين لقوات النظام»)."""
    if (
        trigger.pos != "noun"
        or trigger.type not in _LAM_AGENT_TYPES
        or tokens[trigger.first].key in VICTIM_NOUNS
        or not after
        or gap_words(tokens, trigger.end, after[0].start) > 1
    ):
        return None
    idx = token_index(tokens, after[0].start)
    return after[0] if idx is not None and _with_lam(tokens, idx, after[0]) else None


def _event_subject(tokens: Sequence[Token], trigger: Trigger, mention: ActorMention) -> bool:
    """Whether an attack noun right after a verb is its subject and the mention, not its
    genitive, the object: «واستهدف هجوم سوروتش مجموعة من الشبان الناشطين», while in
    «استهدفت غارات التحالف تجمعات» the coalition is the genitive, the actor."""
    if trigger.pos != "verb":
        return False
    words = [t for t in tokens[trigger.last + 1 :] if t.kind == "word"]
    return (
        bool(words)
        and words[0].norm in ATTACK_NOUNS
        and gap_words(tokens, words[0].end, mention.start) > 0
    )


def _object_with_b(tokens: Sequence[Token], trigger: Trigger, mention: ActorMention) -> bool:
    """Whether the mention after «رحب»/«أشاد» stands in its ب-object: «رحب المسؤول الكردي
    بقرار تركيا», «أشاد بجهود عناصر الشرطة», «رحبت بالسعودية»."""
    if _strip_conj(tokens[trigger.first].norm) not in _B_OBJECT_VERBS:
        return False
    idx = token_index(tokens, mention.start)
    if idx is None:
        return False
    if tokens[idx].start < mention.start and tokens[idx].norm[:1] == "ب":
        return True
    return any(
        t.kind == "word" and t.norm[:1] == "ب" and len(t.norm) > 3 and t.norm not in _ADVERBS_WITH_B
        for t in tokens[trigger.last + 1 : idx]
    )


def _with_lam(tokens: Sequence[Token], idx: int, mention: ActorMention) -> bool:
    """«لقوات النظام» (the mention starts after ل) or «للتنظيم» (it keeps the ل of لل),
    unless ل only frames the words before («بالنسبة للجهات المختصة»)."""
    token = tokens[idx]
    if idx and tokens[idx - 1].norm in _LAM_FRAMES:
        return False
    if mention.start > token.start:
        return normalize_search(token.text[: mention.start - token.start]).endswith("ل")
    return token.norm.startswith("لل")
