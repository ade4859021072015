"""Import of full GeoNames dumps into the user's gazetteer (for `rasd gazetteer import`).

In: a GeoNames country file in the standard dump format (`SY.zip` or `SY.txt`:
19 tab-separated columns, geonameid … modification date) and optionally an
alternate-names file (`alternateNamesV2.zip`, or the per-country
`alternatenames/SY.zip`: alternateNameId, geonameid, isolanguage, name, …).
Out: `Place`s for the populated places, divisions, camps, crossings, bases,
mountains, rivers and regions of the file that have an Arabic name — villages
and neighbourhoods the bundled cities500 lacks («حي القدم», «يلدا»).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rasd.errors import RasdError
from rasd.extract.gazetteer import Place

# Arabic as Arabic writes it (Persian/Kurdish letters left out, as in the bundled build).
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 \-]+$")
# Feature codes kept besides classes P (populated places) and A (divisions).
KEPT_FEATURES = frozenset(
    {
        "CMP", "CMPRF", "AIRB", "AIRF", "AIRP", "MILB", "INSM", "PSTB", "DAM",
        "MT", "MTS", "HLL", "HLLS", "PLAT", "PLN", "VAL", "STM", "WAD", "LK", "RSV",
        "RGN", "AREA", "OAS",
    }
)  # fmt: skip
_COLUMNS = 19


@contextmanager
def _open_text(path: Path, member_hint: str) -> Iterator[io.TextIOWrapper]:
    """A GeoNames .txt, or the data member of a GeoNames .zip (not its readme)."""
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8") as f:
            yield f
        return
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
        names = [n for n in names if "iso-languagecodes" not in n]
        name = next((n for n in names if Path(n).stem == member_hint), names[0] if names else None)
        if name is None:
            raise RasdError(f"{path}: no GeoNames .txt inside the zip")
        with zf.open(name) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8")


def _kind(feature_class: str, feature_code: str) -> str | None:
    if feature_class == "P":
        return "city"
    if feature_class == "A":
        if feature_code == "ADM1":
            return "admin1"
        if feature_code.startswith(("ADM2", "ADM3", "ADM4")):
            return "district"
        return None
    return "feature" if feature_code in KEPT_FEATURES else None


def read_alternate_names(path: Path, wanted: set[int] | None = None) -> dict[int, list[str]]:
    """Arabic alternate names by GeoNames id from an alternateNames(V2) file.

    Keeps names tagged `ar` (or untagged names in Arabic letters); historic names
    are dropped. `wanted`: only these ids (the full file has 15 million rows).
    """
    names: dict[int, list[str]] = {}
    with _open_text(path, path.stem) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                continue
            lang, name = cols[2], cols[3].strip()
            if lang not in ("ar", "") or not ARABIC_NAME.match(name):
                continue
            if len(cols) > 7 and cols[7] == "1":
                continue  # historic
            gid = int(cols[1])
            if wanted is None or gid in wanted:
                names.setdefault(gid, []).append(name)
    return names


def read_geonames(path: Path, alternate_names: Path | None = None) -> Iterator[Place]:
    """Places with an Arabic name from a GeoNames country dump.

    «SY.zip» → Place(170654, "city", "Damascus", 33.51, 36.29, "SY", "13", names=("دمشق",)).
    """
    rows: list[tuple[list[str], str]] = []
    with _open_text(path, path.stem) as f:
        for n, line in enumerate(f, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != _COLUMNS:
                raise RasdError(
                    f"{path}:{n}: {len(cols)} columns, a GeoNames dump line has {_COLUMNS}",
                    hint="download a country file such as SY.zip from the GeoNames export dump",
                )
            kind = _kind(cols[6], cols[7])
            if kind is not None:
                rows.append((cols, kind))
    extra = (
        read_alternate_names(alternate_names, {int(c[0]) for c, _ in rows})
        if alternate_names
        else {}
    )
    for cols, kind in rows:
        gid = int(cols[0])
        found = [a.strip() for a in cols[3].split(",")] + extra.get(gid, [])
        names = tuple(dict.fromkeys(a for a in found if ARABIC_NAME.match(a)))
        if not names:
            continue
        yield Place(
            gid,
            kind,
            cols[1],
            float(cols[4]),
            float(cols[5]),
            cols[8] or None,
            cols[10] or None,
            int(cols[14] or 0),
            names=names,
        )
