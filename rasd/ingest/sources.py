"""Sources to readers: paths, directories, globs, `.gz` and stdin, sniffed by content.

A source argument is a file, a directory (read recursively, hidden entries
skipped), a glob, or `-` for stdin. Gzip is recognised by its magic bytes and
the format by the first bytes of content — a JSON object or array, HTML markup,
or otherwise a plain-text page — so a `.txt` holding HTML is read as HTML.
JSON Lines are streamed line by line; other files are read whole (they are
one article each).
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from rasd.doc import Problem

_HEAD = 64 * 1024
MAX_PAGE_BYTES = 64 * 1024 * 1024  # one article page; bigger is not a page
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def iter_paths(args: Iterable[str]) -> Iterator[str | Problem]:
    """Files named by the arguments, in a stable order: dirs walked, globs expanded."""
    for arg in args:
        if arg == "-":
            yield arg
        elif os.path.isdir(arg):
            yield from _walk(arg)
        elif os.path.lexists(arg):
            yield arg
        else:
            matches = sorted(glob.iglob(arg, recursive=True))
            if not matches:
                yield Problem(arg, "unreadable", "no such file, directory or glob match")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match)
                else:
                    yield match


def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


class Sniffed:
    """A byte stream whose first bytes have been read to decide its format."""

    def __init__(self, stream: BinaryIO) -> None:
        head = _read_some(stream)
        if head[:2] == b"\x1f\x8b":
            stream = gzip.GzipFile(fileobj=_Chain(head, stream))
            head = _read_some(stream)
        self.head = head
        self._rest = stream

    @property
    def kind(self) -> str:
        """json-lines, json-array, html or text."""
        start = self.head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if start[:1] == b"{":
            return "json-lines"
        if start[:1] == b"[" and start[1:].lstrip()[:1] in (b"{", b"]", b""):
            return "json-array"
        if _HTML.search(self.head[:4096]):
            return "html"
        return "text"

    def read_all(self) -> bytes:
        rest = self._rest.read(MAX_PAGE_BYTES)
        if self._rest.read(1):
            raise ValueError(f"larger than {MAX_PAGE_BYTES // 2**20} MB; not an article page")
        return self.head + rest

    def lines(self) -> Iterator[tuple[int, bytes]]:
        """Numbered lines (from 1), streamed: each is handled as soon as it has arrived."""
        *complete, pending = self.head.split(b"\n")
        number = 0
        for line in complete:
            number += 1
            yield number, line
        for raw in self._rest:  # binary streams iterate by line, buffered
            line, pending = pending + raw, b""
            if line.endswith(b"\n"):
                number += 1
                yield number, line[:-1]
            else:
                pending = line  # the last line, without a newline
        if pending:
            yield number + 1, pending


def _read_some(stream: BinaryIO) -> bytes:
    """Up to 64 KB without waiting for more than is there (a pipe may be slow)."""
    read1 = getattr(stream, "read1", None)
    head = read1(_HEAD) if read1 else stream.read(_HEAD)
    while head and len(head) < 4096:
        more = read1(_HEAD) if read1 else stream.read(_HEAD)
        if not more:
            break
        head += more
    return head


class _Chain(io.RawIOBase):
    """Already-read head bytes followed by the rest of a stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def open_source(path: str) -> BinaryIO:
    """The raw byte stream of a path, stdin for `-`."""
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


# Errors that mean the bytes ended early or the file went away while reading.
READ_ERRORS = (OSError, EOFError, zlib.error, gzip.BadGzipFile)
