"""Search keys (text stage): a stem in, the key its inflections share out.

The key of a word is its search-normalised stem (clitics and the article
already stripped by segmentation) with plurals and duals folded:

- broken plurals of news vocabulary through a lexicon
  (`resources/broken_plurals.tsv`): «قتلى» → «قتيل», «أحياء» → «حي»;
- feminine duals: «طائرتين» → «طائره» (the key of «طائرة»);
- sound plurals, duals and construct plurals by rule, each accepted only with
  evidence from SaudiNewsNet (`resources/word_counts.tsv.gz`): «مسلحين» →
  «مسلح» because «مسلح» and «مسلحون» both occur (or the base has a
  participle pattern, فاعل or م-initial: «الراغبين» → «راغب»), while «فلسطين»
  and «البحرين» stay (no «فلسط»; no «بحرون» or «بحران»). «ات» folds to
  base+ه unless the definite bare base is far more frequent: «غارات» →
  «غاره», «المصالحات» → «مصالحه», «انشقاقات» → «انشقاق».
- a final ي is a construct plural only without the article and when the
  definite form is rare: «مسلحي» → «مسلح», but «السوري»/«سوري» keep «سوري»
  (nisba adjectives, which the places stage relies on).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rasd.text.clitics import word_counts
from rasd.text.normalize import normalize_search

# A folded base must be seen this often in SaudiNewsNet to count as evidence.
MIN_EVIDENCE = 3


@lru_cache(maxsize=1)
def broken_plurals() -> dict[str, str]:
    """Search-normalised broken plural → search-normalised singular."""
    text = (resources.files("rasd") / "resources" / "broken_plurals.tsv").read_text("utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {normalize_search(p): normalize_search(s) for p, s in pairs}


@lru_cache(maxsize=1)
def search_counts() -> dict[str, int]:
    """Word counts of SaudiNewsNet at the search level («أحد» and «احد» together)."""
    letters = word_counts()
    # Normalising each form on its own is the slow part of loading. Every step of
    # normalize_search acts on each character or combining sequence, and a
    # newline is neither changed nor composed with anything, so all forms are
    # normalised at once, joined by newlines (none has one).
    keys = normalize_search("\n".join(letters)).split("\n")
    counts: dict[str, int] = {}
    for key, n in zip(keys, letters.values(), strict=True):
        counts[key] = counts.get(key, 0) + n
    return counts


def fold_key(stem: str, definite: bool = False) -> str:
    """Fold the search-normalised stem of a word: «انشقاقات» → «انشقاق», «مسلحي» → «مسلح».

    definite: the word carried the article, so a final ي is a nisba, not a construct plural.
    """
    lexicon = broken_plurals()
    if stem in lexicon:
        return lexicon[stem]
    if stem.startswith("ال"):
        return stem  # a word that kept its ال is a function word or a name: «التي», «الذين»
    c = search_counts()

    def seen(form: str) -> bool:
        return c.get(form, 0) >= MIN_EVIDENCE

    base = stem[:-3]
    if stem.endswith(("تين", "تان")) and len(base) >= 2 and seen(base + "ه"):
        return base + "ه"
    base = stem[:-2]
    if stem.endswith("ات") and len(base) >= 2:
        # Singular with ة or without? Compared on definite forms, which carry no
        # pronoun («انشقاقه» is his defection, «الانشقاقه» nothing), leaning to ة
        # as most ات plurals are of ة nouns: «المصالحات» → «مصالحه».
        fem = base + "ه"
        fem_def, base_def = c.get("ال" + fem, 0), c.get("ال" + base, 0)
        if fem_def or base_def:
            best = fem if fem_def * 4 >= base_def else base
        else:
            best = max((fem, base), key=lambda f: c.get(f, 0))
        return lexicon.get(best, best) if seen(best) else stem
    if len(base) >= 3 and seen(base):
        if stem.endswith("ين") and (seen(base + "ون") or seen(base + "ان") or _is_participle(base)):
            return lexicon.get(base, base)
        if stem.endswith("ون") and (seen(base + "ين") or _is_participle(base)):
            return lexicon.get(base, base)
        if stem.endswith("ان") and seen(base + "ين"):
            return base
    base = stem[:-1]
    if (
        not definite
        and stem.endswith("ي")
        and len(base) >= 3
        and seen(base + "ين")
        and c.get("ال" + stem, 0) * 10 < c.get(base + "ين", 0)
    ):
        return lexicon.get(base, base)
    return stem


def _is_participle(base: str) -> bool:
    """فاعل or م-initial participle patterns, which take sound plurals: «راغب», «مسلح»."""
    return (len(base) == 4 and base[1] == "ا") or (len(base) >= 4 and base[0] == "م")


def stem_before_pronoun(stem: str) -> str:
    """The word a pronoun was attached to, when its spelling changed: «مرحلت» → «مرحله», «ادائ» → «اداء».

    ت goes back to ة (ه at the search level) and ئ/ؤ to ء, when the corpus
    sees that form more often than the one written.
    """
    last = stem[-1:]
    if last == "ت":
        restored = stem[:-1] + "ه"
    elif last in ("ئ", "ؤ"):
        restored = stem[:-1] + "ء"
    else:
        return stem
    c = search_counts()
    return restored if c.get(restored, 0) > c.get(stem, 0) else stem
