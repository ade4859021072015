"""Property tests of the times stage: any text, real sentences, any publication date."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.time_lexicon import fold
from rasd.extract.times import find_publication_date, find_times
from tests.conftest import SEED_PATH, SHARED

GOLD_TEXTS = [
    json.loads(line)["text"]
    for path in sorted((SHARED / "gold-dev").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
SENTENCES = [
    s.strip()
    for text in [SEED_PATH.read_text(encoding="utf-8"), *GOLD_TEXTS]
    for s in text.replace("\n", ".").split(".")
    if len(s.strip()) > 10
]
# Pieces that make the grammar work hard: calendar words, digits, marks, bidi controls.
PIECES = [
    "أمس",
    "أول من أمس",
    "يوم الجمعة",
    "القادمين",
    "الماضي",
    "منذ",
    "عشرة",
    "أيام",
    "الأسبوع",
    "الجاري",
    "31",
    "شباط",
    "2018",
    "/",
    "-",
    "١٢",
    "هـ",
    "رمضان",
    "عيد الفطر",
    "بين",
    "و",
    "حتى",
    "مطلع",
    "الشهر",
    "ً",
    "ـ",
    "\u200c",
    "\u200f",
    "\u202b",
    "(",
    ")",
    "الخامس عشر من",
    "صيف",
    "ستينات",
    "القرن",
    "اليوم",
    "الاثنين-الثلاثاء",
    " ",
    "\n",
    "سيتم",
    "1-5",
    "20 و21",
    "آب",
    "الموافق",
    "شوال",
    "عام",
    "الأسبوع ما بعد المقبل",
    "للعام",
    "أن",
]
published_dates = st.one_of(st.none(), st.dates())  # any date, year 1 to 9999


def _check(text: str, published: dt.date | None) -> None:
    for t in find_times(text, published):
        assert text[t.start : t.end] == t.text
        assert 0 <= t.start < t.end <= len(text)
        assert t.granularity in ("day", "week", "month", "year", "range")
        assert (t.start_date is None) == (t.end_date is None)
        if t.start_date is not None:
            assert t.start_date <= t.end_date


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=300), published_dates)
def test_any_text_never_raises_and_slices_back(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join), published_dates)
def test_calendar_word_salad_never_raises(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(". ".join), published_dates)
def test_real_sentences_never_raise(text: str, published: dt.date | None) -> None:
    _check(text, published)
    find_publication_date(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 60), st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)))
def test_n_days_ago_is_published_minus_n(n: int, published: dt.date) -> None:
    digits = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    for number in (str(n), digits):
        [t] = find_times(f"انشقت عائلات عن التنظيم منذ {number} يوماً", published)
        assert t.start_date == t.end_date == published - dt.timedelta(days=n)


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)))
def test_current_week_is_saturday_to_friday_around_published(published: dt.date) -> None:
    [t] = find_times("غادروا الحي الأسبوع الجاري", published)
    assert t.start_date.weekday() == 5 and (t.end_date - t.start_date).days == 6
    assert t.start_date <= published <= t.end_date


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 40), st.integers(1, 12), st.integers(1990, 2060))
def test_explicit_dates_exist_or_are_rejected(day: int, month: int, year: int) -> None:
    try:
        expected = dt.date(year, month, day)
    except ValueError:
        expected = None
    found = find_times(f"وقع الهجوم في {day}/{month}/{year} قرب المدينة", None)
    if expected is None:
        assert found == []  # rejected, never wrapped into the next month
    else:
        assert [(t.start_date, t.end_date) for t in found] == [(expected, expected)]


@given(st.text(max_size=200))
def test_fold_offsets_point_into_the_text(text: str) -> None:
    folded, offsets = fold(text)
    if offsets is None:
        assert len(folded) == len(text)
    else:
        assert len(offsets) == len(folded) + 1
        assert offsets == sorted(offsets) and offsets[-1] == len(text)
        assert all(0 <= o <= len(text) for o in offsets)


# Expressions whose dates do not depend on the clause around them.
CONTEXT_FREE = [
    "أمس",
    "أول من أمس",
    "فجر اليوم",
    "مساء أمس",
    "بعد غد",
    "منذ عشرة أيام",
    "قبل يومين",
    "منذ ٣ أسابيع",
    "الأسبوع الجاري",
    "الشهر الماضي",
    "العام المقبل",
    "مطلع الشهر الماضي",
    "22 نيسان 2018",
    "1 شوال 1436 هـ",
    "22/4/2018",
    "بين 1 و5 آب 2016",
    "صيف 2012",
    "ستينات القرن العشرين",
    "الجمعة الماضي",
    "يومي الثلاثاء والأربعاء القادمين",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CONTEXT_FREE),
    st.dates(dt.date(1950, 1, 1), dt.date(2070, 12, 31)),
    st.sampled_from(["", "وقال المصدر ", "«", "\n"]),
    st.sampled_from(["", " في المدينة.", "»", "،"]),
)
def test_an_expression_means_the_same_alone_or_in_a_sentence(
    phrase: str, published: dt.date, before: str, after: str
) -> None:
    alone = [(t.text, t.start_date, t.end_date) for t in find_times(phrase, published)]
    inside = [
        (t.text, t.start_date, t.end_date) for t in find_times(before + phrase + after, published)
    ]
    assert alone == inside
    assert [t for t, _, _ in alone] == [phrase]
