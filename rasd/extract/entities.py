"""Stage entities: named-entity spans (PERS, LOC, ORG, MISC) from a CRF trained here.

In: `doc.tokens` and `doc.sentences` (text core). Out: `doc.entities`, a list
of `rasd.doc.Span` with label PERS/LOC/ORG/MISC and offsets into `doc.text`.
An entity may begin inside a token, after a proclitic: in «بدمشق» the entity is
«دمشق». The model (`rasd/resources/ner/model.crfsuite`, python-crfsuite) is
trained by `rasd train ner` on ANERcorp with the features of
`rasd.extract.ner_features`; its PROVENANCE sits beside it. Sentences are
tagged one by one, then labels propagate within the document
(`propagate_labels`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pycrfsuite

from rasd.doc import Doc, Span, Token
from rasd.errors import RasdError
from rasd.extract.ner_features import (
    WINDOW,
    FeatureExtractor,
    WordInfo,
    entity_start,
    pair_features,
)
from rasd.pipeline import Stage

MODEL = Path(__file__).resolve().parents[1] / "resources" / "ner" / "model.crfsuite"
# What tagging needs of a word form: the part of its features that pair features
# read (its form and mid-level cluster; the full feature lists are not kept), and
# its scores.
_WordScores = tuple[WordInfo, np.ndarray]


# Word forms whose scores are cached, per generation (two generations are kept).
MAX_WORDS = 40_000


class NerModel:
    """A loaded NER model: tokens of a sentence → BIO labels.

    Tagging does not hand feature strings to crfsuite token by token: the
    model's weights are read once and summed per word form (its own features,
    and what it adds to each neighbour), cached, and the labels decoded by
    Viterbi in numpy. Same model, same best path, several times faster.
    """

    def __init__(self, model: Path = MODEL, features: FeatureExtractor | None = None) -> None:
        if not Path(model).exists():
            raise RasdError(f"NER model not found: {model}", hint="build it with `rasd train ner`")
        self.features = features or FeatureExtractor()
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        info = tagger.info()
        self.labels = list(info.labels)
        index = {label: k for k, label in enumerate(self.labels)}
        rows: dict[str, int] = {}
        entries = []
        for (attr, label), weight in info.state_features.items():
            entries.append((rows.setdefault(attr, len(rows)), index[label], weight))
        self.weights = np.zeros((len(rows) + 1, len(self.labels)))  # last row: unknown
        for row, col, weight in entries:
            self.weights[row, col] = weight
        self.rows = rows
        self.transitions = np.zeros((len(self.labels), len(self.labels)))
        for (a, b), weight in info.transitions.items():
            self.transitions[index[a], index[b]] = weight
        self.pad = {d: self._score([f"{d}=pad"]) for d in WINDOW}
        # Features depend on the token's text and kind only (the text core analyses
        # each word form the same way wherever it stands), so scores are cached by
        # them, in two generations as in `rasd.text.tokens`: memory stays bounded
        # and frequent forms stay cached.
        self._words: list[dict[tuple[str, str], _WordScores]] = [{}, {}]

    def _score(self, feats: Sequence[str]) -> np.ndarray:
        unknown = len(self.rows)
        return self.weights[[self.rows.get(f, unknown) for f in feats]].sum(axis=0)

    def _word_scores(self, tok: Token) -> _WordScores:
        """(its info for pair features, scores): scores row 0 are its own, row 1 + k
        what it adds to the token at offset -WINDOW[k] from it (which sees its ctx
        as features f"{d}...")."""
        key = (tok.text, tok.kind)
        young = self._words[0]
        found = young.get(key) or self._words[1].get(key)
        if found is None:
            info = self.features.info(tok)
            unknown = len(self.rows)
            get = self.rows.get
            feats = [get(f, unknown) for f in info.own]
            bounds = [0]
            for d in WINDOW:
                bounds.append(len(feats))
                feats += [get(f"{d}{f}", unknown) for f in info.ctx]
            # One gather and one segmented sum; each segment adds its rows in order,
            # exactly as `_score` does, so the sums are bit for bit the same.
            slim = WordInfo((), info.ctx[:1], info.c256)
            found = (slim, np.add.reduceat(self.weights[feats], bounds))
        if len(young) >= MAX_WORDS:
            self._words[1] = young
            young = self._words[0] = {}
        young[key] = found
        return found

    def tag(self, tokens: Sequence[Token]) -> list[str]:
        """BIO labels of one sentence: «في دمشق» → ["O", "B-LOC"]."""
        n = len(tokens)
        if not n:
            return []
        words = [self._word_scores(t) for t in tokens]
        stacked = np.stack([w[1] for w in words])  # token × (own, given per d) × label
        scores = stacked[:, 0].copy()
        for k, d in enumerate(WINDOW, 1):
            given = stacked[:, k]
            lo, hi = max(0, -d), n - max(0, d)  # tokens i whose neighbour i + d exists
            if lo < hi:
                scores[lo:hi] += given[lo + d : hi + d]
            scores[:lo] += self.pad[d]
            scores[max(hi, 0) :] += self.pad[d]
        unknown = len(self.rows)
        get = self.rows.get
        infos = [w[0] for w in words]
        rows = [get(f, unknown) for i in range(n) for f in pair_features(infos, i)]
        scores += self.weights[rows].reshape(n, -1, len(self.labels)).sum(axis=1)
        return [self.labels[k] for k in _viterbi(scores, self.transitions)]

    def entities(self, text: str, tokens: Sequence[Token], sentences: Sequence[Span]) -> list[Span]:
        """Entity spans of a document: «وصل إلى بدمشق» → [Span(«دمشق», LOC)]."""
        groups: list[Sequence[Token]] = []
        k = 0
        for sent in sentences or [Span(0, len(text), text)]:
            while k < len(tokens) and tokens[k].start < sent.start:
                k += 1
            j = k
            while j < len(tokens) and tokens[j].end <= sent.end:
                j += 1
            groups.append(tokens[k:j])
            k = j
        labels = propagate_labels(groups, [self.tag(g) for g in groups])
        return [
            span for g, lab in zip(groups, labels, strict=True) for span in _spans(text, g, lab)
        ]


def propagate_labels(
    sentences: Sequence[Sequence[Token]], labels: Sequence[Sequence[str]]
) -> list[list[str]]:
    """Tag again, in the same document, words the model tagged somewhere else.

    A name is often tagged where its context is clear and missed elsewhere:
    every untagged occurrence of an entity's words gets its label, and a
    person's last name alone («لافروف» after «سيرغي لافروف») is that person.
    Tuned on the dev slice (+1.8 micro F1).
    """
    known: dict[tuple[str, ...], str] = {}
    for toks, labs in zip(sentences, labels, strict=True):
        for start, end, kind in _runs(labs):
            words = tuple(t.norm for t in toks[start:end])
            if len("".join(words)) >= 3:
                known.setdefault(words, kind)
            last = toks[end - 1]
            if kind == "PERS" and end - start > 1 and last.kind == "word" and len(last.norm) >= 3:
                known.setdefault((last.norm,), "PERS")
    longest = max(map(len, known), default=0)
    # Only an untagged word that begins some known name can begin a new tag.
    firsts = {words[0] for words in known}
    out = []
    for toks, labs in zip(sentences, labels, strict=True):
        new = list(labs)
        norms = [t.norm for t in toks]
        i = 0
        while i < len(new):
            if new[i] != "O" or norms[i] not in firsts:
                i += 1
                continue
            for n in range(min(longest, len(new) - i), 0, -1):
                kind = known.get(tuple(norms[i : i + n]))
                if (
                    kind
                    and all(x == "O" for x in new[i : i + n])
                    and (i + n == len(new) or not new[i + n].startswith("I-"))
                ):
                    new[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                    i += n - 1
                    break
            i += 1
        out.append(new)
    return out


def _runs(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the B-/I- runs of a label sequence."""
    runs = []
    i = 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        kind = labels[i][2:]
        j = i + 1
        while j < len(labels) and labels[j] == f"I-{kind}":
            j += 1
        runs.append((i, j, kind))
        i = j
    return runs


def _viterbi(scores: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best label path of a linear-chain CRF given state and transition scores."""
    best = scores[0]
    back = []
    for i in range(1, len(scores)):
        cand = best[:, None] + transitions
        back.append(cand.argmax(axis=0))
        best = cand.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def _spans(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> list[Span]:
    spans = []
    for i, j, kind in _runs(labels):
        # An entity never ends on punctuation the model carried along («دمشق،»).
        last = j - 1
        while last > i and tokens[last].kind == "punct":
            last -= 1
        if tokens[i].kind != "punct":
            start, end = entity_start(tokens[i]), tokens[last].end
            spans.append(Span(start, end, text[start:end], kind, "ner"))
    return spans


def stage(model: Path = MODEL) -> Stage:
    """The entities stage with the bundled model, loaded once."""
    ner = NerModel(model)

    def run(doc: Doc) -> dict[str, list[Span]]:
        return {"entities": ner.entities(doc.text, doc.tokens or [], doc.sentences or [])}

    return Stage("entities", frozenset({"tokens", "sentences"}), frozenset({"entities"}), run)
