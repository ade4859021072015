"""Arabic-aware full-text search: analysed keys into SQLite FTS5, BM25, snippets.

Bodies and queries go through the same text-core analysis (`rasd.text`): each
word becomes its search key — clitics and the article stripped, diacritics,
hamza forms and tatweel folded, sound plurals reduced — so «انشقاق» finds
انشقاقات، بالانشقاق، الانشقاق and «مسلح» finds المسلحين. FTS5 indexes the
keys (contentless: the text itself lives once, in `articles`), ranks with
BM25 (headline weighted double) and answers phrase queries on key positions.
The snippet is cut from the clean body around the first hit, re-analysed with
the same keys, so what is highlighted is exactly what matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rasd.ingest.identity import fingerprint
from rasd.ingest.identity import normalize_other as _normalize
from rasd.text import word_analysis
from rasd.text.keys import broken_plurals
from rasd.text.tokens import TOKEN_RE

_QUOTED = re.compile(r'"([^"]*)"|(\S+)')
SNIPPET_TOKENS = 14  # tokens shown on each side of the first hit


def index_keys(text: str) -> list[str]:
    """The search keys of `text` in order: «بالانشقاق عن التنظيم» → ["انشقاق", "عن", "تنظيم"]."""
    return fingerprint(text)[1]


@dataclass(frozen=True)
class Query:
    """A parsed query: groups of keys that must all occur, each group a phrase."""

    phrases: tuple[tuple[str, ...], ...]

    @property
    def fts(self) -> str:
        """The FTS5 MATCH expression: «"حي القدم" انشقاق» → '"حي قدم" AND "انشقاق"'."""
        return " AND ".join('"' + " ".join(p).replace('"', '""') + '"' for p in self.phrases)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k for p in self.phrases for k in p)


def parse_query(text: str) -> Query:
    """Words and "quoted phrases" to key groups: «بالانشقاق "حي القدم"» → (انشقاق), (حي قدم)."""
    phrases: list[tuple[str, ...]] = []
    for quoted, word in _QUOTED.findall(text):
        keys = tuple(index_keys(quoted or word))
        if keys:
            phrases.append(keys)
    return Query(tuple(phrases))


def snippet(
    text: str, query: Query, width: int = SNIPPET_TOKENS
) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the first hit and the hits' offsets inside the window.

    For «انشقاق» on the seed: ("…في جنوب العاصمة بالانشقاق عن التنظيم…", [(start, end)]).
    Tokens are analysed only up to the end of the window, not through the whole body.
    """
    longest = max((len(p) for p in query.phrases), default=1)
    last_keys = {p[-1] for p in query.phrases}  # a hit can only end on one of these
    maybe = _could_be(query.keys)
    tokens: list[tuple[int, int, str]] = []
    first: int | None = None
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "punct":
            continue
        norm = _normalize(m.group())
        if kind in ("word", "latin"):
            # Full analysis (slow on a word form not seen yet) only where a key could come out.
            key = word_analysis(m.group())[1] if maybe(norm) else norm
        else:
            key = norm
        tokens.append((m.start(), m.end(), key))
        if first is None:
            if key in last_keys:
                first = _first_hit(tokens, query.phrases)
        elif len(tokens) > first + width + longest:
            break
    if not tokens:
        return "", []
    first = first or 0
    lo, hi = max(0, first - width), min(len(tokens), first + width + 1)
    hits: set[int] = set()
    keys = [k for _, _, k in tokens]
    for phrase in query.phrases:
        n = len(phrase)
        for i in range(lo, min(hi, len(keys) - n + 1)):
            if tuple(keys[i : i + n]) == phrase:
                hits.update(range(i, i + n))
    start, end = tokens[lo][0], tokens[hi - 1][1]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if end < len(text.rstrip()) else ""
    window = prefix + text[start:end].replace("\n", " ") + suffix
    spans = [
        (tokens[i][0] - start + len(prefix), tokens[i][1] - start + len(prefix))
        for i in sorted(hits)
        if lo <= i < hi
    ]
    return window, spans


def _could_be(keys: frozenset[str]) -> Callable[[str], bool]:
    """A cheap test that a word (search-normalised) might have one of `keys` as its key.

    A key is the word's stem with a suffix folded (the last letter may change:
    «غارات» → «غاره») or a broken plural's singular («الخسائر» → «خساره»), so a word
    whose norm holds neither a key minus its last letter nor such a plural cannot match.
    """
    if any(len(k) <= 2 for k in keys):
        return lambda norm: True
    cores = {k[:-1] for k in keys} | {p for p, one in broken_plurals().items() if one in keys}
    return lambda norm: any(c in norm for c in cores)


def _first_hit(
    tokens: list[tuple[int, int, str]], phrases: tuple[tuple[str, ...], ...]
) -> int | None:
    """Index of the first token of a phrase that ends at the last token, if any."""
    for phrase in phrases:
        n = len(phrase)
        if len(tokens) >= n and tuple(t[2] for t in tokens[-n:]) == phrase:
            return len(tokens) - n
    return None


def mark(window: str, spans: list[tuple[int, int]], left: str = "[", right: str = "]") -> str:
    """The window with each hit wrapped: mark("في بالانشقاق عن", [(3, 12)]) → "في [بالانشقاق] عن"."""
    out, last = [], 0
    for start, end in spans:
        out += [window[last:start], left, window[start:end], right]
        last = end
    out.append(window[last:])
    return "".join(out)
