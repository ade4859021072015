"""Build the unsupervised word clusters that the NER model uses as features.

Input: SaudiNewsNet (`shared/data/saudinewsnet/articles.jsonl.gz`, CC BY-NC-SA 4.0;
only these derived clusters are shipped, never the text). Output:
`rasd/resources/ner/clusters.tsv` with one line per word form:
`norm <TAB> c32 <TAB> c256 <TAB> c1024 <TAB> c4096 <TAB> count`.

Method (numpy/scipy only, one process, ~2 minutes): left/right-context counts of
the 60k most frequent search-normalised tokens over the 6k most frequent
context words (window 2), positive PMI, a rank-100 truncated SVD, then
spherical k-means into 1024 clusters whose centroids are clustered again into
256 and 32, so these ids nest like Brown-cluster prefixes («دمشق» and «حلب»
share their clusters at every level), plus a finer, separate clustering into
4096 that tells kinds of names apart. Fixed seed.

    .venv/bin/python scripts/build_clusters.py [--articles 30984]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from rasd.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
OUT = ROOT / "rasd" / "resources" / "ner" / "clusters.tsv"
SEED = 13
N_WORDS = 60_000
N_CONTEXT = 6_000
WINDOW = 2
MIN_COUNT = 5


def read_sentences(path: Path, limit: int) -> list[list[str]]:
    """Token norms per article (punctuation kept: it is informative context)."""
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            text = json.loads(line).get("content") or ""
            docs.append([t.norm for t in tokenize(text)])
    return docs


def spherical_kmeans(
    x: np.ndarray, k: int, rng: np.random.Generator, iters: int = 20
) -> np.ndarray:
    """Cluster ids of the unit rows of x (cosine k-means, k-means++-lite init)."""
    centroids = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        labels = np.concatenate(
            [np.argmax(x[i : i + 8192] @ centroids.T, axis=1) for i in range(0, len(x), 8192)]
        )
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        # An empty cluster restarts on a random word, so every id stays in use.
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        centroids = sums / norms
    return labels


def ppmi_matrix(
    docs: list[list[str]], vocab: list[str], n_context: int, window: int
) -> sparse.csr_matrix:
    """Positive PMI of each word with each (context word, side, distance).

    The context words are the `n_context` most frequent (the head of `vocab`); left
    and right contexts at each distance up to `window` are separate features.
    Shared with scripts/build_embeddings.py.
    """
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = min(n_context, len(vocab))
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for d in docs:
        ids = np.array([index.get(w, -1) for w in d], dtype=np.int64)
        ctx = np.where(ids < n_ctx, ids, -1)
        for off in range(1, window + 1):
            for a, b, side in ((ids[off:], ctx[:-off], 0), (ids[:-off], ctx[off:], 1)):
                ok = (a >= 0) & (b >= 0)
                rows.append(a[ok])
                cols.append(b[ok] + n_ctx * (2 * (off - 1) + side))
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(len(vocab), n_ctx * 2 * window)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al.)
    col_sum *= total / col_sum.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)


def build(limit: int) -> None:
    rng = np.random.default_rng(SEED)
    t0 = time.time()
    docs = read_sentences(CORPUS, limit)
    counts = Counter(w for d in docs for w in d)
    print(f"{len(docs)} articles, {sum(counts.values())} tokens, {time.time() - t0:.0f}s")
    vocab = [w for w, c in counts.most_common(N_WORDS) if c >= MIN_COUNT]
    ppmi = ppmi_matrix(docs, vocab, N_CONTEXT, WINDOW)
    print(f"ppmi {ppmi.nnz} non-zeros, {time.time() - t0:.0f}s")
    u, s, _ = svds(ppmi, k=100, random_state=SEED)
    vec = u * np.sqrt(s)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    fine = spherical_kmeans(vec, 1024, rng)
    cent = np.zeros((1024, vec.shape[1]))
    np.add.at(cent, fine, vec)
    cent /= np.maximum(np.linalg.norm(cent, axis=1, keepdims=True), 1e-9)
    mid_of_fine = spherical_kmeans(cent, 256, rng)
    mid_cent = np.zeros((256, vec.shape[1]))
    np.add.at(mid_cent, mid_of_fine, cent)
    mid_cent /= np.maximum(np.linalg.norm(mid_cent, axis=1, keepdims=True), 1e-9)
    top_of_mid = spherical_kmeans(mid_cent, 32, rng)
    finest = spherical_kmeans(vec, 4096, rng, iters=12)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for i, w in enumerate(vocab):
            mid = mid_of_fine[fine[i]]
            fh.write(f"{w}\t{top_of_mid[mid]}\t{mid}\t{fine[i]}\t{finest[i]}\t{counts[w]}\n")
    print(f"wrote {len(vocab)} words to {OUT}, {time.time() - t0:.0f}s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=30_984, help="articles to read")
    build(parser.parse_args().articles)
