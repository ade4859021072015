"""Stage entities: named-entity spans (PERS, LOC, ORG, MISC) from a BiLSTM-CRF trained here.

In: `doc.tokens` and `doc.sentences` (text core). Out: `doc.entities`, a list
of `rasd.doc.Span` with label PERS/LOC/ORG/MISC and offsets into `doc.text`.
An entity may begin inside a token, after a proclitic: in «بدمشق» the entity is
«دمشق». The network (`rasd/resources/ner/model.npz`) is trained by `rasd train
ner` on ANERcorp and run in numpy (`rasd.extract.ner_network`) over the inputs
of `rasd.extract.ner_features`; its PROVENANCE sits beside it. The sentences
of a document are tagged together, then labels propagate within the document
(`propagate_labels`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rasd.doc import Doc, Span, Token
from rasd.errors import RasdError
from rasd.extract.ner_features import EMBEDDINGS, HEAD_CUES, NGRAMS, WordEncoder, entity_start
from rasd.extract.ner_network import NerNetwork
from rasd.pipeline import Stage

MODEL = Path(__file__).resolve().parents[1] / "resources" / "ner" / "model.npz"

# Word forms whose LSTM input projections are cached, per generation (two are kept).
# A projection is 1,024 float32 (4 KB): at most ~160 MB; a larger cache bought little
# speed (bench/pipeline.py: 38.3 against 36.9 articles/CPU-s at 40,000).
MAX_WORDS = 20_000


class NerModel:
    """A loaded NER model: tokens of sentences → BIO labels."""

    def __init__(self, model: Path = MODEL, encoder: WordEncoder | None = None) -> None:
        if not Path(model).exists():
            raise RasdError(f"NER model not found: {model}", hint="build it with `rasd train ner`")
        self.path = Path(model)
        if encoder is None:
            with np.load(model) as data:
                cues = data["cues"].tolist()
                stem_ngrams = "stem_ngrams" in data.files
            # Head-noun and actor cues only when the model was trained with them
            # (reading the actor dictionary takes a second); n-gram vectors likewise.
            heads = any(c.startswith(HEAD_CUES) for c in cues)
            subwords = any(c.startswith("vec=") and "sub" in c for c in cues)
            # The vectors beside the model when there are some (a model trained on other
            # vectors, kept elsewhere), else the bundled ones.
            vectors, ngrams = (
                beside if (beside := self.path.with_name(p.name)).is_file() else p
                for p in (EMBEDDINGS, NGRAMS)
            )
            encoder = WordEncoder(
                vectors, heads=heads, subwords=subwords, stem_ngrams=stem_ngrams, ngrams=ngrams
            )
        self.encoder = encoder
        self.network = NerNetwork(model, self.encoder.vectors)
        self.labels = self.network.labels
        # A word's projection depends on its text and kind only (the text core analyses
        # a form the same way wherever it stands); cached in two generations as in
        # `rasd.text.tokens`: memory stays bounded and frequent forms stay cached.
        self._words: list[dict[tuple[str, str], np.ndarray]] = [{}, {}]

    def projections(self, tokens: Sequence[Token]) -> list[np.ndarray]:
        """The LSTM input projections of tokens, cached by form; new forms computed together."""
        young, old = self._words
        keys = [(t.text, t.kind) for t in tokens]
        new: dict[tuple[str, str], Token] = {}
        for key, tok in zip(keys, tokens, strict=True):
            if key not in young:
                if key in old:
                    young[key] = old[key]
                else:
                    new.setdefault(key, tok)
        if new:
            inputs = [self.encoder.inputs(t) for t in new.values()]
            # Rows are copied: a view would keep the whole batch array alive for as
            # long as any of its forms stays cached, and memory would grow without end.
            rows = self.network.projections(inputs)
            young.update((key, row.copy()) for key, row in zip(new, rows, strict=True))
        found = [young[key] for key in keys]
        if len(young) >= MAX_WORDS:
            self._words = [{}, young]
        return found

    def tag_sentences(self, sentences: Sequence[Sequence[Token]]) -> list[list[str]]:
        """BIO labels of each sentence, all run through the network together."""
        flat = self.projections([t for toks in sentences for t in toks])
        bounds = np.cumsum([0, *map(len, sentences)]).tolist()
        projections = [flat[i:j] for i, j in zip(bounds[:-1], bounds[1:], strict=True)]
        return [[self.labels[k] for k in path] for path in self.network.decode(projections)]

    def tag(self, tokens: Sequence[Token]) -> list[str]:
        """BIO labels of one sentence: «في دمشق» → ["O", "B-LOC"]."""
        return self.tag_sentences([tokens])[0]

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
        labels = propagate_labels(groups, self.tag_sentences(groups))
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
    On the dev slice: +1.2 micro F1 (0.767 → 0.779 with the shipped network).
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
