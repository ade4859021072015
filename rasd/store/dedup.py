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
import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7  # estimated Jaccard of shingles from which a text is a copy
MIN_SHINGLES = 8  # too short to judge: only exact copies count

# One set of permutations for every signature (building them per MinHash is slow).
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32)


def signature(keys: Sequence[str]) -> np.ndarray | None:
    """MinHash of the word 3-grams of `keys`, None for texts too short to compare.

    keys: search keys in text order, e.g. ["بدا", "مسلح", "من", "تنظيم", "داعش", ...].
    """
    shingles = {" ".join(keys[i : i + 3]).encode("utf-8") for i in range(len(keys) - 2)}
    if len(shingles) < MIN_SHINGLES:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM,
        hashfunc=zlib.crc32,
        permutations=_TEMPLATE.permutations,
        scheme=_TEMPLATE.scheme,
    )
    minhash.update_batch(shingles)
    return minhash.hashvalues


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
