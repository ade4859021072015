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
import zlib
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from rasd.text import normalize_search, word_analysis
from rasd.text.tokens import TOKEN_RE

# Punctuation, numbers and URLs repeat a lot; their normal form is memoised like words'.
normalize_other = lru_cache(maxsize=100_000)(normalize_search)


class Fingerprint(NamedTuple):
    """What the store needs of a body, from one pass over its tokens."""

    content_hash: str  # hex SHA-256 of the search-normalised tokens
    keys: list[str]  # search keys in order, as rasd.text.search_keys gives them
    key_hashes: list[int]  # CRC32 of each key, for near-duplicate shingles


def fingerprint(text: str) -> Fingerprint:
    """Content hash, search keys and key hashes of a body.

    «بالانشقاق عن التنظيم» → (sha256 hex, ["انشقاق", "عن", "تنظيم"], [crc32, ...]);
    computed without building Token objects, because ingest runs it on every article.
    """
    # A token never spans whitespace, so a body's analysis is that of its
    # whitespace-separated chunks, memoised: chunks («البلاد،») repeat a lot.
    analysed = list(map(_analyse_chunk, text.split()))
    digest = hashlib.sha256(" ".join(map(_NORMS, analysed)).encode("utf-8")).hexdigest()
    keys = list(chain.from_iterable(map(_KEYS, analysed)))
    hashes = list(chain.from_iterable(map(_HASHES, analysed)))
    return Fingerprint(digest, keys, hashes)


_NORMS, _KEYS, _HASHES = itemgetter(0), itemgetter(1), itemgetter(2)


@lru_cache(maxsize=200_000)
def _analyse_chunk(chunk: str) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    """(space-joined norms, keys, key CRC32s) of one whitespace-free chunk."""
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
    return " ".join(norms), tuple(keys), tuple(zlib.crc32(k.encode("utf-8")) for k in keys)


def content_hash(text: str) -> str:
    """Hex SHA-256 of the normalised tokens of a body (64 characters)."""
    return fingerprint(text).content_hash


def bytes_hash(data: bytes) -> str:
    """Hex SHA-256 of the original bytes, kept for provenance."""
    return hashlib.sha256(data).hexdigest()
