"""Features of the NER model (used by the entities stage and its training).

In: the text core's tokens of one sentence. Out: one list of feature strings
per token for python-crfsuite. A word's own features are computed once per
word form and cached: its normalised form, clitic stem and key, proclitics,
affixes of the stem, shape, corpus frequency, the unsupervised word clusters
learned from SaudiNewsNet (`rasd/resources/ner/clusters.tsv`, three nested
levels) for the word and for its stem, and membership in the actor
dictionary and the places gazetteer, and name cues counted in SaudiNewsNet
(`rasd/resources/ner/name_cues.tsv`: how often a word follows a title, stands
next to «بن», follows an organisation or a place noun). Context features are
the neighbours' forms, clusters and name cues.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.doc import Token
from rasd.extract.actor_dictionary import ActorDictionary, load_actors
from rasd.extract.gazetteer import Gazetteer, load_gazetteer
from rasd.text import normalize_search

CLUSTERS = Path(__file__).resolve().parents[1] / "resources" / "ner" / "clusters.tsv"
NAME_CUES = CLUSTERS.with_name("name_cues.tsv")
# Columns of name_cues.tsv after the count: after a title, next to «بن», after an
# organisation noun, after a place noun.
_CUE_NAMES = ("nt", "nb", "no", "np")
_CONJ_PREP = frozenset(normalize_search(p) for p in ("و", "ف", "ب", "ك", "ل", "س"))


@dataclass(frozen=True)
class WordInfo:
    """The features one word form contributes: its own, and those its neighbours see."""

    own: tuple[str, ...]  # features of the word itself
    ctx: tuple[str, ...]  # the part a neighbour sees (form, stem, clusters)
    c256: str  # its mid-level cluster, for cluster bigrams


# Offsets of the neighbours whose ctx features a token sees.
WINDOW = (-2, -1, 1, 2)


class FeatureExtractor:
    """Turns a sentence of tokens into crfsuite features: «بدمشق» → w=بدمشق, s=دمشق, c1024=…"""

    def __init__(
        self,
        clusters: Path = CLUSTERS,
        actors: ActorDictionary | None = None,
        places: Gazetteer | None = None,
        cues: Path = NAME_CUES,
    ) -> None:
        self.clusters: dict[str, tuple[str, str, str, str, int]] = {}
        with clusters.open(encoding="utf-8") as fh:
            for line in fh:
                word, c32, c256, c1024, c4096, count = line.rstrip("\n").split("\t")
                self.clusters[word] = (c32, c256, c1024, c4096, int(count))
        actors = actors or load_actors()
        # key → the types of named actors whose aliases contain it (first word marked).
        self.gazetteer: dict[str, set[str]] = {}
        for alias in actors.aliases:
            if alias.actor.generic:
                continue
            for n, (key, _definite) in enumerate(alias.words):
                tag = ("B:" if n == 0 else "I:") + alias.actor.type
                self.gazetteer.setdefault(key, set()).add(tag)
        self.places = _place_words(places or load_gazetteer())
        self.cues = _read_cues(cues)
        # Bounded: at ~2.5 KB a form, 300k forms would hold most of a gigabyte.
        self._info = lru_cache(maxsize=20_000)(self._word_info)

    def _word_info(
        self, text: str, kind: str, norm: str, key: str, stem: str, pre: str
    ) -> WordInfo:
        own = [f"w={norm}", f"k={key}", f"kind={kind}"]
        if pre:
            own.append(f"p={pre}")
        for n in (1, 2, 3):
            if len(stem) > n:
                own.append(f"pre{n}={stem[:n]}")
                own.append(f"suf{n}={stem[-n:]}")
        own.append(f"len={min(len(stem), 8)}")
        if kind == "word" and text[:1].isascii():
            own.append("latin")
            if text[:1].isupper():
                own.append("cap")
        cl = self.clusters.get(norm)
        ctx = [f"w={norm}"]
        if stem != norm:
            ctx.append(f"s={stem}")
        if cl:
            own.append(f"f={int(math.log2(cl[4]))}")
        else:
            own.append("f=unseen")
            # The stem's clusters generalise over clitics: «وبدمشق» is rare, «دمشق» is not.
            cl = self.clusters.get(stem) or self.clusters.get("ال" + stem)
        if cl:
            ctx += [f"c32={cl[0]}", f"c256={cl[1]}", f"c1024={cl[2]}", f"c4096={cl[3]}"]
        # Names rarely take the article: «دمشق» is common, «الدمشق» unheard of.
        if not stem.startswith("ال"):
            bare = self.clusters.get(stem, (0, 0, 0, 0, 0))[4]
            definite = self.clusters.get("ال" + stem, (0, 0, 0, 0, 0))[4]
            ratio = int(math.log2(1 + definite)) - int(math.log2(1 + bare))
            own.append(f"def={max(-2, min(2, ratio))}")
        for tag in self.gazetteer.get(key, ()):
            own.append(f"g={tag}")
        own.extend(self.places.get(stem, ()))
        cues = self.cues.get(norm) or self.cues.get(stem) or ()
        ctx.extend(cues)
        own.extend(ctx[1:])
        return WordInfo(tuple(own), tuple(ctx), f"c256={cl[1]}" if cl else "unk")

    @staticmethod
    def form(tok: Token) -> tuple[str, str, str, str, str, str]:
        """What a token's features depend on: the same form gets the same features."""
        stem = ""
        pre = []
        for seg in tok.segments:
            if seg.role == "stem":
                stem = normalize_search(seg.text)
            elif seg.role == "proclitic":
                pre.append(normalize_search(seg.text))
        return tok.text, tok.kind, tok.norm, tok.key, stem or tok.norm, "+".join(pre)

    def info(self, tok: Token) -> WordInfo:
        return self.info_of(self.form(tok))

    def info_of(self, form: tuple[str, str, str, str, str, str]) -> WordInfo:
        return self._info(*form)

    def sentence(self, tokens: Sequence[Token]) -> list[list[str]]:
        """Feature lists for the tokens of one sentence."""
        infos = [self.info(t) for t in tokens]
        n = len(infos)
        out = []
        for i, info in enumerate(infos):
            feats = list(info.own)
            for d in WINDOW:
                j = i + d
                if 0 <= j < n:
                    feats.extend(f"{d}{f}" for f in infos[j].ctx)
                else:
                    feats.append(f"{d}=pad")
            feats.extend(pair_features(infos, i))
            out.append(feats)
        return out


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
    """Search form → name-cue features: «سلمان» → ("nt=3", "nb=3")."""
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


def pair_features(infos: Sequence[WordInfo], i: int) -> tuple[str, str, str, str]:
    """Word and cluster bigrams with the previous and the next word."""
    n = len(infos)
    cur, c = infos[i].ctx[0], infos[i].c256
    prev, cp = (infos[i - 1].ctx[0], infos[i - 1].c256) if i else ("BOS", "pad")
    nxt, cn = (infos[i + 1].ctx[0], infos[i + 1].c256) if i + 1 < n else ("EOS", "pad")
    return f"b-1={prev}|{cur}", f"b+1={cur}|{nxt}", f"cb-1={cp}|{c}", f"cb+1={c}|{cn}"


def entity_start(tok: Token) -> int:
    """Where an entity beginning in this token starts: after و/ف/ب/ك/ل/س, keeping ال.

    «بدمشق» → the offset of «دمشق»; «والولايات» → the offset of «الولايات».
    """
    for seg in tok.segments:
        if seg.role != "proclitic" or normalize_search(seg.text) not in _CONJ_PREP:
            return seg.start
    return tok.start
