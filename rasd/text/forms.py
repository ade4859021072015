"""The analysis of one word form (text stage): a word in, its norm, key and clitic parts out.

`analyse_word` computes it: search normalisation, clitic segmentation
(`clitics`) and the key (`keys`). That takes a dozen lookups in tables of
150k forms, each a likely cache miss, so the analyses of the 157k SaudiNewsNet
corpus forms are precomputed by `scripts/train_clitics.py` into
`resources/word_analyses.tsv.gz` (`form <TAB> proclitics joined by + <TAB>
enclitic <TAB> key`, the key left empty when it equals the form's search
norm), and `word_analysis` looks them up: one lookup for most words of a news
text. The table is derived from every other text resource (word counts,
weights, split table, broken plurals) and is rebuilt with them; a unit test
checks that it still agrees with `analyse_word`.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.text.clitics import (
    ARTICLE,
    _model,
    analyse_clitics,
    known_segmentations,
    read_table,
    word_counts,
)
from rasd.text.keys import broken_plurals, fold_key, search_counts, stem_before_pronoun
from rasd.text.normalize import normalize_search

Parts = tuple[tuple[int, int, str], ...]
Analysis = tuple[str, str, Parts]


def analyse_word(word: str) -> Analysis:
    """(norm, key, relative segments) of one word form, computed from the resources.

    «وبمسلحيه» → ("وبمسلحيه", "مسلح", ((0,1,proclitic), (1,2,proclitic), (2,7,stem), (7,8,enclitic))).
    """
    norm = normalize_search(word)
    parts, (pre, stem, enc) = analyse_clitics(word)
    if len(parts) == 1:
        stem = norm
    else:
        stem = normalize_search(stem)
        if enc:
            stem = stem_before_pronoun(stem)
    definite = ARTICLE in pre or pre[-2:] == ("ل", "ل")
    return norm, fold_key(stem, definite), parts


def load_resources() -> None:
    """Load every text resource now rather than on first need (benchmarks, servers)."""
    word_counts(), known_segmentations(), _model(), search_counts(), broken_plurals()
    known_analyses()


@lru_cache(maxsize=1)
def known_analyses() -> dict[str, Analysis]:
    """Corpus form → its analysis (norm, key, relative parts), from `word_analyses.tsv.gz`.

    Equal strings and parts are shared: most norms and keys are the form itself,
    and a few hundred shapes of parts cover the 157k forms.
    """
    shapes: dict[tuple[int, str, str], Parts] = {}
    table: dict[str, Analysis] = {}
    fields = read_table("word_analyses.tsv.gz")
    forms = fields[0::4]
    # The forms are letters-level, so one normalize_search over all of them,
    # newline-joined, gives each one's norm (as for keys.search_counts).
    norms = normalize_search("\n".join(forms)).split("\n")
    for form, norm, pre, enc, key in zip(
        forms, norms, fields[1::4], fields[2::4], fields[3::4], strict=True
    ):
        shape = (len(form), pre, enc)
        parts = shapes.get(shape)
        if parts is None:
            parts = shapes[shape] = _parts(len(form), pre.split("+") if pre else (), len(enc))
        norm = form if norm == form else norm
        table[form] = (norm, key or norm, parts)
    return table


def _parts(n: int, proclitics: list[str] | tuple[()], enc: int) -> Parts:
    """Relative parts of a letters-only word of n letters: (3, ["و"], 0) → (0,1,proclitic) (1,3,stem)."""
    parts = []
    at = 0
    for p in proclitics:
        parts.append((at, at + len(p), "proclitic"))
        at += len(p)
    parts.append((at, n - enc, "stem"))
    if enc:
        parts.append((n - enc, n, "enclitic"))
    return tuple(parts)


def table_row(form: str) -> str:
    """The `word_analyses.tsv.gz` line of a corpus form (used by `scripts/train_clitics.py`)."""
    norm, key, parts = analyse_word(form)
    pre = "+".join(form[s:e] for s, e, role in parts if role == "proclitic")
    enc = "".join(form[s:e] for s, e, role in parts if role == "enclitic")
    return f"{form}\t{pre}\t{enc}\t{'' if key == norm else key}\n"


def lookup_word(word: str) -> Analysis:
    """`analyse_word`, from the precomputed table when the word is a corpus form."""
    known = known_analyses().get(word)
    return analyse_word(word) if known is None else known


@lru_cache(maxsize=20_000)
def word_analysis(word: str) -> Analysis:
    """(norm, key, relative segments) of one word form, memoised per form.

    «وبمسلحيه» → ("وبمسلحيه", "مسلح", ((0,1,proclitic), (1,2,proclitic), (2,7,stem), (7,8,enclitic))).
    """
    return lookup_word(word)
