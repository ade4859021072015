"""Clitic segmentation (text stage): a word in, proclitics + stem + pronoun enclitics out.

Proclitics are و ف (conjunctions), ب ك ل (prepositions), س (future, before an
imperfect verb) and the article ال (written ل after the preposition ل: «للقدم»
is ل + ل + قدم). Enclitics are the pronouns ه ها هم هما هن ك كم كن ي ني نا.

Approach: every segmentation that the grammar above allows is a candidate
(«وبالحجر»: whole, و+بالحجر, و+ب+الحجر, و+ب+ال+حجر, ...). Each candidate is
scored by a linear model over a few features, and the best one wins:

- evidence from SaudiNewsNet (8.6M words, `resources/word_counts.tsv.gz`,
  built by `scripts/build_stems.py`): how often the remaining stem occurs on
  its own compared with the whole word. «وزير» stays whole because «زير» is
  rare while «وزير» is frequent; «وبلدة» splits because «بلدة» is frequent.
  A stem before a pronoun is also looked up as the word is written alone:
  ت as ة («مرحلته»), ئ/ؤ as ء («أدائه»), ي/ا as ى («عليه»).
- whether the word itself takes the article: «الوحدة» is frequent, so
  «وحدة» is a word, not و + حدة (ال precedes neither و/ب/ف nor a pronoun);
  this and a rule against bare-alef stems usually written with hamza
  («واحد» is not و + احد) remove candidates outright;
- which proclitic and enclitic sequences are used, and the stem length.

A handful of function words named by the issue are kept whole whatever the
model says («كما», «هنا», «لكن», «والي»; listed in the weights file).

The weights (`resources/clitic_weights.json`) are learned by an averaged
perceptron on the train part of the Farasa WikiNews gold
(`scripts/train_clitics.py`); the test part is never seen. Segmentation is over
letters only: diacritics and tatweel stay attached to the letter before them,
and the returned offsets index the original word.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from rasd.text.normalize import NON_LETTERS, normalize_letters

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
FUTURE = "س"
ARTICLE = "ال"
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "كن", "ني", "نا", "ه", "ك", "ي")
_ENCLITICS_BY_LAST = {
    last: tuple(e for e in ENCLITICS if e[-1] == last) for last in {e[-1] for e in ENCLITICS}
}
# Letters that begin an imperfect verb: the only stems «س» can precede.
_IMPERFECT = frozenset("يتنأ")
# A one-letter stem is only a preposition carrying a pronoun: «له» ل + ه, «به»;
# never after another preposition («كلها» is كل + ها) and never with ني («بني»).
_ONE_LETTER_STEMS = frozenset("لب")

Parts = tuple[tuple[int, int, str], ...]
Candidate = tuple[tuple[str, ...], str, str]  # (proclitics, stem, enclitic), on letters


def _resource(name: str) -> Traversable:
    return resources.files("rasd") / "resources" / name


@lru_cache(maxsize=1)
def word_counts() -> dict[str, int]:
    """Letters form → count in SaudiNewsNet (forms seen at least twice)."""
    fields = read_table("word_counts.tsv.gz")
    return dict(zip(fields[0::2], map(int, fields[1::2]), strict=True))


def read_table(name: str) -> list[str]:
    """Every field of a gzipped TSV resource, row after row, in one list.

    Decoding and splitting the whole file at once is several times faster than
    reading it line by line (the tables have 100k+ rows).
    """
    with _resource(name).open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    return text.replace("\n", "\t").split("\t")[:-1]


@lru_cache(maxsize=1)
def known_segmentations() -> dict[str, Candidate]:
    """The model's segmentation of every corpus form it splits (`clitic_splits.tsv.gz`).

    Written by `scripts/train_clitics.py` with the weights, so that the frequent
    forms cost a lookup instead of scoring: «وبالقلم» → (("و", "ب", "ال"), "قلم", "").
    """
    table: dict[str, Candidate] = {}
    fields = read_table("clitic_splits.tsv.gz")
    for form, pre, enc in zip(fields[0::3], fields[1::3], fields[2::3], strict=True):
        proclitics = tuple(pre.split("+")) if pre else ()
        at = sum(len(p) for p in proclitics)
        table[form] = (proclitics, form[at : len(form) - len(enc)], enc)
    return table


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], frozenset[str]]:
    data = json.loads(_resource("clitic_weights.json").read_text(encoding="utf-8"))
    keep = frozenset(normalize_letters(w) for w in data.get("keep_whole", []))
    return data["weights"], keep


def candidates(letters: str, counts: dict[str, int] | None = None) -> list[Candidate]:
    """Every segmentation of a letters-only word that the clitic grammar allows.

    With corpus counts, two kinds of split are ruled out by evidence:
    - a word that itself takes the article is lexical, since ال can precede
      neither و/ب/ف nor a word with a pronoun: «الوحدة», «البعيد» and «التوجه»
      are frequent, so «وحدة», «بعيد», «توجه» stay whole;
    - a split leaving a bare-alef stem usually written with hamza, when the
      whole word is more frequent than that spelling: «واحد» is not و + احد,
      since «أحد» ≫ «احد» and «واحد» ≫ «وأحد».
    """
    out: list[Candidate] = [((), letters, "")]
    if counts is not None and _takes_article(letters, counts):
        return out
    n = len(letters)
    endings = [enc for enc in _ENCLITICS_BY_LAST.get(letters[-1], ()) if letters.endswith(enc)]
    # «وطنه» is وطن + ه, not و + طن + ه: «الوطن» is frequent.
    lexical_cores = {
        enc
        for enc in endings
        if counts is not None and _takes_article(letters[: n - len(enc)], counts)
    }
    for pre in _prefix_options(letters):
        consumed = sum(len(p) for p in pre)
        # A definite noun carries no pronoun.
        for enc in ("",) if pre and _has_article(pre) else ("", *endings):
            if not pre and not enc or (pre and enc in lexical_cores):
                continue
            stem = letters[consumed : n - len(enc)]
            if len(stem) < 2 and not (
                len(stem) == 1
                and enc
                and enc != "ني"
                and stem in _ONE_LETTER_STEMS
                and all(p in CONJUNCTIONS for p in pre)
            ):
                continue
            if FUTURE in pre and (stem[0] not in _IMPERFECT or enc == "ي"):
                continue
            if counts is not None and pre and _lost_hamza(letters, pre, stem, counts):
                continue
            out.append((pre, stem, enc))
    return out


def _takes_article(letters: str, counts: dict[str, int]) -> bool:
    """The word is seen with the article often enough to be a lexical word.

    A final tanween alif is dropped first («بعيدا» → «البعيد»).
    """
    if letters.startswith("له"):
        return False  # «الله», «اللهم» are not the article before «له», «لهم»
    definite = counts.get(ARTICLE + letters, 0)
    if letters.endswith("ا") and not letters.endswith(("ها", "نا")):
        definite = max(definite, counts.get(ARTICLE + letters[:-1], 0))
    return definite >= 10 and definite * 20 >= counts.get(letters, 0)


def _lost_hamza(letters: str, pre: tuple[str, ...], stem: str, counts: dict[str, int]) -> bool:
    if stem[0] != "ا" or pre[-1] == ARTICLE:
        return False
    head = "".join(pre)
    for hamza in "أإ":
        spelt = hamza + stem[1:]
        spelt_n = counts.get(spelt, 0)
        if (
            spelt_n >= 10
            and spelt_n >= 5 * counts.get(stem, 0)
            and counts.get(letters, 0) >= counts.get(head + spelt, 0)
        ):
            return True
    return False


def _has_article(pre: tuple[str, ...]) -> bool:
    return pre[-1] == ARTICLE or (len(pre) >= 2 and pre[-1] == "ل" and pre[-2] == "ل")


def _prefix_options(letters: str) -> list[tuple[str, ...]]:
    """Proclitic sequences that the word starts with, the empty one included."""
    options: list[tuple[str, ...]] = [()]
    conjunctions: list[tuple[str, ...]] = [()]
    if letters[:1] in CONJUNCTIONS:
        conjunctions.append((letters[0],))
    for conj in conjunctions:
        rest = letters[len(conj) :]
        if conj:
            options.append(conj)
        first = rest[:1]
        if first in PREPOSITIONS:
            options.append((*conj, first))
            if first == "ل" and rest[1:2] == "ل":
                options.append((*conj, "ل", "ل"))  # ل + article: «للقدم»
            elif rest[1:3] == ARTICLE:
                options.append((*conj, first, ARTICLE))
        elif first == FUTURE:
            options.append((*conj, FUTURE))
        if rest.startswith(ARTICLE):
            options.append((*conj, ARTICLE))
    return options


_LEN_FEATURES = tuple(f"len={n}" for n in range(6))


def features(letters: str, cand: Candidate, counts: dict[str, int]) -> dict[str, float]:
    """Sparse features of one candidate segmentation (shared by scoring and training)."""
    pre, stem, enc = cand
    if not pre and not enc:
        return {"whole": 1.0, "whole_len": min(len(letters), 8) / 8}
    word_n = counts.get(letters, 0)
    stem_n = counts.get(stem, 0)
    if enc:
        last = stem[-1]
        if last == "ت":
            stem_n = max(stem_n, counts.get(stem[:-1] + "ة", 0))
        elif last in "يا":
            stem_n = max(stem_n, counts.get(stem[:-1] + "ى", 0))
        elif last in "ئؤ":
            stem_n = max(stem_n, counts.get(stem[:-1] + "ء", 0))
    stem_log = math.log1p(stem_n) / 10
    gain = stem_log - math.log1p(word_n) / 10
    pattern = "pre=" + "+".join(pre)
    f = {
        pattern: 1.0,
        "enc=" + enc: 1.0,
        pattern + "|enc=" + enc: 1.0,
        "stem_log": stem_log,
        "gain": gain,
        _LEN_FEATURES[min(len(stem), 5)]: 1.0,
    }
    # A word that itself takes the article («البعيد», «الواحد») is lexical, not ب/و + stem.
    whole_def = math.log1p(counts.get(ARTICLE + letters, 0)) / 10
    if pre:
        f["gain_pre"] = gain
        f["whole_takes_article_pre"] = whole_def
    if enc:
        f["gain_enc"] = gain
        f["whole_takes_article_enc"] = whole_def
        f["enc=" + enc + "|stemlast=" + stem[-1]] = 1.0
        if counts.get(ARTICLE + stem, 0) or counts.get(ARTICLE + stem[:-1] + "ة", 0):
            f["enc_stem_takes_article"] = 1.0
    if stem_n == 0:
        f["stem_unseen|" + pattern + "|enc=" + enc] = 1.0
        f["stem_unseen"] = 1.0
        if word_n:
            f["stem_unseen_word_seen"] = 1.0
    if pre and pre[-1] == ARTICLE and stem[:1] == "ل":
        f["article_before_lam"] = 1.0
    if pre and stem.startswith(ARTICLE):
        f["stem_keeps_article"] = 1.0  # «ف+المسلحين» rather than ف + ال + مسلحين
    return f


def score(weights: dict[str, float], feats: dict[str, float]) -> float:
    total = 0.0
    get = weights.get
    for k, v in feats.items():
        total += get(k, 0.0) * v
    return total


def best_candidate(letters: str, weights: dict[str, float] | None = None) -> Candidate:
    """The highest-scoring segmentation of a letters-only word.

    With the shipped weights, the 157k corpus forms are looked up in the table
    the model produced for them (`known_segmentations`); other forms are scored.
    """
    if weights is None:
        weights, keep = _model()
        if letters in keep:
            return ((), letters, "")
        known = known_segmentations().get(letters)
        if known is not None:
            return known
        if letters in word_counts():
            return ((), letters, "")  # a corpus form the model keeps whole
    counts = word_counts()
    cands = candidates(letters, counts)
    if len(cands) == 1:
        return cands[0]
    best, best_score = cands[0], -math.inf
    for cand in cands:
        value = score(weights, features(letters, cand, counts))
        if value > best_score:
            best, best_score = cand, value
    return best


@lru_cache(maxsize=20_000)
def split_clitics(word: str) -> Parts:
    """Split a word into (start, end, role) parts relative to the word.

    «وبالقلم» → (0,1,proclitic) (1,2,proclitic) (2,4,proclitic) (4,7,stem).
    Diacritics and tatweel belong to the letter before them: «لِـلْقُدْسِ»
    → «لِـ» «لْ» «قُدْسِ».
    """
    return analyse_clitics(word)[0]


def analyse_clitics(word: str) -> tuple[Parts, Candidate]:
    """The parts of a word and the segmentation of its letters they come from.

    «وبمسلحيه» → (((0,1,proclitic), (1,2,proclitic), (2,7,stem), (7,8,enclitic)),
    (("و", "ب"), "مسلحي", "ه")). Words that are not Arabic are one stem.
    """
    if NON_LETTERS.isdisjoint(word):
        positions: list[int] | range = range(len(word))
        letters = normalize_letters(word)
    else:
        positions = [i for i, ch in enumerate(word) if ch not in NON_LETTERS]
        letters = normalize_letters("".join(word[i] for i in positions))
    whole = ((0, len(word), "stem"),)
    if len(letters) != len(positions) or len(letters) < 2 or not "\u0621" <= letters[0] <= "\u06ff":
        return whole, ((), letters, "")
    cand = best_candidate(letters)
    pre, stem, enc = cand
    if not pre and not enc:
        return whole, cand
    # Letter boundaries → offsets in the word: a boundary sits before the next letter.
    parts: list[tuple[int, int, str]] = []
    start = at = 0
    for p in pre:
        at += len(p)
        parts.append((start, positions[at], "proclitic"))
        start = positions[at]
    if enc:
        at += len(stem)
        parts.append((start, positions[at], "stem"))
        parts.append((positions[at], len(word), "enclitic"))
    else:
        parts.append((start, len(word), "stem"))
    return tuple(parts), cand
