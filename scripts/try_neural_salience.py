"""Does a small neural trigger classifier beat the salience logistic? GSR dev cross-validation only.

Usage: .venv/bin/python scripts/try_neural_salience.py [GSR_DIR] [--extra labels/snn_sentences]
       [--arch lstm|cnn] [--no-structure] [--members N] [--epochs N]

A prototype, not a stage: nothing under rasd/ changes and nothing is written.
Per trigger mention (the examples of `fit_event_salience.collect`, same order,
same labels, same `counts`), the sentence's words enter as rasd's frozen NER
word vectors (`salience.vector_word`: the search form, else the clitic stem's;
zeros and an out-of-vocabulary flag without one), with the token's kind, its
distance to the trigger (clipped, 0 inside it) and the trigger's type. A BiLSTM
(or a CNN) reads them; the states inside the trigger are averaged and the
sentence max-pooled; with the mention's structural features of
`salience.features` (tense, definiteness, a count, ...) and the type they feed
one hidden layer and the probability that the sentence reports the event.
One model serves both types.

Scored exactly as `fit_event_salience.cross_validate`: the same five
document-grouped folds (`fold_of`, SEEDS), the labelled SaudiNewsNet sentences
(`--extra`) in every training fold, sentence detection by `detection` (a
sentence fires when one of its counting mentions is at or above the type's
threshold or opens its clause as a past verb), one threshold per type chosen on
the out-of-fold probabilities of the three seeds. Early stopping looks only
inside the training fold: each of `--members` nets holds out a different fifth
of the fold's GSR documents, stops at its best validation loss there, and the
members' probabilities are averaged. The logistic baseline (SHIPPED: the
setting of the weights committed at 07c4f53; `--setting-from-file` takes the
file's current one) and the ensemble (mean of the logistic and neural
out-of-fold probabilities) are scored on the same folds. The labelled
sentences are those the shipped fit used: parts 1-3 with `strict-*.jsonl` over
them (`--parts`). The test half and the held-out benches are never read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import fit_event_salience as fit
import numpy as np
import torch
from torch import nn

from rasd.eval.gsr import GsrSentence, read_gsr, read_sentence_labels
from rasd.extract.salience import WEIGHTS_PATH, vector_matrix, vector_rows, vector_word

DISTANCE = 10  # distances to the trigger beyond this share one embedding
WINDOW = 40  # tokens kept either side of the trigger
KINDS = ("vector", "word", "number", "punct", "other")  # "word": a word without a vector
TYPES = fit.TYPES
# The logistic's setting shipped at commit 07c4f53 (GSR dev CV 69.5 / 57.3 with parts 1-3).
SHIPPED = fit.Setting("trigger+window+sentence", 1.0, 3, 3.0, 1.0)
STOPPED_AT = [0]  # the best epoch of each net trained, for the log


@dataclass(frozen=True)
class Inputs:
    """What the net reads of one mention."""

    rows: np.ndarray  # vector row per token, -1 without one
    kinds: np.ndarray
    distances: np.ndarray  # to the trigger, clipped, shifted to 0..2*DISTANCE
    trigger: tuple[int, int]  # first, last token (inclusive) in the kept window
    type: int
    structure: tuple[str, ...]  # the structural features of `salience.features`


def mention_inputs(
    tokens: Sequence, first: int, last: int, etype: str, feats, window: int = WINDOW
) -> Inputs:
    """The net's inputs for the trigger tokens first..last of `tokens`."""
    lo, hi = max(0, first - window), min(len(tokens), last + window + 1)
    rows, kinds, distances = [], [], []
    index = vector_rows()
    for i in range(lo, hi):
        tok = tokens[i]
        word = vector_word(tok)
        rows.append(index[word] if word else -1)
        if word:
            kinds.append(0)
        else:
            kinds.append(KINDS.index(tok.kind) if tok.kind in KINDS[1:4] else 4)
        d = i - first if i < first else (i - last if i > last else 0)
        distances.append(max(-DISTANCE, min(DISTANCE, d)) + DISTANCE)
    structure = tuple(f for f in feats if "|" not in f and not f.startswith("type:"))
    return Inputs(
        np.array(rows),
        np.array(kinds),
        np.array(distances),
        (first - lo, last - lo),
        TYPES.index(etype),
        structure,
    )


def collect(
    sentences: Sequence[GsrSentence], window: int = WINDOW
) -> tuple[list[fit.Example], list[Inputs]]:
    """`fit_event_salience.collect`'s examples, and beside each the net's inputs."""
    examples, inputs = [], []
    for sentence, c in fit.mentions(sentences):
        t = c.trigger
        examples.append(fit.example(sentence, c))
        inputs.append(mention_inputs(c.context.tokens, t.first, t.last, t.type, c.features, window))
    return examples, inputs


class Batch:
    """Padded tensors of some mentions."""

    def __init__(self, items: Sequence[Inputs], structure_names: Sequence[str]) -> None:
        n, width = len(items), max(len(x.rows) for x in items)
        self.rows = torch.full((n, width), -1, dtype=torch.long)
        self.kinds = torch.zeros((n, width), dtype=torch.long)
        self.distances = torch.zeros((n, width), dtype=torch.long)
        self.mask = torch.zeros((n, width), dtype=torch.bool)
        self.trigger = torch.zeros((n, width))
        self.lengths = torch.tensor([len(x.rows) for x in items])
        self.types = torch.tensor([x.type for x in items])
        column = {name: j for j, name in enumerate(structure_names)}
        self.structure = torch.zeros((n, len(structure_names)))
        for i, x in enumerate(items):
            k = len(x.rows)
            self.rows[i, :k] = torch.from_numpy(x.rows)
            self.kinds[i, :k] = torch.from_numpy(x.kinds)
            self.distances[i, :k] = torch.from_numpy(x.distances)
            self.mask[i, :k] = True
            first, last = x.trigger
            self.trigger[i, first : last + 1] = 1.0 / (last - first + 1)
            for f in x.structure:
                if f in column:
                    self.structure[i, column[f]] = 1.0

    def subset(self, index: np.ndarray) -> Batch:
        """The mentions at `index`, padded only as wide as the longest of them."""
        idx = torch.from_numpy(np.asarray(index))
        out = Batch.__new__(Batch)
        width = int(self.lengths[idx].max())
        for name in ("rows", "kinds", "distances", "mask", "trigger"):
            setattr(out, name, getattr(self, name)[idx, :width])
        for name in ("lengths", "types", "structure"):
            setattr(out, name, getattr(self, name)[idx])
        return out


class TriggerNet(nn.Module):
    def __init__(
        self, vectors: torch.Tensor, structure: int, arch: str = "lstm", hidden: int = 64
    ) -> None:
        super().__init__()
        # Frozen word vectors, a zero row last for words without one.
        self.register_buffer("vectors", torch.cat([vectors, torch.zeros(1, vectors.shape[1])]))
        self.kinds = nn.Embedding(len(KINDS), 4)
        self.distances = nn.Embedding(2 * DISTANCE + 1, 8)
        self.types = nn.Embedding(len(TYPES), 4)
        width = vectors.shape[1] + 4 + 8 + 4
        self.dropout = nn.Dropout(0.3)
        self.arch = arch
        if arch == "lstm":
            self.encoder = nn.LSTM(width, hidden // 2, batch_first=True, bidirectional=True)
        else:
            self.encoder = nn.Conv1d(width, hidden, kernel_size=3, padding=1)
        self.head = nn.Sequential(
            nn.Linear(2 * hidden + structure + 4, 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 1)
        )

    def forward(self, b: Batch, structure: bool = True) -> torch.Tensor:
        types = self.types(b.types)
        words = self.vectors[b.rows]  # -1 picks the zero row
        x = torch.cat(
            [
                words,
                self.kinds(b.kinds),
                self.distances(b.distances),
                types[:, None, :].expand(-1, words.shape[1], -1),
            ],
            dim=-1,
        )
        x = self.dropout(x)
        if self.arch == "lstm":
            packed = nn.utils.rnn.pack_padded_sequence(
                x, b.lengths, batch_first=True, enforce_sorted=False
            )
            out, _ = self.encoder(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
        else:
            h = torch.relu(self.encoder(x.transpose(1, 2))).transpose(1, 2)
        at_trigger = (h * b.trigger[:, :, None]).sum(dim=1)
        pooled = h.masked_fill(~b.mask[:, :, None], -1e4).max(dim=1).values
        s = b.structure if structure else torch.zeros_like(b.structure)
        return self.head(torch.cat([at_trigger, pooled, s, types], dim=-1)).squeeze(-1)


@dataclass(frozen=True)
class Options:
    arch: str = "lstm"
    structure: bool = True
    members: int = 3
    epochs: int = 25
    patience: int = 4
    batch: int = 32
    lr: float = 2e-3
    extra_weight: float = 1.0


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode()).digest()[:4], "big")


def train_member(
    train: list[tuple[Inputs, float, float]],
    valid: list[tuple[Inputs, float, float]],
    names: Sequence[str],
    options: Options,
    seed: int,
) -> TriggerNet:
    """One net fit on `train` (inputs, label, loss weight), stopped at its best loss on `valid`."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    net = TriggerNet(torch.from_numpy(vector_matrix()), len(names), options.arch)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=options.lr)
    loss_fn = nn.BCEWithLogitsLoss(reduction="none")
    vb = Batch([x for x, _, _ in valid], names)
    vy = torch.tensor([y for _, y, _ in valid])
    tb = Batch([x for x, _, _ in train], names)
    ty = torch.tensor([y for _, y, _ in train])
    tw = torch.tensor([w for _, _, w in train])
    best, best_state, waited = float("inf"), None, 0
    for epoch in range(options.epochs):
        net.train()
        order = rng.permutation(len(train))
        for start in range(0, len(order), options.batch):
            index = order[start : start + options.batch]
            b, y, w = tb.subset(index), ty[index], tw[index]
            loss = (loss_fn(net(b, options.structure), y) * w).sum() / w.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            value = float(loss_fn(net(vb, options.structure), vy).mean())
        if value < best - 1e-4:
            best, waited = value, 0
            STOPPED_AT[-1] = epoch + 1
            best_state = {k: v.clone() for k, v in net.state_dict().items()}
        else:
            waited += 1
            if waited >= options.patience:
                break
    assert best_state is not None
    STOPPED_AT.append(0)
    net.load_state_dict(best_state)
    net.eval()
    return net


def predict(net: TriggerNet, items: Sequence[Inputs], names: Sequence[str], options: Options):
    out = []
    with torch.no_grad():
        for start in range(0, len(items), 256):
            b = Batch(items[start : start + 256], names)
            out.append(torch.sigmoid(net(b, options.structure)).numpy())
    return np.concatenate(out) if out else np.zeros(0)


def neural_out_of_fold(
    examples: list[fit.Example],
    inputs: list[Inputs],
    extra: list[fit.Example],
    extra_inputs: list[Inputs],
    names: Sequence[str],
    seed: str,
    options: Options,
) -> np.ndarray:
    """Out-of-fold probabilities of `examples` under the folds of `seed`; `extra` trains always."""
    fold = [fit.fold_of(e, seed) for e in examples]
    probs = np.zeros(len(examples))
    extra_rows = [
        (x, float(e.label), options.extra_weight) for e, x in zip(extra, extra_inputs, strict=True)
    ]
    for k in range(fit.FOLDS):
        held = [i for i, f in enumerate(fold) if f == k]
        inside = [i for i, f in enumerate(fold) if f != k]
        member_probs = []
        for m in range(options.members):
            # Each member holds out its own fifth of the fold's GSR documents for stopping.
            def is_valid(i: int, k: int = k, m: int = m) -> bool:
                return _digest(f"{seed}:{k}:{examples[i].document}") % 5 == m % 5

            train = [(inputs[i], float(examples[i].label), 1.0) for i in inside if not is_valid(i)]
            valid = [(inputs[i], float(examples[i].label), 1.0) for i in inside if is_valid(i)]
            net = train_member(
                train + extra_rows, valid, names, options, _digest(f"{seed}:{k}:{m}")
            )
            member_probs.append(predict(net, [inputs[i] for i in held], names, options))
        probs[held] = np.mean(member_probs, axis=0)
        print(f"    fold {k} done, {time.process_time():.0f} CPU-s", flush=True)
    return probs


def score(
    sentences: Sequence[GsrSentence], examples: Sequence[fit.Example], runs: list[np.ndarray]
) -> dict[str, dict[str, float]]:
    """`fit_event_salience.cross_validate`'s scoring of given out-of-fold runs (one per seed)."""
    out = {}
    for etype in TYPES:
        best = None
        for t in fit.THRESHOLDS:
            counts = [fit.detection(sentences, examples, p, etype, t) for p in runs]
            mean_f1 = float(np.mean([fit.f1(*c) for c in counts]))
            if best is None or mean_f1 > best[1]:
                best = (t, mean_f1, counts)
        assert best is not None
        t, mean_f1, counts = best
        tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
        out[etype] = {
            "threshold": t,
            "f1": round(mean_f1, 4),
            "f1_sd": round(float(np.std([fit.f1(*c) for c in counts])), 4),
            "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        }
    return out


def line(name: str, scores: dict[str, dict[str, float]]) -> str:
    parts = "  ".join(
        f"{t} {100 * s['f1']:.1f}±{100 * s['f1_sd']:.1f} P {100 * s['precision']:.1f}"
        f" R {100 * s['recall']:.1f} @{s['threshold']:.2f}"
        for t, s in scores.items()
    )
    return f"{name:10s} {parts}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gsr_dir", nargs="?", type=Path, default=Path("../shared/data/arabic-event-gsr")
    )
    parser.add_argument("--extra", type=Path, help="labelled SaudiNewsNet sentences")
    parser.add_argument(
        "--parts",
        default="1,2,3",
        help="which part-N.jsonl of --extra (with its strict-*.jsonl over them): the shipped fit's",
    )
    parser.add_argument("--arch", choices=("lstm", "cnn"), default="lstm")
    parser.add_argument("--no-structure", action="store_true")
    parser.add_argument("--members", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=25)
    parser.add_argument("--window", type=int, default=WINDOW, help="tokens kept each side")
    parser.add_argument(
        "--setting-from-file",
        action="store_true",
        help="the logistic's setting as the weights file now says, not SHIPPED",
    )
    parser.add_argument("--seeds", type=int, default=len(fit.SEEDS), help="only the first N")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    options = Options(args.arch, not args.no_structure, args.members, args.epochs)
    seeds = fit.SEEDS[: args.seeds]
    sentences = list(read_gsr(args.gsr_dir, "dev"))
    examples, inputs = collect(sentences, args.window)
    extra: list[fit.Example] = []
    extra_inputs: list[Inputs] = []
    if args.extra:
        corpus = args.gsr_dir.parent / "saudinewsnet" / "articles.jsonl.gz"
        files = (*(f"part-{n}.jsonl" for n in args.parts.split(",")), "strict-*.jsonl")
        labelled = read_sentence_labels(args.extra, corpus, files)
        extra, extra_inputs = collect(labelled, args.window)
    print(f"{len(examples)} GSR dev mentions, {len(extra)} extra; {options}", flush=True)
    names = sorted({f for x in [*inputs, *extra_inputs] for f in x.structure})
    setting = SHIPPED
    if args.setting_from_file:
        chosen = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))["cross_validation"]["chosen"]
        setting = fit.Setting(**{"vector_scale": 1.0} | chosen)
    print(f"logistic setting {setting}", flush=True)
    logistic = [fit.out_of_fold(examples, setting, seed, extra) for seed in seeds]
    print(line("logistic", score(sentences, examples, logistic)), flush=True)
    neural = []
    for seed in seeds:
        began = time.process_time()
        neural.append(
            neural_out_of_fold(examples, inputs, extra, extra_inputs, names, seed, options)
        )
        epochs = STOPPED_AT[-1 - fit.FOLDS * options.members : -1]
        print(
            f"  seed {seed}: {time.process_time() - began:.0f} CPU-s, best epochs {epochs}",
            flush=True,
        )
    print(line("neural", score(sentences, examples, neural)), flush=True)
    mean = [(a + b) / 2 for a, b in zip(logistic, neural, strict=True)]
    print(line("ensemble", score(sentences, examples, mean)), flush=True)


if __name__ == "__main__":
    main()
