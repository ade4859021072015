"""What each temporal pattern means: the rule name of a match → its handler.

In: the rule that matched (`time_patterns.RULES`). Out: the handler that turns
the match into resolved spans — calendar dates in `time_dates`, expressions
relative to the publication date in `time_relative`, shared readers in
`time_match`.
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.extract.time_dates import (
    rule_bare_year,
    rule_decade,
    rule_dmy,
    rule_feast,
    rule_hijri,
    rule_numeric,
    rule_range_days,
    rule_range_hijri,
    rule_range_years,
    rule_season,
    rule_year,
)
from rasd.extract.time_match import Found, Match, Scan
from rasd.extract.time_relative import (
    rule_ago,
    rule_day_of_month,
    rule_last_n,
    rule_period,
    rule_range_weekdays,
    rule_relday,
    rule_weekday,
)

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
