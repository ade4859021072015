"""Stage times: Arabic temporal expressions resolved to calendar dates.

In: `doc.text`, `doc.published`, and the text stage's `tokens` and `sentences`
(the clause around an expression decides whether a bare weekday is the last
or the next one). Out: the `times` layer, `TimeMention`s with offsets into
`doc.text`, `start_date`/`end_date` and a granularity (day, week, month, year,
range), following `shared/docs/gold-format.md`.

The reference date is `doc.published`; without one, a dateline in the article
itself («دمشق - 22 نيسان 2018»); without that, relative expressions are
returned unresolved (dates None), never guessed. The text is folded once
(`time_lexicon.fold`) and scanned once: a quick regex finds the anchor words
every expression contains (months, weekdays, units, digits), and only the rules
of that anchor's kind (`time_patterns`, compiled once) are tried at the few
words before it; `time_rules` gives each match its meaning (`time_dates`,
`time_relative`).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from rasd.doc import Doc, Span, TimeMention, Token
from rasd.extract import time_resolve as tr
from rasd.extract.time_lexicon import TimeLexicon, fold, load_lexicon
from rasd.extract.time_match import Found, Match, Scan
from rasd.extract.time_patterns import TimePatterns, compile_patterns
from rasd.extract.time_rules import RULE_HANDLERS
from rasd.pipeline import Stage
from rasd.text import tokenize

# A clause ends at these; a weekday's tense is read inside its clause.
_CLAUSE_END = re.compile(r"[.!?؟؛;:،,\n]")
_CLAUSE_WORDS = 10  # at most this many words on each side
_SINCE = re.compile(r"(?<!\w)(?:منذ|حتي)\s+(?:يوم\s+)?$")  # «منذ يوم الجمعة» looks back
# «أن/إن/أنه/بأن»: what follows is another clause (reported speech, intention)
_COMPLEMENTIZER = re.compile(r"(?<!\w)[بو]?ان(?:ه|ها|هم|هما|نا)?(?!\w)")
DATELINE_CHARS = 300  # a dateline sits in the first lines of an article
_DATELINE_WORDS, _DATELINE_LEAD = 12, 3  # its line is short, or few words lead to the date
_DATELINE_END = re.compile(r"\s*(?:[-–—:|/(\n]|$)")
_WORD = re.compile(r"\w")
_GAP = re.compile(r"\W+")
# between a weekday and the date it is: «الأحد 22 الجاري», «الخميس، الموافق 30 يوليو»
_EQUIVALENT = re.compile(r"\W*(?:(?:ال)?موافق\W*)?")
_CHARS_AFTER_ANCHOR = 120  # «يومي الثلاثاء والأربعاء القادمين»: the rest after the anchor


def _words_regex(words: frozenset[str], proclitics: str = "") -> re.Pattern[str]:
    """Any of the folded words, as whole words (after optional proclitics)."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<!\w){proclitics}(?:{alternatives})(?!\w)")


def _words_forward(text: str, pos: int, n: int) -> int:
    """The offset just past the n-th word after pos (the end of the text at most)."""
    for _ in range(n):
        space = text.find(" ", pos + 1)
        if space < 0:
            return len(text)
        pos = space
    return pos


def _words_back(text: str, pos: int, n: int) -> int:
    """The offset of the word n words before pos (0 at the start of the text)."""
    for _ in range(n):
        space = text.rfind(" ", 0, max(pos - 1, 0))  # end -1 would search the whole text
        if space < 0:
            return 0
        pos = space + 1
    return pos


class TimeFinder:
    """The compiled grammar and lexicon; call `find` per text (pure)."""

    def __init__(self, lexicon: TimeLexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.pats: TimePatterns = compile_patterns(self.lex)
        self._future = _words_regex(self.lex.future_markers)
        self._schedule = _words_regex(self.lex.schedule_verbs, proclitics="[وف]?")

    def find(
        self,
        text: str,
        published: dt.date | None,
        tokens: Sequence[Token] | None = None,
        sentences: Sequence[Span] | None = None,
    ) -> list[TimeMention]:
        """Temporal expressions of `text` resolved against `published`.

        tokens give the future prefix سـ of verbs; sentences bound the clause.
        find("وذكرت مصادر، أمس، أن ...", 2018-03-11) → [أمس 2018-03-10..2018-03-10 day]
        """
        folded, offsets = fold(text)
        starts = [t.start for t in tokens] if tokens else []
        bounds = _sentence_bounds(sentences or (), offsets)

        def is_future(start: int, end: int) -> bool:
            # the clause never leaves the sentence of the expression
            i = bisect.bisect_right(bounds, (start, len(folded))) - 1
            lo, hi = bounds[i] if i >= 0 and bounds[i][1] >= end else (0, len(folded))
            return self._clause_is_future(folded, start, end, offsets, tokens or (), starts, lo, hi)

        scan = Scan(folded, tr.plausible(published), self.lex, self.pats, is_future)
        times: list[TimeMention] = []
        pos = 0  # the folded text before pos is done
        for anchor in self.pats.anchor.finditer(folded):
            if anchor.start() < pos:
                continue
            word = anchor.group()
            kind = "digit" if word[0].isdigit() else self.pats.kind_of[" ".join(word.split())]
            back, regex = self.pats.rules[kind]
            look = max(pos, _words_back(folded, anchor.start(), back))
            stop = min(len(folded), anchor.end() + _CHARS_AFTER_ANCHOR)
            # try each word start up to the anchor: cheaper than a search that would
            # run on past the anchor when nothing starts before it
            while look <= anchor.start():
                m = regex.match(folded, look, stop)
                found = RULE_HANDLERS[m.lastgroup](scan, Match(m, m.lastgroup)) if m else []
                if found is None:  # an impossible date: none of its words is a time
                    pos = look = m.end()  # type: ignore[union-attr]
                elif found:
                    times.extend(_mention(text, offsets, f) for f in found)
                    pos = look = m.end()  # type: ignore[union-attr]
                else:
                    # no time starts here (or a rejected one: «خلال شهر» is no time
                    # in «خلال شهر رمضان», «شهر رمضان» is): try the next word
                    gap = _GAP.search(folded, look)
                    look = gap.end() if gap else len(folded)
        return _link_equivalents(text, times)

    def _clause_is_future(
        self,
        folded: str,
        start: int,
        end: int,
        offsets: list[int] | None,
        tokens: Sequence[Token],
        starts: list[int],
        lo: int,
        hi: int,
    ) -> bool:
        """Does the clause around [start, end) speak of the future? «سيتم ... يوم الأحد».

        The clause runs, inside the sentence [lo, hi), from the punctuation
        before the expression to the punctuation or complementizer after it, at
        most a few words each way: in «أعلن عباس الجمعة أنه ينوي التوجه» the
        intention belongs to another clause.
        """
        lo = max(lo, start - 200)
        left = max((m.end() for m in _CLAUSE_END.finditer(folded, lo, start)), default=lo)
        left = max(left, _words_back(folded, start, _CLAUSE_WORDS))
        hi = min(hi, end + 200)
        stop = _CLAUSE_END.search(folded, end, hi)
        right = stop.start() if stop else hi
        if (comp := _COMPLEMENTIZER.search(folded, end, right)) is not None:
            right = comp.start()
        right = min(right, _words_forward(folded, end, _CLAUSE_WORDS))
        if _SINCE.search(folded, max(left, start - 8), start):
            return False  # «منذ الجمعة»: since Friday
        window = folded[left:start] + " | " + folded[end:right]
        if self._future.search(window) or self._schedule.search(folded, left, start):
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


def _sentence_bounds(sentences: Sequence[Span], offsets: list[int] | None) -> list[tuple[int, int]]:
    """Sentence (start, end) in folded offsets, in order."""
    if offsets is None:
        return [(s.start, s.end) for s in sentences]
    return [
        (bisect.bisect_left(offsets, s.start), bisect.bisect_left(offsets, s.end))
        for s in sentences
    ]


def _link_equivalents(text: str, times: list[TimeMention]) -> list[TimeMention]:
    """A weekday followed by a date (or «الموافق» and a date) takes that date.

    «يومي الأربعاء والخميس الموافق 20 و21 شوال»: the calendar date says which
    week the weekdays are in, better than the tense of the clause.
    """
    out = list(times)
    for i, (t, nxt) in enumerate(zip(times, times[1:], strict=False)):
        if t.source not in ("times:weekday", "times:range_weekdays") or nxt.start_date is None:
            continue
        if not _EQUIVALENT.fullmatch(text, t.end, nxt.start):
            continue
        start = nxt.start_date
        if t.granularity == "range" and nxt.granularity == "day":
            # «الأربعاء والخميس الموافق 20 و21 شوال»: the first day is given
            span = (t.end_date - t.start_date) if t.end_date and t.start_date else dt.timedelta()
            out[i] = dataclasses.replace(t, start_date=start, end_date=start + span)
        else:
            out[i] = dataclasses.replace(t, start_date=start, end_date=nxt.end_date)
    return out


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
        if t.granularity != "day" or t.start_date is None:
            continue  # without a reference date only full dates resolve
        line_start = head.rfind("\n", 0, t.start) + 1
        line_end = head.find("\n", t.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        # a dateline is a short line, or a date after at most a place and an
        # outlet, set off by a dash («دمشق - الوطن - 22 نيسان 2018 - قالت»); a
        # full date in the story's first sentence («ولد في 15 أبريل 1911») is not
        lead = [w for w in head[line_start : t.start].split() if _WORD.search(w)]
        set_off = _DATELINE_END.match(head, t.end) is not None
        if len(line.split()) <= _DATELINE_WORDS or (len(lead) <= _DATELINE_LEAD and set_off):
            return t.start_date
    return None


@lru_cache(maxsize=1)
def _default_finder() -> TimeFinder:
    return TimeFinder()


def find_times(text: str, published: dt.date | None) -> list[TimeMention]:
    """Times of a text without a pipeline: «منذ عشرة أيام» on 2018-03-11 → 2018-03-01."""
    return _default_finder().find(text, published or find_publication_date(text), tokenize(text))


def stage() -> Stage:
    """The times stage; the grammar and lexicon are built here, once."""
    finder = TimeFinder()

    def run(doc: Doc) -> dict[str, list[TimeMention]]:
        published = doc.published or find_publication_date(doc.text, finder)
        return {"times": finder.find(doc.text, published, doc.tokens, doc.sentences)}

    return Stage("times", frozenset({"tokens", "sentences"}), frozenset({"times"}), run)


__all__ = ["TimeFinder", "find_publication_date", "find_times", "stage"]
