"""Reader for saved HTML article pages: trafilatura, plus Arabic date repair.

trafilatura finds the main text, title, site name, author and categories. Its
date finder (htmldate) does not read Arabic month names and, with no date in
the markup, falls back to a year-only guess such as 2018-01-01. So the date is,
in order: one printed at the top of the article («الأحد، 22 نيسان 2018», «11
مارس 2018»); one in the page's metadata (htmldate without guessing); the first
date printed anywhere on the page; trafilatura's guess. HTML in, one `Doc` out
(or None when the page has no body).
"""

from __future__ import annotations

import datetime as dt
import re

import trafilatura
from htmldate import find_date

from rasd.doc import Doc
from rasd.ingest.boilerplate import Boilerplate
from rasd.ingest.dates import parse_date
from rasd.text import normalize_display

_TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S | re.I)
_HEAD_LINES = 4
MIN_BODY = 25  # characters; less is a menu or a caption, not an article


def read_html_page(html: str, boilerplate: Boilerplate | None = None) -> Doc | None:
    """The article in an HTML page, or None when trafilatura finds no body."""
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if result is None or not (result.text or "").strip():
        return None
    outlet = normalize_display(result.sitename) if result.sitename else None
    headline = normalize_display(result.title) if result.title else None
    lines = [line.rstrip() for line in normalize_display(result.text).split("\n")]
    lines, visible_date = _take_header(lines, headline)
    published = visible_date or _meta_date(html) or _visible_date(html) or _iso(result.date)
    body = "\n".join((boilerplate or Boilerplate()).clean(lines, outlet)).strip()
    if len(body) < MIN_BODY:
        return None
    categories = tuple(normalize_display(c) for c in (result.categories or []) if c)
    return Doc(
        text=body,
        outlet=outlet,
        section=categories[0] if categories else None,
        headline=headline,
        published=published,
        url=result.url,
        author=normalize_display(result.author) if result.author else None,
        categories=categories,
    )


def _take_header(lines: list[str], headline: str | None) -> tuple[list[str], dt.date | None]:
    """Drop the repeated headline and a date line from the top of the text."""
    found: dt.date | None = None
    kept: list[str] = []
    for i, line in enumerate(lines):
        text = line.strip()
        if i < _HEAD_LINES and headline and text == headline.strip():
            continue
        if i < _HEAD_LINES and found is None and len(text) < 60:
            date = parse_date(text)
            if date:
                found = date
                continue
        kept.append(line)
    return kept, found


def _meta_date(html: str) -> dt.date | None:
    """A date from the markup (meta tags, <time datetime>, JSON-LD), never a guess."""
    return _iso(find_date(html, extensive_search=False, original_date=True))


def _visible_date(html: str) -> dt.date | None:
    """A date printed in the page text outside the extracted body (bylines, <time>)."""
    text = _TAG.sub("\n", html[:200_000])
    return parse_date(" ".join(text.split())[:5000])


def _iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
