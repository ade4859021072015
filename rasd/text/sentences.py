"""Sentence splitting (text stage): the text and its tokens in, sentence spans out.

A sentence ends after . ؟ ? ! … (with any run of further enders and closing
quotes or brackets that follow them) and at a paragraph break (a newline
between two tokens). It never ends:

- inside a number or a date: 3.5, ٣٫٥ and 1,000 are single tokens, and
  22/4/2018 is numbers and slashes, which are not enders;
- after an abbreviation: a single letter written right before the point
  («د.», «م.», «U.S.») or a listed title («Dr.»), or a list number that
  begins a sentence («1. ...»); an era letter after a year («2015م.»,
  «1436هـ.») does end it;
- inside an open quotation or bracket («...» “...” (...) [...]): an ender
  inside the quotation ends the sentence only when the quotation closes
  right after it. A paragraph break closes every quotation.

`split_clauses` cuts sentences further at the soft boundary ؛ (and ;),
which joins two clauses that are often two separate statements in news.
"""

from __future__ import annotations

from rasd.doc import Span

ENDERS = frozenset(".؟?!…")
SOFT = frozenset("؛;")
_CLOSERS = {"«": "»", "(": ")", "“": "”", "[": "]", "‹": "›"}
_CLOSING = frozenset([*_CLOSERS.values(), '"'])
_TITLES = frozenset({"Dr", "Mr", "Mrs", "Ms", "St", "Prof", "Jr", "vs", "etc", "No"})

Tok = tuple[int, int, str]


def split_sentences(text: str, tokens: list[Tok]) -> list[Span]:
    """Sentence spans: «قال د. أحمد: «انتهى.» ثم ذهب» → [«قال د. أحمد: «انتهى.»», «ثم ذهب»]."""
    sentences: list[Span] = []
    start: int | None = None  # first token offset of the open sentence
    first_index = 0
    last_end = 0
    open_quotes: list[str] = []
    pending = False  # an ender was seen; the sentence ends before the next real token
    prev: Tok | None = None
    for index, (t_start, t_end, kind) in enumerate(tokens):
        tok = text[t_start:t_end]
        if start is not None and "\n" in text[last_end:t_start]:
            sentences.append(_span(text, start, last_end))
            start, pending = None, False
            open_quotes.clear()
        if pending and not (tok in ENDERS or tok in _CLOSING):
            sentences.append(_span(text, start, last_end))  # type: ignore[arg-type]
            start, pending = None, False
        if start is None:
            start, first_index = t_start, index
        closes = bool(open_quotes) and tok == open_quotes[-1]
        if closes:
            open_quotes.pop()
            if prev is not None and text[prev[0] : prev[1]] in ENDERS and not open_quotes:
                pending = True
        elif tok in _CLOSERS:
            open_quotes.append(_CLOSERS[tok])
        elif tok == '"':
            open_quotes.append('"')
        elif tok in ENDERS and not open_quotes:
            pending = pending or not _is_abbreviation(text, tokens, index, first_index)
        prev = (t_start, t_end, kind)
        last_end = t_end
    if start is not None:
        sentences.append(_span(text, start, last_end))
    return sentences


def _is_abbreviation(text: str, tokens: list[Tok], index: int, first_index: int) -> bool:
    """A point that closes an abbreviation or a leading list number, not a sentence."""
    if text[tokens[index][0]] != "." or index == 0:
        return False
    p_start, p_end, p_kind = tokens[index - 1]
    if p_end != tokens[index][0]:
        return False  # «قال .» — a detached point ends the sentence
    word = text[p_start:p_end]
    if p_kind == "word" and (len(word) == 1 or word in _TITLES):
        # «عام 2015م.» and «1436هـ.»: an era letter after a year usually ends the sentence.
        after_number = index >= 2 and tokens[index - 2][2] == "number"
        return not (after_number and word.rstrip("ـ") in ("م", "ه"))
    return p_kind == "number" and index - 1 == first_index and index + 1 < len(tokens)


def split_clauses(text: str, sentence: Span, tokens: list[Tok]) -> list[Span]:
    """The clauses of a sentence, cut after each ؛: «قتل اثنان؛ وجرح ثلاثة» → two spans.

    tokens: the (start, end, kind) tokens of the whole text (only those inside
    the sentence are used).
    """
    clauses: list[Span] = []
    start: int | None = None
    last_end = sentence.start
    for t_start, t_end, _kind in tokens:
        if t_start < sentence.start or t_end > sentence.end:
            continue
        if start is None:
            start = t_start
        last_end = t_end
        if text[t_start:t_end] in SOFT:
            clauses.append(_span(text, start, t_end, "clause"))
            start = None
    if start is not None:
        clauses.append(_span(text, start, last_end, "clause"))
    return clauses


def _span(text: str, start: int, end: int, label: str = "sentence") -> Span:
    return Span(start, end, text[start:end], label, "text.sentences")
