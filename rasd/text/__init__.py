"""The Arabic text core: normalise, tokenise with offsets, segment clitics,
split sentences and compute search keys.

`analyze(text)` returns the tokens and sentences of a clean body; every token,
segment and sentence slices back exactly from `text`.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.doc import Segment, Span, Token
from rasd.text.clitics import split_clitics
from rasd.text.keys import fold_key
from rasd.text.normalize import normalize_display, normalize_search
from rasd.text.sentences import split_sentences
from rasd.text.tokens import iter_tokens

__all__ = [
    "analyze",
    "normalize_display",
    "normalize_search",
    "search_keys",
    "split_clitics",
    "tokenize",
    "word_analysis",
]


@lru_cache(maxsize=500_000)
def word_analysis(word: str) -> tuple[str, str, tuple[tuple[int, int, str], ...]]:
    """(norm, key, relative segments) of one word form, memoised per form."""
    norm = normalize_search(word)
    parts = split_clitics(word)
    stem_start, stem_end = next((s, e) for s, e, r in parts if r == "stem")
    key = fold_key(normalize_search(word[stem_start:stem_end]))
    return norm, key, parts


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` with norm, key and clitic segments: «بالحجر» → ب + ال + حجر."""
    tokens: list[Token] = []
    for start, end, kind in iter_tokens(text):
        word = text[start:end]
        if kind == "word":
            norm, key, parts = word_analysis(word)
            segments = tuple(Segment(start + s, start + e, word[s:e], role) for s, e, role in parts)
        else:
            norm = normalize_search(word)
            key = norm if kind != "punct" else ""
            segments = (Segment(start, end, word, "stem"),)
        tokens.append(Token(start, end, word, kind, norm, key, segments))
    return tokens


def analyze(text: str) -> tuple[list[Token], list[Span]]:
    """Tokens and sentences of a clean body."""
    tokens = tokenize(text)
    sentences = split_sentences(text, [(t.start, t.end, t.kind) for t in tokens])
    return tokens, sentences


def search_keys(text: str) -> list[str]:
    """The search keys of a query or body, in order: «بالانشقاقات» → ["انشقاق"]."""
    return [t.key for t in tokenize(text) if t.key]
