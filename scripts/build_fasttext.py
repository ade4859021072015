"""Build fastText word vectors (with char n-gram buckets) for the NER network, from SaudiNewsNet.

Input: SaudiNewsNet (`shared/data/saudinewsnet/articles.jsonl.gz`, CC BY-NC-SA 4.0;
only these derived vectors are shipped, never the text), read and search-normalised
by `scripts/build_clusters.py`'s reader, as `scripts/build_embeddings.py` does.
Output (default `/tmp/ner-ft/embeddings.npz`; copied into `rasd/resources/ner/` only
when a model trained on it is shipped), in the format `WordEncoder` reads:
`words` (the 80k most frequent forms seen at least 5 times, most frequent first, the
list `build_embeddings.py` makes), `vectors` (float16, one unit-length row per word:
gensim's composed word vector), and for words outside that list `ngrams` (float16, the
trained char n-gram bucket rows), `min_n`, `max_n`: a form's vector is then the sum of
the rows of its n-grams, as fastText computes it (`rasd.extract.ner_features.NgramVectors`).
Beside it, `ngrams.npz` holds the n-gram rows alone (for `rasd train ner --stem-ngrams`
with other word vectors).

Method: gensim FastText (build-time only, LGPL-2.1; `pip install -e '.[train]'`),
skip-gram, 100 dims, window 5, 5 negatives, n-grams of 3-6 letters hashed into
40,000 buckets (trained with that many, so nothing is cut afterwards: 2M buckets would
not fit the 30 MB budget), 5 epochs, seed 13, one worker thread: with one worker the
updates come in a fixed order and the file is the same from run to run.

    .venv/bin/python scripts/build_fasttext.py [--out PATH] [--articles 30984]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np
from build_clusters import CORPUS, read_sentences
from gensim.models import FastText

SEED = 13
N_WORDS = 80_000
MIN_COUNT = 5
DIM = 100
WINDOW = 5
MIN_N, MAX_N = 3, 6
BUCKETS = 40_000
EPOCHS = 5
# gensim drops the words of a sentence past its 10,000th: long articles are cut in pieces.
PIECE = 10_000


def build(out: Path, limit: int, buckets: int, epochs: int) -> None:
    t0 = time.time()
    docs = read_sentences(CORPUS, limit)
    counts = Counter(w for d in docs for w in d)
    vocab = [w for w, c in counts.most_common(N_WORDS) if c >= MIN_COUNT]
    pieces = [d[i : i + PIECE] for d in docs for i in range(0, len(d), PIECE)]
    print(f"{len(docs)} articles, {sum(counts.values())} tokens, {time.time() - t0:.0f}s")
    model = FastText(
        sg=1,
        vector_size=DIM,
        window=WINDOW,
        min_count=MIN_COUNT,
        min_n=MIN_N,
        max_n=MAX_N,
        bucket=buckets,
        epochs=epochs,
        seed=SEED,
        workers=1,
    )
    model.build_vocab(corpus_iterable=pieces)
    model.train(corpus_iterable=pieces, total_examples=len(pieces), epochs=epochs)
    print(f"trained on {len(model.wv)} words, {time.time() - t0:.0f}s")
    vec = np.stack([model.wv[w] for w in vocab])
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        words=np.array(vocab),
        vectors=vec.astype(np.float16),
        ngrams=model.wv.vectors_ngrams.astype(np.float16),
        min_n=np.array(MIN_N),
        max_n=np.array(MAX_N),
    )
    # The n-gram rows alone, for a network that reads other word vectors beside them.
    np.savez_compressed(
        out.with_name("ngrams.npz"),
        ngrams=model.wv.vectors_ngrams.astype(np.float16),
        min_n=np.array(MIN_N),
        max_n=np.array(MAX_N),
    )
    full = out.with_suffix(".gensim")
    model.wv.save(str(full))  # for checking the numpy n-gram vectors against gensim's
    print(f"wrote {len(vocab)} vectors and {buckets} n-gram rows to {out}, {time.time() - t0:.0f}s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/ner-ft/embeddings.npz"))
    parser.add_argument("--articles", type=int, default=30_984, help="articles to read")
    parser.add_argument("--buckets", type=int, default=BUCKETS, help="char n-gram buckets")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args()
    build(args.out, args.articles, args.buckets, args.epochs)
