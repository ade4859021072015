from rasd.text import analyze, split_clauses


def _sentences(text: str) -> list[str]:
    return [s.text for s in analyze(text)[1]]


def test_enders_and_paragraphs() -> None:
    text = "انشق مسلحون. هل خرجوا؟ نعم!\nفقرة ثانية بلا نقطة\nوثالثة"
    assert _sentences(text) == [
        "انشق مسلحون.",
        "هل خرجوا؟",
        "نعم!",
        "فقرة ثانية بلا نقطة",
        "وثالثة",
    ]


def test_never_inside_numbers_dates_abbreviations() -> None:
    text = "بلغ 3.5 مليون في 22/4/2018 حسب د. أحمد و U.S. Army. ثم انتهى"
    assert _sentences(text) == [
        "بلغ 3.5 مليون في 22/4/2018 حسب د. أحمد و U.S. Army.",
        "ثم انتهى",
    ]


def test_era_letter_after_a_year_ends_the_sentence() -> None:
    assert _sentences("تأسست عام 1932م. وقال د. علي إنها في 1436هـ. ثم") == [
        "تأسست عام 1932م.",
        "وقال د. علي إنها في 1436هـ.",
        "ثم",
    ]


def test_never_inside_open_quotation() -> None:
    text = "قالت المصادر: «لم يسلموا. ولن يسلموا» ثم غادرت. وقال: «انتهى.» وعاد"
    assert _sentences(text) == [
        "قالت المصادر: «لم يسلموا. ولن يسلموا» ثم غادرت.",
        "وقال: «انتهى.»",
        "وعاد",
    ]


def test_runs_of_enders_stay_together() -> None:
    assert _sentences("حقاً؟! نعم... ثم") == ["حقاً؟!", "نعم...", "ثم"]
    # A stray closing quote after the point stays with its sentence.
    assert _sentences("قال إنه انتهى.» ثم عاد") == ["قال إنه انتهى.»", "ثم عاد"]


def test_semicolon_is_a_soft_boundary(seed_raw: str) -> None:
    text = "قتل اثنان؛ وجرح ثلاثة."
    tokens, sentences = analyze(text)
    assert len(sentences) == 1
    spans = [(t.start, t.end, t.kind) for t in tokens]
    assert [c.text for c in split_clauses(text, sentences[0], spans)] == [
        "قتل اثنان؛",
        "وجرح ثلاثة.",
    ]


def test_seed_sentences(seed_raw: str) -> None:
    sentences = _sentences(seed_raw)
    assert "لـ«الوطن» أن مسألة إنهاء ملف جنوب العاصمة حالياً على «نار حامية»، لكنه" in next(
        s for s in sentences if s.startswith("وأكدت مصادر مطلعة")
    )
    assert any(s.startswith("وذكرت المصادر، أن هذا الملف") for s in sentences)
