"""Build the word vectors that the NER network reads, without labels, from SaudiNewsNet.

Input: SaudiNewsNet (`shared/data/saudinewsnet/articles.jsonl.gz`, CC BY-NC-SA 4.0;
only these derived vectors are shipped, never the text). Output:
`rasd/resources/ner/embeddings.npz` with `words` (search-normalised forms, most
frequent first) and `vectors` (float16, one unit-length row per word).

Method (numpy/scipy only, as `scripts/build_clusters.py`, whose corpus reader
it shares): left/right-context counts of the 80k most frequent forms over the
8k most frequent context words (window 2, sides and distances apart), positive
PMI with smoothed context counts, a rank-100 truncated SVD, rows u·√s scaled
to unit length. Deterministic (fixed SVD seed).

    .venv/bin/python scripts/build_embeddings.py [--articles 30984]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np
from build_clusters import CORPUS, ppmi_matrix, read_sentences
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rasd" / "resources" / "ner" / "embeddings.npz"
SEED = 13
N_WORDS = 80_000
N_CONTEXT = 8_000
WINDOW = 2
MIN_COUNT = 5
DIM = 100


def build(limit: int) -> None:
    t0 = time.time()
    docs = read_sentences(CORPUS, limit)
    counts = Counter(w for d in docs for w in d)
    vocab = [w for w, c in counts.most_common(N_WORDS) if c >= MIN_COUNT]
    print(f"{len(docs)} articles, {len(vocab)} words, {time.time() - t0:.0f}s")
    ppmi = ppmi_matrix(docs, vocab, N_CONTEXT, WINDOW)
    print(f"ppmi {ppmi.nnz} non-zeros, {time.time() - t0:.0f}s")
    u, s, _ = svds(ppmi, k=DIM, random_state=SEED)
    vec = u[:, ::-1] * np.sqrt(s[::-1])  # largest singular value first
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, words=np.array(vocab), vectors=vec.astype(np.float16))
    print(f"wrote {len(vocab)} vectors to {OUT}, {time.time() - t0:.0f}s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=30_984, help="articles to read")
    build(parser.parse_args().articles)
