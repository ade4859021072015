"""Unit tests of MinHash near-duplicate signatures."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from rasd.ingest.identity import fingerprint
from rasd.store import dedup
from tests.conftest import SEED_PATH

SEED_KEYS = fingerprint(SEED_PATH.read_text(encoding="utf-8")).key_hashes


def test_signature_is_datasketchs_minhash():
    ours = dedup.signature(SEED_KEYS)
    reference = MinHash(num_perm=dedup.NUM_PERM, seed=1, scheme="legacy", hashfunc=int)
    reference.update_batch([int(g) for g in dedup.shingles(SEED_KEYS)])
    assert np.array_equal(ours, reference.hashvalues)


def test_similarity_separates_copies_from_other_news():
    edited = SEED_KEYS[:150] + [12345] + SEED_KEYS[150:-5]
    other = fingerprint(
        "أعلنت وزارة الصحة تسجيل حالات جديدة بفيروس كورونا في الرياض وجدة خلال الأسبوع الماضي وقالت إن المرضى يتلقون العلاج في المستشفيات الحكومية"
    ).key_hashes
    sig = dedup.signature(SEED_KEYS)
    assert dedup.similarity(sig, dedup.signature(edited)) >= dedup.THRESHOLD
    assert dedup.similarity(sig, dedup.signature(other)) < 0.2
    assert dedup.similarity(sig, dedup.from_blob(dedup.to_blob(sig))) == 1.0


def test_short_texts_have_no_signature():
    assert dedup.signature(fingerprint("قصف حلب").key_hashes) is None
    assert dedup.signature(SEED_KEYS[:6]) is None


def test_band_keys_differ_by_band():
    keys = dedup.band_keys(dedup.signature(SEED_KEYS))
    assert len(keys) == dedup.BANDS == len(set(keys))
    assert all(-(2**63) <= k < 2**63 for k in keys)
