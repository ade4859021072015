"""Rules for expressions relative to the publication date: «أمس», «يوم الجمعة», «منذ عشرة أيام».

In: a `Match` of a relative rule and the `Scan`. Out: `Found` spans resolved
against the publication date (dates None without one, never a guess), [] when
the words are no time here («اليوم التالي», «منذ سنوات»). A bare weekday looks
back in a past clause and ahead in a future one; the week runs Saturday–Friday.
"""

from __future__ import annotations

import datetime as dt

from rasd.extract import time_resolve as tr
from rasd.extract.time_match import (
    QUOTES,
    Found,
    Match,
    Scan,
    clause_is_future,
    day_number,
    number,
    unresolved,
    with_edge,
    word_after,
    word_before,
)
from rasd.extract.time_resolve import Resolved


def rule_range_weekdays(s: Scan, x: Match) -> list[Found] | None:
    """«من الاثنين حتى الخميس» → Monday..Thursday, in the direction of the clause."""
    w1, w2 = s.lex.weekdays[x["w1"]], s.lex.weekdays[x["w2"]]  # type: ignore[index]
    return [Found(*x.span(), _weekdays(s, x, [w1, w2]), x.rule)]


def rule_day_of_month(s: Scan, x: Match) -> list[Found] | None:
    """«في الخامس عشر من الشهر الجاري» → the 15th of the publication month."""
    day = day_number(s.lex, x["day"])
    if day is None or not (x["shahr"] or x["day"].isdigit()):  # type: ignore[union-attr]
        # «المركز الرابع الأخير», «الساعات الـ24 الماضية»: without «الشهر» only a bare number
        return []
    if s.published is None:
        return [Found(*x.span(), unresolved("day"), x.rule)]
    month = tr.period(s.published, "month", s.lex.qualifiers[x["qual"]])  # type: ignore[index]
    if month is None:
        return None
    date = tr.make_date(month.start.year, month.start.month, day)  # type: ignore[union-attr]
    return [Found(*x.span(), tr.day(date), x.rule)] if date else None


def rule_period(s: Scan, x: Match) -> list[Found] | None:
    """«الأسبوع الجاري» → the Saturday–Friday week; «الشهر الماضي», «نهاية العام الحالي»."""
    if not (x["this"] or x["qual"]):
        # «العام» alone, and «نهاية الأسبوع», «بداية العام الدراسي»: often a habit
        # or another calendar, so an edge alone does not make a date
        return []
    unit = s.lex.period_units[x["unit"]]  # type: ignore[index]
    direction = s.lex.qualifiers[x["qual"]] if x["qual"] else 0
    start, end = x.span()
    if x["year"]:
        # the number is part of the expression only when it is that year
        # («العام الماضي 2014», «العام القادم 1437هـ»), not a quantity
        # («من العام الجاري 29 مليون») nor another year
        year = int(x["year"])
        hijri = x["era"] == "ه" or year < 1500
        current = None
        if s.published is not None:
            current = tr.hijri_year_of(s.published) if hijri else s.published.year
        if unit != "year" or current is None or year != current + direction:
            end = x.span("qual")[1] if x["qual"] else x.span("unit")[1]
        elif hijri:
            return _hijri_year(s, x, start, end, year)
    if s.published is None:
        return [Found(start, end, unresolved(unit), x.rule)]
    if x["cal"] == "الهجري" and unit == "year":  # «العام الهجري الجاري»
        year = tr.hijri_year_of(s.published)
        return _hijri_year(s, x, start, end, year + direction) if year else None
    whole = tr.period(s.published, unit, direction)
    return [Found(start, end, with_edge(s, x, whole), x.rule)] if whole else None


def _hijri_year(s: Scan, x: Match, start: int, end: int, year: int) -> list[Found] | None:
    first, after = tr.hijri_date(year, 1, 1), tr.hijri_date(year + 1, 1, 1)
    if first is None or after is None:
        return None
    whole = Resolved(first, after - dt.timedelta(days=1), "year")
    return [Found(start, end, with_edge(s, x, whole), x.rule)]


def rule_last_n(s: Scan, x: Match) -> list[Found] | None:
    """«اليومين الماضيين» → the two days before publication; «الأيام الثلاثة المقبلة»."""
    unit, count = s.lex.count_units.get(x["unit"].removeprefix("ال"), (None, None))  # type: ignore[union-attr]
    n = number(s.lex, x["num"]) if x["num"] else count
    direction = s.lex.qualifiers[x["qual"]]  # type: ignore[index]
    if unit is None or not n or n == 1 or direction == 0:
        return []  # «الأيام الماضية»: vague
    if s.published is None:
        return [Found(*x.span(), unresolved("range"), x.rule)]
    one = dt.timedelta(days=1)
    if direction < 0:
        span = Resolved(tr.shift(s.published, unit, -n), s.published - one, "range")
    else:
        span = Resolved(s.published + one, tr.shift(s.published, unit, n), "range")
    return [Found(*x.span(), span, x.rule)]


def rule_ago(s: Scan, x: Match) -> list[Found] | None:
    """«منذ عشرة أيام» → published − 10 days; «بعد أسبوعين» in a future clause."""
    unit, count = s.lex.count_units[x["unit"]]  # type: ignore[index]
    n = number(s.lex, x["num"]) if x["num"] else count
    if not n or unit is None:
        return []  # «منذ أيام», «قبل سنوات»: vague
    direction = x["dir"]
    if direction != "منذ" and word_after(s.text, x.span()[1]) in ("من", "علي"):
        return []  # «قبل يومين من الانتخابات»: relative to another event
    if direction in ("بعد", "خلال", "في غضون") and not clause_is_future(s, x):
        return []  # «بعد يوم من القصف», «خلال ثلاثة أيام» of fighting: durations
    if s.published is None:
        return [Found(*x.span(), unresolved("day"), x.rule)]
    if direction in ("منذ", "قبل"):
        return [Found(*x.span(), tr.day(tr.shift(s.published, unit, -n)), x.rule)]
    target = tr.shift(s.published, unit, n)
    if direction == "بعد":
        return [Found(*x.span(), tr.day(target), x.rule)]
    return [Found(*x.span(), Resolved(s.published, target, "range"), x.rule)]


def rule_relday(s: Scan, x: Match) -> list[Found] | None:
    """«أمس», «فجر اليوم», «أول من أمس», «اليوم (الخميس)» → that day (the weekday wins)."""
    rel = x["rel"]
    start, end = x.span()
    wd_span = x.span("wd") if x["wd"] else None
    rel_end = x.span("rel")[1]
    if rel == "اليوم" and not x["wd"]:
        before, after = word_before(s.text, start), word_after(s.text, rel_end)
        if after in s.lex.today_not_after or before in s.lex.today_not_before:
            return []
        rel_start = x.span("rel")[0]
        before_rel, after_rel = s.text[rel_start - 1 : rel_start], s.text[rel_end : rel_end + 1]
        if before_rel and after_rel and before_rel in QUOTES and after_rel in QUOTES:
            return []  # «اليوم», the newspaper
    if rel in ("الغد", "غد") and not x["part"]:
        return []  # «حزب الغد»: a name unless a part of the day says tomorrow
    offset = s.lex.relative_days[rel]  # type: ignore[index]
    if s.published is None:
        resolved = unresolved("day")
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
    """«يوم الجمعة» → the last Friday in a past clause, the next in a future one."""
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
        return unresolved(granularity)
    if x.rule == "weekday" and x["wqual"]:
        week = tr.week_of(s.published + dt.timedelta(weeks=s.lex.qualifiers[x["wqual"]]))
        dates = [week.start + dt.timedelta(days=(d - tr.SATURDAY) % 7) for d in days]  # type: ignore[operator]
        return Resolved(min(dates), max(dates), granularity)
    qual = s.lex.qualifiers.get(x["qual"]) or None if x["qual"] else None  # «الجاري»: by tense
    future = qual > 0 if qual is not None else clause_is_future(s, x)
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
