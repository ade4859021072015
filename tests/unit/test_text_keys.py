import pytest

from rasd.text import search_keys


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("انشقاقات انشقاق بالانشقاقات", "انشقاق"),
        ("مسلحين مسلحون مسلحي المسلحين مسلح", "مسلح"),
        ("الطائرتين طائرة", "طائره"),
        ("قتلى قتيل", "قتيل"),
        ("جرحى جريح", "جريح"),
        ("مدن مدينة", "مدينه"),
        ("قرى قرية", "قريه"),
        ("عناصر عنصر", "عنصر"),
        ("غارات غارة", "غاره"),
        ("أحياء حي", "حي"),
        ("فصائل فصيل", "فصيل"),
        ("مقاتلين مقاتل", "مقاتل"),
        ("السوري سوري السوريين", "سوري"),
        ("مرحلته مرحلة", "مرحله"),
        ("أدائه أداء", "اداء"),
        ("المصالحات المصالحة", "مصالحه"),
        ("الراغبين راغب", "راغب"),
        ("فالمسلحين", "مسلح"),
        ("مظاهرات مظاهرة", "مظاهره"),
    ],
)
def test_inflections_meet(words: str, key: str) -> None:
    assert set(search_keys(words)) == {key}


@pytest.mark.parametrize(
    "word", ["فلسطين", "البحرين", "لبنان", "السودان", "بيان", "وزير", "التي", "الذين"]
)
def test_names_and_lexical_words_are_not_folded(word: str) -> None:
    assert search_keys(word) == [search_keys(word)[0]]
    assert len(search_keys(word)[0]) >= len(word) - 2  # only the article may go


def test_keys_skip_punctuation() -> None:
    assert search_keys("«قتلى»، ٣") == ["قتيل", "3"]
