"""Property: place mentions slice exactly from any text, whatever marks it carries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Doc
from rasd.extract.places import stage
from rasd.pipeline import TEXT

PLACES = stage()
WORDS = ["دمشق", "بدمشق", "ريف", "حلب", "حي", "القدم", "سورية", "جنوب", "البلاد", "العاصمة",
         "مخيم", "اليرموك", "الحجر", "الأسود", "في", "إلى", "والرقة", "قرية", "يلدا", "غرب",
         "بِجَنوبِ", "شرقي", "والجنوب", "بالعاصمة", "وَبِدِمَشق"]  # fmt: skip
MARKS = ["", " ", "\u0640", "\u064e", "\u0651", "\u200c", "\u200f", "،", ".", "«", "\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(MARKS)), max_size=25))
def test_place_offsets_slice_the_text(parts):
    text = " ".join(w + m for w, m in parts)
    doc = Doc(text)
    for layer, value in TEXT.run(doc).items():
        setattr(doc, layer, value)
    places = PLACES.run(doc)["places"]
    for p in places:
        assert text[p.start : p.end] == p.text
        assert p.precision in (1, 2, 3)
    spans = sorted((p.start, p.end) for p in places)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
