"""CLI commands of the NER model: `rasd train ner` (on `train_app`) and `rasd eval ner` (on `eval_app`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from rasd.cli import console, eval_app, out, settings, train_app
from rasd.errors import RasdError
from rasd.extract.entities import MODEL


@train_app.command("ner")
def train_ner_command(
    train: Annotated[
        Path | None,
        typer.Option("--train", help="ANERcorp train file (default: ../shared/data/anercorp)."),
    ] = None,
    wojood: Annotated[
        bool,
        typer.Option(
            "--wojood/--no-wojood",
            help="Add the Wojood sample's train part (off: it lowered dev F1 by ~3 points).",
        ),
    ] = False,
    output: Annotated[Path, typer.Option("--out", help="Where to write the model.")] = MODEL,
    epochs: Annotated[int, typer.Option("--max-epochs", help="Most epochs to train.")] = 40,
    word_dropout: Annotated[
        float, typer.Option("--word-dropout", help="Share of word vectors hidden in training.")
    ] = 0.0,
    hidden: Annotated[int, typer.Option("--hidden", help="LSTM units per direction.")] = 128,
    lr_decay: Annotated[
        float, typer.Option("--lr-decay", help="Learning-rate factor applied after each epoch.")
    ] = 1.0,
    rare_dropout: Annotated[
        float,
        typer.Option(
            "--rare-dropout", help="Share of the word vectors of singletons hidden in training."
        ),
    ] = 0.5,
    heads: Annotated[
        bool,
        typer.Option(
            "--heads/--no-heads",
            help="Cues of organisation/event head nouns, nisbas and actor-dictionary words.",
        ),
    ] = False,
    patience: Annotated[
        int, typer.Option("--patience", help="Epochs without a better dev F1 before stopping.")
    ] = 8,
    ema: Annotated[
        float,
        typer.Option(
            "--ema",
            help="Score and keep an exponential moving average of the weights, updated "
            "after every batch with this decay (0: off).",
        ),
    ] = 0.999,
    swa_from: Annotated[
        int,
        typer.Option(
            "--swa-from",
            help="Score and keep the mean of the end-of-epoch weights from this epoch on "
            "(0: off; ignored with --ema).",
        ),
    ] = 0,
    refit: Annotated[
        bool,
        typer.Option(
            "--refit/--no-refit",
            help="Then train again on all of train for the kept number of epochs.",
        ),
    ] = False,
    embeddings: Annotated[
        Path | None,
        typer.Option(
            "--embeddings",
            help="Frozen word vectors (default: the bundled embeddings.npz). A model trained "
            "on others finds them when they lie beside it as embeddings.npz.",
        ),
    ] = None,
    subwords: Annotated[
        bool,
        typer.Option(
            "--subwords/--no-subwords",
            help="Forms without a vector get the sum of their char n-gram vectors "
            "(embeddings of scripts/build_fasttext.py).",
        ),
    ] = False,
    stem_ngrams: Annotated[
        bool,
        typer.Option(
            "--stem-ngrams/--no-stem-ngrams",
            help="Every form also reads the char n-gram vector of its stem.",
        ),
    ] = False,
    ngrams: Annotated[
        Path | None,
        typer.Option(
            "--ngrams",
            help="Char n-gram rows (default: the bundled ngrams.npz, else those of "
            "--embeddings). A model finds them beside it as ngrams.npz.",
        ),
    ] = None,
) -> None:
    """Train the NER network (needs PyTorch, the train extra): early stopping on the dev
    slice (last 10% of train), write model + PROVENANCE."""
    from rasd.eval.ner import predict, score
    from rasd.extract.ner_features import EMBEDDINGS, NGRAMS
    from rasd.extract.ner_training import ANERCORP_TRAIN, WOJOOD_TRAIN, Settings, train_ner

    train = train or ANERCORP_TRAIN
    if not train.is_file():
        raise RasdError(
            f"no training file at {train}", hint="pass --train ANERcorp_train_original.txt"
        )
    result = train_ner(
        lambda model, sentences: score(predict(model, sentences)),
        out=output,
        train=train,
        wojood=WOJOOD_TRAIN if wojood else None,
        settings=Settings(
            max_epochs=epochs,
            word_dropout=word_dropout,
            hidden=hidden,
            lr_decay=lr_decay,
            rare_dropout=rare_dropout,
            heads=heads,
            patience=patience,
            ema=ema,
            swa_from=swa_from,
            refit=refit,
            embeddings=embeddings or EMBEDDINGS,
            subwords=subwords,
            stem_ngrams=stem_ngrams,
            ngrams=ngrams or NGRAMS,
        ),
        command=" ".join(["rasd train ner", *sys.argv[3:]]),
        log=(lambda _msg: None) if settings.quiet else console.print,
    )
    micro = result.dev["micro"]
    out.print(
        f"dev micro P {micro.precision:.4f} R {micro.recall:.4f} F1 {micro.f1:.4f} "
        f"(epoch {result.epoch}) → {result.model}"
    )


@eval_app.command("ner")
def eval_ner_command(
    gold: Annotated[Path, typer.Option("--gold", help="CoNLL gold: `token LABEL` lines.")],
    model: Annotated[Path, typer.Option("--model", help="NER model to measure.")] = MODEL,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """CoNLL entity-level precision, recall and F1 per type and micro-averaged."""
    from rasd.eval.ner import evaluate_ner

    if not gold.is_file():
        raise RasdError(
            f"no gold file at {gold}", hint="pass --gold path/to/ANERcorp_test_corrected.txt"
        )
    scores = evaluate_ner(gold, model)
    if as_json:
        out.print(json.dumps({k: s.__dict__ for k, s in scores.items()}))
        return
    out.print(f"{'type':6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
    for kind, s in scores.items():
        out.print(
            f"{kind:6} {s.precision:7.4f} {s.recall:7.4f} {s.f1:7.4f} {s.gold:6d} {s.predicted:6d}"
        )
