from rasd.text import analyze, tokenize


def test_tokens_slice_back_on_seed(seed_raw: str) -> None:
    tokens, sentences = analyze(seed_raw)
    assert len(tokens) > 300
    for tok in tokens:
        assert seed_raw[tok.start : tok.end] == tok.text
        assert tok.segments[0].start == tok.start and tok.segments[-1].end == tok.end
        for seg in tok.segments:
            assert seed_raw[seg.start : seg.end] == seg.text
    for sent in sentences:
        assert seed_raw[sent.start : sent.end] == sent.text


def test_tatweel_prefix_and_quotes() -> None:
    assert [t.text for t in tokenize("لـ«الوطن»")] == ["لـ", "«", "الوطن", "»"]


def test_bi_al_split() -> None:
    (tok,) = tokenize("بالانشقاق")
    assert [s.text for s in tok.segments] == ["ب", "ال", "انشقاق"]
    assert [s.role for s in tok.segments] == ["proclitic", "proclitic", "stem"]
    assert tok.key == "انشقاق"


def test_numbers_stay_whole() -> None:
    toks = tokenize("بلغ ٣٫٥ مليون و1,000 دولار و3.5 في ٢٠١٨ يوم 22/4/2018")
    numbers = [(t.text, t.norm) for t in toks if t.kind == "number"]
    assert numbers == [
        ("٣٫٥", "3.5"),
        ("1,000", "1,000"),
        ("3.5", "3.5"),
        ("٢٠١٨", "2018"),
        ("22", "22"),
        ("4", "4"),
        ("2018", "2018"),
    ]


def test_arabic_punctuation_urls_emails_tags() -> None:
    text = "قال؟ نعم، لا؛ «هنا» https://alwatan.sy/a.html info@sana.sy #سوريا_الآن @SANA_SY"
    kinds = [(t.text, t.kind) for t in tokenize(text)]
    assert ("؟", "punct") in kinds and ("،", "punct") in kinds and ("؛", "punct") in kinds
    assert ("https://alwatan.sy/a.html", "url") in kinds
    assert ("info@sana.sy", "email") in kinds
    assert ("#سوريا_الآن", "hashtag") in kinds
    assert ("@SANA_SY", "mention") in kinds
    assert [t.key for t in tokenize("، ؛")] == ["", ""]


def test_latin_words_are_lowercased_in_norm() -> None:
    (tok,) = tokenize("ACLED")
    assert (tok.kind, tok.norm, tok.key) == ("word", "acled", "acled")


def test_symbols_keep_a_key_punctuation_does_not() -> None:
    toks = tokenize("ارتفع 5٪ و10$ ، ؟")
    assert [(t.text, t.kind, t.key) for t in toks if t.kind in ("symbol", "punct")] == [
        ("٪", "symbol", "٪"),
        ("$", "symbol", "$"),
        ("،", "punct", ""),
        ("؟", "punct", ""),
    ]


def test_small_form_memo_gives_the_same_tokens(seed_raw: str, monkeypatch) -> None:
    from rasd.text import tokens as tokens_module

    expected = tokenize(seed_raw)
    tokens_module.clear_caches()
    monkeypatch.setattr(tokens_module, "MAX_FORMS", 3)
    assert tokenize(seed_raw) == expected
    assert len(tokens_module._FORMS[0]) <= 3 and len(tokens_module._FORMS[1]) <= 3
    tokens_module.clear_caches()


def test_tokens_are_ordinary_frozen_dataclasses() -> None:
    import dataclasses

    import pytest

    from rasd.doc import Segment, Token

    tok = tokenize("وبالقلم")[0]
    assert type(tok) is Token and all(type(s) is Segment for s in tok.segments)
    assert tok == Token(0, 7, "وبالقلم", "word", tok.norm, tok.key, tok.segments)
    assert tok.segments[0] == Segment(0, 1, "و", "proclitic")
    assert hash(tok) == hash(dataclasses.replace(tok))
    with pytest.raises(dataclasses.FrozenInstanceError):
        tok.start = 1  # type: ignore[misc]
