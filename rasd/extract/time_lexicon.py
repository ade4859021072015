"""Calendar words for the times stage, loaded once from `resources/calendar.yaml`.

In: the YAML resource (month names of every regional set, Hijri months,
weekdays, day words, qualifiers, number words, edges, seasons, future
markers). Out: an immutable `TimeLexicon` whose tables are keyed by the folded
spelling that `fold` gives the text, so «أيار», «ايار» and «أيّار» are one key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

# One letter for each family of spellings; Arabic-Indic and Persian digits → ASCII.
_LETTERS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"))
_DIGITS = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)
_HAS_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# Diacritics, tatweel, superscript alef, and invisible format marks (ZWNJ, bidi).
_DROP = (
    "[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]"
)
# The preposition ل before the article drops its alef: «للعام» is ل + العام. The
# fold puts the alef back so «العام الحالي» matches in «للعام الحالي».
_EDITS = re.compile(f"(?P<drop>{_DROP})|(?<!\\w)[وف]?ل(?=ل\\w)")


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold spellings for matching; returns the folded text and, when characters
    were dropped or an alef restored, the original offset of each folded
    character (plus one past the end); None when offsets are unchanged.

    fold("غداً") == ("غدا", [0, 1, 2, 4]); fold("للعام") == ("لالعام", [0, 1, 1, 2, 3, 4, 5])
    """
    folded = text
    for letter, base in _LETTERS:  # str.replace runs at C speed; translate does not
        folded = folded.replace(letter, base)
    if _HAS_DIGITS.search(folded):
        folded = folded.translate(_DIGITS)
    pieces: list[str] = []
    offsets: list[int] = []
    last = 0
    for m in _EDITS.finditer(folded):
        if m.lastgroup == "drop":
            pieces.append(folded[last : m.start()])
            offsets.extend(range(last, m.start()))
        else:
            pieces.extend((folded[last : m.end()], "ا"))
            offsets.extend(range(last, m.end()))
            offsets.append(m.end())  # the restored alef stands where the article's ل is
        last = m.end()
    if not offsets and last == 0:
        return folded, None
    pieces.append(folded[last:])
    offsets.extend(range(last, len(text) + 1))
    return "".join(pieces), offsets


def fold_word(word: str) -> str:
    """The folded form of a resource word: «الأربعاء» → «الاربعاء»."""
    return fold(word)[0]


def alternation(words: Any) -> str:
    """A regex matching any of the folded words, longest first, as a trie.

    The trie keeps the regex fast over hundreds of words (number words): at each
    character only the branches that share the prefix so far are tried.
    alternation(["كانون الثاني", "كانون الاول"]) → «كانون\\s+ال(?:اول|ثاني)».
    """
    trie: dict[str, Any] = {}
    for word in {fold_word(w) for w in words}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here; longer words are tried first (greedy)
        return f"(?:{body})?"
    return body


Table = MappingProxyType  # folded word → value, read-only


@dataclass(frozen=True)
class TimeLexicon:
    months: Table  # folded month name → 1..12 (Gregorian, all regional sets)
    hijri_months: Table  # → 1..12
    feasts: Table  # → (hijri month, day)
    weekdays: Table  # → Python weekday (Monday 0)
    named_days: frozenset[str]  # «14 اذار»: day-months that are names without a year
    weekday_not_before: frozenset[str]
    weekday_not_after: frozenset[str]
    relative_days: Table  # → offset in days
    today_not_after: frozenset[str]
    today_not_before: frozenset[str]
    day_parts: tuple[str, ...]
    qualifiers: Table  # → -2..2: before last, last, current, next, after next
    period_units: Table  # → week, month, year
    count_units: Table  # → (unit, count) with count None for a plural
    approximately: tuple[str, ...]
    edges: Table  # word → start, middle, end
    edge_month_days: Table  # edge → (first day, last day)
    edge_year_months: Table  # edge → (first month, last month)
    seasons: Table  # → (first month, last month)
    decades: Table  # → 20..90
    centuries: Table  # → first year, or -100 for the century before the publication's
    cardinals: Table  # folded phrase → 1..99
    ordinals: Table  # folded phrase → 1..31
    future_markers: frozenset[str]
    schedule_verbs: frozenset[str]  # present tense announcing an event: «يواجه ... الأحد»
    not_future: frozenset[str]


def _by_word(groups: dict[Any, list[str]]) -> dict[str, Any]:
    return {fold_word(w): key for key, words in groups.items() for w in words}


def _numbers(data: dict[str, Any]) -> tuple[dict[str, int], dict[str, int]]:
    """Cardinals 1–99 and ordinals 1–31 from the base words, composed as Arabic writes them."""
    units = {fold_word(w): n for n, ws in data["cardinals"].items() for w in ws}
    teens_first = {fold_word(w): n for n, ws in data["teens_units"].items() for w in ws}
    tens = {fold_word(w): n for n, ws in data["tens"].items() for w in ws}
    cardinals = dict(units)
    ten_words = [fold_word(w) for w in data["cardinals"][10]]
    for first, n in [*teens_first.items(), *((w, n) for w, n in units.items() if 3 <= n <= 9)]:
        for ten in ten_words:
            cardinals[f"{first} {ten}"] = 10 + n
    for ten, t in tens.items():
        cardinals[ten] = t
        for unit, n in units.items():
            if n < 10:
                cardinals[f"{unit} و{ten}"] = t + n
    ordinals: dict[str, int] = {}
    base = {fold_word(w): n for n, ws in data["ordinals"].items() for w in ws}
    for word, n in base.items():
        ordinals[word] = n
        bare = word.removeprefix("ال")
        for form in {word, bare, "ال" + bare}:
            if n <= 9 and form not in ("اول", "الاول"):
                ordinals[f"{form} عشر"] = 10 + (1 if form.endswith("حادي") else n)
    for ten, t in ((w, t) for w, t in tens.items() if t <= 30):
        for form in (ten, "ال" + ten):
            ordinals[form] = t
        for word, n in base.items():
            if n <= 9 and word not in ("اول", "الاول") and not (t == 30 and n > 1):
                value = t + (1 if word.endswith("حادي") else n)
                ordinals[f"{word} وال{ten}"] = value
                ordinals[f"{word} و{ten}"] = value
    ordinals.pop("الحادي", None)  # «الحادي» alone is not a day; only in 11, 21, 31
    return cardinals, ordinals


def build_lexicon(data: dict[str, Any]) -> TimeLexicon:
    """A TimeLexicon from the parsed calendar YAML."""
    edges = data["edges"]
    cardinals, ordinals = _numbers(data)
    count_units = {}
    for unit, forms in data["count_units"].items():
        for key, count in (("one", 1), ("two", 2), ("many", None)):
            for w in forms[key]:
                count_units[fold_word(w)] = (unit, count)
    return TimeLexicon(
        months=Table(_by_word(data["gregorian_months"])),
        hijri_months=Table(_by_word(data["hijri_months"])),
        feasts=Table({fold_word(k): tuple(v) for k, v in data["feasts"].items()}),
        weekdays=Table(_by_word(data["weekdays"])),
        named_days=frozenset(map(fold_word, data["named_days"])),
        weekday_not_before=frozenset(map(fold_word, data["weekday_not_before"])),
        weekday_not_after=frozenset(map(fold_word, data["weekday_not_after"])),
        relative_days=Table({fold_word(k): v for k, v in data["relative_days"].items()}),
        today_not_after=frozenset(map(fold_word, data["today_not_after"])),
        today_not_before=frozenset(map(fold_word, data["today_not_before"])),
        day_parts=tuple(map(fold_word, data["day_parts"])),
        qualifiers=Table(_by_word(data["qualifiers"])),
        period_units=Table(_by_word(data["period_units"])),
        count_units=Table(count_units),
        approximately=tuple(map(fold_word, data["approximately"])),
        edges=Table({fold_word(w): name for name, e in edges.items() for w in e["words"]}),
        edge_month_days=Table({name: tuple(e["month_days"]) for name, e in edges.items()}),
        edge_year_months=Table({name: tuple(e["year_months"]) for name, e in edges.items()}),
        seasons=Table({fold_word(k): tuple(v) for k, v in data["seasons"].items()}),
        decades=Table({fold_word(k): v for k, v in data["decades"].items()}),
        centuries=Table({fold_word(k): v for k, v in data["centuries"].items()}),
        cardinals=Table(cardinals),
        ordinals=Table(ordinals),
        future_markers=frozenset(map(fold_word, data["future_markers"])),
        schedule_verbs=frozenset(map(fold_word, data["schedule_verbs"])),
        not_future=frozenset(map(fold_word, data["not_future"])),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> TimeLexicon:
    """The bundled calendar lexicon (read once per process)."""
    path = resources.files("rasd") / "resources" / "calendar.yaml"
    return build_lexicon(yaml.safe_load(path.read_text(encoding="utf-8")))
