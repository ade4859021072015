"""The regular grammar of Arabic temporal expressions, compiled once into one regex.

In: a `TimeLexicon` (folded calendar words). Out: `TimePatterns`: an anchor
regex (the words every expression contains: months, weekdays, units, digits)
and, per kind of anchor, one compiled alternation of the rules that can contain
it, whose named top-level groups are the rules (`dmy`, `weekday`, `ago`, ...);
each rule's own groups are prefixed with its name («dmy__day»). One pass over
the anchors finds every expression; at one position the first rule listed
wins, so specific rules come first.

Patterns are written on folded text (أ/إ/آ → ا, ى → ي, ة → ه, digits ASCII):
«الأسبوع المقبل» is matched as «الاسبوع المقبل».
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from rasd.extract.time_lexicon import TimeLexicon, alternation, fold_word

# Rules in priority order. {NAME} are vocabularies from the lexicon.
_YEAR_TAIL = r"(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<year>\d{4})(?:\s*م(?!\w))?"
# after a comma only a plausible year: «خلال شهر يوليو، 2938 ألف ريال»
_YEAR_SEP = r"(?:\s*[،,]\s*(?=(?:1[3-9]|20)\d\d)|\s*)"
# «من العام الماضي», «العام قبل الماضي»: the year of a month named by a qualifier
_YEAR_QUAL = r"(?:من\s+)?(?:العام|السنه)\s+(?P<yqual>{QUAL})"
RULES: tuple[tuple[str, str], ...] = (
    (
        "range_days",
        r"(?:(?:بين|من)\s+)?(?P<d1>{DAY})\s+(?:(?P<m1>{MONTHX})\s+)?(?:و\s*|الي\s+|حتي\s+|لغايه\s+)"
        r"(?P<d2>{DAY})\s+(?:من\s+)?(?P<m2>{MONTHX})(?:" + _YEAR_SEP + _YEAR_TAIL + ")?",
    ),
    (
        "range_dash",
        r"(?P<d1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s+(?:من\s+)?(?P<m2>{MONTHX})"
        r"(?:" + _YEAR_SEP + _YEAR_TAIL + ")?",
    ),
    (
        "range_hijri",
        r"(?:(?:بين|من)\s+)?(?P<d1>{DAY})\s+(?:و\s*|الي\s+|حتي\s+|[-–]\s*)(?P<d2>{DAY})\s+"
        r"(?:من\s+)?(?:شهر\s+)?(?P<month>{HMONTH})"
        r"(?:\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<year>1[34]\d\d)(?:\s*ه(?!\w))?)?",
    ),
    (
        "range_weekdays",
        r"(?:من|بين)\s+(?:يوم\s+)?(?P<w1>{WD})\s+(?:الي\s+|حتي\s+|و\s*)(?:يوم\s+)?(?P<w2>{WD})"
        r"(?:\s+(?P<qual>{QUAL}))?",
    ),
    (
        "range_years",
        r"(?:(?:بين|من)\s+)?(?:عامي|العامين|سنتي|الاعوام|السنوات|عام|العام)\s+(?P<y1>\d{4})\s*(?:م\s+)?"
        r"(?:و\s*|الي\s+|حتي\s+|[-–]\s*)(?:عام\s+)?(?P<y2>\d{4})(?:\s*م(?!\w))?",
    ),
    (
        "numeric",
        r"(?<![\d/.\-])(?P<a>\d{1,4})\s?(?P<sep>[/.\-])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?(?P<c>\d{1,4})"
        r"(?![\d/])(?:\s*(?P<hijri>ه)(?!\w)|\s*م(?!\w))?",
    ),
    (
        "dmy",
        r"(?:(?:يوم\s+)?(?P<wd>{WD})\s+(?:(?:ال)?موافق\s+)?)?(?:(?P<edge>{EDGE})\s+)?"
        r"(?:(?P<day>{DAY})\s+(?:من\s+)?)?(?:(?P<shahr>شهر)\s+)?"
        r"(?P<month>{MONTH})(?P<dual>\s*(?:\(\s*|/\s*|-\s*)?(?:{MONTH})\s*\)?)?"
        r"(?:" + _YEAR_SEP + _YEAR_TAIL + r"|\s+" + _YEAR_QUAL + r"|\s+(?P<qual>{QUAL}))?",
    ),
    (
        "hijri",
        r"(?:(?P<edge>{EDGE})\s+)?(?:(?P<day>{DAY})\s+(?:من\s+)?)?(?:(?P<shahr>شهر)\s+)?(?P<month>{HMONTH})"
        r"(?:" + _YEAR_SEP + r"(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?:(?:{QUAL})\s+)?"
        r"(?P<year>1[34]\d\d)(?:\s*ه(?:جري|جريه)?(?!\w))?|\s+(?P<qual>{QUAL}))?",
    ),
    (
        "feast",
        r"(?:(?P<nth>اول|ثاني|ثالث|رابع)\s+ايام\s+|(?P<eve>عشيه|ليله)\s+)?(?P<feast>{FEAST})",
    ),
    # «الخامس عشر من الشهر الجاري», and in Gulf papers just «22 الجاري»
    (
        "day_of_month",
        r"(?:يوم\s+)?(?P<day>{DAY})\s+(?:(?:من\s+)?(?P<shahr>(?:ال)?شهر)\s+)?(?P<qual>{QUAL})",
    ),
    (
        "decade",
        r"(?:ال)?(?P<decade>{DECADE})(?:\s+(?:من\s+)?(?P<century>{CENTURY}))?",
    ),
    (
        "season",
        r"(?P<season>(?:ال)?(?:{SEASON}))\s+(?:(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<year>\d{4})(?!\d)"
        r"|(?P<this>هذا\s+العام|هذه\s+السنه)|(?:العام|السنه)\s+(?P<pqual>{QUAL})|(?P<qual>{QUAL}))",
    ),
    (
        "year",
        r"(?:(?P<edge>{EDGE})\s+(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?|(?:ال)?عام\s+|(?:ال)?سنه\s+)"
        r"(?P<year>\d{4})(?!\d)(?:\s*(?P<era>م|ه)(?!\w))?",
    ),
    (
        "period",
        r"(?:(?P<edge>{EDGE})\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<unit>{PUNIT})"
        r"(?:\s+(?P<cal>الميلادي|الهجري))?(?:\s+(?P<qual>{QUAL}))?"
        # «العام الماضي 2014», «العام القادم 1437هـ»: the year may follow
        r"(?:\s+(?P<year>\d{4})(?!\d)(?:\s*(?P<era>م|ه)(?!\w))?)?",
    ),
    (
        "last_n",
        r"(?P<unit>ال(?:{CUNIT}))\s+(?:(?P<num>(?:ال)?(?:{NUMW})|(?:ال\s*)?\d{1,3})\s+)?(?P<qual>{QUAL})",
    ),
    (
        "ago",
        r"(?P<dir>منذ|قبل|بعد|خلال|في\s+غضون)\s+(?:(?P<approx>{APPROX})\s+)?"
        r"(?:(?P<num>{NUMW}|\d{1,3})\s+)?(?P<unit>{CUNIT})(?![\w])"
        # not «منذ عام 2011», «منذ يوم الجمعة», «خلال شهر رمضان»: those name the date
        r"(?!\s+(?:\d|ال|امس|غد|(?:{MONTH}|{HMONTH})(?!\w)))",
    ),
    (
        "relday",
        r"(?:(?P<part>{PART})\s+)?(?P<rel>{RELDAY})(?![\w])"
        r"(?:\s*\(?\s*(?P<wd>{WD})(?![\w])\s*\)?)?",
    ),
    (
        "weekday",
        r"(?:(?P<part>{PART})\s+)?(?:(?P<yawm>يوم|يومي)\s+)?"
        r"(?P<wds>{WD}(?:\s*(?:[،,/-]\s*|و\s*|او\s+)(?:يوم\s+)?(?:{WD}))*)"
        r"(?:\s+(?:من\s+)?(?:ال)?اسبوع\s+(?:ما\s+)?(?P<wqual>{QUAL})|\s+(?P<qual>{QUAL}))?",
    ),
    (
        "bare_year",
        r"(?P<year>(?:19|20)\d\d)(?:\s*(?P<era>م)(?!\w))?|(?P<hyear>1[34]\d\d)\s*ه(?!\w)",
    ),
)


# The anchor words of each kind, how many words before them an expression may
# start, and the rules that can contain them. The scan finds anchors with one
# quick regex and tries only these rules, only that far back.
ANCHORS: dict[str, tuple[int, tuple[str, ...]]] = {
    "digit": (
        4,
        (
            "range_days",
            "range_dash",
            "range_hijri",
            "range_years",
            "numeric",
            "dmy",
            "hijri",
            "day_of_month",
            "season",
            "year",
            "last_n",
            "ago",
            "bare_year",
        ),
    ),
    "relday": (3, ("relday",)),
    "month": (4, ("range_days", "range_dash", "dmy")),
    "hmonth": (5, ("range_hijri", "hijri")),
    "weekday": (4, ("range_weekdays", "dmy", "relday", "weekday")),
    "feast": (3, ("feast",)),
    "decade": (1, ("decade",)),
    "season": (1, ("season",)),
    # «منذ أكثر من خمسة وعشرين عاما»: a count unit may follow a long number
    "unit": (7, ("range_years", "day_of_month", "season", "year", "period", "last_n", "ago")),
}


@dataclass(frozen=True)
class TimePatterns:
    anchor: re.Pattern[str]  # anchor words and digits
    kind_of: Mapping[str, str]  # folded anchor word → its kind (digits are "digit")
    rules: dict[str, tuple[int, re.Pattern[str]]]  # kind → (words back, regex of its rules)
    weekday: re.Pattern[str]  # one weekday name, to list those of a «wds» group
    month: re.Pattern[str]  # one Gregorian month name, the first of «آب (أغسطس)»


def _vocab(lex: TimeLexicon) -> dict[str, str]:
    day_numbers = [k for k, v in lex.ordinals.items() if v <= 31]
    month = alternation(lex.months)
    return {
        "MONTH": month,
        # a month named twice, as Syrian and Egyptian papers do: «يونيو (حزيران)», «آذار/مارس»
        "MONTHX": rf"(?:{month})(?:\s*(?:\(\s*|/\s*|-\s*)?(?:{month})\s*\)?)?",
        "HMONTH": alternation(lex.hijri_months),
        "WD": alternation(lex.weekdays),
        # «12», «الـ12» (folded «ال12»), «الخامس عشر»
        "DAY": r"(?:ال\s?)?(?:[12]\d|3[01]|0?[1-9])(?!\d)|" + alternation(day_numbers),
        "QUAL": alternation(lex.qualifiers),
        "EDGE": alternation(lex.edges),
        "PART": alternation(lex.day_parts),
        "RELDAY": alternation(lex.relative_days),
        "FEAST": alternation(lex.feasts),
        "DECADE": alternation(lex.decades),
        "CENTURY": alternation(lex.centuries),
        "SEASON": alternation(lex.seasons),
        "PUNIT": alternation(lex.period_units),
        "CUNIT": alternation(lex.count_units),
        "NUMW": alternation(lex.cardinals),
        "APPROX": alternation(lex.approximately),
    }


def compile_patterns(lex: TimeLexicon) -> TimePatterns:
    """The anchor regex and, per anchor kind, one regex of its rules («R__name» groups)."""
    vocab = _vocab(lex)
    bodies = {}
    for name, template in RULES:
        body = re.sub(r"\{([A-Z]+)\}", lambda m: f"(?:{vocab[m.group(1)]})", template)
        body = re.sub(r"\(\?P([<=])(\w+)", rf"(?P\1{name}__\2", body)
        bodies[name] = f"(?P<{name}>{body})"
    order = [name for name, _ in RULES]
    rules = {}
    for kind, (back, names) in ANCHORS.items():
        alternatives = "|".join(bodies[n] for n in sorted(names, key=order.index))
        # an expression starts a word, after at most a conjunction and a preposition
        rules[kind] = (back, re.compile(rf"(?<![\w])(?:[وف]?[بلك]?)(?:{alternatives})(?![\w])"))
    kinds = {
        "relday": lex.relative_days,
        "month": lex.months,
        "hmonth": lex.hijri_months,
        "weekday": lex.weekdays,
        "feast": lex.feasts,
        "decade": lex.decades,
        "season": lex.seasons,
        "unit": [*lex.period_units, *lex.count_units],
    }
    # first kind listed wins: «اليوم» is a day word before it is a unit
    kind_of = {}
    for kind, ws in reversed(kinds.items()):
        kind_of.update({fold_word(w): kind for w in ws})
    # an anchor starts a word or follows a proclitic letter («والأربعاء», «بالأمس»);
    # the cheap look-behind spares the trie most positions inside words
    anchor = rf"(?<!\d)\d+|(?<![^\W\d_وفبلك])(?:{alternation(kind_of)})(?!\w)"
    return TimePatterns(
        re.compile(anchor),
        MappingProxyType(kind_of),
        rules,
        re.compile(rf"(?:{vocab['WD']})"),
        re.compile(rf"(?:{vocab['MONTH']})"),
    )
