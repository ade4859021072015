"""Article identity: the key that makes ingest idempotent.

Two copies of an article are the same article when their tokens are equal
after search normalisation, so a re-scrape that differs only in tatweel,
diacritics, hamza spelling or line breaks gets the same key:
«انشقاقاتٌ  في\nصفوف» and «إنشقاقات في صفوف» share one. The same pass over the
tokens yields the search keys the store indexes, so an article is analysed
once for both.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from rasd.text import normalize_search, word_analysis
from rasd.text.tokens import TOKEN_RE

# Punctuation, numbers and URLs repeat a lot; their normal form is memoised like words'.
normalize_other = lru_cache(maxsize=100_000)(normalize_search)


def fingerprint(text: str) -> tuple[str, list[str]]:
    """(content hash, search keys in order) of a body.

    «بالانشقاق عن التنظيم» → (sha256 hex, ["انشقاق", "عن", "تنظيم"]); the keys are
    those of `rasd.text.search_keys`, computed without building Token objects.
    """
    norms: list[str] = []
    keys: list[str] = []
    # A token never spans whitespace, so a body is the concatenation of its
    # whitespace-separated chunks' analyses; chunks («البلاد،») repeat a lot.
    for chunk in text.split():
        chunk_norms, chunk_keys = _analyse_chunk(chunk)
        norms += chunk_norms
        keys += chunk_keys
    return hashlib.sha256(" ".join(norms).encode("utf-8")).hexdigest(), keys


@lru_cache(maxsize=300_000)
def _analyse_chunk(chunk: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    norms: list[str] = []
    keys: list[str] = []
    for m in TOKEN_RE.finditer(chunk):
        kind = m.lastgroup
        if kind == "word" or kind == "latin":
            norm, key, _ = word_analysis(m.group())
        else:
            norm = normalize_other(m.group())
            key = "" if kind == "punct" else norm
        norms.append(norm)
        if key:
            keys.append(key)
    return tuple(norms), tuple(keys)


def content_hash(text: str) -> str:
    """Hex SHA-256 of the normalised tokens of a body (64 characters)."""
    return fingerprint(text)[0]


def bytes_hash(data: bytes) -> str:
    """Hex SHA-256 of the original bytes, kept for provenance."""
    return hashlib.sha256(data).hexdigest()
