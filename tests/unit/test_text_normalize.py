from rasd.text import normalize_display, normalize_letters, normalize_search


def test_display_removes_tatweel_and_invisible_marks_only() -> None:
    assert normalize_display("الـمـسلحين\u200f\u200c") == "المسلحين"
    assert normalize_display("إِنْشِقاق") == "إِنْشِقاق"


def test_search_unifies_letters_and_digits() -> None:
    assert normalize_search("إنْشِقاقاتٌ") == "انشقاقات"
    assert normalize_search("آمال أحمد ٱلقدس") == "امال احمد القدس"
    assert normalize_search("مدينة مستشفى") == "مدينه مستشفي"
    assert normalize_search("کتاب یوم ۀ") == "كتاب يوم ه"
    assert normalize_search("٢٠١٨ ۱۳۹۷ ٣٫٥") == "2018 1397 3.5"


def test_letters_keep_hamza_taa_marbuta_alef_maqsura() -> None:
    assert normalize_letters("وَإِلى المدينةِ") == "وإلى المدينة"


def test_decomposed_hamza_is_composed() -> None:
    assert normalize_search("ا\u0654حمد") == "احمد"
    assert normalize_letters("ا\u0654حمد") == "أحمد"
