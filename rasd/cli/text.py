"""CLI commands of the text core: `rasd eval segmentation` (registered on `eval_app`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rasd.cli import eval_app, out
from rasd.errors import RasdError

DEFAULT_GOLD = Path("../shared/data/farasa-wikinews/WikiNews.pos.ref")


@eval_app.command("segmentation")
def eval_segmentation(
    gold: Annotated[
        Path, typer.Option("--gold", help="Farasa WikiNews gold, WikiNews.pos.ref.")
    ] = DEFAULT_GOLD,
    errors: Annotated[
        int, typer.Option("--errors", help="Show this many dev errors (never test).")
    ] = 0,
) -> None:
    """Word accuracy of clitic boundaries on the dev and test parts of the WikiNews gold."""
    from rasd.eval.segmentation import evaluate_segmentation

    if not gold.is_file():
        raise RasdError(f"no gold file at {gold}", hint="pass --gold path/to/WikiNews.pos.ref")
    scores = evaluate_segmentation(gold)
    for name in ("dev", "test"):
        s = scores[name]
        out.print(f"{name:5} {s.accuracy:.2%}  ({s.correct}/{s.words} words)")
    for gold_word, pred in scores["dev"].errors[:errors]:
        out.print(
            f"  {gold_word.word}\tgold {'+'.join(gold_word.parts)}\trasd {_join(gold_word.word, pred)}"
        )


def _join(word: str, bounds: tuple[int, ...]) -> str:
    cuts = [0, *bounds, len(word)]
    return "+".join(word[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
