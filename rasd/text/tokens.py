"""Tokenisation with exact character offsets into the original string.

One compiled regular expression, tried in priority order: URLs, emails,
hashtags, mentions, numbers (٢٠١٨, 1,000, 3.5, ٣٫٥, 22/4/2018 stays three
numbers and two slashes), Arabic words (letters with their diacritics and
tatweel, so «لـ» is one token), Latin and other-script words, and any other
visible character as a one-character punctuation or symbol token. Whitespace
separates tokens and is never part of one, so `text[t.start:t.end]` is always
the token's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_AR_LETTER = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc"
)
_AR_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"

TOKEN_RE = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s«»"'<>()\[\]]+[^\s«»"'<>()\[\].,;:!?،؛؟])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<hashtag>\#[\w{_AR_MARK}]+)
  | (?P<mention>@[\w.]+\w)
  | (?P<number>\d+(?:[.,٫٬]\d+)*)
  | (?P<word>[{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}\u200c\u200d]*)
  | (?P<latin>[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*(?:['’][^\W\d_]+)*)
  | (?P<punct>\S)
    """,
    re.VERBOSE,
)


def iter_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, kind) for each token: «لـ«الوطن»» → لـ, «, الوطن, »."""
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "latin":
            kind = "word"
        yield m.start(), m.end(), kind
