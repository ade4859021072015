"""Stage places: toponyms in the tokens resolved to gazetteer places.

In: `doc.tokens` (and `doc.sentences`, `doc.entities` when present: NER LOC
spans add names the gazetteer lacks, PERS spans veto family names that are
also places). Out: `doc.places`, a list of `rasd.doc.PlaceMention` in text
order, each with offsets into `doc.text` (after any proclitic: «بدمشق» →
«دمشق»), GeoNames id, coordinates, country, admin1 and precision.

The gazetteer (bundled GeoNames data with Arabic names plus the user's files)
is loaded once by `stage()`; `run` is pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rasd.doc import Doc, PlaceMention
from rasd.extract.gazetteer import Gazetteer, load_gazetteer
from rasd.extract.place_recognition import (
    annotate,
    entity_spans,
    find_local,
    find_relative_country,
    find_unknown,
    key_of,
    match_gazetteer,
)
from rasd.extract.place_resolution import resolve_places
from rasd.pipeline import Stage


def extract_places(doc: Doc, gaz: Gazetteer) -> list[PlaceMention]:
    """The place mentions of a tokenised document.

    «بدأ مسلحون … في جنوب العاصمة … إلى القسم الشرقي من حي القدم» →
    العاصمة → Damascus (1), القدم → Damascus (2, not in the gazetteer).
    """
    tokens = doc.tokens or []
    persons = entity_spans(doc.entities, ("PERS", "PER", "PERSON"))
    locations = entity_spans(doc.entities, ("LOC", "GPE"))
    known = match_gazetteer(tokens, gaz)
    unknown = find_unknown(tokens, known, doc.entities, gaz.common)
    learnt = {key_of(c): c for c in annotate(unknown, tokens, doc.text, gaz, locations) if c.learn}
    cands = known + unknown
    cands += find_local(tokens, cands, learnt)
    taken = {k for c in cands for k in range(c.first, c.last + 1)}
    cands += [
        c
        for c in find_relative_country(tokens)
        if not any(k in taken for k in range(c.first, c.last + 1))
    ]
    cands = annotate(
        sorted(cands, key=lambda c: c.start), tokens, doc.text, gaz, locations, persons
    )
    return resolve_places(cands, tokens, doc.sentences, gaz)


def stage(extra_files: Sequence[Path] = ()) -> Stage:
    """The places stage with the bundled gazetteer plus `extra_files` (the user's gazetteer
    TSV files or CSVs of name, alternates, lat, lon, parent)."""
    gaz = load_gazetteer(extra_files)

    def run(doc: Doc) -> dict[str, list[PlaceMention]]:
        return {"places": extract_places(doc, gaz)}

    return Stage("places", frozenset({"tokens"}), frozenset({"places"}), run)
