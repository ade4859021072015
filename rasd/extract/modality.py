"""Modality of an event mention, for the events stage: asserted, planned, negated or uncertain.

In: the tokens of the sentence and a trigger in it (with its tense). Out: one
of the four modality labels of `shared/docs/gold-format.md`. The cues are
Arabic function words and phrases read on token norms: negators right before
the trigger, denials and rumour frames before it in the sentence, schedules
in its clause, and sentence-wide hedges such as «في حال تأكد».
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.doc import Token
from rasd.extract.triggers import Trigger
from rasd.text import normalize_search


def _norms(*words: str) -> frozenset[str]:
    return frozenset(normalize_search(w) for w in words)


# Negation right before the trigger (at most two words between: «لم يتم تحديد»).
NEGATORS = _norms("لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "ولم", "ولن", "فلم")
# A denial anywhere before the trigger in the sentence: «نفى ... أن».
DENIALS = _norms("نفى", "نفت", "ينفي", "تنفي", "نفوا", "نفي", "ونفى", "ونفت", "نافيا", "نافية")
PLANNED = _norms(
    "سوف",
    "سيتم",
    "ستتم",
    "المقرر",
    "يعتزم",
    "تعتزم",
    "ينوي",
    "تنوي",
    "يفترض",
    "ويفترض",
    "موعد",
    "موعدا",
    "خطة",
    "خطط",
    "يخطط",
    "تخطط",
    "المتوقع",
    "مرتقب",
    "مرتقبة",
    "المرتقب",
    "يستعد",
    "تستعد",
    "يتجهز",
    "تمهيدا",
)
# Future auxiliaries before a verbal noun: «سيتم الخروج»، «ستقوم القوات بـ».
FUTURE_AUX = _norms("سيتم", "ستتم", "سيجري", "ستجري", "سيقوم", "ستقوم", "سيكون", "ستكون", "سيعقد")
UNCERTAIN = _norms(
    "انباء",
    "الانباء",
    "يعتقد",
    "يرجح",
    "ربما",
    "مزاعم",
    "شائعات",
    "يشتبه",
    "يحتمل",
    "محتمل",
    "محتملة",
    "يشاع",
    "ترددت",
    "تشير",
    "يبدو",
    "اذا",
    "لو",
    "يمكن",
    "يمكنهم",
    "احتمال",
    "خوفا",
    "خشية",
)
# Hedges that make the whole sentence uncertain wherever they stand, searched in
# the sentence's norms joined by spaces.
SENTENCE_HEDGES = tuple(
    normalize_search(h) for h in ("غير مؤكدة", "غير مؤكد ", "لم يتم التأكد", "حال تأكد")
)
CLAUSE_BREAKS = frozenset("،,:;؛")
# Fear of an event is no report of it: «خوفاً من انشقاق مزيد من مسلحيه».
FEARS = _norms("خوفا", "خوف", "خشية", "مخافة", "تحسبا", "تخوفا")
# «قد» before a present verb is "may"; before a past verb it stresses the fact.
MAY = normalize_search("قد")


def classify(tokens: Sequence[Token], trigger: Trigger, hedged: bool) -> str:
    """The modality of `trigger` in its sentence's `tokens` (`hedged`: see is_hedged).

    «لم يسلموا سلاحهم» → negated; «سيتم الخروج» → planned;
    «وانتشرت أنباء بأن اتفاقاً جرى» → uncertain; «أغلق التنظيم الطريق» → asserted.
    """
    norms = [t.norm for t in tokens]
    clause = _clause_before(tokens, trigger.first)
    near = norms[max(clause, trigger.first - 3) : trigger.first]
    if any(n in NEGATORS for n in near) or any(n in DENIALS for n in norms[: trigger.first]):
        return "negated"
    if hedged:
        return "uncertain"
    before = norms[max(0, trigger.first - 12) : trigger.first]
    rumoured = any(n in UNCERTAIN for n in before)
    if trigger.tense == "present" and trigger.first > 0 and norms[trigger.first - 1] == MAY:
        return "uncertain"
    window = norms[clause : trigger.first] + norms[trigger.first : trigger.last + 1]
    # A schedule in the trigger's own clause wins over a rumour frame around it:
    # «وكشفت الأنباء، أنه تم تحديد موعد أولي للخروج» is planned.
    if trigger.tense == "future" or any(n in PLANNED or n in FUTURE_AUX for n in window):
        return "planned"
    return "uncertain" if rumoured else "asserted"


def is_feared(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """Whether the trigger is what someone fears, not what happened (its clause, 4 words before).

    «أعاد فتح الطريق، خوفاً من انشقاق مزيد من مسلحيه وهروبهم» → True for «انشقاق», «هروبهم».
    """
    clause = _clause_before(tokens, trigger.first)
    return any(t.norm in FEARS for t in tokens[max(clause, trigger.first - 6) : trigger.first])


def is_demanded(tokens: Sequence[Token], trigger: Trigger, others: Sequence[Trigger]) -> bool:
    """Whether the trigger is what a request in its clause asks for (up to 3 words after it).

    «طالب المحتجون بوقف القصف»، «دعا الجيش إلى الانسحاب»: the REQUEST is the event; the
    shelling to stop and the withdrawal called for are not reported happenings.
    """
    if trigger.type == "REQUEST":
        return False
    clause = _clause_before(tokens, trigger.first)
    return any(
        r.type == "REQUEST" and clause <= r.first and r.last < trigger.first <= r.last + 3
        for r in others
    )


def _clause_before(tokens: Sequence[Token], index: int) -> int:
    """Index of the first token of the clause holding tokens[index]."""
    for i in range(index - 1, -1, -1):
        if tokens[i].kind == "punct" and tokens[i].text in CLAUSE_BREAKS:
            return i + 1
    return 0


def is_hedged(tokens: Sequence[Token]) -> bool:
    """Whether a sentence hedges everything it says: «في حال تأكد هذا النبأ» → True."""
    joined = " ".join(t.norm for t in tokens) + " "
    return any(hedge in joined for hedge in SENTENCE_HEDGES)
