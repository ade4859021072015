"""Normalisation, three levels (text stage; strings in, strings out).

*Display* (`normalize_display`) is applied once at ingest to produce the clean
body: NFC, no tatweel, no bidi or zero-width marks; everything else is kept, so
the clean text still reads as the outlet wrote it.

*Letters* (`normalize_letters`) keeps the spelling but drops what is not a
letter: diacritics, tatweel, invisible marks; Persian/Urdu letter variants
become Arabic ones. Hamza, ة and ى are kept because they tell words apart
(«والي» governor, «وإلى» and-to); clitic segmentation works on this level.

*Search* (`normalize_search`) is applied per token and never changes the body:
it also unifies alef forms, ة → ه, ى → ي, and maps Arabic-Indic and Persian
digits to ASCII, so that «إنشقاق», «انشقاق» and «اِنْشِقاق» meet.

All three are idempotent: they are iterated to a fixed point, because removing
a mark can bring two characters together that NFC then composes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

TATWEEL = "\u0640"
# Bidi controls, zero-width (non-)joiners, BOM and soft hyphen: invisible in display.
INVISIBLE = (
    "\u200e\u200f\u061c\u200c\u200d\u200b\u2066\u2067\u2068\u2069"
    "\u202a\u202b\u202c\u202d\u202e\ufeff\u00ad"
)
# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x0610, 0x061B))
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))
)
# Characters that are not letters of a word: dropped before segmenting.
NON_LETTERS = frozenset(DIACRITICS + INVISIBLE + TATWEEL)

_DISPLAY_MAP: dict[int, str | None] = {ord(c): None for c in INVISIBLE + TATWEEL}

_LETTERS_MAP: dict[int, str | None] = {ord(c): None for c in NON_LETTERS}
_LETTERS_MAP.update(
    {
        ord("ٱ"): "ا",
        ord("ٲ"): "أ",
        ord("ٳ"): "إ",
        ord("ۀ"): "ة",
        ord("ە"): "ه",
        ord("ی"): "ي",
        ord("ې"): "ي",
        ord("ێ"): "ي",
        ord("ک"): "ك",
        ord("ڪ"): "ك",
        ord("گ"): "ك",
    }
)

_SEARCH_MAP: dict[int, str | None] = dict(_LETTERS_MAP)
_SEARCH_MAP.update(
    {
        ord("أ"): "ا",
        ord("إ"): "ا",
        ord("آ"): "ا",
        ord("ٱ"): "ا",
        ord("ٲ"): "ا",
        ord("ٳ"): "ا",
        ord("ة"): "ه",
        ord("ۀ"): "ه",
        ord("ى"): "ي",
    }
)
for _i in range(10):
    _SEARCH_MAP[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _SEARCH_MAP[0x06F0 + _i] = str(_i)  # Persian digits
_SEARCH_MAP[ord("٫")] = "."  # Arabic decimal separator
_SEARCH_MAP[ord("٬")] = ","  # Arabic thousands separator


def _fixed_point(text: str, step: Callable[[str], str]) -> str:
    out = step(text)
    while True:
        again = step(out)
        if again == out:
            return out
        out = again


def _display_step(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_DISPLAY_MAP)


def _letters_step(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_LETTERS_MAP)


def _search_step(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_SEARCH_MAP).lower()


def normalize_display(text: str) -> str:
    """Clean text for display and storage: «الـمـسلحين\u200f» → «المسلحين»."""
    return _fixed_point(text, _display_step)


def normalize_letters(text: str) -> str:
    """The letters of a string, spelling kept: «إِنْشِقاقـات» → «إنشقاقات»."""
    if text.isascii():
        return text
    out = _letters_step(text)
    # One step is a fixed point unless dropping a mark left composable neighbours.
    return out if unicodedata.is_normalized("NFC", out) else _fixed_point(out, _letters_step)


def normalize_search(text: str) -> str:
    """The search form of a string: «إنْشِقاقاتٌ» → «انشقاقات», «٢٠١٨» → «2018».

    Idempotent: normalize_search(normalize_search(s)) == normalize_search(s).
    """
    if text.isascii():
        return text.lower()
    out = _search_step(text)
    # NFC output of one step is a fixed point: lower() never yields a mapped character.
    if unicodedata.is_normalized("NFC", out):
        return out
    return _fixed_point(out, _search_step)
