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
from dataclasses import dataclass

from rasd.ingest.identity import fingerprint
from rasd.text import normalize_search, word_analysis
from rasd.text.tokens import iter_tokens

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
    """
    tokens = [
        (
            start,
            end,
            word_analysis(text[start:end])[1]
            if kind == "word"
            else normalize_search(text[start:end]),
        )
        for start, end, kind in iter_tokens(text)
        if kind != "punct"
    ]
    keys = [k for _, _, k in tokens]
    hits: list[int] = []  # token indexes of matched keys
    for phrase in query.phrases:
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == phrase:
                hits.extend(range(i, i + n))
    if not tokens:
        return "", []
    first = min(hits) if hits else 0
    lo, hi = max(0, first - width), min(len(tokens), first + width + 1)
    start, end = tokens[lo][0], tokens[hi - 1][1]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(tokens) else ""
    window = prefix + text[start:end].replace("\n", " ") + suffix
    spans = [
        (tokens[i][0] - start + len(prefix), tokens[i][1] - start + len(prefix))
        for i in sorted(set(hits))
        if lo <= i < hi
    ]
    return window, spans


def mark(window: str, spans: list[tuple[int, int]], left: str = "[", right: str = "]") -> str:
    """The window with each hit wrapped: mark("في بالانشقاق عن", [(3, 12)]) → "في [بالانشقاق] عن"."""
    out, last = [], 0
    for start, end in spans:
        out += [window[last:start], left, window[start:end], right]
        last = end
    out.append(window[last:])
    return "".join(out)
