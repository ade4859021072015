"""CLI commands: extract (the JSON contract of design.md), events, eval gsr.

`rasd extract` reads sources through `rasd.ingest.read_sources`, runs the
default pipeline and prints one JSON object per document as it goes; bad input
is reported on stderr, summarised at the end, and makes the exit status 1.
`rasd events` lists and filters the events `rasd ingest` stored;
`export_events` serves `rasd export --what events`. `rasd eval gsr` scores
sentence-level ASSAULT / PROTEST detection.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from rasd.cli import app, console, eval_app, out, place_files, settings
from rasd.errors import RasdError

if TYPE_CHECKING:
    from rasd.pipeline import Pipeline

GSR_DIR = Path("../shared/data/arabic-event-gsr")


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise RasdError(f"--published {value!r} is not a date", hint="use YYYY-MM-DD") from err


def build_pipeline(actors: list[Path], places: list[Path], lexicon: list[Path]) -> Pipeline:
    """The default pipeline with the user's actor, place and event-lexicon files."""
    from rasd.extract import events
    from rasd.pipeline import default_pipeline

    pipeline = default_pipeline(actors, places)
    if not lexicon:
        return pipeline
    return pipeline.replacing(events.stage(lexicon))


@app.command("extract")
def extract(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, globs, .gz, or - for stdin (default: stdin)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Reference date YYYY-MM-DD for documents without one."),
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Your own actor dictionary (repeatable).")
    ] = None,
    places: Annotated[
        list[Path] | None, typer.Option("--places", help="Your own gazetteer file (repeatable).")
    ] = None,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="Your own event lexicon YAML (repeatable)."),
    ] = None,
) -> None:
    """Print one JSON object per document: entities, times, places, actors and events."""
    from rasd.doc import Doc, Problem
    from rasd.extract.times import find_publication_date
    from rasd.ingest import read_sources

    reference = _parse_date(published)
    pipeline = build_pipeline(actors or [], place_files(places), lexicon or [])
    problems = written = 0
    for item in read_sources(sources or ["-"]):
        if isinstance(item, Problem):
            problems += 1
            console.print(f"[yellow]skipped[/yellow] {item.path}: {item.code} — {item.message}")
            continue
        doc: Doc = item
        if doc.published is None:
            # the input's own date first, then a dateline in the article, then
            # --published; the times stage reads a dateline the same way
            doc.published = find_publication_date(doc.text) or reference
        try:
            doc = pipeline(doc)
        except Exception as err:  # one document's failure must not end the batch
            problems += 1
            where = doc.source_path or doc.id
            console.print(f"[yellow]skipped[/yellow] {where}: stage-failed — {err!r}")
            continue
        sys.stdout.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        written += 1
    sys.stdout.flush()
    if not settings.quiet:
        console.print(f"[dim]{written} documents, {problems} skipped[/dim]")
    if problems:
        raise typer.Exit(1)


@app.command("events")
def events(
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="PLOVER type, e.g. ASSAULT, DEFECT.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor or target: canonical name or words.")
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Place name, words or GeoNames id.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")
    ] = None,
    modality: Annotated[
        str | None, typer.Option("--modality", help="asserted, planned, negated or uncertain.")
    ] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event.")] = False,
) -> None:
    """List stored events, filtered: who did what to whom, where, when, according to whom."""
    from rasd.store import Store

    if not settings.db.exists():
        raise RasdError(f"no database at {settings.db}", hint="run `rasd ingest PATH` first")
    filters = _event_filters(type_, actor, place, since, until, modality, outlet)
    shown = 0
    with Store(settings.db) as store:
        for row in store.iter_events(**filters):
            if limit and shown >= limit:
                break
            shown += 1
            if as_json:
                sys.stdout.write(json.dumps(_event_json(row), ensure_ascii=False) + "\n")
            else:
                out.print(_event_lines(row))
    if not settings.quiet:
        console.print(f"[dim]{shown} events[/dim]")


def _event_lines(row: dict) -> str:  # type: ignore[type-arg]
    """Two lines per event: the facts, then the evidence.

    2018-03-10 DEFECT Islamic State → ? @ حي القدم asserted [مصادر إعلامية معارضة]
        «أن عدداً من مسلحي التنظيم انشقوا عنه ولجؤوا إلى حي القدم»
    """
    kind = row["type"] + (f"/{row['mode']}" if row["mode"] else "")
    who = f"{row['actor_name'] or '?'} → {row['target_name'] or '?'}"
    where = f" @ {row['place_text']}" if row["place_text"] else ""
    source = f" [{row['attribution']}]" if row["attribution"] else ""
    dead = f" killed {row['killed']}" if row["killed"] is not None else ""
    evidence = (row["evidence_text"] or "").replace("\n", " ")
    head = f"[bold]{row['start_date'] or '-'}[/bold] [cyan]{kind}[/cyan] "
    facts = escape(f"{who}{where} {row['modality']}{dead}{source}")
    return head + facts + "\n    [dim]«" + escape(evidence[:200]) + "»[/dim]"


def _event_filters(
    type_: str | None,
    actor: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    modality: str | None,
    outlet: str | None,
) -> dict[str, str | None]:
    if modality and modality not in ("asserted", "planned", "negated", "uncertain"):
        raise RasdError(
            f"unknown modality {modality!r}", hint="asserted, planned, negated, uncertain"
        )
    return {
        "type": type_,
        "actor": actor,
        "place": place,
        "since": _iso_option(since, "--since"),
        "until": _iso_option(until, "--until"),
        "modality": modality,
        "outlet": outlet,
    }


def _iso_option(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise RasdError(f"{option} {value!r} is not a date", hint="use YYYY-MM-DD") from err


def _event_json(row: dict) -> dict:  # type: ignore[type-arg]
    return {
        "article_id": row.get("doc_id"),
        "outlet": row.get("outlet"),
        "published": row.get("published"),
        "headline": row.get("headline"),
        **row["json"],
    }


def export_events(
    fmt: str,
    output: str,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """`rasd export --what events`: stored events as csv, jsonl or geojson to a file or stdout."""
    from rasd.extract.ontology import load_ontology
    from rasd.store import Store
    from rasd.store.events_export import FORMATS
    from rasd.store.events_export import export_events as write_events

    if fmt not in FORMATS:
        raise RasdError(f"events cannot be exported as {fmt!r}", hint="use " + ", ".join(FORMATS))
    if not settings.db.exists():
        raise RasdError(f"no database at {settings.db}", hint="run `rasd ingest PATH` first")
    # The user's own types and ACLED mappings: RASD_ONTOLOGY=mine.yaml[:more.yaml]
    extra = [Path(p) for p in os.environ.get("RASD_ONTOLOGY", "").split(os.pathsep) if p]
    ontology = load_ontology(extra)
    filters = _event_filters(None, None, None, since, until, None, outlet)
    with Store(settings.db) as store:
        rows = store.iter_events(**filters)
        if output == "-":
            return write_events(rows, fmt, sys.stdout, ontology.acled)
        with open(output, "w", encoding="utf-8", newline="") as stream:
            return write_events(rows, fmt, stream, ontology.acled)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


@eval_app.command("gsr")
def eval_gsr(
    directory: Annotated[
        Path, typer.Argument(help="The arabic-event-gsr folder.", exists=True, file_okay=False)
    ] = GSR_DIR,
    split: Annotated[
        str, typer.Option("--split", help="dev (tune on it), test (held out) or all.")
    ] = "test",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List misses and false alarms.")
    ] = False,
    scope: Annotated[
        str,
        typer.Option(
            "--scope",
            help="Salience thresholds: sentence (fit on the GSR) or article (those rasd extract uses).",
        ),
    ] = "sentence",
) -> None:
    """Sentence-level ASSAULT / PROTEST detection on the Arabic event GSR."""
    from rasd.eval.gsr import SPLITS, read_gsr, score_gsr
    from rasd.extract import events
    from rasd.extract.salience import SCOPES

    if split not in SPLITS:
        raise RasdError(f"unknown split {split!r}", hint="use dev, test or all")
    if scope not in SCOPES:
        raise RasdError(f"unknown scope {scope!r}", hint="use sentence or article")
    pipeline = build_pipeline([], [], []).replacing(events.stage(scope=scope))
    scores = score_gsr(read_gsr(directory, split), pipeline)
    if as_json:
        data = {
            t: s.metrics() | ({"errors": s.errors} if show_errors else {})
            for t, s in scores.items()
        }
        out.print(json.dumps({"split": split, "types": data}, ensure_ascii=False, indent=2))
        return
    if show_errors:
        for event_type, score in scores.items():
            for error in score.errors:
                out.print(f"{event_type} {error['error']:<11} {error['id']}  {error['text']}")
    table = Table(title=f"GSR sentence detection — {split} split, {scope} thresholds")
    if split != "test":
        from rasd.extract.salience import cross_validated_f1

        held_out = ", ".join(f"{t} {100 * f:.1f}" for t, f in cross_validated_f1().items())
        table.caption = (
            f"the salience weights were fit on dev: held out, cross-validation gave F1 {held_out}"
        )
    for column in ("type", "positives", "negatives", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for event_type, score in scores.items():
        m = score.metrics()
        table.add_row(
            event_type,
            str(m["positives"]),
            str(m["negatives"]),
            _pct(m["precision"]),
            _pct(m["recall"]),
            _pct(m["f1"]),
        )
    out.print(table)
