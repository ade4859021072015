"""Salience of a trigger, for the events stage: does it report a happening or only name one?

In: the tokens of a sentence, a trigger in it, and what the sentence holds (casualty counts, time expressions, other triggers). Out: a
score; the stage keeps mentions scoring at least the threshold.

News sentences name events they do not report — «ملف اغتيال الحريري»,
«مكافحة الإرهاب والقتل», «الميليشيات التي خطفت» — and an analyst wants the
reported ones: a verb in the past («قصفت الطائرات»), a noun with a count or a
date («مقتل 27 شخصا أمس»), a noun the sentence makes happen («هجوم شنه
مسلحون»). The score is a logistic model over the features below; its weights
(`rasd/resources/event_salience.json`) were fit by
`scripts/fit_event_salience.py` on the development half of the Arabic event GSR.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.doc import ActorMention, PlaceMention, Token
from rasd.extract.triggers import Trigger
from rasd.text import normalize_search

WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "resources" / "event_salience.json"


def _norms(*words: str) -> frozenset[str]:
    return frozenset(normalize_search(w) for w in words)


# Verbs that make a named event happen: «هجوم شنه»، «انفجار وقع»، «أسفر عن».
HAPPENING = _norms(
    "وقع", "وقعت", "شن", "شنت", "شنه", "شنها", "شنوا", "نفذ", "نفذت", "نفذه", "نفذها", "أسفر",
    "أسفرت", "أدى", "أدت", "اندلع", "اندلعت", "دارت", "تجددت", "استهدف", "استهدفت", "ضرب",
    "ضربت", "هز", "هزت", "طال", "طالت", "خاض", "يخوضها", "يخوضه", "تعرض", "تعرضت", "سقط",
    "سقطت", "شهد", "شهدت", "أوقع", "أوقعت", "خلف", "خلفت", "راح", "تسبب", "تسببت", "خرجت",
)  # fmt: skip
# Head words that make what follows a topic, not a report: «ملف اغتيال»، «ذكرى المجزرة».
TOPIC_HEADS = _norms(
    "ملف", "قضية", "ذكرى", "فكرة", "محاكمة", "المتهمين", "المتهم", "التحقيق", "مكافحة", "خطر",
    "مخاطر", "تهديد", "لمنع", "منع", "إدانة", "تدين", "ادان", "يدين", "استنكار", "حول",
    "بشأن", "خطة", "ظاهرة", "جرائم", "جريمة", "ثقافة", "لغة", "مثل", "عن", "حادثة",
)  # fmt: skip
# A verb right after a relative pronoun names a known event: «الميليشيات التي خطفت».
RELATIVES = _norms("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي")
PLACE_PREPOSITIONS = _norms("في", "على", "قرب", "داخل", "بمدينة", "بلدة", "مدينة", "قرية", "بحي")
ACTOR_NEAR = 30  # characters between an actor mention and the trigger
COMPLEMENTISERS = _norms("أن", "إن", "بأن", "أنه", "إنه", "انها", "إنها")


@dataclass(frozen=True)
class SalienceModel:
    """Logistic weights per feature, a bias and the keep threshold on the probability."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def keep(self, features: Sequence[str]) -> bool:
        return self.probability(features) >= self.threshold


def load_model(path: Path = WEIGHTS_PATH) -> SalienceModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return SalienceModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


@dataclass(frozen=True)
class SentenceFacts:
    """What the sentence around a trigger holds, from the earlier stages."""

    casualties: bool
    time: bool
    source: bool
    places: Sequence[PlaceMention]
    actors: Sequence[ActorMention]


def features(
    tokens: Sequence[Token], trigger: Trigger, facts: SentenceFacts, same_type_triggers: int
) -> list[str]:
    """The binary features of one trigger mention.

    «قصفت الطائرات البلدة أمس» → [verb-past, time, early, actor-near, ...].
    """
    head = tokens[trigger.first]
    bare = _bare(head.norm)
    out: list[str] = [f"type-{trigger.type}", f"mode-{trigger.type}-{trigger.mode}"]
    if trigger.pos == "noun":
        out.append("noun-definite" if bare.startswith(("ال", "بال", "لل", "كال")) else "noun")
    elif trigger.tense:
        out.append(f"{trigger.pos}-{trigger.tense}")
    else:
        out.append(trigger.pos)
    if facts.casualties:
        out.append("casualties")
    if facts.time:
        out.append("time")
    if facts.source:
        out.append("reported")
    if facts.places:
        out.append("place")
    if any(
        -ACTOR_NEAR < a.start - trigger.end < ACTOR_NEAR
        or -ACTOR_NEAR < trigger.start - a.end < ACTOR_NEAR
        for a in facts.actors
    ):
        out.append("actor-near")
    if any(t.text in ("؟", "?") for t in tokens):
        out.append("question")
    if same_type_triggers > 1:
        out.append("several-triggers")
    before = [t.norm for t in tokens[max(0, trigger.first - 2) : trigger.first]]
    after = [t.norm for t in tokens[trigger.last + 1 : trigger.last + 5]]
    if trigger.pos != "verb" and any(_bare(n) in HAPPENING for n in before + after):
        out.append("happening-verb")
    if after[:1] and after[0] in PLACE_PREPOSITIONS:
        out.append("place-after")
    if any(_bare(n) in TOPIC_HEADS for n in before):
        out.append("topic-head")
    if trigger.pos != "noun" and any(n in RELATIVES for n in before):
        out.append("relative")
    if trigger.first <= 2 or any(n in COMPLEMENTISERS for n in before):
        out.append("early")
    if any(t.kind == "number" and len(t.norm) == 4 and t.norm[:2] in ("19", "20") for t in tokens):
        out.append("year")
    return out


def _bare(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
