"""The NER network's forward pass and Viterbi decoding in numpy (no torch at run time).

In: the `WordInputs` of the tokens of a document's sentences. Out: BIO label
ids per sentence. The network (trained by `rasd.extract.ner_training` with
PyTorch, weights in `rasd/resources/ner/model.npz`) is a BiLSTM-CRF: each word
is the concatenation of the frozen SaudiNewsNet vectors of its form and of its
stem (rows, or n-gram vectors for forms without one when trained so), a character CNN over its letters (max-pooled, ReLU) and the sum of its
sparse-cue embeddings; a bidirectional LSTM reads the sentence; a linear layer
gives label scores; a CRF's transitions join them. Everything before the LSTM
depends on the word form alone, so its product with the LSTM input weights is
computed once per form and cached by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rasd.extract.ner_features import WordInputs

# Char ids: 0 pads, 1 is a letter unseen in training.
UNKNOWN_CHAR = 1
# OpenBLAS runs a matrix product above about 2^20 multiply-adds on several threads;
# on a busy machine waking them costs milliseconds of CPU, far more than the
# products here, so they are cut into blocks of at most this many.
ONE_THREAD_MACS = 1 << 19


class NerNetwork:
    """Weights of a trained BiLSTM-CRF and its forward pass."""

    def __init__(self, path: Path, vectors: np.ndarray) -> None:
        with np.load(path) as data:
            w = {k: data[k] for k in data.files}
        self.labels: list[str] = w["labels"].tolist()
        self.char_ids = {c: i + 2 for i, c in enumerate(w["chars"].tolist())}
        self.cue_ids = {c: i for i, c in enumerate(w["cues"].tolist())}  # pad row not exported
        f32 = {k: v.astype(np.float32) for k, v in w.items() if v.dtype.kind == "f"}
        # What each letter adds to the convolution at each of its 3 offsets: (3, chars,
        # filters). The padding letter (row 0 of the embeddings) adds nothing.
        conv_w = f32["conv_w"].transpose(2, 1, 0)  # (width, channels, filters)
        self.char_conv = np.stack([f32["char_emb"] @ w for w in conv_w])
        self.conv_b = f32["conv_b"]
        self.cue_emb = f32["cue_emb"]
        # Gates reordered from torch's i, f, g, o to i, f, o, g: one sigmoid covers three.
        h = f32["w_hh"].shape[2]
        gates = np.r_[0 : 2 * h, 3 * h : 4 * h, 2 * h : 3 * h]
        # (input, 2 directions × 4H)
        self.w_ih_t = f32["w_ih"][:, gates].transpose(2, 0, 1).reshape(f32["w_ih"].shape[2], -1)
        self.w_hh_t = f32["w_hh"][:, gates].transpose(0, 2, 1).copy()  # (2, H, 4H)
        self.b = f32["b"][:, gates]  # (2, 4H): b_ih + b_hh
        self.out_w_t = f32["out_w"].T.copy()
        self.out_b = f32["out_b"]
        self.trans, self.start, self.end = f32["trans"], f32["start"], f32["end"]
        self.hidden = self.w_hh_t.shape[1]
        self.vectors = vectors  # float16 rows, made float32 on use
        self.dim = vectors.shape[1]
        # Size of the stem's n-gram vector input, after the word vectors (0: none).
        self.ngram_dim = int(w["stem_ngrams"]) if "stem_ngrams" in w else 0

    def projections(self, words: Sequence[WordInputs]) -> np.ndarray:
        """(words, 2, 4H): each word's contribution to the LSTM gates of each direction,
        bias included. Computed for many words at once: a few large matrix products
        instead of several small ones per word."""
        n, dim = len(words), self.dim
        x = np.zeros((n, self.w_ih_t.shape[0]), np.float32)
        for k, inp in enumerate(words):
            if inp.word >= 0:
                x[k, :dim] = self.vectors[inp.word]
            if inp.stem >= 0:
                x[k, dim : 2 * dim] = self.vectors[inp.stem]
            if inp.subword is not None:  # zeros where a row was read
                x[k, : 2 * dim] += inp.subword.ravel()
            if inp.ngram is not None:
                x[k, 2 * dim : 2 * dim + self.ngram_dim] = inp.ngram
        # Character CNN: letters of all words in one padded block, a padding letter
        # on each side of each word as the convolution's own padding.
        longest = max(len(inp.chars) for inp in words)
        ids = np.zeros((n, longest + 2), dtype=np.int64)
        for k, inp in enumerate(words):
            ids[k, 1 : len(inp.chars) + 1] = [self.char_ids.get(c, UNKNOWN_CHAR) for c in inp.chars]
        table = self.char_conv
        conv = table[0][ids[:, :-2]] + table[1][ids[:, 1:-1]] + table[2][ids[:, 2:]]
        lengths = np.array([len(inp.chars) for inp in words])
        conv[np.arange(longest)[None, :] >= lengths[:, None]] = -np.inf
        x[:, 2 * dim + self.ngram_dim : -self.cue_emb.shape[1]] = np.maximum(
            conv.max(axis=1) + self.conv_b, 0.0
        )
        cue = self.cue_emb.shape[1]
        for k, inp in enumerate(words):
            rows = [self.cue_ids[c] for c in inp.cues if c in self.cue_ids]
            if rows:
                x[k, -cue:] = self.cue_emb[rows].sum(axis=0)
        return _matmul(x, self.w_ih_t).reshape(n, 2, -1) + self.b

    def _scores(self, sentences: Sequence[Sequence[np.ndarray]]) -> tuple[list[int], Packed]:
        """The label scores of the tokens of all non-empty sentences, packed.

        All sentences of a document run through the LSTM together. Sorted longest
        first, the sentences still running at step t are a prefix of them, so the
        rows of step t lie together (as in a PyTorch PackedSequence) and no step
        touches padding; the backward direction reads each sentence reversed.
        """
        order = sorted(
            (b for b in range(len(sentences)) if sentences[b]), key=lambda b: -len(sentences[b])
        )
        packed = Packed(np.array([len(sentences[b]) for b in order]))
        rows = np.stack([p for b in order for p in sentences[b]])  # (tokens, 2, 4H)
        first = np.cumsum(packed.lengths) - packed.lengths  # row of a sentence's first token
        sent, step = packed.sentence, packed.step
        reverse = packed.lengths[sent] - 1 - step
        gates_in = np.stack([rows[first[sent] + step, 0], rows[first[sent] + reverse, 1]])
        h = self.hidden
        outputs = np.empty((2, len(rows), h), dtype=np.float32)
        state = np.zeros((2, len(order), h), dtype=np.float32)
        cell = np.zeros((2, len(order), h), dtype=np.float32)
        for lo, hi in packed.steps:
            if hi - lo < state.shape[1]:  # sentences ended: matmul wants a contiguous state
                state, cell = state[:, : hi - lo].copy(), cell[:, : hi - lo]
            gates = gates_in[:, lo:hi] + self._recurrent(state)
            sig = 1.0 / (1.0 + np.exp(-gates[..., : 3 * h]))  # gates reordered i, f, o, g
            cell = sig[..., h : 2 * h] * cell + sig[..., :h] * np.tanh(gates[..., 3 * h :])
            state = sig[..., 2 * h :] * np.tanh(cell)
            outputs[:, lo:hi] = state
        backward = _matmul(outputs[1], self.out_w_t[h:])
        # Token t of a sentence of length L is step L - 1 - t of its backward pass.
        packed.scores = (
            _matmul(outputs[0], self.out_w_t[:h])
            + backward[packed.offsets[reverse] + sent]
            + self.out_b
        )
        return order, packed

    def _recurrent(self, state: np.ndarray) -> np.ndarray:
        """state @ W_hh for both directions, in blocks small enough for one BLAS thread."""
        rows = max(1, ONE_THREAD_MACS // self.w_hh_t[0].size)
        if state.shape[1] <= rows:
            return np.matmul(state, self.w_hh_t)
        blocks = range(0, state.shape[1], rows)
        return np.concatenate(
            [np.matmul(state[:, i : i + rows], self.w_hh_t) for i in blocks], axis=1
        )

    def emissions(self, sentences: Sequence[Sequence[np.ndarray]]) -> list[np.ndarray]:
        """Label scores (length × labels) per sentence, from its words' projections."""
        out = [np.zeros((0, len(self.labels)), dtype=np.float32) for _ in sentences]
        if any(sentences):
            order, packed = self._scores(sentences)
            for k, b in enumerate(order):
                out[b] = packed.scores[packed.offsets[: len(sentences[b])] + k]
        return out

    def decode(self, sentences: Sequence[Sequence[np.ndarray]]) -> list[list[int]]:
        """The best label path of each sentence (CRF Viterbi with start and end scores,
        run over all sentences at once like the LSTM)."""
        paths: list[list[int]] = [[] for _ in sentences]
        if not any(sentences):
            return paths
        order, packed = self._scores(sentences)
        scores = packed.scores
        best = self.start + scores[: len(order)]
        back = []
        for lo, hi in packed.steps[1:]:
            cand = best[: hi - lo, :, None] + self.trans
            back.append(cand.argmax(axis=1).tolist())
            best[: hi - lo] = cand.max(axis=1) + scores[lo:hi]
        last = (best + self.end).argmax(axis=1).tolist()
        for k, b in enumerate(order):
            path = [last[k]]
            for t in range(len(sentences[b]) - 2, -1, -1):
                path.append(back[t][k][path[-1]])
            paths[b] = path[::-1]
        return paths


class Packed:
    """Tokens of sentences sorted longest first, laid out step by step: step t holds
    token t of every sentence longer than t, at rows offsets[t] + sentence."""

    def __init__(self, lengths: np.ndarray) -> None:
        self.lengths = lengths
        running = (lengths[None, :] > np.arange(lengths[0])[:, None]).sum(axis=1)
        self.offsets = np.concatenate([[0], np.cumsum(running)])
        bounds = self.offsets.tolist()
        self.steps = list(zip(bounds[:-1], bounds[1:], strict=True))
        self.step = np.repeat(np.arange(len(running)), running)  # per row
        self.sentence = np.concatenate([np.arange(k) for k in running])  # per row
        self.scores = np.empty(0)


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b (a 2-D), in blocks of rows that OpenBLAS runs on one thread."""
    rows = max(1, ONE_THREAD_MACS // b.size)
    if len(a) <= rows:
        return a @ b
    return np.concatenate([a[i : i + rows] @ b for i in range(0, len(a), rows)])
