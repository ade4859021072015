"""Tokenisation with exact character offsets (text stage): text in, Token objects out.

One compiled regular expression, tried in priority order: URLs, emails,
hashtags, mentions, numbers (٢٠١٨, 1,000, 3.5, ٣٫٥, 22/4/2018 stays three
numbers and two slashes), Arabic words (letters with their diacritics and
tatweel, so «لـ» is one token), Latin and other-script words, and any other
visible character as a one-character punctuation or symbol (% ٪ $ + =) token.
Whitespace separates tokens and is never part of one, so
`text[t.start:t.end]` is always the token's text.

`tokenize` adds to each token its search form, key and clitic segments, which
are computed once per distinct word form (`rasd.text.forms`, memoised here) and
then only shifted to the token's offsets.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterator

from rasd.doc import Segment, Token
from rasd.text.clitics import split_clitics
from rasd.text.forms import lookup_word, word_analysis
from rasd.text.normalize import normalize_search

_AR_LETTER = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc"
)
_AR_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"

TOKEN_RE = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s«»"'<>()\[\]]+[^\s«»"'<>()\[\].,;:!?،؛؟])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<hashtag>\#[\w{_AR_MARK}]+)
  | (?P<mention>@[\w.]+\w)
  | (?P<number>\d+(?:[.,٫٬]\d+)*)
  | (?P<word>[{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}\u200c\u200d]*)
  | (?P<latin>[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*(?:['’][^\W\d_]+)*)
  | (?P<punct>\S)
    """,
    re.VERBOSE,
)


# The same alternatives without names, after the whitespace before each token:
# `findall` then yields (space, token) pairs in C, and the offsets are running
# sums. A token's kind depends only on its own text (no alternative looks
# around), so it is found again by `TOKEN_RE.match` once per distinct form.
_SCAN_RE = re.compile(r"(\s*)(" + re.sub(r"\(\?P<\w+>", "(?:", TOKEN_RE.pattern) + ")", re.VERBOSE)


def iter_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, kind) for each token: «لـ«الوطن»» → لـ, «, الوطن, »."""
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "latin":
            kind = "word"
        elif kind == "punct":
            kind = _punct_kind(m.group())
        yield m.start(), m.end(), kind


def _punct_kind(char: str) -> str:
    """symbol for signs that carry meaning (% $ + ٪), punct for the rest; symbols keep a key."""
    is_symbol = unicodedata.category(char).startswith("S") or char in "%٪‰؉"
    return "symbol" if is_symbol else "punct"


_Parts = tuple[tuple[int, int, str, str], ...]


_Form = tuple[str, str, str, _Parts]
# Analyses of token forms, by form, in two generations: plain dicts are faster
# than lru_cache on the hot path. New forms go to the young one; when it is
# full it becomes the old one (the previous old one is dropped), and forms
# found in the old one move back to the young one, so frequent forms stay.
_FORMS: list[dict[str, _Form]] = [{}, {}]
MAX_FORMS = 150_000  # per generation; about 0.7 KB each


def clear_caches() -> None:
    """Forget every memoised analysis (benchmarks start from empty caches)."""
    _FORMS[0] = {}
    _FORMS[1] = {}
    word_analysis.cache_clear()
    split_clitics.cache_clear()


def _form(word: str) -> _Form:
    """kind, norm, key and (start, end, text, role) parts of a token form."""
    first = word[0]
    if ("\u0621" <= first <= "\u063a" or "\u0641" <= first <= "\u064a") and "@" not in word:
        kind = "word"  # what TOKEN_RE says for a token that starts with an Arabic letter
    else:
        match = TOKEN_RE.match(word)
        kind = (match.lastgroup if match else None) or "punct"
    if kind == "punct":
        kind = _punct_kind(word)
    if kind in ("word", "latin"):
        # Each form reaches here once per memo generation: skip word_analysis's own cache.
        norm, key, parts = lookup_word(word)
        # Equal strings share one object: most norms and keys equal the word.
        norm = word if norm == word else norm
        key = norm if key == norm else key
        if len(parts) == 1:
            return "word", norm, key, ((0, len(word), word, "stem"),)
        return "word", norm, key, tuple([(s, e, word[s:e], role) for s, e, role in parts])
    norm = normalize_search(word)
    norm = word if norm == word else norm
    return kind, norm, "" if kind == "punct" else norm, ((0, len(word), word, "stem"),)


class _TokenSlots:
    """Token's slots without its frozen __setattr__, to build a Token field by field."""

    __slots__ = Token.__slots__


class _SegmentSlots:
    """Segment's slots without its frozen __setattr__."""

    __slots__ = Segment.__slots__


# Token and Segment are frozen dataclasses, whose __init__ sets each field through
# object.__setattr__, and tokenize makes millions of them. An instance of a plain
# class with the same slots is filled by plain attribute stores (the interpreter's
# fastest) and then becomes a Token by __class__ assignment, which Python allows
# between classes of the same layout: the result is an ordinary Token, equal to
# Token(...) — three times cheaper than calling each slot's __set__.


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` with norm, key and clitic segments: «بالحجر» → ب + ال + حجر."""
    gc_was_enabled = gc.isenabled()
    # Tokens hold no reference cycles, yet allocating millions of them triggers
    # full collections that traverse the memo caches: 40% of the time.
    gc.disable()
    try:
        return _tokenize(text)
    finally:
        if gc_was_enabled:
            gc.enable()


def _tokenize(text: str) -> list[Token]:
    seg_slots, tok_slots, seg_cls, tok_cls = _SegmentSlots, _TokenSlots, Segment, Token
    young = _FORMS[0]
    young_get = young.get
    tokens: list[Token] = []
    append = tokens.append
    end = 0
    for space, word in _SCAN_RE.findall(text):
        start = end + len(space)
        end = start + len(word)
        form = young_get(word)
        if form is None:
            form = _FORMS[1].get(word) or _form(word)
            if len(young) >= MAX_FORMS:
                _FORMS[1] = young
                young = _FORMS[0] = {}
                young_get = young.get
            young[word] = form
        kind, norm, key, parts = form
        if len(parts) == 1:  # most tokens: one stem segment, the token itself
            seg = seg_slots()
            seg.start = start
            seg.end = end
            seg.text = word
            seg.role = "stem"
            seg.__class__ = seg_cls
            segments: tuple[Segment, ...] = (seg,)
        else:
            built = []
            for s, e, w, r in parts:
                seg = seg_slots()
                seg.start = start + s
                seg.end = start + e
                seg.text = w
                seg.role = r
                seg.__class__ = seg_cls
                built.append(seg)
            segments = tuple(built)
        tok = tok_slots()
        tok.start = start
        tok.end = end
        tok.text = word
        tok.kind = kind
        tok.norm = norm
        tok.key = key
        tok.segments = segments
        tok.__class__ = tok_cls
        append(tok)
    return tokens
