"""Ingest: sources in, `Doc`s out — the first stage of the data flow.

`read_sources(paths)` takes what a user points rasd at (files, directories,
globs, `.gz`, `-` for stdin) and yields one `rasd.doc.Doc` per article, its
body display-normalised and free of site chrome, with outlet, section,
headline, published date, url, author, categories, source path and the hash
of the original bytes. Bad input does not raise: it is yielded as a
`rasd.doc.Problem` with a code from `rasd.errors`, and reading goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

from rasd.doc import Doc, Problem
from rasd.ingest.boilerplate import Boilerplate
from rasd.ingest.dates import check_date
from rasd.ingest.decode import DecodeError, decode_bytes
from rasd.ingest.html_pages import read_html_page
from rasd.ingest.identity import bytes_hash, content_hash
from rasd.ingest.records import cut_short, read_records, record_docs
from rasd.ingest.sources import READ_ERRORS, Sniffed, iter_paths, open_source
from rasd.ingest.text_pages import read_text_page

# A JSON array of records, recognised only once decoded (UTF-16); «[فيديو] ...» is a page.
_JSON_ARRAY = re.compile(r"\s*\[\s*[{\]]")

__all__ = ["Boilerplate", "content_hash", "read_source", "read_sources"]


def read_sources(
    paths: Iterable[str],
    mapping: Mapping[str, str] | None = None,
    boilerplate: Boilerplate | None = None,
) -> Iterator[Doc | Problem]:
    """Docs and Problems from every source: ["seed.txt"] → Doc(outlet="الوطن", ...).

    mapping: Doc field → record field for JSON input, e.g. {"text": "body"}.
    boilerplate: shared chrome learner; one is made per call when not given.
    """
    cleaner = boilerplate or Boilerplate()
    for path in iter_paths(paths):
        if isinstance(path, Problem):
            yield path
        else:
            yield from read_source(path, mapping, cleaner)


def read_source(
    path: str, mapping: Mapping[str, str] | None = None, boilerplate: Boilerplate | None = None
) -> Iterator[Doc | Problem]:
    """Docs and Problems from one file (or `-`), its format sniffed from its content."""
    cleaner = boilerplate or Boilerplate()
    try:
        stream = open_source(path)
    except OSError as err:
        yield Problem(path, "unreadable", f"cannot open: {err.strerror or err}")
        return
    try:
        yield from _read_stream(path, stream, mapping, cleaner)
    except READ_ERRORS as err:
        code = "truncated" if isinstance(err, EOFError) else "unreadable"
        yield Problem(path, code, f"reading stopped: {err}")
    finally:
        if path != "-":
            stream.close()


def _read_stream(
    path: str, stream: BinaryIO, mapping: Mapping[str, str] | None, cleaner: Boilerplate
) -> Iterator[Doc | Problem]:
    sniffed = Sniffed(stream)
    kind = sniffed.kind
    if kind == "json-lines":
        yield from _read_json_lines(path, sniffed, mapping, cleaner)
        return
    try:
        data = sniffed.read_all()
        text, _ = decode_bytes(data)
    except DecodeError as err:
        yield Problem(path, err.code, str(err))
        return
    except ValueError as err:
        yield Problem(path, "unsupported", str(err))
        return
    sha = bytes_hash(data)
    if kind == "text" and text.lstrip()[:1] == "{":
        # JSON Lines in UTF-16: only visible once decoded.
        lines = ((n, line.encode("utf-8")) for n, line in enumerate(text.split("\n"), 1))
        for item in read_records(lines, path, mapping, cleaner):
            yield _finish(item, path, None)
        return
    if kind == "json-array" or (kind == "text" and _JSON_ARRAY.match(text)):
        try:
            record = json.loads(text)
        except json.JSONDecodeError as err:
            code = "truncated" if cut_short(err, text) else "bad-json"
            yield Problem(path, code, f"not valid JSON: {err.msg} at {err.pos}")
            return
        for item in record_docs(record, path, "array", mapping, cleaner):
            yield _finish(item, path, sha)
        return
    if kind == "html":
        doc = read_html_page(text, cleaner)
        if doc is None:
            yield Problem(path, "no-body", "HTML page has no extractable article text")
            return
    else:
        doc = read_text_page(text, cleaner)
    if not doc.text:
        yield Problem(path, "empty", "no article text after removing site chrome")
        return
    if doc.published and not check_date(doc.published):
        yield Problem(path, "bad-date", f"date {doc.published} is impossible; left empty")
        doc.published = None
    yield _finish(doc, path, sha)


def _read_json_lines(
    path: str, sniffed: Sniffed, mapping: Mapping[str, str] | None, cleaner: Boilerplate
) -> Iterator[Doc | Problem]:
    for item in read_records(sniffed.lines(), path, mapping, cleaner):
        yield _finish(item, path, None)


def _finish(item: Doc | Problem, path: str, sha: str | None) -> Doc | Problem:
    if isinstance(item, Doc):
        item.source_path = path
        item.source_sha256 = item.source_sha256 or sha
        if not item.id:
            item.id = content_hash(item.text)[:16]
    return item
