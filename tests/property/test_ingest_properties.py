"""Properties of the readers: any bytes give Docs or Problems, never an exception."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.doc import Doc, Problem
from rasd.ingest import read_sources
from rasd.text import normalize_display
from tests.conftest import SEED_PATH

SEED = SEED_PATH.read_bytes()
pieces = st.sampled_from(
    [
        SEED[:300],
        b"{",
        b"}",
        b"[",
        b'"content": "',
        b"\n",
        b"<html><p>",
        b"\x00",
        b"\xff\xfe",
        "| الوطن\n".encode(),
        b"\x1f\x8b",
    ]
)
noise = st.one_of(st.binary(max_size=400), st.lists(pieces, max_size=12).map(b"".join))


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=noise, compress=st.booleans())
def test_any_bytes_give_docs_or_problems(tmp_path_factory, data, compress):
    path = tmp_path_factory.mktemp("p") / "input"
    path.write_bytes(gzip.compress(data) if compress else data)
    for item in read_sources([str(path)]):
        assert isinstance(item, Doc | Problem)
        if isinstance(item, Doc):
            assert item.text and item.text == normalize_display(item.text)
            assert item.source_path == str(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=1, max_value=len(SEED) - 1))
def test_a_truncated_page_keeps_the_text_before_the_cut(tmp_path_factory, cut):
    path = tmp_path_factory.mktemp("t") / "page.txt"
    path.write_bytes(SEED[:cut])
    [item] = list(read_sources([str(path)]))
    if isinstance(item, Doc):
        assert item.text.split()[0] in SEED.decode("utf-8")
    else:
        assert item.code == "empty"
