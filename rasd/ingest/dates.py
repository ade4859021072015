"""Publication dates as pages write them: ISO stamps and Arabic calendar dates.

Readers use this to repair what metadata misses: «الأحد، 22 نيسان 2018»
(Levantine month names), «11 مارس 2018» (Egyptian/Gulf), «٢٢/٤/٢٠١٨»
(Arabic-Indic digits), «2015-07-21 02:51:32». A date outside 1900..tomorrow
is absurd for a news page and is rejected rather than stored.
"""

from __future__ import annotations

import datetime as dt
import re

from rasd.text import normalize_search

# Month names in their search-normalised form (أ→ا, ة→ه, ى→ي), longest first in the regex.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("كانون الثاني", "يناير", "جانفي"),
        ("شباط", "فبراير", "فيفري"),
        ("آذار", "مارس"),
        ("نيسان", "أبريل", "ابريل", "إبريل", "أفريل"),
        ("أيار", "مايو", "ماي"),
        ("حزيران", "يونيو", "يونيه", "جوان"),
        ("تموز", "يوليو", "يوليه", "جويلية"),
        ("آب", "أغسطس", "اغسطس", "أوت"),
        ("أيلول", "سبتمبر"),
        ("تشرين الأول", "أكتوبر", "اكتوبر"),
        ("تشرين الثاني", "نوفمبر"),
        ("كانون الأول", "ديسمبر"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[normalize_search(_name)] = _number

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# «22 نيسان 2018», «22 من نيسان/أبريل 2018» (both calendars are often given together).
_ARABIC_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?({_MONTH_ALT})(?:\s*[/(-]\s*(?:{_MONTH_ALT})\)?)?\s*،?\s*(\d{{4}})(?!\d)"
)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")


def parse_date(text: str) -> dt.date | None:
    """The first date written in `text`, or None: «الأحد، 22 نيسان 2018» → 2018-04-22.

    Dates that do not exist (31 شباط) give None; plausibility is `check_date`'s job.
    """
    norm = normalize_search(text)
    candidates: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    if m := _ARABIC_DATE.search(norm):
        candidates.append((m.start(), int(m[3]), _MONTHS[m[2]], int(m[1])))
    if m := _ISO_DATE.search(norm):
        candidates.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    if m := _DMY_DATE.search(norm):
        candidates.append((m.start(), int(m[3]), int(m[2]), int(m[1])))
    for _, year, month, day in sorted(candidates):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def check_date(value: dt.date, today: dt.date | None = None) -> bool:
    """True when `value` can be a news publication date: 1900-01-01 up to tomorrow."""
    today = today or dt.date.today()
    return dt.date(1900, 1, 1) <= value <= today + dt.timedelta(days=1)
