"""Properties of indexing and search: keys agree with the text core, hashes ignore spelling noise."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.doc import Doc
from rasd.ingest.identity import content_hash, fingerprint
from rasd.store import Store
from rasd.store.search import parse_query, snippet
from rasd.text import search_keys, tokenize
from tests.conftest import SEED_PATH

SEED = SEED_PATH.read_text(encoding="utf-8")
SEED_WORDS = sorted(set(re.findall(r"[\u0621-\u064a]{2,}", SEED)))
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
arabic_text = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةى ،.«»\n0123456789٠١٢")
        + list(HARAKAT)
        + ["\u0640", "\u200f", "\u200c"]
    ),
    max_size=200,
)
words = st.sampled_from(SEED_WORDS)


@settings(deadline=None)
@given(arabic_text)
def test_index_keys_are_the_text_core_search_keys(text):
    assert fingerprint(text)[1] == search_keys(text)


@settings(deadline=None)
@given(st.lists(words, min_size=1, max_size=30), st.data())
def test_content_hash_ignores_diacritics_tatweel_and_spacing(seq, data):
    plain = " ".join(seq)
    noisy = ""
    for i, ch in enumerate(plain):
        noisy += ch
        if ch == " " and data.draw(st.booleans()):
            noisy += "\n "
        elif ch != " " and i + 1 < len(plain) and plain[i + 1] != " " and data.draw(st.booleans()):
            noisy += data.draw(st.sampled_from([*HARAKAT, "\u0640"]))
    assert content_hash(noisy) == content_hash(plain)


@settings(max_examples=60, deadline=None)
@given(words)
def test_snippet_highlights_the_first_token_with_the_query_key(word):
    """The fast snippet path marks what full analysis of the body would."""
    query = parse_query(word)
    [key] = query.phrases[0] if len(query.phrases[0]) == 1 else [None]
    if key is None:
        return
    window, spans = snippet(SEED, query)
    full = [t for t in tokenize(SEED) if t.key == key]
    assert full, word
    highlighted = [window[s:e] for s, e in spans]
    assert highlighted and highlighted[0] == full[0].text
    assert all(search_keys(h) == [key] for h in highlighted)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip()))
def test_store_round_trip(tmp_path_factory, text):
    with Store(tmp_path_factory.mktemp("rt") / "rt.db") as store:
        assert store.add_batch([Doc(text=text, outlet="الوطن")]) == ["stored"]
        article = store.article(1)
        assert article["text"] == text and article["outlet"] == "الوطن"
