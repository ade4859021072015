"""Reader for JSON Lines and JSON arrays of articles, with a field mapping.

Each record becomes a `Doc`. Field names are found without options for the
SaudiNewsNet dump (`source, url, date_extracted, title, author, content`) and
for the `rasd extract` contract (`id, text, title, published, source`); a
mapping such as {"text": "body", "published": "pubDate"} names others. A line
that is not JSON, or a record with no text, becomes a `Problem` and the file
goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rasd.doc import Doc, Problem
from rasd.ingest.boilerplate import Boilerplate
from rasd.ingest.dates import check_date, parse_date
from rasd.ingest.decode import DecodeError, decode_bytes
from rasd.text import normalize_display

# Doc field → record fields tried in order.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article"),
    "id": ("id", "_id", "doc_id"),
    "headline": ("title", "headline"),
    "published": ("published", "date", "pubDate", "date_published", "date_extracted"),
    "outlet": ("outlet", "source", "sitename", "site"),
    "section": ("section",),
    "url": ("url", "link"),
    "author": ("author", "byline"),
    "categories": ("categories", "tags"),
}


def read_records(
    lines: Iterable[tuple[int, bytes]],
    path: str,
    mapping: Mapping[str, str] | None = None,
    boilerplate: Boilerplate | None = None,
) -> Iterator[Doc | Problem]:
    """Docs from numbered JSON lines: {"title": "...", "content": "بدأ مسلحون..."} → Doc.

    Each Doc's source_sha256 is the hash of its line's bytes.
    """
    cleaner = boilerplate or Boilerplate()
    for number, raw in lines:
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            try:  # a dump written in Windows-1256 or ISO-8859-6
                line, _ = decode_bytes(raw)
            except DecodeError as err:
                message = str(err)
                yield Problem(path, "encoding", message, position=f"line {number}")
                continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            code = "truncated" if cut_short(err, line) else "bad-json"
            yield Problem(path, code, f"not JSON: {err.msg}", position=f"line {number}")
            continue
        for item in record_docs(record, path, f"line {number}", mapping, cleaner):
            if isinstance(item, Doc):
                item.source_sha256 = hashlib.sha256(raw).hexdigest()
            yield item


def record_docs(
    record: Any,
    path: str,
    position: str,
    mapping: Mapping[str, str] | None,
    cleaner: Boilerplate,
) -> Iterator[Doc | Problem]:
    """One Doc per record; a JSON array yields one per element."""
    if isinstance(record, list):
        for i, item in enumerate(record):
            yield from record_docs(item, path, f"item {i}", mapping, cleaner)
        return
    if not isinstance(record, dict):
        yield Problem(path, "bad-json", "not a JSON object", position=position)
        return
    fields = {name: _get(record, name, mapping) for name in DEFAULT_FIELDS}
    raw_text = fields["text"]
    if not isinstance(raw_text, str) or not raw_text.strip():
        code = "empty" if isinstance(raw_text, str) else "no-text"
        yield Problem(path, code, "record has no text", position=position)
        return
    outlet = _str(fields["outlet"])
    lines = [line.rstrip() for line in normalize_display(raw_text).split("\n")]
    body = "\n".join(cleaner.clean(lines, outlet)).strip()
    if not body:
        yield Problem(path, "empty", "only site chrome, no text", position=position)
        return
    published, impossible = _date(fields["published"])
    if impossible:
        yield Problem(
            path,
            "bad-date",
            f"date {fields['published']!r} is impossible; left empty",
            position=position,
        )
    categories = fields["categories"]
    yield Doc(
        text=body,
        id=_str(fields["id"]) or "",
        outlet=outlet,
        section=_str(fields["section"]),
        headline=_str(fields["headline"]),
        published=published,
        url=_str(fields["url"]),
        author=_str(fields["author"]),
        categories=tuple(str(c) for c in categories) if isinstance(categories, list) else (),
    )


def cut_short(err: json.JSONDecodeError, line: str) -> bool:
    """A line that is valid JSON up to where it stops: the end of a truncated file."""
    return err.msg.startswith("Unterminated string") or err.pos >= len(line.rstrip()) - 1


def _get(record: dict[str, Any], name: str, mapping: Mapping[str, str] | None) -> Any:
    if mapping and name in mapping:
        return record.get(mapping[name])
    for key in DEFAULT_FIELDS[name]:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value)
    return (text if text.isascii() else normalize_display(text)).strip() or None


def _date(value: Any) -> tuple[dt.date | None, bool]:
    """(date, impossible): («2015-07-21 02:51:32») → (2015-07-21, False); «3024-13-45» → (None, True)."""
    if value in (None, ""):
        return None, False
    date = parse_date(str(value))
    if date is None or not check_date(date):
        return None, True
    return date, False
