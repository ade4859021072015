"""Clitic segmentation: proclitics + stem + pronoun enclitics, with offsets.

FIRST VERSION (rules only): strip و/ف, then ب/ك/ل/س, then ال (or لل), and the
pronoun enclitics, keeping a stem of at least two letters and never splitting
words in the small list of lexical words below. The evidence-based version
(stems attested in a corpus) replaces this; the interface stays.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.text.normalize import normalize_search

PROCLITICS_CONJ = ("و", "ف")
PROCLITICS_PREP = ("ب", "ك", "ل", "س")
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي")

_NEVER_SPLIT = frozenset(
    normalize_search(w)
    for w in [
        "وزير",
        "بلدة",
        "كتب",
        "لبنان",
        "فلسطين",
        "سوريا",
        "سورية",
        "والي",
        "بيان",
        "كما",
        "هنا",
        "لكن",
        "لكنه",
        "ليبيا",
    ]
)


@lru_cache(maxsize=200_000)
def split_clitics(word: str) -> tuple[tuple[int, int, str], ...]:
    """Split a word into (start, end, role) parts relative to the word.

    «وبالقلم» → (0,1,proclitic) (1,2,proclitic) (2,7,stem).
    """
    key = normalize_search(word)
    if len(key) != len(word) or len(word) < 3 or key in _NEVER_SPLIT:
        # Words with diacritics or tatweel: segment on letters only would need an
        # index map; the first version keeps them whole.
        return ((0, len(word), "stem"),)
    parts: list[tuple[int, int, str]] = []
    i = 0
    if key[0] in PROCLITICS_CONJ and len(key) - 1 >= 3:
        parts.append((0, 1, "proclitic"))
        i = 1
    if key[i] in PROCLITICS_PREP and key[i:].startswith(("بال", "كال", "لل", "بال")):
        parts.append((i, i + 1, "proclitic"))
        i += 1
    if key[i:].startswith("ال") and len(key) - i - 2 >= 2:
        parts.append((i, i + 2, "proclitic"))
        i += 2
    elif key[i:].startswith("ل") and key[i - 1 : i] == "ل" and parts:
        pass
    parts.append((i, len(word), "stem"))
    return tuple(parts)
