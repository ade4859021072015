"""Reader for plain-text page scrapes: a saved article page as text.

The layout is the one the seed shows: a section line, the headline, a
«| outlet» byline, the body, then site chrome («زر الذهاب إلى الأعلى»,
«صحيفة الوطن»). Any of the header lines may be missing; a line that is only a
date («الأحد، 22 نيسان 2018») gives the publication date. Text in, one `Doc`
out, its body display-normalised and free of chrome.
"""

from __future__ import annotations

import datetime as dt
import re

from rasd.doc import Doc
from rasd.ingest.boilerplate import Boilerplate
from rasd.ingest.dates import parse_date
from rasd.text import normalize_display

_BYLINE = re.compile(r"^\s*\|\s*(\S.*?)\s*$")
_HEADER_LINES = 6  # the byline, when there is one, is among the first lines
_SENTENCE_END = re.compile(r"[.!?؟]\s*$")


def read_text_page(text: str, boilerplate: Boilerplate | None = None) -> Doc:
    """The article in a page scrape: seed → outlet الوطن, section سورية, headline «انشقاقات...»."""
    lines = [line.rstrip() for line in normalize_display(text).replace("\r\n", "\n").split("\n")]
    header_idx = [i for i, line in enumerate(lines) if line.strip()][:_HEADER_LINES]
    outlet = section = headline = None
    published = None
    body_from = 0
    byline = next((i for i in header_idx if _BYLINE.match(lines[i])), None)
    if byline is not None:
        outlet = lines[byline].strip().lstrip("|").strip()
        before = [lines[i].strip() for i in header_idx if i < byline]
        before, published = _take_date(before)
        if before:
            headline = before[-1]
            section = before[-2] if len(before) >= 2 else None
        body_from = byline + 1
    elif header_idx and _looks_like_headline(lines[header_idx[0]], len(header_idx)):
        headline = lines[header_idx[0]].strip()
        body_from = header_idx[0] + 1
    body_lines = lines[body_from:]
    if published is None:
        body_lines, published = _take_date_line(body_lines)
    cleaner = boilerplate or Boilerplate()
    body = "\n".join(cleaner.clean(body_lines, outlet)).strip()
    return Doc(
        text=body,
        outlet=outlet,
        section=section,
        headline=headline,
        published=published,
    )


def _looks_like_headline(line: str, nonblank: int) -> bool:
    return nonblank > 1 and len(line) < 200 and not _SENTENCE_END.search(line)


def _take_date(header: list[str]) -> tuple[list[str], dt.date | None]:
    """Drop a header line that is only a date, returning it parsed."""
    for i, line in enumerate(header):
        date = parse_date(line)
        if date and len(line) < 40:
            return header[:i] + header[i + 1 :], date
    return header, None


def _take_date_line(lines: list[str]) -> tuple[list[str], dt.date | None]:
    """A short date line at the start or end of the body is metadata, not text."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    for i in nonblank[:2] + nonblank[-2:]:
        line = lines[i].strip()
        if len(line) < 40:
            date = parse_date(line)
            if date:
                return lines[:i] + lines[i + 1 :], date
    return lines, None
