"""CLI commands for articles: ingest, search, show, stats, export.

Thin: each command parses its options, calls `rasd.store` and formats the
result; `--json` prints data instead of tables.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from rasd.cli import app, console, out, place_files, settings
from rasd.errors import PROBLEMS, RasdError

if TYPE_CHECKING:  # the store is imported when a command runs, keeping --help fast
    from rasd.doc import Doc
    from rasd.store import Hit, RunSummary, Store

FORMATS = ("jsonl", "csv", "parquet")


def sample_files() -> list[str]:
    """The bundled demo articles (the folder also holds their PROVENANCE and build script)."""
    folder = _samples_folder()
    return [str(p) for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".jsonl", ".html")]


def _samples_folder() -> Path:
    return Path(str(files("rasd") / "resources" / "samples"))


def _sample_dates(fallback: dt.date | None) -> Callable[[Doc], dt.date | None]:
    """Publication dates of bundled samples whose page does not print one (published.tsv)."""
    table = {}
    for line in (_samples_folder() / "published.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, day = line.split("\t")[:2]
            table[name] = dt.date.fromisoformat(day)
    return lambda doc: table.get(Path(doc.source_path or "").name, fallback)


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=option) from err


def _store() -> Store:
    from rasd.store import Store

    return Store(settings.db)


def _existing_store() -> Store:
    if not settings.db.exists():
        raise RasdError(f"no database at {settings.db}", hint="run `rasd ingest PATH` first")
    return _store()


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, globs, .gz, or - for stdin.", show_default=False),
    ] = None,
    samples: Annotated[
        bool, typer.Option("--samples", help="Ingest the bundled sample articles.")
    ] = False,
    extract: Annotated[
        bool, typer.Option("--extract/--no-extract", help="Run the extraction pipeline (slower).")
    ] = True,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Your actor dictionary (repeatable).")
    ] = None,
    places: Annotated[
        list[Path] | None, typer.Option("--places", help="Your gazetteer file (repeatable).")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Reference date YYYY-MM-DD for articles without one."),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", help="JSON field mapping FIELD=KEY, e.g. text=body (repeatable)."),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Articles per transaction.", hidden=True)
    ] = 500,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles into the database: clean text, metadata, duplicates, search index, events.

    Exit status: 0 all read cleanly; 1 problems were recorded (input skipped, or a bad
    date left empty; listed with reasons); 130 interrupted.
    """
    from rasd.store import run_ingest

    sources = list(paths or [])
    if samples:
        sources += sample_files()
    if not sources:
        raise RasdError(
            "nothing to ingest", hint="give files or directories, - for stdin, or --samples"
        )
    field_map = _parse_map(mapping or [])
    reference = dt.date.fromisoformat(_date(published, "--published")) if published else None
    if samples:
        reference = _sample_dates(reference)
    pipeline = None
    if extract:
        from rasd.pipeline import default_pipeline

        pipeline = default_pipeline(actors or [], place_files(places))
    with _store() as store, _Progress() as update:
        try:
            summary = run_ingest(
                store, sources, pipeline, reference, field_map, batch_size, progress=update
            )
        except KeyboardInterrupt:
            console.print("[yellow]interrupted:[/yellow] the batch in flight was rolled back; "
                          "run the same command again to finish")  # fmt: skip
            raise typer.Exit(130) from None
    _report(summary, as_json)
    if summary.problems:
        raise typer.Exit(1)


def _parse_map(pairs: list[str]) -> dict[str, str] | None:
    from rasd.ingest.records import DEFAULT_FIELDS

    mapping = {}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        if not sep or name not in DEFAULT_FIELDS:
            raise typer.BadParameter(
                f"{pair!r}: expected FIELD=KEY with FIELD one of {', '.join(DEFAULT_FIELDS)}",
                param_hint="--map",
            )
        mapping[name] = key
    return mapping or None


class _Progress:
    """A live counter on stderr while ingesting (silent with --quiet)."""

    def __enter__(self) -> Callable[[RunSummary], None]:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = None
        if not settings.quiet:
            self.bar = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                console=console, transient=True,
            )  # fmt: skip
            self.bar.start()
            self.task = self.bar.add_task("reading", total=None)
        return self.update

    def update(self, summary: RunSummary) -> None:
        if self.bar is not None:
            self.bar.update(
                self.task,
                description=f"read {summary.read:,}  stored {summary.stored:,}  "
                f"duplicates {summary.duplicates + summary.near_duplicates:,}  "
                f"problems {sum(summary.problems.values()):,}",
            )

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _report(summary: RunSummary, as_json: bool) -> None:
    data = {
        **summary.counts(),
        "problems_by_code": dict(summary.problems),
        "problem_examples": [p.as_json() for p in summary.examples],
        "run": summary.run_id,
    }
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    if settings.quiet:
        return
    console.print(
        f"read {summary.read:,} articles: stored {summary.stored:,}, "
        f"duplicates {summary.duplicates:,}, near-duplicates {summary.near_duplicates:,}, "
        f"problems {sum(summary.problems.values()):,}  [dim](run {summary.run_id}, {settings.db})[/dim]",
        soft_wrap=True,
    )
    for code, count in summary.problems.most_common():
        console.print(f"  [yellow]{count:,} × {code}[/yellow]: {PROBLEMS.get(code, '')}")
    for problem in summary.examples[:10]:
        where = problem.path + (f" ({problem.position})" if problem.position else "")
        console.print(f"    {escape(where)}: {escape(problem.message)}", soft_wrap=True)


# Filters shared by search and export.
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Published on or after YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Published on or before YYYY-MM-DD.")
]


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words and "quoted phrases"; all must occur.')],
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many results.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per result.")] = False,
) -> None:
    """Search articles, Arabic-aware: «انشقاق» also finds انشقاقات، بالانشقاق، الانشقاق."""
    with _existing_store() as store:
        hits = store.search(query, outlet, _date(since, "--since"), _date(until, "--until"), limit)
    if as_json:
        for hit in hits:
            out.print(json.dumps(hit.as_json(), ensure_ascii=False))
        return
    if not hits:
        console.print("no articles match")
        return
    for hit in hits:
        meta = " · ".join(str(x) for x in (hit.outlet, hit.published) if x)
        out.print(f"[bold]{hit.id}[/bold]  {escape(hit.headline or '')}  [dim]{escape(meta)}[/dim]")
        out.print("    " + _highlight(hit))


def _highlight(hit: Hit) -> str:
    """The snippet with hits in reverse video on a terminal, in [brackets] in a pipe."""
    left, right = ("[reverse]", "[/reverse]") if out.is_terminal else ("\\[", "]")
    parts, last = [], 0
    for start, end in hit.spans:
        parts += [escape(hit.snippet[last:start]), left, escape(hit.snippet[start:end]), right]
        last = end
    parts.append(escape(hit.snippet[last:]))
    return "".join(parts)


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="Article number, source id or content-hash prefix.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="The article and its layers as JSON.")
    ] = False,
) -> None:
    """Show one article: metadata, provenance, clean text, what was extracted."""
    with _existing_store() as store:
        article = store.article(ref)
    if article is None:
        raise RasdError(f"no article {ref!r}", hint="numbers are shown by `rasd search`")
    if as_json:
        out.print(json.dumps(article, ensure_ascii=False, indent=2))
        return
    for name in ("id", "doc_id", "outlet", "section", "headline", "published", "url", "author"):
        if article.get(name) not in (None, ""):
            out.print(f"[dim]{name:>10}[/dim]  {escape(str(article[name]))}")
    out.print(f"[dim]{'source':>10}[/dim]  {escape(str(article['source_path']))}")
    out.print(f"[dim]{'sha256':>10}[/dim]  {article['source_sha256']}")
    for dup in article["duplicates"]:
        out.print(
            f"[dim]{'copy':>10}[/dim]  {escape(str(dup['source_path']))} (similarity {dup['similarity']:.2f})"
        )
    layers = article["layers"] or {}
    counts = ", ".join(
        f"{len(layers[k])} {k}"
        for k in ("entities", "times", "places", "actors", "events")
        if k in layers
    )
    if counts:
        out.print(f"[dim]{'extracted':>10}[/dim]  {counts}")
    out.print()
    out.print(escape(article["text"]))


@app.command()
def stats(
    problems: Annotated[
        bool,
        typer.Option("--problems", help="List every recorded problem: file, position, reason."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """What the database holds: articles, duplicates, events, outlets, problems."""
    with _existing_store() as store:
        if problems:
            for problem in store.iter_problems():
                if as_json:
                    out.print(json.dumps(problem, ensure_ascii=False))
                else:
                    where = problem["path"] + (
                        f" ({problem['position']})" if problem["position"] else ""
                    )
                    out.print(
                        f"run {problem['run_id']}  {problem['code']:12} {escape(where)}: {escape(problem['message'])}"
                    )
            return
        data = store.stats()
    if as_json:
        out.print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(
        f"{data['articles']:,} articles ({data['first_published'] or '?'} – "
        f"{data['last_published'] or '?'}), {data['near_duplicates']:,} near-duplicates linked, "
        f"{data['events']:,} events, {data['runs']} ingest runs"
    )
    for title, key in (
        ("outlet", "outlets"),
        ("event type", "events_by_type"),
        ("problem", "problems"),
    ):
        if data[key]:
            table = Table(title_justify="left", box=None, pad_edge=False)
            table.add_column(title)
            table.add_column("count", justify="right")
            for name, count in data[key].items():
                table.add_row(escape(str(name)), f"{count:,}")
            out.print(table)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    what: Annotated[str, typer.Option("--what", help="articles or events.")] = "articles",
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write; - for stdout.")
    ] = "-",
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Export the database, streamed: one article (or event) per line or row.

    Events: --format csv (ACLED-style columns), jsonl or geojson.
    """
    if what == "events":
        from rasd.cli.extract import export_events

        count = export_events(fmt, output, outlet, _date(since, "--since"), _date(until, "--until"))
        if not settings.quiet:
            console.print(f"exported {count:,} events as {fmt}")
        return
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use one of {', '.join(FORMATS)}", param_hint="--format")
    if what != "articles":
        raise typer.BadParameter(f"{what!r}: use articles or events", param_hint="--what")
    from rasd.store.export import export_articles

    filters = {"outlet": outlet, "since": _date(since, "--since"), "until": _date(until, "--until")}
    with _existing_store() as store:
        if fmt == "parquet":
            if output == "-":
                raise RasdError("parquet is binary", hint="add --output articles.parquet")
            count = export_articles(store, fmt, path=output, **filters)
        elif output == "-":
            count = export_articles(store, fmt, sys.stdout, **filters)
        else:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = export_articles(store, fmt, stream, **filters)
    if not settings.quiet:
        console.print(f"exported {count:,} {what} as {fmt}")
