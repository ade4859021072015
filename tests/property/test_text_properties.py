from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text import analyze, normalize_display, normalize_letters, normalize_search, tokenize

ARABIC = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئةى")
        + ["\u064e", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640", "\u0654", "\u200c"]
        + list(" .،؛؟!«»()\n0123456789٠١٢٣٫/")
    ),
    max_size=60,
)
# Any Unicode, with combining marks, bidi controls and lone surrogates mixed in.
ANY = st.text(
    st.one_of(
        st.characters(),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
        st.sampled_from(["\u0301", "\u0651", "\u200f", "\u202e", "\u200d", "\ufeff"]),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(ARABIC, ANY))
def test_offsets_always_slice_the_original(text: str) -> None:
    tokens, sentences = analyze(text)
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
        assert tok.text.strip() == tok.text and tok.text
        assert "".join(s.text for s in tok.segments) == tok.text
        for seg in tok.segments:
            assert text[seg.start : seg.end] == seg.text
        assert sum(s.role == "stem" for s in tok.segments) == 1
    for sent in sentences:
        assert text[sent.start : sent.end] == sent.text
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    # Sentences are ordered, disjoint and together hold every token.
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    assert all(any(s.start <= t.start and t.end <= s.end for s in sentences) for t in tokens)


@settings(max_examples=200, deadline=None)
@given(st.one_of(ARABIC, ANY))
def test_normalisation_is_idempotent(text: str) -> None:
    for normalize in (normalize_display, normalize_letters, normalize_search):
        once = normalize(text)
        assert normalize(once) == once


def test_empty_and_odd_inputs() -> None:
    for text in ("", " \n\t", "\ud800", "\u0651\u0651", "ـــ", "\u200f"):
        tokens, _ = analyze(text)
        assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokenize("") == []
