"""The gazetteer of the places stage: places with their Arabic names, indexed by name.

In: the bundled `rasd/resources/places/gazetteer.tsv` (GeoNames cities500,
countries and first-level divisions with Arabic names, plus regions; rebuilt by
`scripts/build_gazetteer.py`) and the user's own gazetteer files (the same TSV
columns, written by `rasd gazetteer import` / `rasd gazetteer add`, or a CSV
of name, alternates, lat, lon, parent). Out: an immutable `Gazetteer` whose
`index` maps the search-normalised first word of a name to the rest of the
name and the places that bear it, so that matching is a dictionary lookup per
token.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rasd.errors import RasdError
from rasd.text import normalize_search

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "places"
BUNDLED = RESOURCES / "gazetteer.tsv"
COMMON_WORDS = RESOURCES / "common_words.txt"
COLUMNS = (
    "geonameid",
    "kind",
    "name",
    "lat",
    "lon",
    "country",
    "admin1",
    "population",
    "seat",
    "part",
    "names",
)
# Kinds that stand for an area rather than a point: precision 3 when named.
AREA_KINDS = frozenset({"country", "admin1", "district", "region"})
# Countries whose towns, even small, Arabic news names (Middle East, North Africa, neighbours).
REGION = frozenset(
    {"SY", "IQ", "LB", "JO", "PS", "IL", "YE", "SA", "EG", "TR", "IR", "KW", "BH", "QA", "AE"}
    | {"OM", "LY", "TN", "DZ", "MA", "SD", "SS", "MR", "SO", "DJ", "KM", "EH", "ER", "AF"}
)
# A town this large is known enough to be named with no other place around it.
KNOWN_TOWN = 100_000
KNOWN_TOWN_ABROAD = 1_000_000


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. kind: country, admin1, district (lower divisions), region, city (any
    populated place or neighbourhood), feature (camp, crossing, base, mountain, river...).

    seat: for a country or division, the GeoNames id of its capital.
    part: for a region, which part of its country it is (north, south, east, west, coast).
    """

    geonameid: int | None
    kind: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    population: int = 0
    seat: int | None = None
    part: str = ""
    names: tuple[str, ...] = ()
    source: str = "geonames"


def name_key(name: str) -> tuple[str, ...]:
    """The words of a name in search form: «دير الزّور» → ("دير", "الزور")."""
    return tuple(normalize_search(name).replace("-", " ").split())


@dataclass(frozen=True)
class Gazetteer:
    """Places indexed by name; built once by `load_gazetteer`, read-only afterwards."""

    places: tuple[Place, ...]
    # first word → [(remaining words, places)], longest names first
    index: dict[str, list[tuple[tuple[str, ...], tuple[Place, ...]]]]
    by_id: dict[int, Place]
    divisions: dict[tuple[str, str], Place]
    countries: dict[str, Place]
    parts: dict[tuple[str, str], Place]
    # nationality stem (سوري, تركي...) → country, for «العاصمة السورية»
    nationalities: dict[str, Place]
    # search forms frequent in news: a small place so named needs a trigger noun
    common: frozenset[str] = frozenset()
    seats: frozenset[int] = frozenset()

    def known(self, place: Place) -> bool:
        """Whether a place is well known: an area, a capital, or a large town (100,000 people
        in the region, 1,000,000 abroad). A name of a lesser place needs support in the text."""
        if place.kind in AREA_KINDS or place.source != "geonames":
            return True
        if place.geonameid in self.seats:
            return True
        home = place.country in REGION
        return place.population >= (KNOWN_TOWN if home else KNOWN_TOWN_ABROAD)

    def lookup(self, name: str) -> tuple[Place, ...]:
        """The places called `name`: lookup("حلب") → (Aleppo city, Aleppo governorate)."""
        words = name_key(name)
        if not words:
            return ()
        for rest, places in self.index.get(words[0], ()):
            if rest == words[1:]:
                return places
        return ()

    def division_of(self, place: Place) -> Place | None:
        """The first-level division a place lies in, if the gazetteer names it."""
        if place.country and place.admin1:
            return self.divisions.get((place.country, place.admin1))
        return None

    def nationality(self, adjective: str) -> Place | None:
        """The country of a nationality adjective: «السورية» → Syria."""
        return self.nationalities.get(_nationality_stem(normalize_search(adjective)))


def _nationality_stem(word: str) -> str:
    """«السوريه» → «سور», «سوريا» → «سور», «العراقي» → «عراق» (search-normalised input)."""
    if word.startswith("ال"):
        word = word[2:]
    for suffix in ("يه", "يا", "ي", "ه", "ا"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def read_gazetteer_tsv(path: Path, source: str) -> list[Place]:
    """Places of a gazetteer TSV (the columns of COLUMNS, a header line first)."""
    places = []
    with path.open(encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if tuple(header) != COLUMNS:
            raise RasdError(
                f"{path}: not a rasd gazetteer file",
                hint="columns must be " + ", ".join(COLUMNS),
            )
        for line in f:
            gid, kind, name, lat, lon, cc, a1, pop, seat, part, names = line.rstrip("\n").split(
                "\t"
            )
            places.append(
                Place(
                    int(gid) if gid else None,
                    kind,
                    name,
                    float(lat),
                    float(lon),
                    cc or None,
                    a1 or None,
                    int(pop or 0),
                    int(seat) if seat else None,
                    part,
                    tuple(names.split("|")),
                    source,
                )
            )
    return places


def write_gazetteer_tsv(places: Iterable[Place], path: Path) -> int:
    """Write places as a gazetteer TSV; returns how many were written."""
    n = 0
    with path.open("w", encoding="utf-8") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for p in places:
            row = (
                "" if p.geonameid is None else str(p.geonameid),
                p.kind,
                p.name,
                f"{p.lat:.5f}",
                f"{p.lon:.5f}",
                p.country or "",
                p.admin1 or "",
                str(p.population),
                "" if p.seat is None else str(p.seat),
                p.part,
                "|".join(n.replace("|", " ").replace("\t", " ") for n in p.names),
            )
            f.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in row) + "\n")
            n += 1
    return n


def read_places_csv(path: Path, known: Gazetteer | None = None) -> list[Place]:
    """Places of a user CSV with columns name, alternates, lat, lon, parent.

    alternates: other names, separated by «|». parent (optional): the name or
    GeoNames id of the place it lies in, which gives country and admin1:
    «حي القدم,القدم|القدم الشرقي,33.468,36.288,دمشق».
    """
    places = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            try:
                name = row["name"].strip()
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError) as err:
                raise RasdError(
                    f"{path}:{n}: bad place row ({err})",
                    hint="columns: name, alternates, lat, lon, parent",
                ) from err
            names = [name] + [a.strip() for a in (row.get("alternates") or "").split("|")]
            parent = _find_parent((row.get("parent") or "").strip(), known)
            places.append(
                Place(
                    None,
                    "city",
                    name,
                    lat,
                    lon,
                    parent.country if parent else None,
                    parent.admin1 if parent else None,
                    names=tuple(a for a in names if a),
                    source=f"user:{path.name}",
                )
            )
    return places


def _find_parent(parent: str, known: Gazetteer | None) -> Place | None:
    if not parent or known is None:
        return None
    if parent.isdigit():
        return known.by_id.get(int(parent))
    found = known.lookup(parent)
    return max(found, key=lambda p: p.population) if found else None


def read_place_file(path: Path, known: Gazetteer | None = None) -> list[Place]:
    """A user gazetteer file: a rasd gazetteer TSV, or a CSV of name, alternates, lat, lon, parent.

    Rows with a GeoNames id (imported dumps) are GeoNames places and face the same
    checks as the bundled ones; rows without one are the user's own and are trusted.
    """
    if not path.exists():
        raise RasdError(f"{path}: no such gazetteer file")
    if path.suffix.lower() == ".csv":
        return read_places_csv(path, known)
    return [
        p if p.geonameid is not None else replace(p, source=f"user:{path.name}")
        for p in read_gazetteer_tsv(path, source="geonames")
    ]


def add_to_user_file(places: Iterable[Place], path: Path) -> tuple[int, int]:
    """Merge places into a user gazetteer TSV (created if missing): (added, replaced).

    A place replaces the row with the same GeoNames id, or, without an id, the same
    name at the same coordinates, so a re-import never duplicates.
    """
    rows = read_place_file(path) if path.exists() else []
    index = {_identity(p): n for n, p in enumerate(rows)}
    added = replaced = 0
    for place in places:
        key = _identity(place)
        if key in index:
            rows[index[key]] = place
            replaced += 1
        else:
            index[key] = len(rows)
            rows.append(place)
            added += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    write_gazetteer_tsv(rows, tmp)
    tmp.replace(path)
    return added, replaced


def _identity(p: Place) -> tuple[object, ...]:
    if p.geonameid is not None:
        return (p.geonameid,)
    return (p.name, round(p.lat, 4), round(p.lon, 4))


def build_gazetteer(places: Sequence[Place], common: frozenset[str] = frozenset()) -> Gazetteer:
    """Index places by the words of each of their names."""
    by_name: dict[tuple[str, ...], dict[int, Place]] = defaultdict(dict)
    for place in places:
        for name in place.names:
            words = name_key(name)
            if words:
                by_name[words][id(place)] = place
    index: dict[str, list[tuple[tuple[str, ...], tuple[Place, ...]]]] = defaultdict(list)
    for words, found in by_name.items():
        index[words[0]].append((words[1:], tuple(found.values())))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    by_id = {p.geonameid: p for p in places if p.geonameid is not None}
    divisions = {(p.country, p.admin1): p for p in places if p.kind == "admin1"}
    countries = {p.country: p for p in places if p.kind == "country" and p.country}
    parts = {(p.country, p.part): p for p in places if p.kind == "region" and p.part}
    nationalities = {}
    for country in countries.values():
        for name in country.names:
            words = name_key(name)
            if len(words) == 1:
                nationalities.setdefault(_nationality_stem(words[0]), country)
    return Gazetteer(
        tuple(places),
        dict(index),
        by_id,
        divisions,  # type: ignore[arg-type]
        countries,  # type: ignore[arg-type]
        parts,  # type: ignore[arg-type]
        nationalities,
        common,
        frozenset(p.seat for p in countries.values() if p.seat is not None),
    )


def load_gazetteer(extra_files: Sequence[Path] = ()) -> Gazetteer:
    """The bundled gazetteer plus the user's files; user places with a GeoNames id replace
    the bundled entry of that id (an imported full country file knows more names)."""
    bundled = _bundled()
    if not extra_files:
        return bundled
    known = bundled
    places = {id(p): p for p in bundled.places}
    by_gid = {p.geonameid: id(p) for p in bundled.places if p.geonameid is not None}
    for path in extra_files:
        for place in read_place_file(Path(path), known):
            if place.geonameid is not None and place.geonameid in by_gid:
                old = places.pop(by_gid[place.geonameid])
                place = _merge(old, place)
            places[id(place)] = place
            if place.geonameid is not None:
                by_gid[place.geonameid] = id(place)
    return build_gazetteer(list(places.values()), bundled.common)


def _merge(old: Place, new: Place) -> Place:
    names = tuple(dict.fromkeys(old.names + new.names))
    return Place(
        old.geonameid,
        old.kind,
        old.name,
        old.lat,
        old.lon,
        old.country,
        old.admin1,
        max(old.population, new.population),
        old.seat,
        old.part,
        names,
        old.source,
    )


@cache
def _bundled() -> Gazetteer:
    if not BUNDLED.exists():
        raise RasdError(
            f"{BUNDLED}: bundled gazetteer missing",
            hint="rebuild it: python scripts/build_gazetteer.py",
        )
    common = frozenset(COMMON_WORDS.read_text(encoding="utf-8").split())
    return build_gazetteer(read_gazetteer_tsv(BUNDLED, source="geonames"), common)


def user_places_file(db: Path) -> Path:
    """Where `rasd gazetteer import/add` keep the user's places: beside the database,
    «rasd.db» → «rasd.places.tsv»."""
    return db.with_name(db.stem + ".places.tsv")
