"""Near-duplicate detection: MinHash signatures and LSH bands kept in the store.

A syndicated copy or a re-scrape with different chrome is not new news. Each
article's word 3-gram shingles (over search keys, so spelling variants meet)
get a 64-value MinHash signature (datasketch). The signature is cut into 16
bands of 4 values; each band is hashed to one integer and indexed in SQLite,
so the LSH lookup survives across runs and needs no in-memory index. Articles
sharing a band are candidates, confirmed when their estimated Jaccard
similarity reaches `THRESHOLD`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7  # estimated Jaccard of shingles from which a text is a copy
MIN_SHINGLES = 8  # too short to judge: only exact copies count

# datasketch's permutations (its "legacy" scheme), applied below with numpy over all
# shingles at once; the result equals MinHash(scheme="legacy").update_batch(shingles).
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, scheme="legacy")
_A, _B = (p.reshape(1, -1) for p in _TEMPLATE.permutations)
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


def shingles(key_hashes: Sequence[int]) -> np.ndarray:
    """32-bit hashes of the distinct word 3-grams, from the CRC32s of their keys."""
    h = np.array(key_hashes, dtype=np.uint64)
    grams = (h[:-2] * np.uint64(0x9E3779B1) ^ h[1:-1] * np.uint64(0x85EBCA77) ^ h[2:]) & _MAX_HASH
    return np.unique(grams)


def signature(key_hashes: Sequence[int]) -> np.ndarray | None:
    """MinHash of a text's word 3-grams, None for texts too short to compare.

    key_hashes: CRC32s of its search keys in order («بدأ مسلحون من تنظيم داعش» →
    keys بدا مسلح من تنظيم داعش), as `rasd.ingest.identity.fingerprint` gives them.
    """
    grams = shingles(key_hashes) if len(key_hashes) >= 3 else np.empty(0, dtype=np.uint64)
    if len(grams) < MIN_SHINGLES:
        return None
    with np.errstate(over="ignore"):  # uint64 wrap-around, as in datasketch
        permuted = (grams.reshape(-1, 1) * _A + _B) % _PRIME & _MAX_HASH
    return permuted.min(axis=0)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in, so bands never collide)."""
    raw = sig.astype("<u8").tobytes()
    width = ROWS * 8
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(
            raw[band * width : (band + 1) * width], digest_size=8, salt=band.to_bytes(2, "little")
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")
