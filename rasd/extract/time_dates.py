"""Rules for expressions that name a calendar date: «22 نيسان 2018», «1 شوال 1436 هـ».

In: a `Match` of a date rule and the `Scan`. Out: `Found` spans, [] when the
words are no date here («مارس الضغط», «قوى 14 آذار»), or None when they name a
date that cannot exist (31 شباط). A day and month without a year take the
year nearest to publication (the next one in a future clause).
"""

from __future__ import annotations

import datetime as dt

from rasd.extract import time_resolve as tr
from rasd.extract.time_match import (
    DATE_PREPOSITIONS,
    Found,
    Match,
    Scan,
    clause_is_future,
    day_number,
    month_name,
    month_number,
    unresolved,
    with_edge,
    word_before,
)
from rasd.extract.time_resolve import Resolved


def rule_range_days(s: Scan, x: Match) -> list[Found] | None:
    """«بين 1 و5 آب» → 1–5 August of the nearest year; «1-5 آب 2018»."""
    d1, d2 = day_number(s.lex, x["d1"]), day_number(s.lex, x["d2"])
    m2 = month_number(s, x["m2"])
    m1 = month_number(s, x["m1"]) if x.rule == "range_days" and x["m1"] else m2
    if d1 is None or d2 is None or not m1 or not m2:
        return []
    name1 = f"{x['d1']} {month_name(s, x['m1'] or x['m2'])}"
    name2 = f"{x['d2']} {month_name(s, x['m2'])}"
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
        return [Found(*x.span(), unresolved("range"), x.rule)]
    y1 = y2 - 1 if m1 > m2 else y2
    start, end = tr.make_date(y1, m1, d1), tr.make_date(y2, m2, d2)
    if start is None or end is None or start > end:
        return None
    return [Found(*x.span(), Resolved(start, end, "range"), x.rule)]


def rule_range_hijri(s: Scan, x: Match) -> list[Found] | None:
    """«20 و21 شوال» → the two days in the nearest Shawwal."""
    d1, d2 = day_number(s.lex, x["d1"]), day_number(s.lex, x["d2"])
    month = s.lex.hijri_months[x["month"]]  # type: ignore[index]
    if d1 is None or d2 is None or d1 >= d2:
        return []
    if x["year"]:
        end = tr.hijri_date(int(x["year"]), month, d2)
        start = tr.hijri_date(int(x["year"]), month, d1)
    elif s.published is None:
        return [Found(*x.span(), unresolved("range"), x.rule)]
    else:
        last = tr.pick(tr.hijri_options(s.published, month, d2), s.published, None)
        end = last.start if last else None
        start = end - dt.timedelta(days=d2 - d1) if end else None
    if start is None or end is None:
        return None
    return [Found(*x.span(), Resolved(start, end, "range"), x.rule)]


def rule_range_years(s: Scan, x: Match) -> list[Found] | None:
    """«بين عامي 2011 و2013» → 2011-01-01..2013-12-31."""
    y1, y2 = int(x["y1"]), int(x["y2"])  # type: ignore[arg-type]
    first, last = tr.year_of(y1), tr.year_of(y2)
    if first is None or last is None or y1 >= y2:
        return None
    return [Found(*x.span(), Resolved(first.start, last.end, "range"), x.rule)]


def rule_numeric(s: Scan, x: Match) -> list[Found] | None:
    """«22/4/2018», «2018-04-22», «28/5/1432» (Hijri) → that day."""
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
    """«22 نيسان 2018», «السابع من يونيو (حزيران) الماضي», «مطلع آذار» → day, month or part."""
    month = s.lex.months[x["month"]]  # type: ignore[index]
    day = day_number(s.lex, x["day"])
    qual = s.lex.qualifiers.get(x["qual"]) if x["qual"] else None
    context = x["day"] or x["shahr"] or x["year"] or x["yqual"] or qual is not None
    before = word_before(s.text, x.span()[0])
    if not (context or x["dual"] or x["edge"]) and before not in DATE_PREPOSITIONS:
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
        return [Found(*x.span(), unresolved("day" if day else "month"), x.rule)]
    elif x["yqual"]:
        year = s.published.year + s.lex.qualifiers[x["yqual"]]  # type: ignore[index]
        found = tr.day(tr.make_date(year, month, day)) if day else tr.month_of(year, month)
        found = found if found and found.start else None
    else:
        options = tr.gregorian_options(s.published, month, day)
        if qual is None and day is not None and clause_is_future(s, x):
            qual = 1 if month != s.published.month or day > s.published.day else 0
        found = tr.pick(options, s.published, qual)
    if found is None:
        return None  # 31 شباط
    return [Found(*x.span(), with_edge(s, x, found), x.rule)]


def rule_hijri(s: Scan, x: Match) -> list[Found] | None:
    """«1 شوال 1436 هـ», «نهاية شهر رمضان الماضي» → day, month or part (Umm al-Qura)."""
    context = x["day"] or x["shahr"] or x["year"] or x["qual"] or x["edge"]
    if not context and word_before(s.text, x.span()[0]) not in DATE_PREPOSITIONS:
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
        return [Found(*x.span(), unresolved("day" if day else "month"), x.rule)]
    else:
        found = tr.pick(tr.hijri_options(s.published, month, day), s.published, qual)  # type: ignore[assignment]
    if found is None:
        return None
    return [Found(*x.span(), with_edge(s, x, found), x.rule)]


def rule_feast(s: Scan, x: Match) -> list[Found] | None:
    """«أول أيام عيد الفطر» → 1 Shawwal of the nearest Hijri year; «عشية عيد الأضحى» the day before."""
    if s.published is None:
        return [Found(*x.span(), unresolved("day"), x.rule)]
    month, day = s.lex.feasts[x["feast"]]  # type: ignore[index]
    first = tr.nearest_hijri(s.published, month, day)
    if first is None:
        return []
    nth = ("اول", "ثاني", "ثالث", "رابع").index(x["nth"]) if x["nth"] else 0
    if x["eve"]:
        nth = -1
    return [Found(*x.span(), tr.day(first + dt.timedelta(days=nth)), x.rule)]


def rule_decade(s: Scan, x: Match) -> list[Found] | None:
    """«ستينات القرن العشرين» → 1960-01-01..1969-12-31."""
    decade = s.lex.decades[x["decade"]]  # type: ignore[index]
    century = s.lex.centuries.get(x["century"], 1900) if x["century"] else 1900
    if century < 0:  # «القرن الماضي»: the century before the publication's
        if s.published is None:
            return [Found(*x.span(), unresolved("range"), x.rule)]
        century = (s.published.year // 100) * 100 + century
    first, last = tr.year_of(century + decade), tr.year_of(century + decade + 9)
    if first is None or last is None:
        return []
    return [Found(*x.span(), Resolved(first.start, last.end, "range"), x.rule)]


def rule_season(s: Scan, x: Match) -> list[Found] | None:
    """«صيف 2012» → 2012-06-01..2012-08-31; «الصيف الماضي»."""
    first, last = s.lex.seasons[x["season"].removeprefix("ال")]  # type: ignore[union-attr]
    if x["year"]:
        year = int(x["year"])
    elif s.published is None:
        return [Found(*x.span(), unresolved("range"), x.rule)]
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
    """«عام 2014», «مطلع 2016», «عام 1436 هـ» → the year or its part."""
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
    return [Found(*x.span(), with_edge(s, x, whole), x.rule)]


def rule_bare_year(s: Scan, x: Match) -> list[Found] | None:
    """«منذ 2011», «2016م», «1437هـ» → the year (a bare number needs a preposition)."""
    if x["hyear"]:  # «1437هـ»
        first, after = (
            tr.hijri_date(int(x["hyear"]), 1, 1),
            tr.hijri_date(int(x["hyear"]) + 1, 1, 1),
        )
        if first is None or after is None:
            return None
        return [Found(*x.span(), Resolved(first, after - dt.timedelta(days=1), "year"), x.rule)]
    if not x["era"] and word_before(s.text, x.span()[0]) not in DATE_PREPOSITIONS:
        return []  # a number that only looks like a year: «2015 شخصا»
    whole = tr.year_of(int(x["year"]))  # type: ignore[arg-type]
    return [Found(*x.span(), whole, x.rule)] if whole else None
