"""Calendar arithmetic for the times stage: from parsed parts to [start, end] dates.

In: numbers already read from a temporal expression (day, month, year,
weekday, offsets, qualifiers) and the publication date. Out: `Resolved`
(start, end, granularity) or None when the date cannot exist (31 شباط, an
absurd year): impossible dates are rejected, never wrapped into the next month.

The week is the Arab calendar week, Saturday to Friday; Hijri dates use the
Umm al-Qura calendar of `hijridate`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from hijridate import Gregorian, Hijri

MIN_YEAR, MAX_YEAR = 1800, 2100  # explicit years outside are not dates of news events
SATURDAY = 5


class Resolved(NamedTuple):
    start: dt.date | None
    end: dt.date | None
    granularity: str


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date if it exists and the year is plausible: make_date(2018, 2, 31) is None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day(d: dt.date | None) -> Resolved:
    return Resolved(d, d, "day")


def week_of(d: dt.date) -> Resolved:
    """The Saturday–Friday week containing d: week_of(2018-03-11) = 2018-03-10..2018-03-16."""
    start = d - dt.timedelta(days=(d.weekday() - SATURDAY) % 7)
    return Resolved(start, start + dt.timedelta(days=6), "week")


def month_of(year: int, month: int) -> Resolved | None:
    first = make_date(year, month, 1)
    if first is None:
        return None
    last = first.replace(day=calendar.monthrange(year, month)[1])
    return Resolved(first, last, "month")


def year_of(year: int) -> Resolved | None:
    first = make_date(year, 1, 1)
    return Resolved(first, dt.date(year, 12, 31), "year") if first else None


def add_months(d: dt.date, months: int) -> dt.date:
    """d moved by whole months, the day clamped to the month's length (31 May − 1 → 30 April)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return d.replace(
        year=year, month=month + 1, day=min(d.day, calendar.monthrange(year, month + 1)[1])
    )


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """d moved by n units (day, week, month, year)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    return add_months(d, n * (12 if unit == "year" else 1))


def period(published: dt.date, unit: str, direction: int) -> Resolved | None:
    """This (0), last (-1) or next (1) week, month or year around the publication date."""
    if unit == "week":
        return week_of(published + dt.timedelta(weeks=direction))
    if unit == "month":
        d = add_months(published.replace(day=1), direction)
        return month_of(d.year, d.month)
    return year_of(published.year + direction)


def plausible(published: dt.date | None) -> dt.date | None:
    """The publication date if calendar arithmetic around it stays in range, else None."""
    return published if published and MIN_YEAR < published.year < MAX_YEAR else None


def nearest_day_month(published: dt.date, month: int, day_: int) -> dt.date | None:
    """The day-month in the year that puts it nearest to published (ties go to the past)."""
    options = [
        d
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := make_date(y, month, day_)) is not None
    ]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - published).days), d > published))


def month_year(published: dt.date, month: int, direction: int | None) -> int:
    """The year of a month named without one: last (-1), next (1), current (0), or nearest (None).

    «آب الماضي» in July 2015 is August 2014; «حزيران» alone in July 2015 is June 2015.
    """
    if direction == -1:
        return published.year if month < published.month else published.year - 1
    if direction == 1:
        return published.year if month > published.month else published.year + 1
    if direction == 0:
        return published.year
    best = min(
        (published.year - 1, published.year, published.year + 1),
        key=lambda y: (abs((y * 12 + month) - (published.year * 12 + published.month)), y),
    )
    return best


def weekday_near(published: dt.date, weekday: int, direction: int, same_day: bool) -> dt.date:
    """The weekday before (direction -1) or after (1) published; same_day allows published itself.

    weekday_near(2018-03-11, Friday, -1, True) = 2018-03-09.
    """
    if direction < 0:
        back = (published.weekday() - weekday) % 7
        if back == 0 and not same_day:
            back = 7
        return published - dt.timedelta(days=back)
    ahead = (weekday - published.weekday()) % 7
    if ahead == 0 and not same_day:
        ahead = 7
    return published + dt.timedelta(days=ahead)


def edge_of(
    whole: Resolved, edge: str, month_days: tuple[int, int], year_months: tuple[int, int]
) -> Resolved:
    """Start, middle or end of a month or year (Gregorian or Hijri); a week keeps its span.

    «مطلع الشهر الماضي» in March 2018 → 2018-02-01..2018-02-10.
    """
    s, e = whole.start, whole.end
    if s is None or e is None or whole.granularity not in ("month", "year"):
        return whole
    if whole.granularity == "month":
        # counted from the month's first day, so a Hijri month works the same way
        first = s + dt.timedelta(days=month_days[0] - 1)
        return Resolved(first, min(e, s + dt.timedelta(days=month_days[1] - 1)), "range")
    first_month, last_month = year_months
    if (s.month, s.day) == (1, 1):
        end = dt.date(s.year, last_month, calendar.monthrange(s.year, last_month)[1])
        return Resolved(s.replace(month=first_month), end, "range")
    length = (e - s).days + 1  # a Hijri year: the same share of its days
    first = s + dt.timedelta(days=length * (first_month - 1) // 12)
    return Resolved(first, s + dt.timedelta(days=length * last_month // 12 - 1), "range")


def hijri_date(year: int, month: int, day_: int) -> dt.date | None:
    """Umm al-Qura conversion: hijri_date(1436, 10, 1) = 2015-07-17; None if impossible."""
    try:
        g = Hijri(year, month, day_).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def hijri_month(year: int, month: int) -> Resolved | None:
    first = hijri_date(year, month, 1)
    if first is None:
        return None
    length = Hijri(year, month, 1).month_length()
    return Resolved(first, first + dt.timedelta(days=length - 1), "month")


def hijri_year_of(published: dt.date) -> int | None:
    try:
        return Gregorian(published.year, published.month, published.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def pick(options: list[Resolved], published: dt.date, direction: int | None) -> Resolved | None:
    """Of the same day or month in neighbouring years, the one a qualifier points to.

    direction None: nearest to published; -1 the last one over before it, -2 the
    one before that; 1 the first one after it, 2 the one after that; 0 the one
    containing (or nearest to) it.
    """
    options = sorted(o for o in options if o.start and o.end)  # type: ignore[type-var]
    if not options:
        return None
    if direction is None or direction == 0:
        return min(options, key=lambda o: (_distance(o, published), o.start > published))  # type: ignore[operator]
    if direction < 0:
        before = [o for o in options if o.end < published]  # type: ignore[operator]
        return before[direction] if len(before) >= -direction else None
    after = [o for o in options if o.start > published]  # type: ignore[operator]
    return after[direction - 1] if len(after) >= direction else None


def _distance(o: Resolved, published: dt.date) -> int:
    if o.start <= published <= o.end:  # type: ignore[operator]
        return 0
    return min(abs((o.start - published).days), abs((o.end - published).days))  # type: ignore[operator]


def hijri_options(published: dt.date, month: int, day_: int | None) -> list[Resolved]:
    """The Hijri day (or whole month) in the Hijri years around published."""
    year = hijri_year_of(published)
    if year is None:
        return []
    out = []
    for y in range(year - 2, year + 3):
        if day_ is None:
            whole = hijri_month(y, month)
            if whole:
                out.append(whole)
        elif (d := hijri_date(y, month, day_)) is not None:
            out.append(Resolved(d, d, "day"))
    return out


def gregorian_options(published: dt.date, month: int, day_: int | None) -> list[Resolved]:
    """The day (or whole month) in the years around published."""
    out = []
    for y in range(published.year - 2, published.year + 3):
        if day_ is None:
            whole = month_of(y, month)
            if whole:
                out.append(whole)
        elif (d := make_date(y, month, day_)) is not None:
            out.append(Resolved(d, d, "day"))
    return out


def nearest_hijri(published: dt.date, month: int, day_: int) -> dt.date | None:
    """The Hijri day-month nearest to published: «عيد الفطر» in July 2015 → 2015-07-17."""
    year = hijri_year_of(published)
    if year is None:
        return None
    options = [d for y in (year - 1, year, year + 1) if (d := hijri_date(y, month, day_))]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - published).days), d > published))
