"""Site chrome removal: the lines around an article that are not the article.

Two sources of knowledge. A small built-in list catches what every Arabic
news site prints (share buttons, «زر الذهاب إلى الأعلى», copyright lines,
«اقرأ أيضاً» blocks, «صحيفة الوطن» naming the outlet). And lines that repeat
at the top or bottom of many pages of one outlet are learned from the corpus
being ingested: once a short edge line has been seen on `min_pages` pages of an
outlet it is chrome for every later page of that outlet. Only edge lines are
learned and removed, so a sentence that recurs inside articles is never cut.
"""

from __future__ import annotations

import re
from collections import Counter

from rasd.text import normalize_search

_BUILTIN_LINES = {
    normalize_search(line)
    for line in (
        "زر الذهاب إلى الأعلى",
        "العودة إلى الأعلى",
        "شارك",
        "شارك هذا المقال",
        "شارك الخبر",
        "مشاركة",
        "طباعة",
        "أرسل لصديق",
        "إرسال لصديق",
        "فيسبوك",
        "تويتر",
        "واتساب",
        "تيليجرام",
        "لينكدإن",
        "البريد الإلكتروني",
        "تابعونا على",
        "إقرأ المزيد",
        "التعليقات",
        "أضف تعليق",
    )
}
_BUILTIN_PATTERNS = re.compile(
    r"(جميع الحقوق محفوظه|حقوق النشر|©|copyright|all rights reserved"
    r"|^تابعونا (علي|عبر)|^(شارك|شاركها|انشر) (علي|عبر) )"
)
# Headings that open a block of links to other articles; the block runs to the next long line.
_RELATED = re.compile(r"^(اقرا ايضا|اقرا المزيد|مواضيع ذات صله|اخبار ذات صله|اقرا كذلك)\b")
_SHORT = 120  # a line longer than this is article text, never chrome


def _key(line: str) -> str:
    return " ".join(normalize_search(line).strip(" .:-–—|•·").split())


def is_builtin_chrome(line: str, outlet: str | None = None) -> bool:
    """True for a line every site prints: «زر الذهاب إلى الأعلى», «صحيفة الوطن» (outlet الوطن)."""
    if len(line) > _SHORT:
        return False
    key = _key(line)
    if not key:
        return False
    if key in _BUILTIN_LINES or _BUILTIN_PATTERNS.search(key):
        return True
    if outlet:
        name = _key(outlet)
        return key in (name, f"صحيفه {name}", f"جريده {name}", f"موقع {name}")
    return False


class Boilerplate:
    """Removes chrome lines, learning each outlet's repeated edge lines as pages stream by."""

    def __init__(self, min_pages: int = 3, edge: int = 4) -> None:
        self.min_pages = min_pages
        self.edge = edge  # how many lines at each end of a page are candidates
        self._seen: dict[str, Counter[str]] = {}

    def clean(self, lines: list[str], outlet: str | None = None) -> list[str]:
        """The article lines of a page: «...سلاحهم».» kept, «زر الذهاب إلى الأعلى» dropped."""
        seen = self._seen.setdefault(outlet or "", Counter())
        kept = self._drop_related_blocks(lines)
        kept = [line for line in kept if not is_builtin_chrome(line, outlet)]
        start, end = 0, len(kept)
        while start < end and self._learned(kept[start], seen):
            start += 1
        while end > start and self._learned(kept[end - 1], seen):
            end -= 1
        nonblank = [line for line in lines if line.strip()]
        for line in {*nonblank[: self.edge], *nonblank[-self.edge :]}:
            if len(line) <= _SHORT:
                seen[_key(line)] += 1
        return kept[start:end]

    def _learned(self, line: str, seen: Counter[str]) -> bool:
        if not line.strip():
            return True  # blank lines at the edges go with the chrome
        return len(line) <= _SHORT and seen[_key(line)] >= self.min_pages - 1

    @staticmethod
    def _drop_related_blocks(lines: list[str]) -> list[str]:
        kept: list[str] = []
        in_block = False
        for line in lines:
            if len(line) <= 40 and _RELATED.match(_key(line)):
                in_block = True
                continue
            if in_block and (len(line) <= _SHORT and line.strip()):
                continue
            in_block = False
            kept.append(line)
        return kept
