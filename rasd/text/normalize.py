"""Normalisation, two levels.

*Display* (`normalize_display`) is applied once at ingest to produce the clean
body: NFC, no tatweel, no bidi or zero-width marks; everything else is kept, so
the clean text still reads as the outlet wrote it.

*Search* (`normalize_search`) is applied per token and never changes the body:
it also drops diacritics, unifies alef forms, ة → ه, ى → ي, Persian/Urdu letter
variants, and maps Arabic-Indic and Persian digits to ASCII, so that «إنشقاق»,
«انشقاق» and «اِنْشِقاق» meet.
"""

from __future__ import annotations

import unicodedata

TATWEEL = "\u0640"
# Bidi controls, zero-width (non-)joiners, BOM and soft hyphen: invisible in display.
_INVISIBLE = "\u200e\u200f\u061c\u200c\u200d\u200b\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff\u00ad"
_DISPLAY_TABLE = {ord(c): None for c in _INVISIBLE + TATWEEL}

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x0610, 0x061B))
    + "".join(chr(c) for c in range(0x06D6, 0x06EE))
)

_SEARCH_MAP: dict[int, str | None] = {ord(c): None for c in DIACRITICS + _INVISIBLE + TATWEEL}
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
        ord("ە"): "ه",
        ord("ى"): "ي",
        ord("ی"): "ي",
        ord("ې"): "ي",
        ord("ک"): "ك",
        ord("ڪ"): "ك",
        ord("ؤ"): "ؤ",
    }
)
for _i in range(10):
    _SEARCH_MAP[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _SEARCH_MAP[0x06F0 + _i] = str(_i)  # Persian digits
_SEARCH_MAP[ord("٫")] = "."  # Arabic decimal separator
_SEARCH_MAP[ord("٬")] = ","  # Arabic thousands separator


def normalize_display(text: str) -> str:
    """Clean text for display and storage: «الـمـسلحين\u200f» → «المسلحين»."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_DISPLAY_TABLE)


def normalize_search(text: str) -> str:
    """The search form of a string: «إنْشِقاقاتٌ» → «انشقاقات», «٢٠١٨» → «2018».

    Idempotent: normalize_search(normalize_search(s)) == normalize_search(s).
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFC", text).translate(_SEARCH_MAP).lower()
