"""The dateparser baseline for times: what the usual library finds in Arabic.

In: a Doc with `text` and `published`. Out: `TimeMention`s from dateparser's
`search_dates(text, languages=["ar"], RELATIVE_BASE=published)`, each a single
day (dateparser returns one datetime per match), offsets found left to right.
Used only by `rasd eval gold --baseline dateparser` to compare with the times
stage; dateparser is a dev extra, imported when the baseline is asked for.
"""

from __future__ import annotations

import datetime as dt

from rasd.doc import Doc, TimeMention
from rasd.errors import RasdError


def dateparser_times(doc: Doc) -> list[TimeMention]:
    """Times dateparser finds in `doc.text`: «أمس» with published 2018-03-11 → 2018-03-10."""
    try:
        from dateparser.search import search_dates
    except ImportError as err:
        raise RasdError(
            "the dateparser baseline needs dateparser", hint="pip install 'rasd[dev]'"
        ) from err
    settings = {}
    if doc.published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(doc.published, dt.time())
    found = search_dates(doc.text, languages=["ar"], settings=settings) or []
    times: list[TimeMention] = []
    pos = 0
    for substring, when in found:
        start = doc.text.find(substring, pos)
        if start < 0:  # dateparser may return a reworded substring; keep what we can place
            continue
        pos = start + len(substring)
        day = when.date()
        times.append(TimeMention(start, pos, substring, day, day, "day", source="dateparser"))
    return times
