"""Attribution of event mentions, for the events stage: who the article says reported it.

In: the tokens of a sentence and the time mentions (a source phrase stops
before «أمس»). Out: `Source` records — the span naming the source («مصادر
إعلامية معارضة») and the character offset from which it covers triggers:
after a reporting verb (قال، أفاد، ذكر، أكد، نقل، أعلن ...) only its
complement; a prepositional source (بحسب، وفقاً لـ، نقلاً عن) the whole
sentence. A reporting verb with no named source («وأضاف البيان أن») carries
the previous sentence's source forward.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasd.doc import Span, TimeMention, Token
from rasd.extract.triggers import verb_forms
from rasd.text import normalize_search

REPORTING_VERBS = (
    "قال/قول",
    "أفاد/فيد",
    "ذكر",
    "أكد/ؤكد",
    "أعلن/علن",
    "نقل",
    "أشار/شير",
    "أوضح/وضح",
    "كشف",
    "صرح",
    "أضاف/ضيف",
    "تابع",
    "أورد/ورد",
    "بث",
    "نشر",
    "اعتبر/عتبر",
    "زعم",
)
_REPORTING_FORMS = frozenset().union(*(verb_forms(v) for v in REPORTING_VERBS))
# Verbs whose missing subject means "the same source as before".
_RELAYING = frozenset(verb_forms("نقل"))
_CONTINUING = frozenset(verb_forms("أضاف/ضيف")) | frozenset(verb_forms("تابع"))
# «بحسب»، «حسب»، «وفقا لـ»، «نقلا عن»، «استنادا إلى»، «طبقا لـ»
_PREPOSITIONAL = frozenset(
    normalize_search(w)
    for w in ("بحسب", "حسب", "وبحسب", "وحسب", "وفقا", "وفق", "ووفقا", "نقلا", "استنادا", "طبقا")
)
# Words that end a source phrase: complementisers, prepositions of the
# reporting frame («في بيان»، «لـ«الوطن»»), and «أنباء», which is a rumour, not a source.
_STOP = frozenset(
    normalize_search(w)
    for w in (
        "أن",
        "إن",
        "بأن",
        "أنه",
        "إنه",
        "أنها",
        "إنها",
        "أنهم",
        "إنهم",
        "في",
        "خلال",
        "لـ",
        "ل",
        "عن",
        "الى",
        "إلى",
        "على",
        "اليوم",
        "امس",
        "أمس",
        "مساء",
        "صباح",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
        "فقد",
        "وقد",
        "قد",
        "حيث",
        "مع",
        "بعد",
        "قبل",
        "التي",
        "الذي",
        "قوله",
        "قولها",
        "قولهم",
        "لا",
        "لاحقا",
        "لاسيما",
        "أمام",  # «قال أمام الصحافيين»: the audience, not the source
        "لدى",
        "أثناء",
        "عقب",
    )
)
_NOT_SOURCES = frozenset(normalize_search(w) for w in ("أنباء", "الأنباء", "البيان", "المصدر"))
MAX_SOURCE_TOKENS = 8
_OPENING_QUOTES = frozenset('«"“(')


@dataclass(frozen=True, slots=True)
class Source:
    """A source span and the offset from which it covers the triggers of its sentence."""

    span: Span | None  # None: a continuing verb whose source is the previous one
    covers_from: int


def find_sources(text: str, tokens: Sequence[Token], times: Sequence[TimeMention]) -> list[Source]:
    """Sources named in one sentence.

    «وذكرت مصادر إعلامية معارضة، أمس، أن ...» → [Source(«مصادر إعلامية معارضة», after it)].
    """
    in_time = _time_token_mask(tokens, times)
    sources: list[Source] = []
    for i, token in enumerate(tokens):
        if token.kind != "word":
            continue
        bare = _strip_conj(token.norm)
        if bare in _PREPOSITIONAL or token.norm in _PREPOSITIONAL:
            first = i + 1
            # «وفقاً لـ»، «نقلاً عن»: skip the preposition token if it stands alone.
            if (
                {bare, token.norm} & {"نقلا", "وفقا", "استنادا", "طبقا"}
                and first < len(tokens)
                and tokens[first].norm in ("ل", "لـ", "عن", "الي")
            ):
                first += 1
            span = _phrase(text, tokens, first, in_time)
            if span:
                sources.append(Source(span, tokens[0].start))
        elif bare in _REPORTING_FORMS or token.norm in _REPORTING_FORMS:
            span = _phrase(text, tokens, i + 1, in_time)
            if span is not None and (bare in _RELAYING or token.norm in _RELAYING):
                # «نقلت وكالة رويترز عن مصادر أمنية»: the agency relays; the sources speak.
                span = _relayed(text, tokens, span, in_time) or span
            if span is None and (bare in _CONTINUING or token.norm in _CONTINUING):
                sources.append(Source(None, token.end))
            elif span is not None:
                sources.append(Source(span, span.end))
    return sources


def _relayed(text: str, tokens: Sequence[Token], relay: Span, in_time: list[bool]) -> Span | None:
    after = next((k for k, t in enumerate(tokens) if t.start >= relay.end), None)
    if after is None or tokens[after].norm != normalize_search("عن"):
        return None
    return _phrase(text, tokens, after + 1, in_time)


def _strip_conj(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm


def _time_token_mask(tokens: Sequence[Token], times: Sequence[TimeMention]) -> list[bool]:
    mask = [False] * len(tokens)
    if not times:
        return mask
    for k, token in enumerate(tokens):
        mask[k] = any(t.start <= token.start < t.end for t in times)
    return mask


def _phrase(text: str, tokens: Sequence[Token], first: int, in_time: list[bool]) -> Span | None:
    """The noun phrase starting at tokens[first], up to a stop word or punctuation."""
    while first < len(tokens) and tokens[first].text in _OPENING_QUOTES:
        first += 1  # «وفقاً لـ«المرصد»»
    last = None
    for k in range(first, min(first + MAX_SOURCE_TOKENS, len(tokens))):
        token = tokens[k]
        if token.kind != "word" or in_time[k] or token.norm in _STOP:
            break
        if k > first and token.norm.startswith(("بال", "لل")):
            break  # «بالتزامن»، «للصحفيين»: a new prepositional phrase («لافروف» is a name)
        last = k
    if last is None:
        return None
    start = tokens[first].start
    span_text = text[start : tokens[last].end]
    if normalize_search(span_text) in _NOT_SOURCES:
        return None
    return Span(start, tokens[last].end, span_text, "attribution", "attribution")
