"""Training the NER network: ANERcorp train (+ optional Wojood sample) → a BiLSTM-CRF.

In: `ANERcorp_train_original.txt` (CC BY-SA 4.0). The last 10% of its
sentences are the dev slice: the network is trained on the first 90% (and the
Wojood sample when given), scored on the dev slice after every epoch through
the numpy forward pass the entities stage runs, and the best epoch is kept
(early stopping). Its weights are written to `rasd/resources/ner/model.npz`
with a PROVENANCE note. Needs PyTorch (`pip install -e '.[train]'`); seeds and
deterministic algorithms make a run repeatable on the same machine. The test
file is never read here.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rasd.doc import Token
from rasd.errors import RasdError
from rasd.extract.entities import MODEL, NerModel
from rasd.extract.ner_data import LABELS, Sentence, align, read_conll, token_labels
from rasd.extract.ner_features import EMBEDDINGS, NGRAMS, WordEncoder, WordInputs

try:
    import torch
    from torch import nn
    from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn
except ImportError as err:  # torch is a training-only dependency
    raise RasdError(
        "training the NER model needs PyTorch",
        # Said without «.[train]»: the CLI prints hints as rich markup, which eats brackets.
        hint="install the project's train extra, or just: pip install torch==2.13.0 (CPU wheel)",
    ) from err

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
ANERCORP_TRAIN = SHARED / "anercorp" / "ANERcorp_train_original.txt"
WOJOOD_TRAIN = SHARED / "wojood-sample" / "train.txt"
TAGS = ("O", *(f"{p}-{k}" for k in LABELS for p in "BI"))
SEED = 13


@dataclass(frozen=True)
class Settings:
    """Sizes and schedule of the network and its training (chosen on the dev slice)."""

    char_dim: int = 32
    filters: int = 64
    cue_dim: int = 32
    hidden: int = 128  # 64: dev micro F1 0.761 instead of 0.779, NER 1.5 times as fast
    # 0.5: best dev 0.7894 without averaging (a spike: 0.761-0.789 over epochs 24-36), 0.7842
    # with the moving average; 0.3 with it: 0.7964, 0.788-0.796 over epochs 33-40.
    dropout: float = 0.3
    word_dropout: float = 0.0  # share of word-vector lookups hidden in training
    # Share of the lookups of singletons (forms seen once in the fit sentences) hidden in
    # training: unseen names must be read from their letters and context.
    rare_dropout: float = 0.5  # 0.0: dev micro F1 0.779 (epoch 13) instead of 0.789 (epoch 28)
    # Cues of organisation/event head nouns, nisbas, actor words: best dev 0.768 in 21
    # epochs instead of 0.779 without them (both without singleton dropout): left out.
    heads: bool = False
    refit: bool = False  # retrain on all of train for the kept number of epochs
    embeddings: Path = EMBEDDINGS  # the frozen word vectors (and n-gram rows)
    # Forms without a row get the sum of their char n-gram rows (fastText vectors only).
    subwords: bool = False
    # Every form also reads the n-gram vector of its stem (with any word vectors).
    stem_ngrams: bool = False
    ngrams: Path = NGRAMS  # their rows; when missing, those of the embeddings file
    lr: float = 2e-3
    lr_decay: float = 1.0  # the learning rate is multiplied by this after every epoch
    batch: int = 16
    max_epochs: int = 40
    # Epochs without a better dev F1 before stopping: singleton dropout learns slowly, and
    # with patience 4 its run would have stopped at epoch 22 (best 0.7696, epoch 18).
    patience: int = 8
    # Weight averaging: the dev slice scores (and the model keeps) an average of the
    # weights, not the last ones, whose dev curve is noisy. With dropout 0.5, epochs 25-40:
    # last weights 0.761-0.789 (mean 0.774); moving average 0.999 0.774-0.784 (mean
    # 0.778); 0.998 and 0.995 alike; the mean from epoch 10/15/20 on at most 0.781-0.783.
    ema: float = 0.999  # decay of an exponential moving average updated after every batch
    swa_from: int = 0  # or (without ema): the mean of the end-of-epoch weights from this epoch on
    minutes: float = 30.0  # CPU-time budget (the machine is shared): no epoch starts after it
    # One thread: on a loaded 2-core machine two OpenMP threads wait on each other
    # (an epoch took 20 times the CPU time of one thread).
    threads: int = 1


@dataclass(frozen=True)
class TrainResult:
    epoch: int  # the kept epoch
    dev: dict  # label → rasd.eval.ner.Score on the dev slice
    history: list  # (epoch, dev micro F1) of every epoch
    seconds: float
    cpu_seconds: float
    model: Path
    settings: Settings = field(default_factory=Settings)


class Tagger(nn.Module):
    """BiLSTM-CRF over word vectors, a character CNN and sparse cues (see ner_network)."""

    def __init__(
        self, vectors: np.ndarray, n_chars: int, n_cues: int, s: Settings, ngram_dim: int = 0
    ) -> None:
        super().__init__()
        self.ngram_dim = ngram_dim  # size of the stem's n-gram vector input (0: none)
        table = torch.zeros(len(vectors) + 1, vectors.shape[1])
        table[1:] = torch.from_numpy(vectors.astype(np.float32))
        self.words = nn.Embedding.from_pretrained(table, freeze=True)  # row 0: no vector
        self.char_emb = nn.Embedding(n_chars + 2, s.char_dim, padding_idx=0)
        self.conv = nn.Conv1d(s.char_dim, s.filters, 3, padding=1)
        self.cue_emb = nn.Embedding(n_cues + 1, s.cue_dim, padding_idx=0)
        size = 2 * vectors.shape[1] + ngram_dim + s.filters + s.cue_dim
        self.lstm = nn.LSTM(size, s.hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(s.dropout)
        self.word_dropout = s.word_dropout
        self.rare_dropout = s.rare_dropout
        k = len(TAGS)
        self.out = nn.Linear(2 * s.hidden, k)
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))

    def word_vectors(self, batch: dict) -> torch.Tensor:
        """(tokens, input size): what `NerNetwork.word_vector` computes."""
        chars = batch["chars"]
        conv = self.conv(self.char_emb(chars).transpose(1, 2))
        conv = conv.masked_fill((chars == 0).unsqueeze(1), float("-inf"))
        char_vec = torch.relu(conv.max(dim=2).values)
        cue_vec = self.cue_emb(batch["cues"]).sum(dim=1)
        rows = batch["word"]
        keep = torch.ones(rows.shape, dtype=torch.bool)
        if self.training and self.word_dropout:
            # Unseen names have no vector: the letters and context must carry them.
            keep = torch.rand(rows.shape) >= self.word_dropout
        if self.training and self.rare_dropout:
            hide = batch["rare"] & (torch.rand(len(rows)) < self.rare_dropout)
            keep = keep & ~hide.unsqueeze(1)
        words = self.words(rows * keep).flatten(1)  # form and stem rows
        if batch.get("subword") is not None:  # n-gram vectors where a form has no row
            words = words + batch["subword"] * keep.repeat_interleave(words.shape[1] // 2, dim=1)
        if self.ngram_dim:
            words = torch.cat([words, batch["ngram"]], dim=1)
        return torch.cat([words, char_vec, cue_vec], dim=1)

    def emissions(self, batch: dict) -> torch.Tensor:
        x = self.drop(self.word_vectors(batch))
        lengths = batch["lengths"]
        padded = torch.zeros(len(lengths), int(lengths.max()), x.shape[1])
        padded[batch["mask"]] = x
        packed = nn.utils.rnn.pack_padded_sequence(
            padded, lengths, batch_first=True, enforce_sorted=False
        )
        out, _ = self.lstm(packed)
        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True)
        return self.out(self.drop(out))

    def loss(self, batch: dict) -> torch.Tensor:
        """Mean CRF negative log-likelihood of the gold label paths."""
        em, tags, mask = self.emissions(batch), batch["tags"], batch["mask"]
        rows = torch.arange(len(tags))
        gold = self.start[tags[:, 0]] + em[rows, 0, tags[:, 0]]
        alpha = self.start + em[:, 0]
        for t in range(1, em.shape[1]):
            on = mask[:, t]
            step = self.trans[tags[:, t - 1], tags[:, t]] + em[rows, t, tags[:, t]]
            gold = gold + step * on
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(on.unsqueeze(1), nxt, alpha)
        last = tags[rows, batch["lengths"] - 1]
        gold = gold + self.end[last]
        return (torch.logsumexp(alpha + self.end, dim=1) - gold).mean()


@dataclass
class Vocab:
    chars: list[str]
    cues: list[str]

    def encode_tokens(self, sentences: Sequence[Sequence[Token]], encoder: WordEncoder) -> list:
        """Id lists per sentence for `_batch` (labels all O)."""
        char_ids = {c: i + 2 for i, c in enumerate(self.chars)}
        cue_ids = {c: i + 1 for i, c in enumerate(self.cues)}
        out = []
        for tokens in sentences:
            inputs = [encoder.inputs(t) for t in tokens]
            out.append(
                {
                    "word": [(i.word + 1, i.stem + 1) for i in inputs],
                    "chars": [[char_ids.get(c, 1) for c in i.chars] for i in inputs],
                    "cues": [[cue_ids[c] for c in i.cues if c in cue_ids] for i in inputs],
                    "tags": [0] * len(inputs),
                }
            )
            if encoder.subwords:
                out[-1]["subword"] = [i.subword for i in inputs]
            if encoder.stem_ngrams:
                out[-1]["ngram"] = [i.ngram for i in inputs]
        return out

    def encode(self, sentences: Sequence[Sentence], encoder: WordEncoder) -> list[dict]:
        """Id lists per corpus sentence with its gold labels."""
        out = self.encode_tokens([s.tokens for s in sentences], encoder)
        for item, sent in zip(out, sentences, strict=True):
            item["tags"] = [TAGS.index(lab) for lab in token_labels(sent)]
        return out


def _vocab(inputs: Sequence[WordInputs]) -> Vocab:
    chars = Counter(c for i in inputs for c in i.chars)
    cues = Counter(c for i in inputs for c in i.cues)
    return Vocab(
        sorted(c for c, n in chars.items() if n >= 2), sorted(c for c, n in cues.items() if n >= 2)
    )


def _batch(items: Sequence[dict]) -> dict:
    """Pad a list of encoded sentences into tensors; tokens are flattened in order."""
    lengths = torch.tensor([len(x["tags"]) for x in items])
    longest = int(lengths.max())
    mask = torch.arange(longest).unsqueeze(0) < lengths.unsqueeze(1)
    words = [w for x in items for w in x["word"]]
    rare = [r for x in items for r in x.get("rare", [False] * len(x["word"]))]
    chars = [c for x in items for c in x["chars"]]
    cues = [c for x in items for c in x["cues"]]
    char_t = torch.zeros(len(chars), max(map(len, chars)), dtype=torch.long)
    for i, c in enumerate(chars):
        char_t[i, : len(c)] = torch.tensor(c)
    cue_t = torch.zeros(len(cues), max(1, max(map(len, cues))), dtype=torch.long)
    for i, c in enumerate(cues):
        cue_t[i, : len(c)] = torch.tensor(c, dtype=torch.long)
    tags = torch.zeros(len(items), longest, dtype=torch.long)
    for b, x in enumerate(items):
        tags[b, : len(x["tags"])] = torch.tensor(x["tags"])
    subword = None
    if "subword" in items[0]:
        found = [v for x in items for v in x["subword"]]
        dim = next((v.shape[1] for v in found if v is not None), 0)
        flat = np.zeros((len(found), 2 * dim), np.float32)
        for i, v in enumerate(found):
            if v is not None:
                flat[i] = v.ravel()
        subword = torch.from_numpy(flat) if dim else None  # None: every form has a row
    ngram = None
    if "ngram" in items[0]:
        ngram = torch.from_numpy(np.stack([v for x in items for v in x["ngram"]]))
    return {
        "word": torch.tensor(words),
        "subword": subword,
        "ngram": ngram,
        "rare": torch.tensor(rare, dtype=torch.bool),
        "chars": char_t,
        "cues": cue_t,
        "tags": tags,
        "mask": mask,
        "lengths": lengths,
    }


def _batches(data: Sequence[dict], size: int, rng: random.Random) -> list[dict]:
    """Shuffled batches of sentences of similar length (less padding)."""
    order = list(range(len(data)))
    rng.shuffle(order)
    chunks = [order[i : i + size * 20] for i in range(0, len(order), size * 20)]
    batches = []
    for chunk in chunks:
        chunk.sort(key=lambda i: len(data[i]["tags"]))
        batches += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(batches)
    return [_batch([data[i] for i in b]) for b in batches]


def export(model: Tagger, vocab: Vocab, out: Path) -> None:
    """Write the weights the numpy forward pass reads (`rasd.extract.ner_network`)."""
    p = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    lstm = ("l0", "l0_reverse")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Only when used: a model without it is written byte for byte as before.
    extra = {"stem_ngrams": np.array(model.ngram_dim)} if model.ngram_dim else {}
    with out.open("wb") as fh:
        np.savez_compressed(
            fh,
            **extra,
            labels=np.array(TAGS),
            chars=np.array(vocab.chars),
            cues=np.array(vocab.cues),
            char_emb=p["char_emb.weight"],
            conv_w=p["conv.weight"],
            conv_b=p["conv.bias"],
            cue_emb=p["cue_emb.weight"][1:],
            w_ih=np.stack([p[f"lstm.weight_ih_{d}"] for d in lstm]),
            w_hh=np.stack([p[f"lstm.weight_hh_{d}"] for d in lstm]),
            b=np.stack([p[f"lstm.bias_ih_{d}"] + p[f"lstm.bias_hh_{d}"] for d in lstm]),
            out_w=p["out.weight"],
            out_b=p["out.bias"],
            trans=p["trans"],
            start=p["start"],
            end=p["end"],
        )


def load_weights(model: NerModel) -> tuple[Tagger, Vocab]:
    """The torch network of an exported model (the inverse of `export`)."""
    net = model.network
    with np.load(model.path) as data:
        w = {k: data[k] for k in data.files}
    vocab = Vocab(w["chars"].tolist(), w["cues"].tolist())
    settings = Settings(
        char_dim=w["char_emb"].shape[1],
        filters=w["conv_w"].shape[0],
        cue_dim=w["cue_emb"].shape[1],
        hidden=net.hidden,
    )
    tagger = Tagger(net.vectors, len(vocab.chars), len(vocab.cues), settings, net.ngram_dim)
    state = {
        "char_emb.weight": w["char_emb"],
        "conv.weight": w["conv_w"],
        "conv.bias": w["conv_b"],
        "cue_emb.weight": np.vstack([np.zeros((1, settings.cue_dim)), w["cue_emb"]]),
        "out.weight": w["out_w"],
        "out.bias": w["out_b"],
        "trans": w["trans"],
        "start": w["start"],
        "end": w["end"],
    }
    for k, d in enumerate(("l0", "l0_reverse")):
        state[f"lstm.weight_ih_{d}"] = w["w_ih"][k]
        state[f"lstm.weight_hh_{d}"] = w["w_hh"][k]
        state[f"lstm.bias_ih_{d}"] = w["b"][k]  # the sum of both biases, the other zero
        state[f"lstm.bias_hh_{d}"] = np.zeros_like(w["b"][k])
    tensors = {k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in state.items()}
    tagger.load_state_dict({**tagger.state_dict(), **tensors})
    tagger.eval()
    return tagger, vocab


def _sentences(path: Path, wojood: bool = False) -> list[Sentence]:
    return [align(w, g) for w, g in read_conll(path, wojood=wojood)]


def _start(settings: Settings) -> random.Random:
    """Seed torch and the batch order: each training phase starts from the same state."""
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(settings.threads)
    return random.Random(SEED)


def _encoder(settings: Settings) -> WordEncoder:
    return WordEncoder(
        settings.embeddings,
        heads=settings.heads,
        subwords=settings.subwords,
        stem_ngrams=settings.stem_ngrams,
        ngrams=settings.ngrams,
    )


def _prepare(
    fit: Sequence[Sentence], encoder: WordEncoder, settings: Settings
) -> tuple[Vocab, list[dict], Tagger]:
    """Vocabulary, encoded sentences (singletons marked) and a fresh network."""
    vocab = _vocab([encoder.inputs(t) for s in fit for t in s.tokens])
    data = vocab.encode(fit, encoder)
    counts = Counter(t.norm for s in fit for t in s.tokens)
    for item, sent in zip(data, fit, strict=True):
        item["rare"] = [counts[t.norm] == 1 for t in sent.tokens]
    ngram_dim = encoder.ngrams.rows.shape[1] if encoder.ngrams and encoder.stem_ngrams else 0
    tagger = Tagger(encoder.vectors, len(vocab.chars), len(vocab.cues), settings, ngram_dim)
    return vocab, data, tagger


def _epochs(
    model: Tagger, data: list[dict], settings: Settings, rng: random.Random
) -> Iterator[tuple[int, Tagger]]:
    """Train epoch after epoch; yields the epoch number and the network to score and
    keep after each (in eval mode): the model itself, or its weight average once one
    has begun (`Settings.ema`, `Settings.swa_from`)."""
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.Adam(params, lr=settings.lr)
    schedule = torch.optim.lr_scheduler.ExponentialLR(optimizer, settings.lr_decay)
    average = None
    if settings.ema:
        average = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(settings.ema))
    elif settings.swa_from:
        average = AveragedModel(model)  # running mean of the updates
    for epoch in range(1, settings.max_epochs + 1):
        model.train()
        for batch in _batches(data, settings.batch, rng):
            optimizer.zero_grad()
            model.loss(batch).backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            optimizer.step()
            if settings.ema:
                average.update_parameters(model)
        schedule.step()
        if settings.swa_from and epoch >= settings.swa_from:
            average.update_parameters(model)
        model.eval()
        if average is not None and average.n_averaged > 0:
            average.module.eval()
            yield epoch, average.module
        else:
            yield epoch, model


def train_ner(
    dev_score: Callable[[NerModel, Sequence[Sentence]], dict],
    out: Path = MODEL,
    train: Path = ANERCORP_TRAIN,
    wojood: Path | None = None,
    settings: Settings = Settings(),
    command: str = "rasd train ner",
    log: Callable[[str], None] = print,
) -> TrainResult:
    """Train on 90% of train (+ Wojood), keep the epoch best on the dev slice, write the model.

    With `settings.refit`, the written model is then trained again from scratch on all
    of train (+ Wojood) for the kept number of epochs (`refit`); the dev scores
    reported are those of the 90% run. dev_score scores a model on dev sentences
    (label → score with `.f1`); the caller passes the scorer of `rasd.eval.ner`,
    which sits downstream of extract.
    """
    t0, c0 = time.time(), time.process_time()
    rng = _start(settings)
    encoder = _encoder(settings)
    sentences = _sentences(train)
    cut = int(len(sentences) * 0.9)
    extra = _sentences(wojood, wojood=True) if wojood else []
    fit, dev = sentences[:cut] + extra, sentences[cut:]
    log(f"{len(sentences)} train sentences ({cut} fit, {len(dev)} dev), {len(extra)} extra")
    vocab, data, model = _prepare(fit, encoder, settings)
    history: list[tuple[int, float]] = []
    best: tuple[float, int, dict, dict] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "model.npz"
        for epoch, net in _epochs(model, data, settings, rng):
            export(net, vocab, probe)
            scores = dev_score(NerModel(probe, encoder), dev)
            f1 = scores["micro"].f1
            history.append((epoch, round(f1, 4)))
            log(f"epoch {epoch}: dev micro F1 {f1:.4f} ({time.time() - t0:.0f}s)")
            if best is None or f1 > best[0]:
                best = (f1, epoch, scores, {k: v.clone() for k, v in net.state_dict().items()})
            if (
                epoch - best[1] >= settings.patience
                or time.process_time() - c0 > 60 * settings.minutes
            ):
                break
    assert best is not None
    if settings.refit:
        refit(best[1], out, train, wojood, settings, log=log)
    else:
        model.load_state_dict(best[3])
        export(model, vocab, out)
    result = TrainResult(
        best[1],
        best[2],
        history,
        time.time() - t0,
        time.process_time() - c0,
        out,
        settings,
    )
    write_provenance(result, train, wojood, command, len(fit), len(dev))
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {result.seconds:.0f}s")
    return result


def refit(
    epochs: int,
    out: Path,
    train: Path = ANERCORP_TRAIN,
    wojood: Path | None = None,
    settings: Settings = Settings(),
    log: Callable[[str], None] = print,
    snapshots: bool = False,
) -> None:
    """Train from scratch on all of train (+ Wojood) for `epochs` epochs; write the model.

    With snapshots, the model of every epoch is also written beside `out`
    (`model-e<N>.npz`), so a refit can run alongside the 90% run that picks N.
    """
    rng = _start(settings)
    encoder = _encoder(settings)
    fit = _sentences(train) + (_sentences(wojood, wojood=True) if wojood else [])
    vocab, data, model = _prepare(fit, encoder, settings)
    run = Settings(**{**settings.__dict__, "max_epochs": epochs})
    for epoch, net in _epochs(model, data, run, rng):
        log(f"refit on all {len(fit)} sentences: epoch {epoch}/{epochs}")
        if snapshots:
            export(net, vocab, out.with_name(f"{out.stem}-e{epoch}{out.suffix}"))
    export(net, vocab, out)


def write_provenance(
    result: TrainResult, train: Path, wojood: Path | None, command: str, n_fit: int, n_dev: int
) -> None:
    """PROVENANCE.md beside the model: data, licence, command, seeds, date, scores."""
    rows = "\n".join(
        f"| {k} | {s.precision:.4f} | {s.recall:.4f} | {s.f1:.4f} | {s.gold} |"
        for k, s in result.dev.items()
    )
    extra = (
        f"- Wojood sample `{wojood.name}` (MIT, github SinaLab/ArabicNER @ef3a7f4e), "
        "types mapped PERS→PERS, GPE/LOC/FAC→LOC, ORG→ORG\n"
        if wojood
        else ""
    )
    s = result.settings
    kept = (
        f"\n  The shipped weights were then **trained again from scratch on all of train**\n"
        f"  ({n_fit + n_dev} sentences) for the kept number of epochs ({result.epoch}), same\n"
        "  seeds: the dev scores below are those of the 90% run (the refit has seen the\n"
        "  dev slice, so it cannot be scored on it)."
        if s.refit
        else "\n  The shipped weights are those of the best dev epoch, **trained on 90% of\n"
        "  train** (not retrained on all: the kept model is exactly the one measured on dev)."
    )
    averaged = (
        f"\nThe dev slice scores, and the model keeps, a moving average of the weights\n"
        f"(decay {s.ema} after every batch), not the last weights."
        if s.ema
        else f"\nThe dev slice scores, and the model keeps, the mean of the end-of-epoch weights\n"
        f"from epoch {s.swa_from} on (the weights themselves before it)."
        if s.swa_from
        else ""
    )
    cues = (
        "; cues of organisation and event head nouns («وزارة»، «كأس»), nisbas of places\n"
        "(«السورية») and words of the actor dictionary's aliases"
        if s.heads
        else ""
    )
    with np.load(s.embeddings) as data:
        fasttext = "ngrams" in data.files
    method = (
        "fastText skip-gram vectors\n(gensim, LGPL-2.1, used at build time only) with the rows of "
        "their char n-gram\nbuckets, by `scripts/build_fasttext.py`"
        if fasttext
        else "positive PMI of\nleft/right contexts, truncated SVD, by `scripts/build_embeddings.py`"
    )
    subwords = (
        "\n(for a form or stem without one, the sum of its char n-gram vectors, as fastText does)"
        if s.subwords
        else ""
    )
    if s.stem_ngrams:
        subwords += ",\nthe fastText vector of its stem's char n-grams (`ngrams.npz`)"
    ngram_rows = (
        "\n`ngrams.npz` — the rows of 40,000 char n-gram buckets (3-6 letters, float16) of\n"
        "fastText skip-gram vectors of SaudiNewsNet (same source and licence; gensim, LGPL-2.1,\n"
        "used at build time only), by `scripts/build_fasttext.py`; a form's n-gram vector is\n"
        "the sum of the rows of its n-grams, computed in numpy as fastText does.\n"
        if s.stem_ngrams
        else ""
    )
    text = f"""# PROVENANCE of the NER model and its resources

`model.npz` — BiLSTM-CRF weights (trained with PyTorch, run in numpy by
`rasd/extract/ner_network.py`); labels B-/I- PERS, LOC, ORG, MISC. Inputs per
word: the frozen vectors of `embeddings.npz` for its form and its clitic stem{subwords},
a character CNN ({s.char_dim}-dim letters, {s.filters} filters of width 3), and
{s.cue_dim}-dim embeddings of sparse cues (`rasd/extract/ner_features.py`);
one bidirectional LSTM layer of {s.hidden} units per direction; dropout {s.dropout};
word-vector dropout {s.word_dropout}, of singletons' vectors {s.rare_dropout}{cues}; Adam lr {s.lr} × {s.lr_decay} per epoch, batches of {s.batch} sentences,
gradient norm clipped at 5.{averaged}

- Trained on ANERcorp `{train.name}` (CAMeL Lab split, github
  CSabty/ANERcorp-Correction @3342d0b7). Licence of the data: **CC BY-SA 4.0**;
  this model, derived from it, is shared under the same terms.
{extra}- The dev slice is the last 10% of the train file's sentences ({n_dev}); the
  network is trained on the other {n_fit} sentences and scored on the dev slice
  after every epoch; training stops after {s.patience} epochs without a better
  dev F1 (or {s.max_epochs} epochs / {s.minutes:.0f} CPU minutes).{kept}
  Dev micro F1 per epoch: {result.history}; kept epoch {result.epoch}.
- Seeds: torch and Python `random` seeded with {SEED};
  `torch.use_deterministic_algorithms(True)`, {s.threads} thread(s).
- Command: `{command}`
- Date: {dt.date.today().isoformat()}; training took {result.seconds:.0f} s wall,
  {result.cpu_seconds:.0f} s CPU on a shared 2-core machine.

Dev slice, CoNLL entity level (after propagation of labels within runs of 20 sentences,
as `rasd eval ner` does):

| type | precision | recall | F1 | gold entities |
|---|---|---|---|---|
{rows}

The test score (`ANERcorp_test_corrected.txt`, never used for training or
tuning) is measured once for a shipped model, by `rasd eval ner --gold
…/ANERcorp_test_corrected.txt`, and added below by hand.

`embeddings.npz` — 100-dim vectors of the 80,000 most frequent search-normalised
word forms of SaudiNewsNet (github inparallel/SaudiNewsNet @4e392399, CC
BY-NC-SA 4.0; only the derived vectors are shipped, no text): {method}.
{ngram_rows}
`clusters.tsv` — word clusters and counts learned without labels from SaudiNewsNet
(same source and licence) by `scripts/build_clusters.py`; the network reads the
frequency, two cluster levels and how often a stem takes the article.

`name_cues.tsv` — for 6,245 word forms of SaudiNewsNet (same source and licence;
only counts are shipped), how often each follows a title («السيد»، «الأمير»...),
stands next to «بن», follows an organisation noun or a place noun, by
`scripts/build_name_cues.py`. The network also sees membership in the places
gazetteer (`rasd/resources/places/`).
"""
    (result.model.parent / "PROVENANCE.md").write_text(text, encoding="utf-8")
