"""Sentence splitting over tokens.

A sentence ends at . ؟ ? ! (and … ) tokens outside an open quotation, and at
a paragraph break (a blank line or a newline). Numbers such as 3.5 and dates
such as 22/4/2018 are single tokens or number-punct-number runs, so they never
end a sentence; single-letter abbreviations («د.», «م.») do not either.
"""

from __future__ import annotations

from rasd.doc import Span

_ENDERS = frozenset(".؟?!…")
_OPEN = {"«": "»", "(": ")", '"': '"', "“": "”"}
_ABBREVIATIONS = frozenset({"د", "م", "ص", "ه", "أ", "ج", "ق", "Dr", "Mr", "St"})


def split_sentences(text: str, tokens: list[tuple[int, int, str]]) -> list[Span]:
    """Sentence spans: «قال. ثم ذهب» → [«قال.», «ثم ذهب»]."""
    sentences: list[Span] = []
    start: int | None = None
    last_end = 0
    open_quotes: list[str] = []
    prev_text = ""
    for t_start, t_end, _kind in tokens:
        if start is not None and "\n" in text[last_end:t_start]:
            sentences.append(Span(start, last_end, text[start:last_end], "sentence"))
            start = None
            open_quotes.clear()
        if start is None:
            start = t_start
        tok = text[t_start:t_end]
        last_end = t_end
        if tok in _OPEN and not (open_quotes and open_quotes[-1] == tok):
            open_quotes.append(_OPEN[tok])
        elif open_quotes and tok == open_quotes[-1]:
            open_quotes.pop()
        elif tok in _ENDERS and not open_quotes and prev_text not in _ABBREVIATIONS:
            sentences.append(Span(start, t_end, text[start:t_end], "sentence"))
            start = None
        prev_text = tok
    if start is not None:
        sentences.append(Span(start, last_end, text[start:last_end], "sentence"))
    return sentences
