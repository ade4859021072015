"""Bytes to text: detect the encoding of a file, or tell that it is not text.

Arabic news arrives as UTF-8, UTF-16 (Windows "Unicode" saves), Windows-1256
or ISO-8859-6. A generic detector often confuses the two single-byte Arabic
code pages, so they are scored directly by how much of the non-ASCII text
decodes to Arabic letters; charset-normalizer handles the rest.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_ARABIC_PAGES = ("cp1256", "iso8859_6")


class DecodeError(ValueError):
    """Bytes that are not text rasd can read; `code` is a rasd.errors problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of `data`; raises DecodeError with code empty, binary or encoding.

    «انشقاق».encode("cp1256") → ("انشقاق", "cp1256").
    """
    if not data.strip():
        raise DecodeError("empty", "file has no text")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise DecodeError("binary", "file contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        # A file cut inside its last multi-byte character is still UTF-8.
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            return data[: err.start].decode("utf-8"), "utf-8"
    text, encoding = _best_arabic_page(data)
    if text is not None:
        return text, encoding
    guess = from_bytes(data[:200_000]).best()
    if guess is None or guess.encoding is None:
        raise DecodeError("binary", "bytes do not decode as text in any known encoding")
    text = data.decode(guess.encoding, errors="replace")
    if _control_ratio(text) > 0.05:
        raise DecodeError("binary", f"looks binary (best guess {guess.encoding})")
    return text, guess.encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DecodeError("encoding", f"not valid {encoding}: {err.reason}") from err


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le/-be when NUL bytes sit at every other position, as in UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    # Arabic UTF-16 has no NULs (high byte 0x06) but ASCII spaces/digits do; Latin has many.
    if odd > half * 0.05 and even < half * 0.01:
        return "utf-16-le"
    if even > half * 0.05 and odd < half * 0.01:
        return "utf-16-be"
    if b"\x00" not in sample:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _arabic_share(text) > 0.6:
                return encoding
    return None


def _best_arabic_page(data: bytes) -> tuple[str | None, str]:
    best: tuple[float, str | None, str] = (0.0, None, "")
    for encoding in _ARABIC_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if share > best[0]:
            best = (share, text, encoding)
    share, text, encoding = best
    return (text, encoding) if share >= 0.9 else (None, "")


def _arabic_share(text: str) -> float:
    """Share of Arabic-block characters among the non-ASCII, non-space ones."""
    non_ascii = [c for c in text[:20_000] if ord(c) > 127 and not c.isspace()]
    if not non_ascii:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" for c in non_ascii) / len(non_ascii)


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 1.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bad / len(sample)
