"""NER corpora in CoNLL form, aligned to the text core's tokens.

In: a file of `token LABEL` lines with blank lines between sentences
(ANERcorp; Wojood's nested `token tag tag...` lines too, outermost tag of
a type we use kept). Out:
sentences whose whitespace tokens are joined by single spaces and re-tokenised
by `rasd.text.tokenize`, so the model trains and predicts on exactly the
tokens it sees at run time. A corpus token may become several of ours
(«(د» → «(» + «د»); the first takes the corpus label, the rest continue the
entity (I-) or stay O. Predictions map back one label per corpus token.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.doc import Token
from rasd.text import tokenize

LABELS = ("PERS", "LOC", "ORG", "MISC")
# Wojood's types → ours; the others (DATE, NORP, OCC, ...) are not entities here.
WOJOOD_MAP = {"PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "FAC": "LOC"}


@dataclass
class Sentence:
    words: list[str]  # the corpus tokens
    gold: list[str]  # their labels
    text: str  # words joined by spaces
    tokens: list[Token]  # our tokens of text
    owner: list[int]  # index of the corpus word each of our tokens lies in


def read_conll(path: Path, wojood: bool = False) -> Iterator[tuple[list[str], list[str]]]:
    """(words, labels) per sentence: «فرانكفورت B-LOC» … → (["فرانكفورت", …], ["B-LOC", …])."""
    words: list[str] = []
    labels: list[str] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if words:
                    yield words, labels
                words, labels = [], []
                continue
            if wojood and parts[0] == "$#$":
                continue  # Wojood's paragraph marker, not a word
            label = parts[1] if len(parts) > 1 else "O"
            if wojood:
                label = _wojood_label(parts[1:])
            elif label[2:] not in LABELS:
                label = "O"
            words.append(parts[0])
            labels.append(label)
    if words:
        yield words, labels


def _wojood_label(tags: list[str]) -> str:
    """The outermost of the nested tags that is one of our types: «I-DATE B-PERS» → B-PERS."""
    for tag in tags:
        kind = WOJOOD_MAP.get(tag[2:])
        if kind:
            return f"{tag[:2]}{kind}"
    return "O"


def align(words: list[str], gold: list[str]) -> Sentence:
    """Tokenise the joined sentence and record which corpus word owns each token."""
    starts = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    text = " ".join(words)
    tokens = tokenize(text)
    owner = []
    w = 0
    for tok in tokens:
        while w + 1 < len(starts) and starts[w + 1] <= tok.start:
            w += 1
        owner.append(w)
    return Sentence(words, gold, text, tokens, owner)


def token_labels(sent: Sentence) -> list[str]:
    """The corpus labels spread over our tokens (first token of a word keeps B-)."""
    out = []
    for k, w in enumerate(sent.owner):
        label = sent.gold[w]
        if k and sent.owner[k - 1] == w and label != "O":
            label = "I-" + label[2:]
        out.append(label)
    return out


def word_labels(sent: Sentence, predicted: list[str]) -> list[str]:
    """One predicted label per corpus word: that of its first word token.

    A word whose label continues no entity of its type is made to begin one.
    """
    first: dict[int, str] = {}
    for k, w in enumerate(sent.owner):
        is_word = sent.tokens[k].kind == "word"
        if w not in first or (is_word and first[w] == "O" and predicted[k] != "O"):
            first[w] = predicted[k]
    out = []
    for w in range(len(sent.words)):
        label = first.get(w, "O")
        if label.startswith("I-") and (not out or out[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out
