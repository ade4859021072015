"""Property tests: NER and actor spans slice exactly from any text, in order, inside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Doc
from rasd.extract import actors, entities
from rasd.text import analyze

NER = entities.stage()
ACTORS = actors.stage()

# Arabic news words with clitics, names, punctuation, and the noise of scraped text.
WORDS = st.sampled_from(
    [
        "بدمشق",
        "والمسلحين",
        "داعش",
        "التنظيم",
        "قوات",
        "النظام",
        "لقوات",
        "الأمم",
        "المتحدة",
        "سيرغي",
        "لافروف",
        "في",
        "إلى",
        "من",
        "،",
        ".",
        "«",
        "»",
        "(",
        ")",
        "2018",
        "١٢",
        "ـ",
        "َ",
        "\u200f",
        "\u200c",
        "مسلحيه",
        "عناصر",
    ]
    + ["\u0640", "\n", "  ", "é", "𝔸"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join), st.text(max_size=20))
def test_spans_slice_from_the_text(words: str, noise: str):
    text = words + noise
    doc = Doc(text=text)
    doc.tokens, doc.sentences = analyze(text)
    doc.entities = NER.run(doc)["entities"]
    doc.actors = ACTORS.run(doc)["actors"]
    for layer in (doc.entities, doc.actors):
        last = 0
        for x in layer:
            assert 0 <= x.start < x.end <= len(text)
            assert text[x.start : x.end] == x.text
            assert x.start >= last  # in text order, never overlapping
            last = x.end
