from rasd.text import analyze, tokenize


def test_tokens_slice_back_on_seed(seed_raw: str) -> None:
    tokens, sentences = analyze(seed_raw)
    assert len(tokens) > 300
    for tok in tokens:
        assert seed_raw[tok.start : tok.end] == tok.text
        for seg in tok.segments:
            assert seed_raw[seg.start : seg.end] == seg.text
    for sent in sentences:
        assert seed_raw[sent.start : sent.end] == sent.text


def test_tatweel_prefix_and_quotes() -> None:
    assert [t.text for t in tokenize("لـ«الوطن»")] == ["لـ", "«", "الوطن", "»"]


def test_bi_al_split() -> None:
    (tok,) = tokenize("بالانشقاق")
    assert [s.text for s in tok.segments] == ["ب", "ال", "انشقاق"]
    assert tok.key == "انشقاق"
