"""The match of a temporal pattern, as the rules see it, and what they share.

In: a match of one anchor kind's regex (`time_patterns`) over the folded text.
Out: `Match` (the rule's own groups by short name), `Scan` (the folded text,
publication date, lexicon and tense oracle), `Found` (a resolved span in the
folded text) and the small readers every rule uses: number words, ordinal
days, month names, the words around a match, the edge of a period.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from rasd.extract import time_resolve as tr
from rasd.extract.time_lexicon import TimeLexicon
from rasd.extract.time_patterns import TimePatterns
from rasd.extract.time_resolve import Resolved

# Words before a bare month or year that make it a date: «في آذار», «منذ 2011».
DATE_PREPOSITIONS = frozenset(
    {
        "في",
        "خلال",
        "منذ",
        "حتي",
        "قبل",
        "بعد",
        "مطلع",
        "اواخر",
        "اوائل",
        "منتصف",
        "نهايه",
        "بدايه",
        "اواسط",
        "مستهل",
        "شهر",
        "عام",
    }
)
QUOTES = "«»\"“”'"
SPACE = re.compile(r"\s+")
_WORD_BEFORE = re.compile(r"(\w+)[^\w\n]{0,3}$")
_WORD_AFTER = re.compile(r"^[^\w\n]{0,3}(\w+)")


class Found(NamedTuple):
    start: int  # offsets into the folded text
    end: int
    resolved: Resolved
    rule: str


@dataclass(frozen=True)
class Scan:
    """Everything a rule needs besides its match."""

    text: str  # folded
    published: dt.date | None
    lex: TimeLexicon
    pats: TimePatterns
    is_future: Callable[[int, int], bool]  # folded offsets of the expression → future clause?


class Match:
    """The groups of one rule inside the master match."""

    def __init__(self, m: re.Match[str], rule: str) -> None:
        self.m, self.rule = m, rule

    def __getitem__(self, name: str) -> str | None:
        """The group's text, spaces collapsed; None if it did not match or the rule has none."""
        try:
            value = self.m.group(f"{self.rule}__{name}")
        except IndexError:  # handlers shared by rules: «range_dash» has no «m1»
            return None
        return SPACE.sub(" ", value) if value is not None else None

    def span(self, name: str | None = None) -> tuple[int, int]:
        return self.m.span(f"{self.rule}__{name}" if name else self.rule)


def word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos : pos + 30])
    return m.group(1) if m else ""


def _strip_prefix(word: str) -> str:
    """A number written with the article: «ال10», «الـ 12» (folded «ال 12») → «12»."""
    rest = word[2:].strip()
    return rest if word.startswith("ال") and rest[:1].isdigit() else word


def number(lex: TimeLexicon, word: str | None) -> int | None:
    if word is None:
        return None
    word = _strip_prefix(word.strip())
    if word.isdigit():
        return int(word)
    return lex.cardinals.get(word) or lex.cardinals.get(word.removeprefix("ال"))


def day_number(lex: TimeLexicon, word: str | None) -> int | None:
    """The day of «12», «ال12» or «الخامس عشر» → 12, 12, 15."""
    if word is None:
        return None
    word = _strip_prefix(word)
    if word.isdigit():
        return int(word)
    return lex.ordinals.get(word)


def month_name(s: Scan, names: str | None) -> str:
    """The first month name of «آب», «آب (أغسطس)» or «آذار/مارس», folded."""
    first = s.pats.month.match(names or "")
    return SPACE.sub(" ", first.group()) if first else ""


def month_number(s: Scan, names: str | None) -> int:
    """The month of «آب (أغسطس)»: the first name counts; 0 if none."""
    return s.lex.months.get(month_name(s, names), 0)


def unresolved(granularity: str) -> Resolved:
    return Resolved(None, None, granularity)


def clause_is_future(s: Scan, x: Match) -> bool:
    return s.is_future(*x.span())


def with_edge(s: Scan, x: Match, whole: Resolved) -> Resolved:
    edge = s.lex.edges.get(x["edge"]) if x["edge"] else None
    if edge is None:
        return whole
    return tr.edge_of(whole, edge, s.lex.edge_month_days[edge], s.lex.edge_year_months[edge])
