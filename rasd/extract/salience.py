"""Salience of a trigger, for the events stage: does it report a happening or only name one?

In: the tokens of a sentence, a trigger in it, whether the sentence gives a
casualty count, and how many triggers of its type it holds. Out: a probability
and the keep decision at the threshold of the trigger's type.

News sentences name events they do not report — «ملف اغتيال الحريري»,
«مكافحة الإرهاب والقتل», «الميليشيات التي خطفت» — and an analyst wants the
reported ones: a verb in the past («قصفت الطائرات»), a noun with a count
(«مقتل 27 شخصا»), a noun the sentence makes happen («هجوم شنه
مسلحون»). The score is a logistic model over structural features shared by
all types (tense, definiteness, a count, a relative or topic word before the
trigger, ...) and word features tied to the trigger's type: the trigger, three
words either side, and the sentence's bag of keys (a sentence about a trial
or an anniversary names attacks without reporting one). A word too rare in
the GSR for a weight of its own still counts through its word vector (the
NER's, learned without labels on SaudiNewsNet, where words of like use lie
near each other): the trigger's vector and the mean vectors of its window and
of its sentence may each have a weight vector per type (the fit chooses; the
shipped weights have none). Its weights
(`rasd/resources/event_salience.json`) are fit by
`scripts/fit_event_salience.py` on the development half of the Arabic event
GSR alone, with every choice made by cross-validation within it.

Two decisions stand outside the model. A past verb opening its clause — the
canonical report, «قصفت الطائرات البلدة أمس» — is kept whatever its words: the
GSR sentences are long and their vocabulary is of 2007–2008, so a short
report elsewhere gathers too little word evidence. And the GSR labels only
ASSAULT and PROTEST, so the model has no evidence about how often a DEFECT or
AGREE trigger reports rather than names: types without a fitted threshold
pass (modality still applies).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from rasd.doc import Token
from rasd.extract.ner_features import EMBEDDINGS
from rasd.extract.triggers import Trigger
from rasd.text import normalize_search

WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "resources" / "event_salience.json"
TYPE = "type:"  # the feature naming the trigger's type, last in every feature list
# Word-vector features, «ASSAULT|vec-window:الطائرات»: the mean vector of a slot's
# words, which the model scores with one weight vector per type and slot.
VECTOR_SLOTS = ("vec-key", "vec-window", "vec-sentence")
# They cost a look-up per word of the sentence, for every trigger: `features` makes
# them once a model that scores them exists (`project` sets this), or when asked.
_vectors_scored = False


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
# Words that may stand before the verb opening a clause: «وقد قصفت»، «ثم قتل».
CLAUSE_OPENERS = _norms("و", "ف", "قد", "وقد", "فقد", "لقد", "كما", "ثم", "حيث")
# The canonical Arabic news report opens its clause with the verb in the past
# («قصفت الطائرات البلدة أمس»): such a mention is kept whatever its words.
REPORT_OPENING = "past-verb-opens-clause"
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
    """Logistic weights per feature, a bias, and keep thresholds on the probability.

    `thresholds` holds those of the types the model was fit on; other types use
    `threshold`. `vectors` maps a type's vector slot («ASSAULT|vec-window») to
    its weight vector already applied to every word vector (`vector_matrix`), so
    a word scores by one look-up.
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    thresholds: dict[str, float] = field(default_factory=dict)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias
        pooled: dict[str, list[float]] = {}
        for f in features:
            slot, colon, word = f.partition(":")
            if colon and slot in self.vectors:
                pooled.setdefault(slot, []).append(float(self.vectors[slot][_row(word)]))
            else:
                z += self.weights.get(f, 0.0)
        # The weight vector times the slot's mean vector is the mean of its words' scores.
        z += sum(sum(scores) / len(scores) for scores in pooled.values())
        return 1.0 / (1.0 + math.exp(-z))

    def keep(self, features: Sequence[str]) -> bool:
        """Whether the mention is kept: `features` as made by `features`, type included."""
        if REPORT_OPENING in features:
            return True
        etype = next((f[len(TYPE) :] for f in reversed(features) if f.startswith(TYPE)), "")
        return self.probability(features) >= self.thresholds.get(etype, self.threshold)


# Where the model is used: on whole articles (`rasd extract`, `ingest`) or on lone
# sentences judged as the Arabic event GSR judges them (`rasd eval gsr`).
SCOPES = ("article", "sentence")


def load_model(path: Path = WEIGHTS_PATH, scope: str = "article") -> SalienceModel:
    """The weights with the thresholds of `scope`.

    The GSR counts a sentence only when all three annotators accept it, so the
    thresholds fit there (`thresholds`) are strict; an article reports more than
    that, and `article_thresholds` (chosen on gold-dev events F1 by
    `scripts/choose_article_thresholds.py`) keep more.
    """
    if scope not in SCOPES:
        raise ValueError(f"scope is one of {SCOPES}, not {scope!r}")
    data = json.loads(path.read_text(encoding="utf-8"))
    thresholds = {t: float(v) for t, v in data.get("thresholds", {}).items()}
    if scope == "article":
        thresholds |= {t: float(v) for t, v in data.get("article_thresholds", {}).items()}
    return SalienceModel(
        dict(data["weights"]),
        float(data["bias"]),
        float(data["threshold"]),
        thresholds,
        project(data.get("vectors", {})),
    )


def project(vectors: dict[str, Sequence[float]]) -> dict[str, np.ndarray]:
    """Slot → its weight vector applied to every word vector, for `SalienceModel.vectors`.

    From then on `features` makes the vector features (build the model before them).
    """
    global _vectors_scored
    if not vectors:
        return {}
    _vectors_scored = True
    matrix = vector_matrix()
    return {slot: matrix @ np.asarray(w, dtype=np.float32) for slot, w in vectors.items()}


# The features need only the vocabulary; the vectors are read when a model or a fit uses them.
@cache
def vector_rows() -> dict[str, int]:
    """The NER's word vectors' vocabulary: search form → row, read once."""
    with np.load(EMBEDDINGS) as data:
        return {w: i for i, w in enumerate(data["words"].tolist())}


@cache
def vector_matrix() -> np.ndarray:
    """The NER's word vectors, one unit row per word (float32), read once."""
    with np.load(EMBEDDINGS) as data:
        return data["vectors"].astype(np.float32)


def _row(word: str) -> int:
    return vector_rows()[word]


def vector_word(tok: Token) -> str | None:
    """The form a word has a vector under: its own, else its clitic stem's; None without."""
    if tok.kind != "word":
        return None
    rows = vector_rows()
    if tok.norm in rows:
        return tok.norm
    stem = normalize_search(tok.stem.text)
    return stem if stem in rows else None


def cross_validated_f1(path: Path = WEIGHTS_PATH) -> dict[str, float]:
    """Per type, the GSR dev F1 the weights file's cross-validation estimated (held out)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {t: float(s["f1"]) for t, s in data["cross_validation"]["gsr_dev"].items()}


def features(
    tokens: Sequence[Token],
    trigger: Trigger,
    casualties: bool,
    same_type_triggers: int,
    vectors: bool | None = None,
) -> list[str]:
    """The binary features of one trigger mention; `casualties`: the sentence gives a count.

    «قصفت الطائرات البلدة فقتلت 5» → [verb-past, casualties, ...]. `vectors`: add
    the word-vector features (`vector_features`); by default, once a model scores them.
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
        if tense == "past" and _opens_clause(tokens, trigger.first):
            out.append(REPORT_OPENING)
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
    if any(_bare(t.norm) in TIME_WORDS for t in tokens):
        out.append("time-word")
    # The words themselves, tied to the type: which trigger, what stands around it.
    words = [f"key:{head.key}"]
    words += [f"before:{t.key}" for t in tokens[max(0, trigger.first - 3) : trigger.first] if t.key]
    words += [f"after:{t.key}" for t in tokens[trigger.last + 1 : trigger.last + 4] if t.key]
    words += sorted({f"in:{t.key}" for t in tokens if t.key})
    out.extend(f"{trigger.type}|{w}" for w in words)
    if _vectors_scored if vectors is None else vectors:
        out.extend(vector_features(tokens, trigger))
    out.append(f"{TYPE}{trigger.type}")
    return out


def vector_features(tokens: Sequence[Token], trigger: Trigger) -> list[str]:
    """The words of each vector slot with a vector, tied to the type: «ASSAULT|vec-key:قصفت»."""
    window = [
        *tokens[max(0, trigger.first - 3) : trigger.first],
        *tokens[trigger.last + 1 : trigger.last + 4],
    ]
    slots = ([tokens[trigger.first]], window, tokens)
    return [
        f"{trigger.type}|{slot}:{w}"
        for slot, slot_tokens in zip(VECTOR_SLOTS, slots, strict=True)
        for t in slot_tokens
        if (w := vector_word(t))
    ]


def _opens_clause(tokens: Sequence[Token], first: int) -> bool:
    before = tokens[first - 1] if first else None
    return before is None or before.kind == "punct" or before.norm in CLAUSE_OPENERS


def _bare(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
