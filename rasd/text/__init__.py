"""The Arabic text core: normalise, tokenise with offsets, segment clitics,
split sentences and compute search keys.

`analyze(text)` returns the tokens and sentences of a clean body; every token,
segment and sentence slices back exactly from `text`.
"""

from __future__ import annotations

from rasd.doc import Span, Token
from rasd.text.clitics import split_clitics
from rasd.text.forms import word_analysis
from rasd.text.keys import fold_key
from rasd.text.normalize import normalize_display, normalize_letters, normalize_search
from rasd.text.sentences import split_clauses, split_sentences
from rasd.text.tokens import clear_caches, tokenize

__all__ = [
    "analyze",
    "clear_caches",
    "fold_key",
    "normalize_display",
    "normalize_letters",
    "normalize_search",
    "search_keys",
    "split_clauses",
    "split_clitics",
    "split_sentences",
    "tokenize",
    "word_analysis",
]


def analyze(text: str) -> tuple[list[Token], list[Span]]:
    """Tokens and sentences of a clean body."""
    tokens = tokenize(text)
    sentences = split_sentences(text, [(t.start, t.end, t.kind) for t in tokens])
    return tokens, sentences


def search_keys(text: str) -> list[str]:
    """The search keys of a query or body, in order: «بالانشقاقات» → ["انشقاق"]."""
    return [t.key for t in tokenize(text) if t.key]
