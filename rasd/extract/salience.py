"""Salience of a trigger, for the events stage: does it report a happening or only name one?

In: the tokens of a sentence, a trigger in it, whether the sentence gives a
casualty count, and how many triggers of its type it holds. Out: a probability;
the stage keeps mentions at or above the model's threshold.

News sentences name events they do not report — «ملف اغتيال الحريري»,
«مكافحة الإرهاب والقتل», «الميليشيات التي خطفت» — and an analyst wants the
reported ones: a verb in the past («قصفت الطائرات»), a noun with a count
(«مقتل 27 شخصا»), a noun the sentence makes happen («هجوم شنه
مسلحون»). The score is a logistic model over the structural features below (tense,
definiteness, a count, a relative or topic word before the trigger, ...) and
the words themselves: the trigger, three words either side, and the
sentence's bag of keys (a sentence about a trial or an anniversary names
attacks without reporting one). Its weights
(`rasd/resources/event_salience.json`) were fit by
`scripts/fit_event_salience.py` on the development half of the Arabic event
GSR and the development gold articles.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.doc import Token
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
    "جرى", "جرت", "تم", "أبرم", "أبرمت", "توصل", "توصلت", "عقد", "عقدت",
)  # fmt: skip
# Head words that make what follows a topic, not a report: «ملف اغتيال»، «ذكرى المجزرة».
TOPIC_HEADS = _norms(
    "ملف", "قضية", "ذكرى", "فكرة", "محاكمة", "المتهمين", "المتهم", "التحقيق", "مكافحة", "خطر",
    "مخاطر", "تهديد", "لمنع", "منع", "إدانة", "تدين", "ادان", "يدين", "استنكار", "حول",
    "بشأن", "خطة", "ظاهرة", "جرائم", "جريمة", "ثقافة", "لغة", "مثل", "عن", "حادثة",
)  # fmt: skip
# A verb right after a relative pronoun names a known event: «الميليشيات التي خطفت».
RELATIVES = _norms("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي")
_LAM = _norms("لم", "ولم", "فلم")
# Subordinators that put an event in the background of another: «بعد الهجوم»، «إثر تفجير».
SUBORDINATORS = _norms(
    "بعد", "إثر", "اثر", "عقب", "منذ", "بسبب", "خلفية", "أعقاب", "جراء", "قبل", "خلال", "ضمن"
)  # fmt: skip
# A day named in the sentence: reports say when («أمس»، «صباح الجمعة»).
TIME_WORDS = _norms(
    "أمس", "امس", "اليوم", "الليلة", "صباح", "مساء", "فجر", "ليل", "ظهر", "السبت", "الأحد",
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "الماضي", "الماضية",
)  # fmt: skip
PLACE_PREPOSITIONS = _norms("في", "على", "قرب", "داخل", "بمدينة", "بلدة", "مدينة", "قرية", "بحي")


@dataclass(frozen=True)
class SalienceModel:
    """Logistic weights per feature, a bias and the keep threshold on the probability."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self._weight(f) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def _weight(self, feature: str) -> float:
        return self.weights.get(feature, 0.0)

    def keep(self, features: Sequence[str]) -> bool:
        return self.probability(features) >= self.threshold


def load_model(path: Path = WEIGHTS_PATH) -> SalienceModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return SalienceModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


def features(
    tokens: Sequence[Token], trigger: Trigger, casualties: bool, same_type_triggers: int
) -> list[str]:
    """The binary features of one trigger mention; `casualties`: the sentence gives a count.

    «قصفت الطائرات البلدة فقتلت 5» → [verb-past, casualties, ...].
    """
    head = tokens[trigger.first]
    bare = _bare(head.norm)
    out: list[str] = []
    if trigger.pos == "noun":
        out.append("noun-definite" if bare.startswith(("ال", "بال", "لل", "كال")) else "noun")
    elif trigger.tense:
        tense = trigger.tense
        if tense == "present" and trigger.first and tokens[trigger.first - 1].norm in _LAM:
            tense = "past"  # «لم يسلموا»: the jussive after لم is a past
        out.append(f"{trigger.pos}-{tense}")
    else:
        out.append(trigger.pos)
    if casualties:
        out.append("casualties")
    if same_type_triggers > 1:
        out.append("several-triggers")
    if any(t.text in ("؟", "?") for t in tokens):
        out.append("question")
    before = [t.norm for t in tokens[max(0, trigger.first - 2) : trigger.first]]
    after = [t.norm for t in tokens[trigger.last + 1 : trigger.last + 5]]
    inside = [t.norm for t in tokens[trigger.first + 1 : trigger.last + 1]]
    if trigger.pos != "verb" and any(_bare(n) in HAPPENING for n in before + inside + after):
        out.append("happening-verb")
    if after[:1] and after[0] in PLACE_PREPOSITIONS:
        out.append("place-after")
    if any(_bare(n) in SUBORDINATORS for n in before):
        out.append("subordinate")
    if any(_bare(n) in TOPIC_HEADS for n in before):
        out.append("topic-head")
    if trigger.pos != "noun" and any(n in RELATIVES for n in before):
        out.append("relative")
    if any(t.kind == "number" and len(t.norm) == 4 and t.norm[:2] in ("19", "20") for t in tokens):
        out.append("year")
    # The words themselves: which trigger, and what stands around it.
    out.append(f"key:{head.key}")
    out.extend(
        f"before:{t.key}" for t in tokens[max(0, trigger.first - 3) : trigger.first] if t.key
    )
    out.extend(f"after:{t.key}" for t in tokens[trigger.last + 1 : trigger.last + 4] if t.key)
    if any(_bare(t.norm) in TIME_WORDS for t in tokens):
        out.append("time-word")
    out.extend(sorted({f"in:{t.key}" for t in tokens if t.key}))
    # A bias per type: the gold articles set it for the types the GSR lacks.
    out.append(f"type:{trigger.type}")
    return out


def _bare(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
