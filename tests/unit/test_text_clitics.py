import pytest

from rasd.text import split_clitics, tokenize

# The first paragraph of the seed body, segmented as a careful reader would.
FIRST_PARAGRAPH = (
    "بدأ مسلحون من تنظيم داعش ال+إرهابي في جنوب ال+عاصمة ب+ال+انشقاق عن ال+تنظيم "
    "و+ال+لجوء إلى ال+قسم ال+شرقي من حي ال+قدم ب+هدف ال+خروج إلى شمال ال+بلاد ، في "
    "مؤشر على انسداد ال+أفق أمام ال+تنظيم في جنوب ال+عاصمة في ظل ال+خسائر ال+كبيرة "
    "التي يمنى ب+ها في مناطق سيطرت+ه ."
)


def _segmented(text: str) -> str:
    return " ".join("+".join(s.text for s in t.segments) for t in tokenize(text))


def _body_paragraphs(seed_raw: str) -> list[str]:
    lines = [line for line in seed_raw.splitlines() if line.strip()]
    return lines[3:]  # section, headline, byline come first


def test_seed_first_paragraph_every_word(seed_raw: str) -> None:
    assert _segmented(_body_paragraphs(seed_raw)[0]) == FIRST_PARAGRAPH


def test_seed_second_paragraph(seed_raw: str) -> None:
    words = _segmented(_body_paragraphs(seed_raw)[1]).split()
    for expected in ("و+ذكرت", "مسلحي", "عن+ه", "و+لجؤوا", "ل+ل+انضمام", "ب+مغادرة", "عدداً"):
        assert expected in words


@pytest.mark.parametrize(
    "word", ["وزير", "بلدة", "كتب", "لبنان", "فلسطين", "سوريا", "والي", "بيان", "كما", "هنا"]
)
def test_lexical_words_are_not_split(word: str) -> None:
    assert split_clitics(word) == ((0, len(word), "stem"),)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("وبالقلم", "و+ب+ال+قلم"),
        ("وبلدة", "و+بلدة"),
        ("وسيبقون", "و+س+يبقون"),
        ("للمصالحة", "ل+ل+مصالحة"),
        ("أوضاعهم", "أوضاع+هم"),
        ("مسلحيه", "مسلحي+ه"),
        ("لها", "ل+ها"),
        ("واحد", "واحد"),
    ],
)
def test_clitics_split_with_evidence(word: str, parts: str) -> None:
    assert "+".join(word[s:e] for s, e, _ in split_clitics(word)) == parts


def test_diacritics_and_tatweel_stay_with_their_letter() -> None:
    word = "وَبِالـمَدينةِ"
    parts = split_clitics(word)
    assert [word[s:e] for s, e, _ in parts] == ["وَ", "بِ", "الـ", "مَدينةِ"]
    (tok,) = tokenize("  " + word)
    assert [s.start for s in tok.segments] == [2 + s for s, _, _ in parts]
    assert tok.key == "مدينه"


def test_table_of_corpus_forms_matches_the_model() -> None:
    """clitic_splits.tsv.gz must be rebuilt (scripts/train_clitics.py) when the model changes."""
    from rasd.text.clitics import _model, best_candidate, known_segmentations, word_counts

    weights, keep = _model()
    forms = [f for f in list(word_counts())[::50] if f not in keep]
    assert len(forms) > 3000
    table = known_segmentations()
    for form in forms:
        scored = best_candidate(form, weights)
        assert table.get(form, ((), form, "")) == scored, form
