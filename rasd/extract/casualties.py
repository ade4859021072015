"""Casualty counts for the events stage: how many killed and injured a sentence reports.

In: the tokens of a sentence. Out: (killed, injured), each an int or None.
Counts are read next to a cue, in digits or number words: «مقتل 27 شخصا»,
«سقوط عشرة قتلى», «إصابة نحو 100», «قتل ثلاثة جنود أتراك». Vague amounts
(«العشرات»، «عدد من») stay None: a guess is worse than no number for an analyst.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.doc import Token
from rasd.text import normalize_search


def _norms(*words: str) -> frozenset[str]:
    return frozenset(normalize_search(w) for w in words)


KILLED_CUES = _norms(
    "مقتل", "قتل", "قتلت", "قتلوا", "سقوط", "مصرع", "استشهاد", "استشهد", "حصيلة", "وفاة", "اعدام"
)
INJURED_CUES = _norms("إصابة", "اصابة", "أصيب", "أصيبت", "أصيبوا", "جرح", "جرحت", "إصابات")
KILLED_NOUNS = _norms("قتيل", "قتيلا", "قتلى", "شهيد", "شهيدا", "شهداء", "ضحية", "ضحايا")
INJURED_NOUNS = _norms("جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين", "مصابون")
CIVILIANS = _norms(
    "شخص", "شخصا", "أشخاص", "اشخاص", "مدني", "مدنيا", "مدنيين", "مدنيون", "مواطن", "مواطنا",
    "مواطنين", "طفل", "طفلا", "أطفال", "امرأة", "نساء", "لاجئين", "مدنيًا",
)  # fmt: skip
_VAGUE = _norms("عشرات", "العشرات", "مئات", "المئات", "آلاف")
# «نحو 100»، «أكثر من 10»: hedges that may stand between the cue and the number.
_FILLERS = _norms("نحو", "حوالي", "قرابة", "اكثر", "من", "ما", "يزيد", "على", "عن", "الاقل", "زهاء")

NUMBER_WORDS = {
    normalize_search(w): n
    for n, words in {
        1: ("واحد", "واحدا", "أحد"),
        2: ("اثنان", "اثنين", "شخصين", "قتيلين", "جنديين"),
        3: ("ثلاث", "ثلاثة"),
        4: ("أربع", "أربعة"),
        5: ("خمس", "خمسة"),
        6: ("ست", "ستة"),
        7: ("سبع", "سبعة"),
        8: ("ثمان", "ثماني", "ثمانية"),
        9: ("تسع", "تسعة"),
        10: ("عشر", "عشرة"),
        11: ("أحد عشر",),
        20: ("عشرون", "عشرين"),
        30: ("ثلاثون", "ثلاثين"),
        40: ("أربعون", "أربعين"),
        50: ("خمسون", "خمسين"),
        100: ("مئة", "مائة"),
        200: ("مئتين", "مئتان", "مائتين"),
        1000: ("ألف",),
    }.items()
    for w in words
}


def count_casualties(tokens: Sequence[Token]) -> tuple[int | None, int | None]:
    """(killed, injured) reported in a sentence: «مقتل ضابط ومجند وإصابة ثلاثة آخرين» → (None, 3)."""
    killed = injured = None
    for i, token in enumerate(tokens):
        bare = _bare(token.norm)
        if killed is None and (bare in KILLED_CUES or token.norm in KILLED_CUES):
            killed = _number_after(tokens, i)
        elif injured is None and (bare in INJURED_CUES or token.norm in INJURED_CUES):
            injured = _number_after(tokens, i)
        value = _number(token)
        if value is not None and i + 1 < len(tokens):
            following = tokens[i + 1].norm
            if killed is None and _bare(following) in KILLED_NOUNS:
                killed = value
            elif injured is None and _bare(following) in INJURED_NOUNS:
                injured = value
    return killed, injured


def find_civilian_victims(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Offsets of a counted group of civilians: «مقتل 27 شخصا» → the span «27 شخصا».

    The actor stage names armed groups; the people an attack kills are often only
    counted, and an analyst still wants them as the target.
    """
    for i, token in enumerate(tokens[:-1]):
        if _number(token) is None and _bare(token.norm) not in _VAGUE:
            continue
        for k in range(i + 1, min(i + 3, len(tokens))):
            if _bare(tokens[k].norm) in CIVILIANS:
                return token.start, tokens[k].end
    return None


def _bare(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm


def _number_after(tokens: Sequence[Token], i: int) -> int | None:
    for k in range(i + 1, min(i + 5, len(tokens))):
        value = _number(tokens[k])
        if value is not None:
            return value
        if tokens[k].norm not in _FILLERS:
            return None
    return None


def _number(token: Token) -> int | None:
    if token.kind == "number" or token.norm.isdigit():
        digits = token.norm.replace(",", "")
        return int(digits) if digits.isdigit() else None
    return NUMBER_WORDS.get(_bare(token.norm))
