"""Article identity: the key that makes ingest idempotent.

Two copies of an article are the same article when their bodies are equal
after search normalisation and whitespace collapsing, so a re-scrape that
differs only in tatweel, diacritics, hamza spelling or line breaks gets the
same key: «انشقاقاتٌ  في\nصفوف» and «انشقاقات في صفوف» share one.
"""

from __future__ import annotations

import hashlib

from rasd.text import normalize_search


def content_hash(text: str) -> str:
    """Hex SHA-256 of the normalised body (64 characters)."""
    canonical = " ".join(normalize_search(text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def bytes_hash(data: bytes) -> str:
    """Hex SHA-256 of the original bytes, kept for provenance."""
    return hashlib.sha256(data).hexdigest()
