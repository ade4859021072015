"""Inputs of the NER network (used by the entities stage and its training).

In: one text-core token. Out: a `WordInputs` that depends only on the token's
form, so it is computed once per form: the rows of its normalised form and of
its clitic stem in the word vectors learned without labels from SaudiNewsNet
(`rasd/resources/ner/embeddings.npz`, `scripts/build_embeddings.py` or
`scripts/build_fasttext.py`) — or, for a form with no row, when the model was
trained so, the fastText vector of its char n-grams (`NgramVectors`) — and,
when trained so, the n-gram vector of its stem besides (`ngrams.npz`), its
letters for the character CNN, and a few sparse cues as strings: token kind,
proclitics, Latin capitals, corpus frequency and word clusters
(`clusters.tsv`), how often the stem takes the article, membership in the
places gazetteer, and name cues counted in SaudiNewsNet (`name_cues.tsv`: how
often a word follows a title, stands next to «بن», follows an organisation or
a place noun).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from rasd.doc import Token
from rasd.errors import RasdError
from rasd.extract.gazetteer import Gazetteer, load_gazetteer
from rasd.text import normalize_search

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ner"
EMBEDDINGS = RESOURCES / "embeddings.npz"
# Char n-gram rows apart from the word vectors (scripts/build_fasttext.py --ngrams-only).
NGRAMS = RESOURCES / "ngrams.npz"
CLUSTERS = RESOURCES / "clusters.tsv"
NAME_CUES = RESOURCES / "name_cues.tsv"
# Columns of name_cues.tsv after the count: after a title, next to «بن», after an
# organisation noun, after a place noun.
_CUE_NAMES = ("nt", "nb", "no", "np")
_CONJ_PREP = frozenset(normalize_search(p) for p in ("و", "ف", "ب", "ك", "ل", "س"))
# Letters the character CNN reads of a word: names are rarely longer.
MAX_CHARS = 20
# Nouns that head organisation names («وزارة الخارجية»، «حزب الله»): the cue «org»
# marks the head, the network learns what follows it.
ORG_HEADS = frozenset(
    normalize_search(w)
    for w in [
        "وزارة",
        "شركة",
        "مجموعة",
        "جامعة",
        "حزب",
        "حركة",
        "منظمة",
        "بنك",
        "مصرف",
        "صحيفة",
        "قناة",
        "وكالة",
        "مؤسسة",
        "جمعية",
        "هيئة",
        "نادي",
        "مجلس",
        "مركز",
        "اتحاد",
        "جبهة",
        "لجنة",
        "محكمة",
        "برلمان",
        "مجمع",
        "معهد",
        "إذاعة",
        "تلفزيون",
        "مكتب",
        "سلطة",
        "صندوق",
        "رابطة",
        "نقابة",
        "كلية",
        "مستشفى",
        "منتخب",
        "فريق",
        "ائتلاف",
        "تحالف",
        "جيش",
        "مديرية",
        "إدارة",
    ]
)
# Nouns that head names of events, prizes, agreements («كأس العالم»، «مؤتمر مدريد»).
MISC_HEADS = frozenset(
    normalize_search(w)
    for w in [
        "كأس",
        "بطولة",
        "دوري",
        "مهرجان",
        "مؤتمر",
        "أولمبياد",
        "جائزة",
        "معرض",
        "منتدى",
        "قمة",
        "ندوة",
        "اتفاقية",
        "اتفاق",
        "عملية",
        "حرب",
        "انتفاضة",
        "ثورة",
        "مسابقة",
        "دورة",
    ]
)
# Prefixes of the cues `heads=True` adds.
HEAD_CUES = ("head=", "nisba=", "act=")
# Endings of relative adjectives (nisba): «سوري»، «السورية»، «السوريون»…
_NISBA = ("يين", "يون", "يات", "يه", "ي")


@dataclass(frozen=True, slots=True)
class WordInputs:
    """What the network reads of one word form: «بدمشق» → rows of بدمشق and دمشق, …"""

    word: int  # row in the word vectors, -1 when the form has none
    stem: int  # row of its clitic stem (or of ال + stem), -1 when none
    chars: str  # its normalised letters (never empty), at most MAX_CHARS
    cues: tuple[str, ...]  # sparse cues
    # (2, dim) float32 n-gram vectors of the form and of the stem in place of a missing
    # row (zeros where there is a row), None without subwords or when both have rows.
    subword: np.ndarray | None = None
    ngram: np.ndarray | None = None  # (dim,) n-gram vector of the stem, when trained so


class WordEncoder:
    """Token → `WordInputs`, cached per form (the text core analyses a form the same way
    wherever it stands)."""

    def __init__(
        self,
        embeddings: Path = EMBEDDINGS,
        clusters: Path = CLUSTERS,
        cues: Path = NAME_CUES,
        places: Gazetteer | None = None,
        heads: bool = True,
        subwords: bool = False,
        stem_ngrams: bool = False,
        ngrams: Path = NGRAMS,
    ) -> None:
        with np.load(embeddings) as data:
            words = data["words"].tolist()
            self.vectors: np.ndarray = data["vectors"]
        # Char n-gram rows (scripts/build_fasttext.py): every form gets a vector. From
        # their own file when there is one, else from the fastText word vectors' file.
        self.subwords, self.stem_ngrams = subwords, stem_ngrams
        self.ngrams: NgramVectors | None = None
        if subwords or stem_ngrams:
            source = ngrams if ngrams.is_file() else embeddings
            with np.load(source) as data:
                if "ngrams" not in data.files:
                    raise RasdError(
                        f"{source} has no char n-gram vectors",
                        hint="build them with scripts/build_fasttext.py",
                    )
                self.ngrams = NgramVectors(data["ngrams"], int(data["min_n"]), int(data["max_n"]))
        self.rows = {w: i for i, w in enumerate(words)}
        self.clusters: dict[str, tuple[str, str, int]] = {}
        with clusters.open(encoding="utf-8") as fh:
            for line in fh:
                word, _c32, c256, c1024, _c4096, count = line.rstrip("\n").split("\t")
                self.clusters[word] = (c256, c1024, int(count))
        self.places = _place_words(places or load_gazetteer())
        self.cues = _read_cues(cues)
        # Organisation/event head nouns, nationality adjectives, actor dictionary words.
        self.heads = heads
        self.actor_words = _actor_words() if heads else {}
        self._inputs = lru_cache(maxsize=50_000)(self._word_inputs)

    def inputs(self, tok: Token) -> WordInputs:
        return self._inputs(*form(tok))

    def _word_inputs(self, text: str, kind: str, norm: str, stem: str, pre: str) -> WordInputs:
        rows = self.rows
        word = rows.get(norm, -1)
        stem_row = rows.get(stem, rows.get("ال" + stem, -1))
        subword = ngram = None
        if self.ngrams is not None and self.stem_ngrams:
            ngram = self.ngrams.vector(stem or text)
        if self.ngrams is not None and self.subwords and (word < 0 or stem_row < 0):
            subword = np.zeros((2, self.vectors.shape[1]), np.float32)
            if word < 0:
                subword[0] = self.ngrams.vector(norm or text)
            if stem_row < 0:
                subword[1] = self.ngrams.vector(stem or text)
        # «sub»: no row, a vector of its n-grams (the network learns to trust it less).
        missing = "sub" if self.subwords else "False"
        cues = [
            f"kind={kind}",
            f"vec={word >= 0 or missing}:{stem_row >= 0 or missing}",
        ]
        if pre:
            cues.append(f"p={pre}")
        if kind == "word" and text[:1].isascii():
            cues.append("cap" if text[:1].isupper() else "latin")
        cl = self.clusters.get(norm)
        cues.append(f"f={int(math.log2(cl[2]))}" if cl else "f=unseen")
        # The stem's clusters generalise over clitics: «وبدمشق» is rare, «دمشق» is not.
        cl = cl or self.clusters.get(stem) or self.clusters.get("ال" + stem)
        if cl:
            cues += [f"c256={cl[0]}", f"c1024={cl[1]}"]
        # Names rarely take the article: «دمشق» is common, «الدمشق» unheard of.
        if not stem.startswith("ال"):
            bare = self.clusters.get(stem, ("", "", 0))[2]
            definite = self.clusters.get("ال" + stem, ("", "", 0))[2]
            ratio = int(math.log2(1 + definite)) - int(math.log2(1 + bare))
            cues.append(f"def={max(-2, min(2, ratio))}")
        cues.extend(self.places.get(stem, ()))
        cues.extend(self.cues.get(norm) or self.cues.get(stem) or ())
        if self.heads:
            cues.extend(self._head_cues(norm, stem))
        return WordInputs(word, stem_row, (norm or text)[:MAX_CHARS], tuple(cues), subword, ngram)

    def _head_cues(self, norm: str, stem: str) -> list[str]:
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
        out = []
        if bare in ORG_HEADS:
            out.append("head=org")
        elif bare in MISC_HEADS:
            out.append("head=misc")
        for end in _NISBA:
            base = bare[: -len(end)]
            if bare.endswith(end) and len(base) >= 2:
                found = [
                    r
                    for b in (base, base + "ا", "ال" + base, base + "يه", "ال" + base + "يه")
                    for r in self.places.get(b, ())
                    if r.startswith("pl=B")
                ]
                if found:
                    out.append("nisba=area" if any("area" in r for r in found) else "nisba=town")
                break
        out.extend(self.actor_words.get(_actor_key(norm), ()))
        return out


class NgramVectors:
    """fastText's vectors of words it has not seen: the char n-gram bucket rows of
    `scripts/build_fasttext.py`, read as gensim's `FastTextKeyedVectors.get_vector` does."""

    def __init__(self, rows: np.ndarray, min_n: int, max_n: int) -> None:
        self.rows = rows  # (buckets, dim) float16
        self.min_n, self.max_n = min_n, max_n
        # Affixes recur across forms: a cached bucket costs a lookup, hashing a microsecond.
        self._bucket = lru_cache(maxsize=1 << 18)(self._bucket_of)

    def vector(self, word: str) -> np.ndarray:
        """Unit-length sum of the rows of the word's n-grams: «بدمشق» → rows of «<بد»,
        «بدم», …, «شق>» (its direction is gensim's mean's; zeros without n-grams)."""
        buckets = [self._bucket(g) for g in char_ngrams(word, self.min_n, self.max_n)]
        vec = self.rows[buckets].astype(np.float32).sum(axis=0)
        return vec / max(float(np.linalg.norm(vec)), 1e-9)

    def _bucket_of(self, ngram: bytes) -> int:
        return ngram_hash(ngram) % len(self.rows)


def char_ngrams(word: str, min_n: int, max_n: int) -> list[bytes]:
    """The UTF-8 char n-grams of «<word>», as gensim's `compute_ngrams_bytes` lists them
    (single letters only inside the marks): «دمشق», 3, 3 → «<دم», «دمش», «مشق», «شق>»."""
    marked = f"<{word}>"
    out = []
    for i in range(len(marked)):
        for n in range(max(min_n, 1), max_n + 1):
            if i + n > len(marked):
                break
            if n == 1 and (i == 0 or i + 1 == len(marked)):
                continue
            out.append(marked[i : i + n].encode("utf-8"))
    return out


def ngram_hash(data: bytes) -> int:
    """32-bit FNV-1a with fastText's quirk: each byte is read as a signed char, so bytes
    from 0x80 (every Arabic letter's) are sign-extended (gensim's `ft_hash_bytes`)."""
    h = 2166136261
    for b in data:
        h = ((h ^ (b | 0xFFFFFF00 if b & 0x80 else b)) * 16777619) & 0xFFFFFFFF
    return h


def _actor_key(norm: str) -> str:
    from rasd.extract.actor_dictionary import word_key

    return word_key(norm) if norm else norm


def _actor_words() -> dict[str, tuple[str, ...]]:
    """Search key → its roles in the actor dictionary's aliases: «داعش» → ("act=B:org",).

    B for a first word, I for a later one; per for leaders, org for the rest. Generic
    actors («المسلحين») are left out: they are no names.
    """
    from rasd.extract.actor_dictionary import load_actors

    roles: dict[str, set[str]] = {}
    for alias in load_actors().aliases:
        if alias.actor.generic:
            continue
        kind = "per" if alias.actor.type.endswith("leader") else "org"
        for i, (key, _definite) in enumerate(alias.words):
            roles.setdefault(key, set()).add(f"act={'BI'[i > 0]}:{kind}")
    return {k: tuple(sorted(r)) for k, r in roles.items()}


def form(tok: Token) -> tuple[str, str, str, str, str]:
    """What a token's inputs depend on: (text, kind, norm, stem, proclitics)."""
    stem = ""
    pre = []
    for seg in tok.segments:
        if seg.role == "stem":
            stem = normalize_search(seg.text)
        elif seg.role == "proclitic":
            pre.append(normalize_search(seg.text))
    return tok.text, tok.kind, tok.norm, stem or tok.norm, "+".join(pre)


def _place_words(places: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Search form → its roles in place names: «دمشق» → ("pl=BFalse:area", …).

    pl=B<multi-word>:<area|town> for a first word, pl=I for a later one.
    """
    roles: dict[str, set[str]] = {}
    for first, entries in places.index.items():
        for rest, found in entries:
            kinds = {p.kind for p in found}
            size = "area" if kinds & {"country", "admin1", "region"} else "town"
            roles.setdefault(first, set()).add(f"pl=B{len(rest) > 0}:{size}")
            for word in rest:
                roles.setdefault(word, set()).add("pl=I")
    return {w: tuple(sorted(r)) for w, r in roles.items()}


def _cue_bucket(ratio: float) -> int:
    return 0 if ratio < 0.05 else 1 if ratio < 0.15 else 2 if ratio < 0.4 else 3


def _read_cues(path: Path) -> dict[str, tuple[str, ...]]:
    """Search form → name-cue strings: «سلمان» → ("nt=3", "nb=3")."""
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, count, *cues = line.rstrip("\n").split("\t")
            n = int(count)
            feats = tuple(
                f"{name}={_cue_bucket(int(c) / n)}"
                for name, c in zip(_CUE_NAMES, cues, strict=True)
                if _cue_bucket(int(c) / n)
            )
            if feats:
                out[word] = feats
    return out


def entity_start(tok: Token) -> int:
    """Where an entity beginning in this token starts: after و/ف/ب/ك/ل/س, keeping ال.

    «بدمشق» → the offset of «دمشق»; «والولايات» → the offset of «الولايات».
    """
    for seg in tok.segments:
        if seg.role != "proclitic" or normalize_search(seg.text) not in _CONJ_PREP:
            return seg.start
    return tok.start
