from rasd.eval.segmentation import evaluate_segmentation, read_gold
from tests.conftest import SHARED

GOLD = SHARED / "farasa-wikinews" / "WikiNews.pos.ref"


def test_gold_reader_rebuilds_surface_words() -> None:
    words = {g.word: g for g in read_gold(GOLD) if g.line < 200}
    assert words["والتلفزيون"].bounds == (1, 3)
    assert words["ترشيحاتها"].parts == ("ترشيحات", "ها")
    lil = next(g for g in read_gold(GOLD) if g.parts[:2] == ("ل", "ل"))
    assert lil.word.startswith("لل")


def test_segmentation_accuracy_floors() -> None:
    scores = evaluate_segmentation(GOLD)
    # Recorded floors (measured 98.6% dev, 99.2% test); the test part is reported, never tuned on.
    assert scores["dev"].words > 2500 and scores["test"].words > 3000
    assert scores["dev"].accuracy >= 0.975
    assert scores["test"].accuracy >= 0.97
