"""Scorer for clitic segmentation against the Farasa WikiNews gold (eval, not a stage).

In: `WikiNews.pos.ref` (one word per line, `segments<TAB>POS`, segments joined
by `+`, a header line first). Out: word accuracy of clitic boundaries on the
dev and test parts. Only clitics count: leading و ف ب ك ل س ال and trailing
pronouns ه ها هم هما هن ك كم كن ي ني نا; inflectional suffixes (ة ات ين ون,
verb subject markers) belong to the stem. Farasa writes ل + ال for the
surface «لل»; the surface word is rebuilt from the segments.

The split is fixed: lines from 14,641 on (the last 20%) are the test part and
never used for training or tuning; of the lines before, those from 11,713 on
are the dev part used for tuning, the rest train the clitic weights.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasd.text.clitics import split_clitics

TEST_FROM_LINE = 14_641
DEV_FROM_LINE = 11_713
PROCLITICS = frozenset({"و", "ف", "ب", "ك", "ل", "س", "ال"})
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "ي", "ني", "نا"})
_CLITIC_TAGS = frozenset({"CONJ", "PREP", "DET", "FUT_PART", "PART", "PRON"})


@dataclass(frozen=True, slots=True)
class GoldWord:
    """A surface word with its gold clitic boundaries (letter offsets) and line number."""

    line: int
    word: str
    bounds: tuple[int, ...]
    parts: tuple[str, ...]  # proclitics..., stem, enclitic? — surface strings


def read_gold(path: Path) -> Iterator[GoldWord]:
    """Arabic words of the gold with their clitic boundaries: «ل+ال+مؤتمر» → «للمؤتمر» (1, 2)."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            cols = line.rstrip("\r\n").split("\t")
            if number == 1 or len(cols) < 2:
                continue
            word = _gold_word(number, cols[0].split("+"), cols[1].split("+"))
            if word is not None:
                yield word


def _gold_word(number: int, segs: list[str], tags: list[str]) -> GoldWord | None:
    if not all(segs) or not any("\u0621" <= ch <= "\u064a" for ch in "".join(segs)):
        return None
    aligned = len(tags) == len(segs)

    def is_clitic(i: int, allowed: frozenset[str]) -> bool:
        return segs[i] in allowed and (not aligned or tags[i] in _CLITIC_TAGS)

    n_pre = 0
    while n_pre < len(segs) - 1 and is_clitic(n_pre, PROCLITICS):
        n_pre += 1
    has_enc = len(segs) - n_pre >= 2 and is_clitic(len(segs) - 1, ENCLITICS)
    surface_pre = list(segs[:n_pre])
    for i in range(1, n_pre):  # Farasa's ل + ال is written «لل»
        if surface_pre[i] == "ال" and surface_pre[i - 1] == "ل":
            surface_pre[i] = "ل"
    stem = "".join(segs[n_pre : len(segs) - 1 if has_enc else len(segs)])
    parts = (*surface_pre, stem, *([segs[-1]] if has_enc else []))
    bounds, at = [], 0
    for p in parts[:-1]:
        at += len(p)
        bounds.append(at)
    return GoldWord(number, "".join(parts), tuple(bounds), parts)


def predicted_bounds(word: str) -> tuple[int, ...]:
    """Clitic boundaries that rasd puts inside a word (offsets after each part but the last)."""
    return tuple(end for _, end, _ in split_clitics(word)[:-1])


@dataclass
class Score:
    words: int = 0
    correct: int = 0
    errors: list[tuple[GoldWord, tuple[int, ...]]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.words if self.words else 0.0


def part_of(line: int) -> str:
    """train, dev or test for a line number of WikiNews.pos.ref."""
    if line >= TEST_FROM_LINE:
        return "test"
    return "dev" if line >= DEV_FROM_LINE else "train"


def evaluate_segmentation(path: Path) -> dict[str, Score]:
    """Word accuracy of clitic boundaries per part (train, dev, test)."""
    scores = {name: Score() for name in ("train", "dev", "test")}
    for gold in read_gold(path):
        score = scores[part_of(gold.line)]
        pred = predicted_bounds(gold.word)
        score.words += 1
        if pred == gold.bounds:
            score.correct += 1
        else:
            score.errors.append((gold, pred))
    return scores
