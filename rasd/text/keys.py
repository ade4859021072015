"""Search keys: one key per word form so that inflections meet.

The key of a word is the search-normalised stem (clitics and the article
stripped) with sound plurals and duals folded, and frequent broken plurals of
news vocabulary folded through a small lexicon: «بالانشقاقات» → «انشقاق»,
«المسلحين» → «مسلح», «قتلى» → «قتيل».
"""

from __future__ import annotations

from rasd.text.normalize import normalize_search

# Broken plurals of news vocabulary → singular (search-normalised both sides).
BROKEN_PLURALS = {
    normalize_search(p): normalize_search(s)
    for p, s in (
        ("قتلى", "قتيل"),
        ("جرحى", "جريح"),
        ("مدن", "مدينة"),
        ("قرى", "قرية"),
        ("عناصر", "عنصر"),
        ("أحياء", "حي"),
        ("فصائل", "فصيل"),
        ("أسرى", "أسير"),
        ("مناطق", "منطقة"),
        ("عائلات", "عائلة"),
    )
}

_SUFFIXES = ("تين", "تان", "ات", "ون", "ين", "ان", "ي")


def fold_key(stem: str) -> str:
    """Fold the search-normalised stem of a word: «انشقاقات» → «انشقاق»."""
    if stem in BROKEN_PLURALS:
        return BROKEN_PLURALS[stem]
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            base = stem[: -len(suffix)]
            if suffix in ("تين", "تان"):
                return base + "ه"
            return BROKEN_PLURALS.get(base, base)
    return stem
