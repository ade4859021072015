"""Stage events: typed, attributed, dated and placed events with their evidence.

Requires tokens, sentences, times, places, actors and entities; provides
`doc.events` (`rasd.doc.Event`). Per sentence: find triggers (triggers.py),
keep those that report a happening rather than name one (salience.py), then
for each its actor and target (event_roles.py), place(s) and date
(event_arguments.py), its source (attribution.py), its modality (modality.py)
and casualty counts (casualties.py); one mention per trigger and place; things
said (REQUEST, REJECT, ...) are placed where a place before the trigger says
their speakers are. Discourse fills gaps: a fight, seizure, retreat or protest
whose sentence names no place is at the last town named before, and a trigger
naming no actor continues the actor of its type in the sentence before. The
mentions of one article are then merged into happenings (merging.py). Entities
are required so that the actor stage before it has run on them; they are not
read here.

«وبحسب المصادر، فقد أغلق التنظيم الطريق بين الحجر الأسود والقدم» →
Event(COERCE/restrict, actor Islamic State, place الحجر الأسود, attribution «المصادر»).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.doc import Argument, Doc, Event, PlaceMention, Span, Token
from rasd.extract import (
    attribution,
    casualties,
    event_arguments,
    event_roles,
    modality,
    salience,
)
from rasd.extract.merging import Mention, merge_mentions
from rasd.extract.triggers import Lexicon, Trigger, find_triggers, load_lexicon
from rasd.pipeline import Stage
from rasd.text import normalize_search

REQUIRES = frozenset({"tokens", "sentences", "times", "places", "actors", "entities"})
# Types that happen at a scene: a mention naming no place is at the scene of the
# sentences before it, unless negated. Statements and diplomacy (ACCUSE, CONSULT, ...)
# often have none, nor has mobilising («دفعته لتجنيد قاصرين»).
PLACED_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})
# Types that are things said: the places named after the trigger are what is spoken
# about («طالبوا بالضغط على نظام الأسد في سورية»), the speaker is where a place before it says.
SPEECH_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE"})
# Stances whose holder, when the clause names no one, is the speaker it is reported from.
SPOKEN_TYPES = SPEECH_TYPES | {"SUPPORT"}
# Complementisers after which a reported clause begins: the evidence starts there.
_COMPLEMENTISERS = frozenset(
    normalize_search(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه")
)


def stage(lexicon_files: Sequence[Path] = (), scope: str = "article") -> Stage:
    """The events stage with the bundled lexicon plus the user's `lexicon_files`.

    scope: "article", or "sentence" for GSR sentences (`salience.load_model`).
    """
    lexicon = load_lexicon(lexicon_files)
    model = salience.load_model(scope=scope)

    def run(doc: Doc) -> dict[str, Any]:
        return {"events": extract_events(doc, lexicon, model)}

    return Stage("events", REQUIRES, frozenset({"events"}), run)


def extract_events(doc: Doc, lexicon: Lexicon, model: salience.SalienceModel) -> list[Event]:
    """The events of a document whose earlier layers are filled."""
    mentions: list[Mention] = []
    # Per type, the sentence and actor of the last trigger naming one, reported or not.
    last_actor: dict[str, tuple[int, Argument]] = {}
    for candidate in iter_candidates(doc, lexicon):
        trigger, context = candidate.trigger, candidate.context
        feared = modality.is_feared(context.tokens, trigger)
        earlier = last_actor.get(trigger.type)
        carried = earlier[1] if earlier and candidate.sentence - earlier[0] <= 1 else None
        if model.keep(candidate.features) and not feared and not candidate.demanded:
            found = context.mentions(trigger, candidate.mood, candidate.sentence, carried)
            mentions.extend(found)
            actor = found[0].event.actor if found else None
        else:
            actor = context.roles(trigger)[0]
        if actor is not None and actor is not carried:
            last_actor[trigger.type] = (candidate.sentence, actor)
    return merge_mentions(mentions)


@dataclass(frozen=True)
class Candidate:
    """A trigger with its modality and salience features, before the salience cut."""

    sentence: int
    trigger: Trigger
    mood: str
    features: list[str]
    context: _SentenceContext
    demanded: bool  # what a request asks for («طالب بوقف القصف»), not a happening


def iter_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Every trigger of the document with what salience needs (also used to fit its weights)."""
    tokens = doc.tokens or []
    starts = [t.start for t in tokens]
    previous_source: Span | None = None
    scene: PlaceMention | None = None
    for index, sentence in enumerate(doc.sentences or []):
        lo = bisect_left(starts, sentence.start)
        hi = bisect_left(starts, sentence.end)
        sent_tokens = tokens[lo:hi]
        if not sent_tokens:
            continue
        triggers = find_triggers(lexicon, sent_tokens)
        times = _within(doc.times, sentence)
        sources = attribution.find_sources(doc.text, sent_tokens, times)
        if triggers:
            context = _SentenceContext(
                doc, sentence, sent_tokens, times, sources, previous_source, scene
            )
            per_type = Counter(t.type for t in triggers)
            hedged = modality.is_hedged(sent_tokens)
            for trigger in triggers:
                mood = modality.classify(sent_tokens, trigger, hedged)
                feats = context.features(trigger, per_type[trigger.type])
                demanded = modality.is_demanded(sent_tokens, trigger, triggers)
                yield Candidate(index, trigger, mood, feats, context, demanded)
        previous_source = _last_source(sources, previous_source)
        scene = _last_local_place(_within(doc.places, sentence)) or scene


def _within(layer: Sequence[Any] | None, sentence: Span) -> list[Any]:
    return [x for x in layer or [] if sentence.start <= x.start and x.end <= sentence.end]


def _last_local_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The last town-or-smaller place of a sentence: the scene later sentences refer back to."""
    local = [p for p in places if p.admin1 and p.admin1 != "00"]
    return local[-1] if local else None


def _last_source(sources: list[attribution.Source], previous: Span | None) -> Span | None:
    for source in reversed(sources):
        if source.span is not None:
            return source.span
    return previous


class _SentenceContext:
    """What the triggers of one sentence share: its mentions, sources and casualties."""

    def __init__(
        self,
        doc: Doc,
        sentence: Span,
        tokens: list[Token],
        times: list[Any],
        sources: list[attribution.Source],
        previous_source: Span | None,
        scene: PlaceMention | None,
    ) -> None:
        self.doc = doc
        self.sentence = sentence
        self.tokens = tokens
        self.times = times
        self.sources = sources
        self.previous_source = previous_source
        self.scene = scene
        self.actors = _within(doc.actors, sentence)
        self.places = _within(doc.places, sentence)
        self.killed, self.injured = casualties.count_casualties(tokens)
        self.victims = casualties.find_civilian_victims(tokens)
        self.counted = False

    def features(self, trigger: Trigger, same_type: int) -> list[str]:
        casualties = self.killed is not None or self.injured is not None
        return salience.features(self.tokens, trigger, casualties, same_type)

    def roles(self, trigger: Trigger) -> tuple[Argument | None, Argument | None]:
        """Actor and target of the trigger; its source («قال الجيش الأميركي») is neither."""
        source = self._source_for(trigger)
        actors = [a for a in self.actors if not (source and _inside(a, source))]
        actor, target = event_roles.actor_and_target(self.doc.text, self.tokens, trigger, actors)
        if actor is None and source is not None and trigger.type in SPOKEN_TYPES:
            # «قال وزير الخارجية عادل الجبير إنه يرفض ...»: who rejects is who speaks.
            speakers = [a for a in self.actors if _inside(a, source)]
            actor = event_roles.argument_of(speakers[0] if speakers else None)
        return actor, target

    def mentions(
        self, trigger: Trigger, mood: str, sentence_index: int, carried: Argument | None = None
    ) -> list[Mention]:
        """One mention per place of the trigger; `carried` is the actor if it names none."""
        source = self._source_for(trigger)
        actor, target = self.roles(trigger)
        carry = actor is None and carried is not None
        actor = actor or carried
        start, end, explicit = event_arguments.date_for(trigger, self.times, self.doc.published)
        if (
            mood == "asserted"
            and explicit
            and self.doc.published
            and start
            and start > self.doc.published
        ):
            mood = "planned"  # a date after publication: «يومي الثلاثاء والأربعاء القادمين»
        if trigger.type in SPEECH_TYPES:
            before = [p for p in self.places if p.end <= trigger.start]
            places = before[-1:]
        else:
            places = event_arguments.places_for(self.doc.text, self.tokens, trigger, self.places)
        if (
            not places
            and self.scene
            and (
                (
                    trigger.type in PLACED_TYPES
                    and mood != "negated"
                    and not event_arguments.names_many_places(self.tokens)
                )
                or event_arguments.refers_back(self.tokens, trigger)
            )
        ):
            # «قصف مماثل على هذه المدينة», «ونشرت مدرعات لتعزيز مواقعها»: the town named
            # before; what did not happen («لم يسلموا سلاحهم») happened nowhere, and
            # «قصف ... العديد من المدن والأحياء السورية» in no one town.
            places = [self.scene]
        evidence = self._evidence(trigger)
        out = []
        for place in places or [None]:
            event = Event(
                type=trigger.type,
                mode=trigger.mode,
                trigger=Span(
                    trigger.start,
                    trigger.end,
                    self.doc.text[trigger.start : trigger.end],
                    "trigger",
                    "events",
                ),
                actor=actor,
                target=target,
                place=event_arguments.place_argument(place) if place else None,
                start_date=start,
                end_date=end,
                attribution=source,
                modality=mood,
                evidence=[evidence],
                source="events:lexicon",
            )
            if trigger.type == "ASSAULT" and not self.counted:
                event.killed, event.injured = self.killed, self.injured
                self.counted = self.killed is not None or self.injured is not None
            if trigger.type == "ASSAULT" and event.target is None:
                event.target = self._civilians(trigger)
            country = place.country if place else None
            re_mention = trigger.pos == "noun" and not explicit
            out.append(Mention(event, explicit, sentence_index, country, carry, re_mention))
        return out

    def _civilians(self, trigger: Trigger) -> Argument | None:
        """Civilians as the target of an attack: counted («مقتل 27 شخصا») or living in
        the town it struck («قصفت قوات المعارضة قريتي نبل والزهراء»)."""
        if self.victims:
            start, end = self.victims
        elif town := event_roles.struck_settlement(self.tokens, trigger):
            start, end = town.start, town.end
        else:
            return None
        return Argument("civilians", start, end, self.doc.text[start:end])

    def _source_for(self, trigger: Trigger) -> Span | None:
        chosen: Span | None = None
        for source in self.sources:
            if source.covers_from <= trigger.start:
                chosen = source.span if source.span is not None else self.previous_source
        if chosen is not None and chosen.start <= trigger.start < chosen.end:
            return None
        return chosen

    def _evidence(self, trigger: Trigger) -> Span:
        start = self.sentence.start
        for token in self.tokens[: trigger.first]:
            if token.norm in _COMPLEMENTISERS:
                start = token.end
        while start < trigger.start and self.doc.text[start] in ' \u060c,:«"':
            start += 1
        end = self.sentence.end
        return Span(start, end, self.doc.text[start:end], "evidence", "events")


def _inside(mention: Any, span: Span) -> bool:
    return span.start <= mention.start and mention.end <= span.end
