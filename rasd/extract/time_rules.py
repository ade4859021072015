"""What each temporal pattern means: from one regex match to resolved time spans.

In: a match of `TimePatterns.regex` over the folded text, the rule that
matched, the publication date (or None) and a tense oracle for the clause.
Out: `Found` spans (offsets in the folded text) with their `Resolved` dates,
or nothing when the match is not a time after all («اليوم التالي», «مارس
الضغط») or names an impossible date (31 شباط). Without a publication date a
relative expression keeps its granularity and gets no dates, never a guess.
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
_DATE_PREPOSITIONS = frozenset(
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
_QUOTES = "«»\"“”'"
_SPACE = re.compile(r"\s+")
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
        value = self.m.group(f"{self.rule}__{name}")
        return _SPACE.sub(" ", value) if value is not None else None

    def span(self, name: str | None = None) -> tuple[int, int]:
        return self.m.span(f"{self.rule}__{name}" if name else self.rule)


def word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos : pos + 30])
    return m.group(1) if m else ""


def _strip_prefix(word: str) -> str:
    """A prefixed word of the lexicon: «والاربعاء» → «الاربعاء», «ال10» → «10»."""
    return word[2:].strip() if word.startswith("ال") and word[2:3].isdigit() else word


def number(lex: TimeLexicon, word: str | None) -> int | None:
    if word is None:
        return None
    word = _strip_prefix(word.strip())
    if word.isdigit():
        return int(word)
    return lex.cardinals.get(word) or lex.cardinals.get(word.removeprefix("ال"))


def day_number(lex: TimeLexicon, word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return lex.ordinals.get(word)


def _month_name(s: Scan, names: str | None) -> str:
    """The first month name of «آب», «آب (أغسطس)» or «آذار/مارس», folded."""
    first = s.pats.month.match(names or "")
    return _SPACE.sub(" ", first.group()) if first else ""


def _month(s: Scan, names: str | None) -> int:
    """The month of «آب (أغسطس)»: the first name counts; 0 if none."""
    return s.lex.months.get(_month_name(s, names), 0)


def _unresolved(granularity: str) -> Resolved:
    return Resolved(None, None, granularity)


def _future(s: Scan, x: Match) -> bool:
    return s.is_future(*x.span())


# ---------------------------------------------------------------- rules


def rule_range_days(s: Scan, x: Match) -> list[Found] | None:
    d1, d2 = day_number(s.lex, x["d1"]), day_number(s.lex, x["d2"])
    m2 = _month(s, x["m2"])
    m1 = _month(s, x["m1"]) if x.rule == "range_days" and x["m1"] else m2
    if d1 is None or d2 is None or not m1 or not m2:
        return []
    name1 = f"{x['d1']} {_month_name(s, x['m1'] or x['m2'])}"
    name2 = f"{x['d2']} {_month_name(s, x['m2'])}"
    bounded = s.text.startswith(("بين", "من"), x.span()[0])
    if not (x["year"] or bounded) and {name1, name2} & s.lex.named_days:
        return []  # «وزراء 8 آذار و14 آذار»: two movements, not a range
    if x["year"]:
        y2 = int(x["year"])
    elif s.published:
        end = tr.nearest_day_month(s.published, m2, d2)
        if end is None:
            return None
        y2 = end.year
    else:
        return [Found(*x.span(), _unresolved("range"), x.rule)]
    y1 = y2 - 1 if m1 > m2 else y2
    start, end = tr.make_date(y1, m1, d1), tr.make_date(y2, m2, d2)
    if start is None or end is None or start > end:
        return None
    return [Found(*x.span(), Resolved(start, end, "range"), x.rule)]


def rule_range_hijri(s: Scan, x: Match) -> list[Found] | None:
    d1, d2 = day_number(s.lex, x["d1"]), day_number(s.lex, x["d2"])
    month = s.lex.hijri_months[x["month"]]  # type: ignore[index]
    if d1 is None or d2 is None or d1 >= d2:
        return []
    if x["year"]:
        end = tr.hijri_date(int(x["year"]), month, d2)
        start = tr.hijri_date(int(x["year"]), month, d1)
    elif s.published is None:
        return [Found(*x.span(), _unresolved("range"), x.rule)]
    else:
        last = tr.pick(tr.hijri_options(s.published, month, d2), s.published, None)
        end = last.start if last else None
        start = end - dt.timedelta(days=d2 - d1) if end else None
    if start is None or end is None:
        return None
    return [Found(*x.span(), Resolved(start, end, "range"), x.rule)]


def rule_range_weekdays(s: Scan, x: Match) -> list[Found] | None:
    w1, w2 = s.lex.weekdays[x["w1"]], s.lex.weekdays[x["w2"]]  # type: ignore[index]
    return [Found(*x.span(), _weekdays(s, x, [w1, w2]), x.rule)]


def rule_range_years(s: Scan, x: Match) -> list[Found] | None:
    y1, y2 = int(x["y1"]), int(x["y2"])  # type: ignore[arg-type]
    first, last = tr.year_of(y1), tr.year_of(y2)
    if first is None or last is None or y1 >= y2:
        return None
    return [Found(*x.span(), Resolved(first.start, last.end, "range"), x.rule)]


def rule_numeric(s: Scan, x: Match) -> list[Found] | None:
    a, b, c = x["a"], x["b"], x["c"]
    if len(a) == 4:  # type: ignore[arg-type]
        y, m, d = int(a), int(b), int(c)  # type: ignore[arg-type]
    elif len(c) == 4:  # type: ignore[arg-type]
        d, m, y = int(a), int(b), int(c)  # type: ignore[arg-type]
    else:
        return []  # a two-digit year is too ambiguous to resolve
    # a year in the modern Hijri range is Hijri even without «هـ»: «1436/10/1»
    hijri = x["hijri"] or 1343 <= y <= 1500
    date = tr.hijri_date(y, m, d) if hijri else tr.make_date(y, m, d)
    return [Found(*x.span(), tr.day(date), x.rule)] if date else None


def rule_dmy(s: Scan, x: Match) -> list[Found] | None:
    month = s.lex.months[x["month"]]  # type: ignore[index]
    day = day_number(s.lex, x["day"])
    qual = s.lex.qualifiers.get(x["qual"]) if x["qual"] else None
    context = x["day"] or x["shahr"] or x["year"] or x["yqual"] or qual is not None
    before = word_before(s.text, x.span()[0])
    if not (context or x["dual"] or x["edge"]) and before not in _DATE_PREPOSITIONS:
        return []  # «مارس الضغط» (exerted pressure), «نيسان» the car
    if (
        x["day"]
        and not (x["year"] or x["yqual"])
        and f"{x['day']} {x['month']}" in s.lex.named_days
        and before not in ("في", "يوم", "منذ", "حتي")
    ):
        return []  # «قوى 14 آذار», «ثورة 25 يناير»: names
    if x["year"]:
        options = [tr.day(tr.make_date(int(x["year"]), month, day or 1))]
        if day is None:
            options = [tr.month_of(int(x["year"]), month)]  # type: ignore[list-item]
        found = options[0] if options[0] and options[0].start else None
    elif s.published is None:
        return [Found(*x.span(), _unresolved("day" if day else "month"), x.rule)]
    elif x["yqual"]:
        year = s.published.year + s.lex.qualifiers[x["yqual"]]  # type: ignore[index]
        found = tr.day(tr.make_date(year, month, day)) if day else tr.month_of(year, month)
        found = found if found and found.start else None
    else:
        options = tr.gregorian_options(s.published, month, day)
        if qual is None and day is not None and _future(s, x):
            qual = 1 if month != s.published.month or day > s.published.day else 0
        found = tr.pick(options, s.published, qual)
    if found is None:
        return None  # 31 شباط
    return [Found(*x.span(), _edge(s, x, found), x.rule)]


def rule_hijri(s: Scan, x: Match) -> list[Found] | None:
    context = x["day"] or x["shahr"] or x["year"] or x["qual"] or x["edge"]
    if not context and word_before(s.text, x.span()[0]) not in _DATE_PREPOSITIONS:
        return []  # «رجب», «صفر», «رمضان» alone are names and words as often as months
    month = s.lex.hijri_months[x["month"]]  # type: ignore[index]
    day = day_number(s.lex, x["day"])
    qual = s.lex.qualifiers.get(x["qual"]) if x["qual"] else None
    if x["year"]:
        year = int(x["year"])
        if day is not None:
            found = tr.day(tr.hijri_date(year, month, day))
        else:
            found = tr.hijri_month(year, month)  # type: ignore[assignment]
        found = found if found and found.start else None  # type: ignore[assignment]
    elif s.published is None:
        return [Found(*x.span(), _unresolved("day" if day else "month"), x.rule)]
    else:
        found = tr.pick(tr.hijri_options(s.published, month, day), s.published, qual)  # type: ignore[assignment]
    if found is None:
        return None
    return [Found(*x.span(), _edge(s, x, found), x.rule)]


def rule_feast(s: Scan, x: Match) -> list[Found] | None:
    if s.published is None:
        return [Found(*x.span(), _unresolved("day"), x.rule)]
    month, day = s.lex.feasts[x["feast"]]  # type: ignore[index]
    first = tr.nearest_hijri(s.published, month, day)
    if first is None:
        return []
    nth = ("اول", "ثاني", "ثالث", "رابع").index(x["nth"]) if x["nth"] else 0
    return [Found(*x.span(), tr.day(first + dt.timedelta(days=nth)), x.rule)]


def rule_day_of_month(s: Scan, x: Match) -> list[Found] | None:
    day = day_number(s.lex, x["day"])
    if day is None:
        return []
    if s.published is None:
        return [Found(*x.span(), _unresolved("day"), x.rule)]
    month = tr.period(s.published, "month", s.lex.qualifiers[x["qual"]])  # type: ignore[index]
    if month is None:
        return None
    date = tr.make_date(month.start.year, month.start.month, day)  # type: ignore[union-attr]
    return [Found(*x.span(), tr.day(date), x.rule)] if date else None


def rule_decade(s: Scan, x: Match) -> list[Found] | None:
    decade = s.lex.decades[x["decade"]]  # type: ignore[index]
    century = s.lex.centuries.get(x["century"], 1900) if x["century"] else 1900
    if century < 0:  # «القرن الماضي»: the century before the publication's
        if s.published is None:
            return [Found(*x.span(), _unresolved("range"), x.rule)]
        century = (s.published.year // 100) * 100 + century
    first, last = tr.year_of(century + decade), tr.year_of(century + decade + 9)
    if first is None or last is None:
        return []
    return [Found(*x.span(), Resolved(first.start, last.end, "range"), x.rule)]


def rule_season(s: Scan, x: Match) -> list[Found] | None:
    first, last = s.lex.seasons[x["season"].removeprefix("ال")]  # type: ignore[union-attr]
    if x["year"]:
        year = int(x["year"])
    elif s.published is None:
        return [Found(*x.span(), _unresolved("range"), x.rule)]
    elif x["this"]:
        year = s.published.year
    elif x["pqual"]:
        year = s.published.year + s.lex.qualifiers[x["pqual"]]
    else:
        direction = s.lex.qualifiers[x["qual"]]  # type: ignore[index]
        year = s.published.year
        bounds = _season(year, first, last)
        if direction < 0 and bounds and bounds.end >= s.published:  # type: ignore[operator]
            year -= 1
        elif direction > 0 and bounds and bounds.start <= s.published:  # type: ignore[operator]
            year += 1
    bounds = _season(year, first, last)
    return [Found(*x.span(), bounds, x.rule)] if bounds else None


def _season(year: int, first: int, last: int) -> Resolved | None:
    start = tr.month_of(year - 1 if first > last else year, first)
    end = tr.month_of(year, last)
    return Resolved(start.start, end.end, "range") if start and end else None


def rule_year(s: Scan, x: Match) -> list[Found] | None:
    year = int(x["year"])  # type: ignore[arg-type]
    if x["era"] == "ه":
        first, last = tr.hijri_date(year, 1, 1), tr.hijri_date(year + 1, 1, 1)
        if first is None or last is None:
            return None
        whole = Resolved(first, last - dt.timedelta(days=1), "year")
    else:
        whole = tr.year_of(year)  # type: ignore[assignment]
        if whole is None:
            return None
    return [Found(*x.span(), _edge(s, x, whole), x.rule)]


def rule_bare_year(s: Scan, x: Match) -> list[Found] | None:
    if x["hyear"]:  # «1437هـ»
        first, after = (
            tr.hijri_date(int(x["hyear"]), 1, 1),
            tr.hijri_date(int(x["hyear"]) + 1, 1, 1),
        )
        if first is None or after is None:
            return None
        return [Found(*x.span(), Resolved(first, after - dt.timedelta(days=1), "year"), x.rule)]
    if not x["era"] and word_before(s.text, x.span()[0]) not in _DATE_PREPOSITIONS:
        return []  # a number that only looks like a year: «2015 شخصا»
    whole = tr.year_of(int(x["year"]))  # type: ignore[arg-type]
    return [Found(*x.span(), whole, x.rule)] if whole else None


def rule_period(s: Scan, x: Match) -> list[Found] | None:
    if not (x["this"] or x["qual"]):
        return []
    unit = s.lex.period_units[x["unit"]]  # type: ignore[index]
    direction = s.lex.qualifiers[x["qual"]] if x["qual"] else 0
    if s.published is None:
        return [Found(*x.span(), _unresolved(unit), x.rule)]
    if x["cal"] == "الهجري" and unit == "year":  # «العام الهجري الجاري»
        year = tr.hijri_year_of(s.published)
        first = tr.hijri_date(year + direction, 1, 1) if year else None
        after = tr.hijri_date(year + direction + 1, 1, 1) if year else None
        if first is None or after is None:
            return None
        whole = Resolved(first, after - dt.timedelta(days=1), "year")
        return [Found(*x.span(), _edge(s, x, whole), x.rule)]
    whole = tr.period(s.published, unit, direction)
    return [Found(*x.span(), _edge(s, x, whole), x.rule)] if whole else None


def rule_last_n(s: Scan, x: Match) -> list[Found] | None:
    unit, count = s.lex.count_units.get(x["unit"].removeprefix("ال"), (None, None))  # type: ignore[union-attr]
    n = number(s.lex, x["num"]) if x["num"] else count
    direction = s.lex.qualifiers[x["qual"]]  # type: ignore[index]
    if unit is None or not n or n == 1 or direction == 0:
        return []  # «الأيام الماضية»: vague
    if s.published is None:
        return [Found(*x.span(), _unresolved("range"), x.rule)]
    one = dt.timedelta(days=1)
    if direction < 0:
        span = Resolved(tr.shift(s.published, unit, -n), s.published - one, "range")
    else:
        span = Resolved(s.published + one, tr.shift(s.published, unit, n), "range")
    return [Found(*x.span(), span, x.rule)]


def rule_ago(s: Scan, x: Match) -> list[Found] | None:
    unit, count = s.lex.count_units[x["unit"]]  # type: ignore[index]
    n = number(s.lex, x["num"]) if x["num"] else count
    if not n or unit is None:
        return []  # «منذ أيام», «قبل سنوات»: vague
    direction = x["dir"]
    if direction != "منذ" and word_after(s.text, x.span()[1]) in ("من", "علي"):
        return []  # «قبل يومين من الانتخابات»: relative to another event
    if direction in ("بعد", "خلال", "في غضون") and not _future(s, x):
        return []  # «بعد يوم من القصف», «خلال ثلاثة أيام» of fighting: durations
    if s.published is None:
        return [Found(*x.span(), _unresolved("day"), x.rule)]
    if direction in ("منذ", "قبل"):
        return [Found(*x.span(), tr.day(tr.shift(s.published, unit, -n)), x.rule)]
    target = tr.shift(s.published, unit, n)
    if direction == "بعد":
        return [Found(*x.span(), tr.day(target), x.rule)]
    return [Found(*x.span(), Resolved(s.published, target, "range"), x.rule)]


def rule_relday(s: Scan, x: Match) -> list[Found] | None:
    rel = x["rel"]
    start, end = x.span()
    wd_span = x.span("wd") if x["wd"] else None
    rel_end = x.span("rel")[1]
    if rel == "اليوم" and not x["wd"]:
        before, after = word_before(s.text, start), word_after(s.text, rel_end)
        if after in s.lex.today_not_after or before in s.lex.today_not_before:
            return []
        if s.text[start - 1 : start] in _QUOTES and s.text[rel_end : rel_end + 1] in _QUOTES:
            return []  # «اليوم», the newspaper
    if rel == "الغد" and not x["part"]:
        return []  # «حزب الغد»: a name unless a part of the day says tomorrow
    offset = s.lex.relative_days[rel]  # type: ignore[index]
    if s.published is None:
        resolved = _unresolved("day")
    else:
        date = s.published + dt.timedelta(days=offset)
        if x["wd"]:
            # the weekday wins: a wire story dated «اليوم الاثنين» published on Friday
            date = tr.weekday_near(date, s.lex.weekdays[x["wd"]], 1 if offset > 0 else -1, True)
        resolved = tr.day(date)
    if wd_span is None:
        return [Found(start, end, resolved, x.rule)]
    return [Found(start, rel_end, resolved, x.rule), Found(*wd_span, resolved, x.rule)]


def rule_weekday(s: Scan, x: Match) -> list[Found] | None:
    start, end = x.span()
    first = s.pats.weekday.match(x["wds"])  # type: ignore[arg-type]
    if first and first.end() == len(x["wds"]) and not (x["qual"] or x["wqual"]):  # type: ignore[arg-type]
        if word_after(s.text, end) in s.lex.weekday_not_after:
            return []  # «الأحد عشر» eleven, «الاثنين معاً» both
        if word_before(s.text, start) in s.lex.weekday_not_before:
            return []  # «كل جمعة», «كلا الاثنين»
    days = [s.lex.weekdays[w] for w in s.pats.weekday.findall(x["wds"])]  # type: ignore[arg-type]
    return [Found(start, end, _weekdays(s, x, days), x.rule)]


def _weekdays(s: Scan, x: Match, days: list[int]) -> Resolved:
    """One or more weekdays resolved in the direction of their qualifier or their clause."""
    granularity = "day" if len(days) == 1 else "range"
    if s.published is None:
        return _unresolved(granularity)
    if x.rule == "weekday" and x["wqual"]:
        week = tr.week_of(s.published + dt.timedelta(weeks=s.lex.qualifiers[x["wqual"]]))
        dates = [week.start + dt.timedelta(days=(d - tr.SATURDAY) % 7) for d in days]  # type: ignore[operator]
        return Resolved(min(dates), max(dates), granularity)
    qual = s.lex.qualifiers.get(x["qual"]) or None if x["qual"] else None  # «الجاري»: by tense
    future = qual > 0 if qual is not None else _future(s, x)
    # «الخميس بعد المقبل», «الجمعة قبل الماضية»: one more week out
    extra = dt.timedelta(weeks=1 if qual is not None and abs(qual) == 2 else 0)
    if future:
        dates = [tr.weekday_near(s.published, days[0], 1, False) + extra]
        for d in days[1:]:
            dates.append(tr.weekday_near(dates[-1], d, 1, False))
    else:
        # a bare weekday in the past may be the publication day itself
        dates = [tr.weekday_near(s.published, days[-1], -1, qual is None) - extra]
        for d in reversed(days[:-1]):
            dates.insert(0, tr.weekday_near(dates[0], d, -1, False))
    return Resolved(dates[0], dates[-1], granularity)


def _edge(s: Scan, x: Match, whole: Resolved) -> Resolved:
    edge = s.lex.edges.get(x["edge"]) if x["edge"] else None
    if edge is None:
        return whole
    return tr.edge_of(whole, edge, s.lex.edge_month_days[edge], s.lex.edge_year_months[edge])


# A handler returns the times of its match; [] when the words are no time here
# (look again from the next word); None when they name a date that cannot
# exist (31 شباط): skip all of it rather than read a part as a lesser date.
RULE_HANDLERS: dict[str, Callable[[Scan, Match], list[Found] | None]] = {
    "range_days": rule_range_days,
    "range_dash": rule_range_days,
    "range_hijri": rule_range_hijri,
    "range_weekdays": rule_range_weekdays,
    "range_years": rule_range_years,
    "numeric": rule_numeric,
    "dmy": rule_dmy,
    "hijri": rule_hijri,
    "feast": rule_feast,
    "day_of_month": rule_day_of_month,
    "decade": rule_decade,
    "season": rule_season,
    "year": rule_year,
    "period": rule_period,
    "last_n": rule_last_n,
    "ago": rule_ago,
    "relday": rule_relday,
    "weekday": rule_weekday,
    "bare_year": rule_bare_year,
}
