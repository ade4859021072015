"""The `rasd` command line: a thin layer over the library.

Each command parses its options, calls one library function with typed values
and formats the result. Commands live in modules by job (`articles`: ingest,
search, show, stats, export; `extract`: extract, events, eval gsr; `evaluate`:
eval gold; `gazetteer`; `ner`: train/eval ner; `text`: eval segmentation);
this module holds the app and the options every command shares.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from rasd import __version__
from rasd.errors import RasdError

app = typer.Typer(
    name="rasd",
    help="رصد — read Arabic news and turn it into a dataset of events: who did what to whom, "
    "where, when, according to whom.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure rasd against gold data.", no_args_is_help=True)
gazetteer_app = typer.Typer(help="Add places to the gazetteer.", no_args_is_help=True)
train_app = typer.Typer(help="Rebuild trained models from data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(train_app, name="train")

console = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)


class Settings:
    """Options shared by every command, set by the top-level callback."""

    db: Path = Path("rasd.db")
    quiet: bool = False


settings = Settings()


def _version(value: bool) -> None:
    if value:
        print(f"rasd {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    db: Annotated[
        Path, typer.Option("--db", envvar="RASD_DB", help="SQLite database file.")
    ] = Path("rasd.db"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summaries.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    settings.db = db
    settings.quiet = quiet


def main() -> None:
    """Entry point: run the app, turning library errors into one-line messages."""
    try:
        app()
    except RasdError as err:
        console.print(f"[red]error:[/red] {escape(str(err))}")
        if err.hint:
            console.print(f"[dim]hint: {escape(err.hint)}[/dim]")
        sys.exit(2)
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/yellow]")
        sys.exit(130)


def place_files(given: list[Path] | None) -> list[Path]:
    """The user's gazetteer files: those given with --places, then the one that
    `rasd gazetteer import/add` keep beside the database, if it exists."""
    from rasd.extract.gazetteer import user_places_file

    files = list(given or [])
    beside_db = user_places_file(settings.db)
    if beside_db.exists() and beside_db not in files:
        files.append(beside_db)
    return files


# Command modules register themselves on `app` when imported.
from rasd.cli import articles, evaluate, extract, gazetteer, ner, text  # noqa: E402, F401
