"""CLI commands: eval gold (registered on `eval_app` in rasd.cli).

`rasd eval gold FILE...` runs the default pipeline on gold articles
(`shared/docs/gold-format.md`) and prints times, places and events scores.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from rasd.cli import console, eval_app, out, settings


class Baseline(StrEnum):
    dateparser = "dateparser"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


@eval_app.command("gold")
def eval_gold(
    files: Annotated[list[Path], typer.Argument(help="Gold JSON Lines files.", exists=True)],
    baseline: Annotated[
        Baseline | None,
        typer.Option("--baseline", help="Also score this resolver's times, side by side."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List misses and false alarms per layer.")
    ] = False,
) -> None:
    """Score times, places and events against gold articles (docs/gold-format.md)."""
    from rasd.eval.gold import read_gold, score_gold
    from rasd.pipeline import default_pipeline

    resolver = None
    if baseline is Baseline.dateparser:
        from rasd.eval.dateparser_baseline import dateparser_times

        resolver = ("dateparser", dateparser_times)
    report = score_gold(read_gold(files), default_pipeline(), resolver)
    if as_json:
        out.print(json.dumps(report.as_json(errors=show_errors), ensure_ascii=False, indent=2))
        return
    data = report.as_json(errors=show_errors)
    if show_errors:
        _print_errors(data["errors"])
    _print_scores(data)


def _print_scores(data: dict[str, Any]) -> None:
    times = Table(title=f"times — {data['articles']} articles")
    times.add_column("resolver")
    for col in ("gold", "system", "precision", "recall", "F1", "exact", "exact of found"):
        times.add_column(col, justify="right")
    rows = [("rasd", data["times"])]
    if "baseline" in data:
        rows.append((data["baseline"]["name"], data["baseline"]["times"]))
    for name, m in rows:
        times.add_row(
            name,
            str(m["gold"]),
            str(m["system"]),
            *(_pct(m[k]) for k in ("precision", "recall", "f1", "exact", "exact_of_found")),
        )
    out.print(times)

    places = Table(title="places")
    for col in ("gold", "system", "precision", "recall", "F1", "accuracy", "accuracy of found"):
        places.add_column(col, justify="right")
    m = data["places"]
    places.add_row(
        str(m["gold"]),
        str(m["system"]),
        *(_pct(m[k]) for k in ("precision", "recall", "f1", "accuracy", "accuracy_of_found")),
    )
    out.print(places)

    events = Table(title="events")
    for col in ("gold", "system", "precision", "recall", "F1", "actor", "target", "modality"):
        events.add_column(col, justify="right")
    m = data["events"]
    events.add_row(
        str(m["gold"]),
        str(m["system"]),
        *(
            _pct(m[k])
            for k in (
                "precision",
                "recall",
                "f1",
                "actor_accuracy",
                "target_accuracy",
                "modality_accuracy",
            )
        ),
    )
    out.print(events)
    if not settings.quiet:
        console.print("[dim]percentages; exact/accuracy are over all gold items[/dim]")


def _print_errors(errors: dict[str, list[dict[str, Any]]]) -> None:
    for layer, items in errors.items():
        if not items:
            continue
        out.print(f"[bold]{layer}[/bold]: {len(items)} errors")
        for e in items:
            system = e["system"]
            if isinstance(system, list):
                system = "; ".join(system) or "-"
            if "context" in e:
                out.print(
                    f"  {e['kind']:<12} {e['article']} «{e['text']}» gold {e['gold']} "
                    f"system {system}\n      {e['context']}"
                )
            else:
                out.print(
                    f"  {e['kind']:<12} {e['article']} gold {e['gold'] or '-'} "
                    f"system {system or '-'}\n      {e['evidence']}"
                )
