"""Unit tests of the times stage on real Arabic: the seed, every rule, the rejections."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.doc import Doc
from rasd.eval.gold import read_gold, score_gold
from rasd.extract import times
from rasd.extract.times import find_publication_date
from rasd.pipeline import TEXT, Pipeline
from tests.conftest import SHARED

D = dt.date.fromisoformat
SEED_PUBLISHED = D("2018-03-11")  # a Sunday


@pytest.fixture(scope="module")
def run() -> Pipeline:
    return Pipeline([TEXT, times.stage()])


def resolve(run: Pipeline, text: str, published: dt.date | None = SEED_PUBLISHED):
    doc = run(Doc(text=text, published=published))
    for t in doc.times:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.start_date, t.end_date, t.granularity) for t in doc.times}


def day(iso: str) -> tuple[dt.date, dt.date, str]:
    return (D(iso), D(iso), "day")


def test_seed_expectations_of_the_issue(run: Pipeline, seed_raw: str) -> None:
    found = resolve(run, seed_raw)
    assert found["أمس"] == day("2018-03-10")
    assert found["أول من أمس"] == day("2018-03-09")
    assert found["يوم الجمعة"] == day("2018-03-09")
    assert found["يومي الثلاثاء والأربعاء القادمين"] == (D("2018-03-13"), D("2018-03-14"), "range")
    assert found["منذ عشرة أيام"] == day("2018-03-01")
    # the Saturday–Friday week containing Sunday 2018-03-11
    assert found["الأسبوع الجاري"] == (D("2018-03-10"), D("2018-03-16"), "week")
    assert len(found) == 6  # nothing else in the seed is a time («منذ مدة», «حالياً» are vague)


def test_seed_without_publication_date_is_unresolved(run: Pipeline, seed_raw: str) -> None:
    doc = run(Doc(text=seed_raw))
    assert len(doc.times) == 7
    assert all(t.start_date is None and t.end_date is None for t in doc.times)
    assert find_publication_date(seed_raw) is None


def test_dateline_gives_the_publication_date(run: Pipeline) -> None:
    text = "دمشق - 22 نيسان 2018\nقالت مصادر أمس إن الطريق أغلق."
    assert find_publication_date(text) == D("2018-04-22")
    assert resolve(run, text, None)["أمس"] == day("2018-04-21")
    assert find_publication_date("الأحد 22/4/2018 - قالت مصادر أمس إن الطريق أغلق") == D(
        "2018-04-22"
    )
    # a full date inside the story's first sentence is no dateline
    story = "قالت مصادر محلية إن الاشتباكات التي اندلعت في المنطقة الشرقية في 22 نيسان 2011 أدت"
    assert find_publication_date(story) is None
    story = (
        "ولد محمد متولي الشعراوي في 15 أبريل عام 1911م بقرية دقادوس مركز ميت غمر بمحافظة الدقهلية"
    )
    assert find_publication_date(story) is None
    text = "دمشق - الوطن - 22 نيسان 2018 - قالت مصادر إعلامية معارضة أمس إن عدداً من المسلحين انشقوا"
    assert find_publication_date(text) == D("2018-04-22")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الهجوم في 22 نيسان 2018 قرب دوما", day("2018-04-22")),
        ("وقع الهجوم في 22 أبريل 2018 قرب دوما", day("2018-04-22")),
        ("وقع الهجوم في 22 أفريل 2018 قرب دوما", day("2018-04-22")),
        ("انطلقت الاحتجاجات في 15 جويلية 2015", day("2015-07-15")),
        ("عاد في 3 أوت 2015 إلى تونس", day("2015-08-03")),
        ("أعلن في الأول من كانون الثاني 2016", day("2016-01-01")),
        ("عقدت الجلسة في 22/4/2018 بحضور الوفد", day("2018-04-22")),
        ("عقدت الجلسة بتاريخ 2018-04-22 بحضور الوفد", day("2018-04-22")),
        ("عقدت الجلسة في ٢٢/٤/٢٠١٨ بحضور الوفد", day("2018-04-22")),
        ("وذلك في 1 شوال 1436 هـ", day("2015-07-17")),
        ("بلغ عدد الزوار الموافق 10/4 / 1436هـ", day("2015-01-30")),
        ("حتى استشهد يوم 2015/7/19م في جبهة العند", day("2015-07-19")),
        ("جرت الانتخابات في السابع من يونيو (حزيران) الماضي", day("2018-06-07")),
    ],
)
def test_calendar_dates_in_every_regional_set(run: Pipeline, text: str, expected) -> None:
    found = resolve(run, text, D("2018-07-31") if "يونيو" in text else SEED_PUBLISHED)
    assert list(found.values()) == [expected]


def test_months_without_day_or_year(run: Pipeline) -> None:
    found = resolve(run, "رفعت درجة التأهب في أغسطس آب الماضي", D("2015-07-27"))
    assert found == {"أغسطس آب الماضي": (D("2014-08-01"), D("2014-08-31"), "month")}
    found = resolve(run, "وتوقف القتال في شهر آذار", D("2018-05-02"))
    assert found == {"شهر آذار": (D("2018-03-01"), D("2018-03-31"), "month")}
    # a day and month without a year take the year nearest to publication
    assert resolve(run, "وصل في 28 كانون الأول", D("2018-01-03")) == {
        "28 كانون الأول": day("2017-12-28")
    }


def test_impossible_and_absurd_dates_are_rejected(run: Pipeline) -> None:
    assert resolve(run, "قالت إنه سيصل في 31 شباط 2018 إلى دمشق") == {}
    assert resolve(run, "عقدت الجلسة في 30/2/2018 بحضور الوفد") == {}
    assert resolve(run, "يعود ذلك إلى عام 3015 كما قال") == {}
    assert resolve(run, "وذلك في 31 رمضان 1436 هـ") == {}  # a Hijri month has at most 30


def test_feast_and_hijri_month(run: Pipeline) -> None:
    found = resolve(run, "تتعرض لقصف شديد منذ أول أيام عيد الفطر", D("2015-07-22"))
    assert found == {"أول أيام عيد الفطر": day("2015-07-17")}
    found = resolve(run, "عاد المسافرون عشية عيد الأضحى", D("2015-09-20"))
    assert found == {"عشية عيد الأضحى": day("2015-09-22")}
    found = resolve(run, "وصلوا خلال شهر رمضان", D("2015-07-22"))
    assert found["شهر رمضان"] == (D("2015-06-18"), D("2015-07-16"), "month")
    found = resolve(run, "وقد كنت في رمضان استمع إلى أحد النخب", D("2015-07-22"))
    assert found == {"رمضان": (D("2015-06-18"), D("2015-07-16"), "month")}
    assert resolve(run, "قال رجب طيب أردوغان", D("2015-07-22")) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل ثلاثة أشخاص قبل يومين", day("2018-03-09")),
        ("انشقوا منذ ٣ أيام", day("2018-03-08")),
        ("بدأ الحصار منذ ثلاثة أسابيع", day("2018-02-18")),
        ("بدأت المعركة منذ حوالى شهر", day("2018-02-11")),
        ("غادروا قبل 11 يوما", day("2018-02-28")),
        ("قتل العشرات خلال الأسبوعين الماضيين", (D("2018-02-25"), D("2018-03-10"), "range")),
        ("شيع الحزب خلال اليومين الماضيين قاصرا", (D("2018-03-09"), D("2018-03-10"), "range")),
        ("قاد الصندوق خلال الشهور الـ 12 الماضية", (D("2017-03-11"), D("2018-03-10"), "range")),
        ("ارتفعت الأسعار الشهر الماضي", (D("2018-02-01"), D("2018-02-28"), "month")),
        ("تجري الانتخابات العام المقبل", (D("2019-01-01"), D("2019-12-31"), "year")),
        ("يصل الوفد الأسبوع المقبل", (D("2018-03-17"), D("2018-03-23"), "week")),
        ("بدأ القصف مطلع الشهر الماضي", (D("2018-02-01"), D("2018-02-10"), "range")),
        ("تراجع الإنتاج أواخر العام الماضي", (D("2017-10-01"), D("2017-12-31"), "range")),
        ("يعقد المؤتمر في الخامس عشر من الشهر الجاري", day("2018-03-15")),
        ("بدأت المعارك في حلب في صيف 2012", (D("2012-06-01"), D("2012-08-31"), "range")),
        ("انتهت بعيدة عن دمشق ستينات القرن العشرين", (D("1960-01-01"), D("1969-12-31"), "range")),
        ("يستمر الإضراب بين 1 و5 آب", (D("2018-08-01"), D("2018-08-05"), "range")),
        ("يستمر الإضراب 1-5 آب", (D("2018-08-01"), D("2018-08-05"), "range")),
        ("وقعت المعارك بين 28 شباط و3 آذار", (D("2018-02-28"), D("2018-03-03"), "range")),
        ("وذلك بين عامي 2011 و2013", (D("2011-01-01"), D("2013-12-31"), "range")),
    ],
)
def test_relative_periods_and_ranges(run: Pipeline, text: str, expected) -> None:
    assert list(resolve(run, text).values()) == [expected]


def test_day_words_and_parts_of_day(run: Pipeline) -> None:
    found = resolve(run, "شنت الطائرات غارات فجر اليوم ثم مساء أمس، ويعود الوفد بعد غد")
    assert found == {
        "فجر اليوم": day("2018-03-11"),
        "مساء أمس": day("2018-03-10"),
        "بعد غد": day("2018-03-13"),
    }
    assert resolve(run, "بما أعلنه معهد البترول الليلة الماضية") == {
        "الليلة الماضية": day("2018-03-10")
    }
    found = resolve(run, "وقصفت المدينة ليل الاثنين-الثلاثاء")
    assert found == {"ليل الاثنين-الثلاثاء": (D("2018-03-05"), D("2018-03-06"), "range")}


def test_expressions_at_the_very_start_and_end_of_a_text(run: Pipeline) -> None:
    assert resolve(run, "فجر اليوم") == {"فجر اليوم": day("2018-03-11")}
    assert resolve(run, "ستينات القرن العشرين") == {
        "ستينات القرن العشرين": (D("1960-01-01"), D("1969-12-31"), "range")
    }
    assert resolve(run, "أمس") == {"أمس": day("2018-03-10")}


def test_article_on_a_day_and_tomorrow_with_a_weekday(run: Pipeline) -> None:
    found = resolve(run, "لمواجهة النصر في ال12 من شهر أغسطس الحالي", D("2015-08-04"))
    assert list(found.values()) == [day("2015-08-12")]
    found = resolve(run, "أن يواجه الهلال نظيره مساء غدٍ (الأربعاء)، في رابع", D("2015-08-04"))
    assert found == {"مساء غدٍ": day("2015-08-05"), "الأربعاء": day("2015-08-05")}


def test_today_with_a_weekday_takes_the_weekday(run: Pipeline) -> None:
    # a wire story of Monday published on Friday 2015-07-31
    found = resolve(run, "قال رئيس الوزراء اليوم الاثنين إن أنقرة", D("2015-07-31"))
    assert found == {"اليوم": day("2015-07-27"), "الاثنين": day("2015-07-27")}
    found = resolve(run, "في هجوم جنوب شرقي البلاد اليوم (الخميس).", D("2015-07-31"))
    assert found == {"اليوم": day("2015-07-30"), "الخميس": day("2015-07-30")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد الاجتماع يوم الأحد في جنيف", "2018-03-11"),  # past, same weekday: the same day
        ("سيعقد الاجتماع يوم الأحد في جنيف", "2018-03-18"),
        ("وصل الوفد الثلاثاء إلى جنيف", "2018-03-06"),
        ("من المقرر أن يصل الوفد الثلاثاء إلى جنيف", "2018-03-13"),
        ("سوف يصل الوفد يوم الخميس", "2018-03-15"),
        ("ويفترض أن يتجمع آلاف الأشخاص بعد ظهر الأحد في اسطنبول", "2018-03-18"),
        ("وصل الوفد يوم الجمعة الماضي", "2018-03-09"),
        ("يصل الوفد يوم الجمعة المقبل", "2018-03-16"),
        ("يواجه الهلال نظيره الأهلي الأحد في الرياض", "2018-03-18"),
        ("تجري الانتخابات البلدية الخميس", "2018-03-15"),
        ("وتواجه القوات مقاومة شديدة منذ الجمعة", "2018-03-09"),
    ],
)
def test_tense_decides_the_direction_of_a_weekday(run: Pipeline, text: str, expected: str) -> None:
    assert list(resolve(run, text).values()) == [day(expected)]


@pytest.mark.parametrize(
    "text",
    [
        "وفي اليوم التالي عاد الهدوء",
        "عين اليوم – اسطنبول",
        "وقال لـ«اليوم» إن الوضع هادئ",
        "مارس الضغط على الحكومة",
        "تصاعد القصف في الأيام الماضية",
        "يعيش هنا منذ سنوات",
        "بعد يوم من قصف مماثل على المدينة",
        "مهمة تجارية تستغرق أربعة أيام",
        "قتل 2015 شخصا في المعارك",
        "وصل الأحد عشر لاعبا",
        "وجاء في المركز الرابع الأخير بنسبة 3.70%",
        "ارتفع عدد القتلى خلال الساعات الـ24 الماضية",
        "استطاع أن يجمع جيوشه مرة أخرى في العام التالي",
        "يقضي عطلة نهاية الأسبوع خارج المنزل",
        "قال لـ«الاقتصادية» ماجد الخميس رئيس اللجنة الوطنية الزراعية",
    ],
)
def test_not_times(run: Pipeline, text: str) -> None:
    assert resolve(run, text) == {}


def test_month_with_a_qualified_year(run: Pipeline) -> None:
    published = D("2015-07-21")
    found = resolve(run, "هربت في ديسمبر (كانون الأول) العام الماضي", published)
    assert found == {
        "ديسمبر (كانون الأول) العام الماضي": (D("2014-12-01"), D("2014-12-31"), "month")
    }
    found = resolve(run, "اعتقل في يوليو (تموز) من العام قبل الماضي", published)
    assert list(found.values()) == [(D("2013-07-01"), D("2013-07-31"), "month")]


def test_hijri_qualifiers_and_years(run: Pipeline) -> None:
    published = D("2015-07-22")
    found = resolve(run, "أجرى عملية نهاية شهر رمضان الماضي", published)
    assert found == {"نهاية شهر رمضان الماضي": (D("2015-07-08"), D("2015-07-16"), "range")}
    found = resolve(run, "وذلك خلال شهر صفر من العام القادم 1437هـ", published)
    assert list(found.values()) == [(D("2015-11-13"), D("2015-12-11"), "month")]


def test_article_after_the_preposition_lam_and_calendar_words(run: Pipeline) -> None:
    published = D("2015-08-10")
    found = resolve(run, "خفضت الشركة إنتاجها المستهدف للعام الحالي", published)
    assert found == {"لعام الحالي": (D("2015-01-01"), D("2015-12-31"), "year")}
    found = resolve(run, "مع نهاية العام الميلادي الجاري", published)
    assert found == {"نهاية العام الميلادي الجاري": (D("2015-10-01"), D("2015-12-31"), "range")}
    # a number after a comma is not the year of the month
    found = resolve(run, "زكاة الشركة خلال شهر يوليو، 2938 ألف ريال", published)
    assert found == {"شهر يوليو": (D("2015-07-01"), D("2015-07-31"), "month")}


def test_weekday_clause_ends_at_a_complementizer(run: Pipeline) -> None:
    text = "اعلن الرئيس الفلسطيني محمود عباس الجمعة انه ينوي التوجه الى المحكمة"
    assert resolve(run, text, D("2015-07-31")) == {"الجمعة": day("2015-07-31")}
    text = "وأكد أنه سيراجعهم يوم الأحد. وتابع"
    assert resolve(run, text, D("2015-08-06")) == {"يوم الأحد": day("2015-08-09")}


def test_weekdays_take_the_date_they_are_equated_with(run: Pipeline) -> None:
    text = "وذلك في يومي الأربعاء والخميس الموافق 20 و21 شوال، ويشارك فيه"
    found = resolve(run, text, D("2015-08-04"))
    assert found["يومي الأربعاء والخميس"] == (D("2015-08-05"), D("2015-08-06"), "range")
    assert found["20 و21 شوال"] == (D("2015-08-05"), D("2015-08-06"), "range")
    text = "يقام الحفل الأحد والاثنين الأسبوع ما بعد المقبل"
    found = resolve(run, text, D("2015-08-07"))
    assert list(found.values()) == [(D("2015-08-16"), D("2015-08-17"), "range")]


def test_weekday_followed_by_its_date(run: Pipeline) -> None:
    found = resolve(run, "تبدأ الدراسة يوم الأحد 23 الجاري في جميع المدارس", D("2015-08-10"))
    assert found == {"يوم الأحد": day("2015-08-23"), "23 الجاري": day("2015-08-23")}
    found = resolve(run, "يوم الخميس 14 / 10 / 1436هـ الموافق 30 يوليو", D("2015-08-01"))
    assert set(found.values()) == {day("2015-07-30")}


def test_period_followed_by_its_year_or_by_a_quantity(run: Pipeline) -> None:
    published = D("2015-07-31")
    found = resolve(run, "ارتفعت الواردات العام الماضي 2014، بنسبة 8 في المائة", published)
    assert found == {"العام الماضي 2014": (D("2014-01-01"), D("2014-12-31"), "year")}
    found = resolve(run, "بلغت خلال الأشهر الأولى من العام الجاري 29 مليون دينار", published)
    assert found == {"العام الجاري": (D("2015-01-01"), D("2015-12-31"), "year")}
    found = resolve(run, "وذلك خلال العام القادم 1437هـ", D("2015-07-31"))
    assert found == {"العام القادم 1437هـ": (D("2015-10-14"), D("2016-10-01"), "year")}


def test_named_days_are_not_dates(run: Pipeline) -> None:
    found = resolve(run, "تفاقم الخلافات بين وزراء 8 آذار و14 آذار")
    assert found == {}
    assert resolve(run, "اندلعت ثورة 25 يناير في مصر") == {}
    assert resolve(run, "وصل في 14 آذار إلى بيروت") == {"14 آذار": day("2018-03-14")}


def test_a_future_clause_takes_the_next_day_month(run: Pipeline) -> None:
    # nearest would be 2015-02-26; the election is to come
    found = resolve(run, "سينتخب الاتحاد رئيسا جديدا يوم 26 فبراير", D("2015-07-21"))
    assert found == {"26 فبراير": day("2016-02-26")}


def test_weekday_after_next_and_since_a_weekday(run: Pipeline) -> None:
    found = resolve(run, "ثم يواجه النصر الإماراتي الخميس بعد المقبل", D("2015-07-31"))
    assert found == {"الخميس بعد المقبل": day("2015-08-13")}
    found = resolve(run, "الاحتجاجات مستمرة منذ يوم السبت الماضي", D("2015-07-24"))
    assert found == {"يوم السبت الماضي": day("2015-07-18")}


def test_times_meet_the_recorded_floor_on_gold_dev(run: Pipeline) -> None:
    """The score gate of issue 4: ≥ 90 % of gold times with the right start and end."""
    report = score_gold(read_gold(sorted((SHARED / "gold-dev").glob("*.jsonl"))), run)
    metrics = report.times.metrics()
    assert metrics["exact"] >= 0.90
    assert metrics["precision"] >= 0.90
