"""Stage times: Arabic temporal expressions resolved to calendar dates.

In: `doc.text`, `doc.published`, and the text stage's `tokens` and `sentences`
(the clause around an expression decides whether a bare weekday is the last
or the next one). Out: the `times` layer, `TimeMention`s with offsets into
`doc.text`, `start_date`/`end_date` and a granularity (day, week, month, year,
range), following `shared/docs/gold-format.md`.

The reference date is `doc.published`; without one, a dateline in the article
itself («دمشق - 22 نيسان 2018»); without that, relative expressions are
returned unresolved (dates None), never guessed. The text is folded once
(`time_lexicon.fold`) and scanned in one pass by one compiled regex
(`time_patterns`); `time_rules` gives each match its meaning.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

from rasd.doc import Doc, TimeMention, Token
from rasd.extract.time_lexicon import TimeLexicon, fold, load_lexicon
from rasd.extract.time_patterns import TimePatterns, compile_patterns
from rasd.extract.time_rules import RULE_HANDLERS, Found, Match, Scan
from rasd.pipeline import Stage

# A clause ends at these; a weekday's tense is read inside its clause.
_CLAUSE_END = re.compile(r"[.!?؟؛;:،,\n]")
_CLAUSE_WORDS = 14  # at most this many words on each side
DATELINE_CHARS = 300  # a dateline sits in the first lines of an article


class TimeFinder:
    """The compiled grammar and lexicon; call `find` per text (pure)."""

    def __init__(self, lexicon: TimeLexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.pats: TimePatterns = compile_patterns(self.lex)
        self._future = re.compile(
            r"(?<!\w)(?:"
            + "|".join(sorted(map(re.escape, self.lex.future_markers), key=len, reverse=True))
            + r")(?!\w)"
        )

    def find(
        self,
        text: str,
        published: dt.date | None,
        tokens: Sequence[Token] | None = None,
    ) -> list[TimeMention]:
        """Temporal expressions of `text` resolved against `published`.

        find("وذكرت مصادر، أمس، أن ...", 2018-03-11) → [أمس 2018-03-10..2018-03-10 day]
        """
        folded, offsets = fold(text)
        starts = [t.start for t in tokens] if tokens else []

        def is_future(start: int, end: int) -> bool:
            return self._clause_is_future(folded, start, end, offsets, tokens or (), starts)

        scan = Scan(folded, published, self.lex, self.pats, is_future)
        times: list[TimeMention] = []
        pos = 0
        while m := self.pats.regex.search(folded, pos):
            rule = m.lastgroup or ""
            found = RULE_HANDLERS[rule](scan, Match(m, rule))
            if found is None:  # an impossible date: none of its words is a time
                pos = m.end()
                continue
            times.extend(_mention(text, offsets, f) for f in found)
            # after a rejected match look again from its second word: in «خلال شهر
            # رمضان» the duration «خلال شهر» is no time, «شهر رمضان» is
            space = folded.find(" ", m.start(rule) + 1, m.end())
            pos = m.end() if found or space < 0 else space
        return times

    def _clause_is_future(
        self,
        folded: str,
        start: int,
        end: int,
        offsets: list[int] | None,
        tokens: Sequence[Token],
        starts: list[int],
    ) -> bool:
        """Does the clause around [start, end) speak of the future? «سيتم ... يوم الأحد»."""
        left = max(
            (m.end() for m in _CLAUSE_END.finditer(folded, max(0, start - 200), start)),
            default=max(0, start - 200),
        )
        stop = _CLAUSE_END.search(folded, end)
        right = stop.start() if stop else len(folded)
        words_left = folded[left:start].split()[-_CLAUSE_WORDS:]
        words_right = folded[end:right].split()[:_CLAUSE_WORDS]
        window = " ".join([*words_left, "|", *words_right])
        if self._future.search(window):
            return True
        # verbs carrying the future proclitic سـ, as the text core segmented them
        o_left = offsets[left] if offsets else left
        o_right = offsets[right] if offsets else right
        for token in tokens[
            bisect.bisect_left(starts, o_left) : bisect.bisect_left(starts, o_right)
        ]:
            future = any(seg.role == "proclitic" and seg.text == "س" for seg in token.segments)
            if future and fold(token.text)[0].lstrip("وف") not in self.lex.not_future:
                return True
        return False


def _mention(text: str, offsets: list[int] | None, found: Found) -> TimeMention:
    start, end = found.start, found.end
    if offsets is not None:
        # the end takes the diacritics of the last letter: «غداً», not «غدا»
        start, end = offsets[start], offsets[end]
        while end > start and text[end - 1].isspace():
            end -= 1
    r = found.resolved
    return TimeMention(
        start, end, text[start:end], r.start, r.end, r.granularity, f"times:{found.rule}"
    )


def find_publication_date(text: str, finder: TimeFinder | None = None) -> dt.date | None:
    """The date of a dateline at the head of an article, or None.

    find_publication_date("دمشق - 22 نيسان 2018\\nقال ...") == date(2018, 4, 22)
    """
    finder = finder or _default_finder()
    head = text[:DATELINE_CHARS]
    for t in finder.find(head, None):
        if t.granularity == "day" and t.start_date is not None:
            return t.start_date
    return None


_FINDER: list[TimeFinder] = []


def _default_finder() -> TimeFinder:
    if not _FINDER:
        _FINDER.append(TimeFinder())
    return _FINDER[0]


def find_times(text: str, published: dt.date | None) -> list[TimeMention]:
    """Times of a text without a pipeline: «منذ عشرة أيام» on 2018-03-11 → 2018-03-01."""
    return _default_finder().find(text, published or find_publication_date(text))


def stage() -> Stage:
    """The times stage; the grammar and lexicon are built here, once."""
    finder = TimeFinder()

    def run(doc: Doc) -> dict[str, list[TimeMention]]:
        published = doc.published or find_publication_date(doc.text, finder)
        return {"times": finder.find(doc.text, published, doc.tokens)}

    return Stage("times", frozenset({"tokens", "sentences"}), frozenset({"times"}), run)


__all__ = ["TimeFinder", "find_publication_date", "find_times", "stage"]
