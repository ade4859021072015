"""CLI commands: gazetteer import / add / lookup (registered on the app in rasd.cli).

The user's places live in one gazetteer file beside the database («rasd.db» →
«rasd.places.tsv», or `--into FILE`); `rasd extract --places FILE` and
`default_pipeline(place_files=[...])` add it to the bundled gazetteer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rasd.cli import gazetteer_app, out, settings


def _target(into: Path | None) -> Path:
    from rasd.extract.gazetteer import user_places_file

    return into or user_places_file(settings.db)


IntoOption = Annotated[
    Path | None,
    typer.Option("--into", help="User gazetteer file (default: beside the database)."),
]


@gazetteer_app.command("import")
def import_geonames(
    dump: Annotated[Path, typer.Argument(help="GeoNames country dump, e.g. SY.zip.", exists=True)],
    alternate_names: Annotated[
        Path | None,
        typer.Argument(help="alternateNamesV2.zip or alternatenames/SY.zip.", exists=True),
    ] = None,
    into: IntoOption = None,
) -> None:
    """Add the places with an Arabic name of a full GeoNames dump to the user gazetteer."""
    from rasd.extract.gazetteer import add_to_user_file
    from rasd.extract.geonames_import import read_geonames

    target = _target(into)
    added, replaced = add_to_user_file(read_geonames(dump, alternate_names), target)
    out.print(f"{added} places added, {replaced} updated → {target}")


@gazetteer_app.command("add")
def add_places(
    csv_file: Annotated[
        Path,
        typer.Argument(
            help="CSV with columns name, alternates (| between), lat, lon, parent.", exists=True
        ),
    ],
    into: IntoOption = None,
) -> None:
    """Add your own places (name, alternates, lat, lon, parent) to the user gazetteer."""
    from rasd.extract.gazetteer import add_to_user_file, load_gazetteer, read_places_csv

    target = _target(into)
    known = load_gazetteer([target] if target.exists() else [])
    added, replaced = add_to_user_file(read_places_csv(csv_file, known), target)
    out.print(f"{added} places added, {replaced} updated → {target}")


@gazetteer_app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help="A place name in Arabic, e.g. حلب.")],
    places: Annotated[
        list[Path] | None, typer.Option("--places", help="Extra gazetteer files.")
    ] = None,
) -> None:
    """List the gazetteer entries called NAME (bundled and user places)."""
    from rasd.extract.gazetteer import load_gazetteer, user_places_file

    files = list(places or [])
    default = user_places_file(settings.db)
    if not files and default.exists():
        files = [default]
    for p in load_gazetteer(files).lookup(name):
        out.print(
            f"{p.geonameid or '-'}\t{p.kind}\t{p.name}\t{p.country or '-'}.{p.admin1 or '-'}\t"
            f"{p.lat:.4f},{p.lon:.4f}\tpop {p.population}"
        )
