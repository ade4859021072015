"""Recognition of toponyms for the places stage: tokens in, place candidates out.

In: the tokens of a `Doc` (text core: offsets, search-normalised `norm`,
clitic segments), its entities if an NER stage ran, and the `Gazetteer`.
Out: `Candidate`s — spans that name a place, each with the gazetteer places
that bear the name (none for a name the gazetteer lacks), the kind of trigger
noun before it (مدينة، محافظة، حي...) and whether words around it make it
relative («جنوب دمشق», «ريف حلب الشمالي»). Resolution is in
`rasd.extract.place_resolution`.

Matching is one dictionary lookup per token form: a token is tried as it is
and without its proclitics (و ف ب ل ك, «لل» → «ال»), so «بدمشق» → «دمشق» and
«للرقة» → «الرقة»; a multi-word name then checks the following tokens.
The words read around names (trigger nouns, relative words, stop lists) are
data: `rasd/resources/places/words.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from rasd.doc import Span, Token
from rasd.extract.gazetteer import AREA_KINDS, Gazetteer, Place, name_key
from rasd.text import normalize_search

# Proclitic strings a name may carry (conjunction, then preposition), longest first.
# «كـ» (as) is left out: it seldom precedes a place and hides many in words («كسرت» ≠ ك + سرت).
PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


WORDS_FILE = Path(__file__).resolve().parents[1] / "resources" / "places" / "words.yaml"


def _load_words(path: Path = WORDS_FILE) -> dict[str, Any]:
    """The word lists of `words.yaml` in search form: triggers, relative words, stop lists."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def norm(words: list[str]) -> frozenset[str]:
        return frozenset(normalize_search(w) for w in words)

    out: dict[str, Any] = {
        k: norm(v) for k, v in data.items() if k != "idioms" and isinstance(v, list)
    }
    out["triggers"] = {
        normalize_search(w): kind for kind, words in data["triggers"].items() for w in words
    }
    for key in ("directions", "bare_directions"):
        out[key] = {normalize_search(w): part for w, part in data[key].items()}
    out["idioms"] = frozenset(tuple(normalize_search(w) for w in pair) for pair in data["idioms"])
    return out


_W = _load_words()
TRIGGERS: dict[str, str] = _W["triggers"]  # trigger noun → admin, city or part
PLURAL_TRIGGERS: frozenset[str] = _W["plural_triggers"]
LEARN_TRIGGERS: frozenset[str] = _W["learn_triggers"]
LOOSE_TRIGGERS: frozenset[str] = _W["loose_triggers"]
RELATIVE_BEFORE: frozenset[str] = _W["relative_before"]
RELATIVE_AFTER: frozenset[str] = _W["relative_after"]
DIRECTIONS: dict[str, str] = _W["directions"]
BARE_DIRECTIONS: dict[str, str] = _W["bare_directions"]
IDIOMS: frozenset[tuple[str, ...]] = _W["idioms"]
OUTLET_BEFORE: frozenset[str] = _W["outlet_before"]
PERSON_BEFORE: frozenset[str] = _W["person_before"]
NOT_A_NAME: frozenset[str] = _W["not_a_name"]
NAME_HEADS: frozenset[str] = _W["name_heads"]
CLUB_BEFORE: frozenset[str] = _W["club_before"]

# Towns below this size whose name is a common word need a trigger noun or NER to count.
WEAK_POPULATION = 500_000


@dataclass(slots=True)
class Candidate:
    """A span that names a place, before resolution.

    first/last: token indexes of its first and last word. places: gazetteer
    entries bearing the name (empty: a name the gazetteer lacks). trigger:
    "admin", "city", "part", "area" or "" for the noun before it. relative: words around
    make it a part of / near the place. source: gazetteer, trigger, ner, local
    (a name learnt earlier in the same article), capital («العاصمة») or
    country-part («شمال البلاد»; «الجنوب» in «الجنوب والبقاع» with `beside`).
    """

    start: int
    end: int
    text: str
    first: int
    last: int
    places: tuple[Place, ...]
    trigger: str = ""  # admin, city, part or area
    relative: bool = False
    source: str = "gazetteer"
    part: str = ""
    key: tuple[str, ...] = ()
    beside: bool = False  # a bare «الجنوب»: a part of the country of the place coordinated with it
    vouched: bool = False  # a trigger noun or NER says this is a place
    learn: bool = False  # an unknown name to look for again in the article


def _letter_offsets(text: str) -> list[int]:
    """Offsets in `text` of its letters, skipping diacritics and tatweel (which search drops)."""
    return [i for i, ch in enumerate(text) if normalize_search(ch)]


def word_forms(token: Token) -> list[tuple[int, str]]:
    """(start offset, search form) of a word as written and without its proclitics.

    «وللرقة» → [(s, "وللرقه"), (s+2, "الرقه"), ...]; a stripped form keeps at least
    three letters, so short words are not mistaken for names.
    """
    return [(token.start + offset, form) for offset, form in _forms(token.text, token.norm)]


@lru_cache(maxsize=50_000)  # a few hundred bytes each: bounded memory
def _forms(word: str, norm: str) -> tuple[tuple[int, str], ...]:
    """word_forms per word form, with offsets relative to the word (memoised: news repeats)."""
    forms = [(0, norm)]
    if len(norm) < 4 or not ("\u0621" <= norm[0] <= "\u064a"):
        return tuple(forms)
    letters = None
    for pre in PROCLITICS:
        if not norm.startswith(pre):
            continue
        rest = norm[len(pre) :]
        if letters is None:
            letters = _letter_offsets(word)
        if len(letters) != len(norm):
            break  # letters and search form do not line up (ligatures): keep it whole
        if pre.endswith("ل") and rest.startswith("ل") and len(rest) >= 4:
            # «للرقة»: ل + (ا)لرقة, the article's alef elided after the preposition
            forms.append((letters[len(pre)], "ا" + rest))
        if len(rest) >= 3:
            forms.append((letters[len(pre)], rest))
    return tuple(forms)


@lru_cache(maxsize=50_000)  # a few hundred bytes each: bounded memory
def _stripped(norm: str) -> str:
    """A word without its conjunction and preposition: «وبمدينة» → «مدينه»."""
    for pre in PROCLITICS:
        if norm.startswith(pre) and len(norm) - len(pre) >= 2:
            rest = norm[len(pre) :]
            if (
                rest in TRIGGERS
                or rest in RELATIVE_BEFORE
                or rest in DIRECTIONS
                or rest in BARE_DIRECTIONS
            ):
                return rest
    return norm


def _is_word(token: Token) -> bool:
    return token.kind == "word"


def match_gazetteer(tokens: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """Longest gazetteer names in the tokens, left to right, never overlapping."""
    found: list[Candidate] = []
    index = gaz.index
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if token.kind != "word":
            i += 1
            continue
        best: tuple[int, int, tuple[Place, ...], tuple[str, ...]] | None = None
        for offset, form in _forms(token.text, token.norm):
            entries = index.get(form)
            if entries is None:
                continue
            start, stripped = token.start + offset, offset > 0
            for rest, places in entries:
                if not rest and (
                    form in TRIGGERS or (len(form) <= 2 and not _written(token, places))
                ):
                    continue
                if stripped and token.norm in gaz.common and not any(map(gaz.known, places)):
                    continue  # «فتوى» is a word, not ف + a town called «توى»
                j = i + len(rest)
                if j >= n or (best and j <= best[1]):
                    continue
                if all(tokens[i + 1 + k].norm == w for k, w in enumerate(rest)):
                    best = (start, j, places, (form, *rest))
                    break
        if best is None:
            i += 1
            continue
        start, j, places, key = best
        end = tokens[j].end
        found.append(Candidate(start, end, "", i, j, places, key=key))
        i = j + 1
    return found


def _written(token: Token, places: Sequence[Place]) -> bool:
    """Whether a short word is written exactly as a name (hamza included): «إب» is Ibb,
    «آب» is August."""
    bare = "".join(ch for ch in token.text if normalize_search(ch) or ch == "ء")
    return any(bare in p.names for p in places)


def _trigger_at(tokens: Sequence[Token], i: int) -> str:
    if i >= 1 and tokens[i].text in _OPENING_QUOTES:
        i -= 1  # «بولاية "ميسوري"»
    if i < 0 or not _is_word(tokens[i]):
        return ""
    return TRIGGERS.get(_stripped(tokens[i].norm), "")


def _relative(tokens: Sequence[Token], first: int, last: int) -> bool:
    k = first - 1
    if k >= 0 and _trigger_at(tokens, k):
        k -= 1
    for _ in range(3):
        if k < 0 or not _is_word(tokens[k]):
            break
        word = _stripped(tokens[k].norm)
        if word in RELATIVE_BEFORE:
            return True
        if word not in ("من", "في"):
            break
        k -= 1
    nxt = last + 1
    return nxt < len(tokens) and tokens[nxt].norm in RELATIVE_AFTER


def annotate(
    cands: list[Candidate],
    tokens: Sequence[Token],
    text: str,
    gaz: Gazetteer,
    locations: Sequence[tuple[int, int]] = (),
    persons: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """Fill trigger, relative and text; drop names that context says are not places:
    an outlet («صحيفة الوطن»), a person (an NER PERS span, «الروسي سيرجي لافروف»), or
    a small place whose name is a common word with no trigger noun or NER location to
    vouch for it. A trigger noun outweighs NER: «بلدة يلدا» is a place."""
    kept = []
    prev: Candidate | None = None
    # «مدينة دوما» vouches for «دوما» further on in the same article
    named = {
        c.key
        for c in cands
        if c.key and c.source == "gazetteer" and _trigger_at(tokens, c.first - 1)
    }
    for c in cands:
        before = tokens[c.first - 1].norm if c.first > 0 else ""
        c.text = text[c.start : c.end]
        c.trigger = c.trigger or _trigger_at(tokens, c.first - 1)
        if (
            not c.trigger
            and prev is not None
            and prev.trigger
            and prev.last == c.first - 1
            and tokens[c.first].norm.startswith("و")
        ):
            # «بريفي إدلب وحلب», «قريتي نبل والزهراء»: the trigger covers the list
            c.trigger = prev.trigger
        c.relative = c.relative or _relative(tokens, c.first, c.last)
        c.vouched = (
            bool(c.trigger)
            or c.key in named
            or any(s <= c.start and c.end <= e for s, e in locations)
        )
        vouched = c.vouched
        if before in OUTLET_BEFORE or (not c.trigger and _quoted(text, c)):
            continue
        after = tokens[c.last + 1].norm if c.last + 1 < len(tokens) else ""
        if c.key and (c.key[-1], after[:3]) in IDIOMS:
            continue
        if not vouched and c.source == "gazetteer" and _club(c, before, after, gaz):
            continue
        if not c.trigger and c.source == "gazetteer" and _adjective(c, tokens, before):
            continue
        if not vouched and c.source == "gazetteer" and _person_context(before, gaz):
            continue
        if not vouched and any(s < c.end and c.start < e for s, e in persons):
            continue
        if not vouched and c.source == "gazetteer" and _weak(c, before, gaz):
            continue
        kept.append(c)
        prev = c
    return kept


_OPENING_QUOTES = {"«": "»", "“": "”", '"': '"'}


def _quoted(text: str, c: Candidate) -> bool:
    """A name opening a short quotation with no trigger noun is a title: «الشرق الأوسط»
    (a newspaper), “روسيا اليوم” (a channel)."""
    close = _OPENING_QUOTES.get(text[c.start - 1 : c.start]) if c.start else None
    return close is not None and close in text[c.end : c.end + 20].split("\n")[0]


def _person_context(before: str, gaz: Gazetteer) -> bool:
    """«أبو …», «الشيخ …», «الروسي سيرجي»: the name that follows is a person's."""
    return before in PERSON_BEFORE or (
        before.startswith("ال")
        and before.endswith(("ي", "يه"))
        and gaz.nationality(before) is not None
    )


def _famous(place: Place, gaz: Gazetteer) -> bool:
    """Known well enough that its name is read as the place even when it is a common word."""
    return (
        place.kind in AREA_KINDS
        or place.geonameid in gaz.seats
        or (place.population >= WEAK_POPULATION)
    )


def _club(c: Candidate, before: str, after: str, gaz: Gazetteer) -> bool:
    """A town that names a team: «ريال مدريد», «موناكو الفرنسي» (a town takes a feminine
    adjective, a club a masculine one)."""
    if before in CLUB_BEFORE:
        return True
    if not (after.startswith("ال") and after.endswith("ي")):
        return False
    country = gaz.nationality(after)
    if country is None:
        return False
    # a country takes its own masculine adjective in «لبنان الرسمي»; «موناكو الفرنسي» is a club
    return not any(
        p.kind in ("country", "admin1") and p.country == country.country for p in c.places
    )


def _adjective(c: Candidate, tokens: Sequence[Token], before: str) -> bool:
    """A one-word name in adjective form right after a definite noun is that noun's
    adjective: «الشاعرة السعودية», «الأمثال الشامية» (but «والسعودية» is a place)."""
    if len(c.key) != 1 or c.start != tokens[c.first].start:
        return False
    word = c.key[0]
    return (
        word.startswith("ال")
        and word.endswith(("يه", "ي"))
        and before.startswith("ال")
        and len(before) > 3
    )


def _weak(c: Candidate, before: str, gaz: Gazetteer) -> bool:
    """A one-word name of lesser towns only that reads as an ordinary word: a common word
    («تحت», «الكردي»), an indefinite feminine adjective («طائرات حربية») or a definite
    word after a definite noun («القاعدة الصلبة»)."""
    if len(c.key) != 1:
        return False
    word = c.key[0]
    if word in gaz.common and not any(_famous(p, gaz) for p in c.places):
        return True
    if any(gaz.known(p) for p in c.places):
        return False
    if word.startswith("ال"):
        # right after a definite noun it is that noun's adjective or genitive: «القاعدة الصلبة»
        return before.startswith("ال") and len(before) > 3 and before not in RELATIVE_BEFORE
    return word.endswith("يه")


def _unknown_name(
    tokens: Sequence[Token],
    i: int,
    common: frozenset[str],
    starts: dict[int, Candidate],
    loose: bool = False,
) -> tuple[int, int, int] | None:
    """(start offset, first, last) of a name the gazetteer lacks, starting at token i."""
    if i >= len(tokens) or not _is_word(tokens[i]) or not tokens[i].norm[:1].isalpha():
        return None
    tok = tokens[i]
    norm, start = tok.norm, tok.start
    if norm.startswith("و") and len(norm) > 3 and norm[1:] not in NOT_A_NAME:
        # a coordinated name: the conjunction is not part of it
        forms = word_forms(tok)
        start, norm = next(((s, f) for s, f in forms if f == norm[1:]), (start, norm))
    if norm in NOT_A_NAME or norm in TRIGGERS or len(norm) < 3 or not norm.isalpha():
        return None
    definite = norm.startswith("ال")
    if norm not in NAME_HEADS and (
        (not definite and (norm in common or norm.endswith("ه"))) or (loose and norm in common)
    ):
        # an adjective or a noun in construct: «بلدات موالية», «منطقة حظر», «منطقة الصراع»
        return None
    last = i
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        norm in NAME_HEADS
        and nxt is not None
        and _is_word(nxt)
        and nxt.norm not in NOT_A_NAME
        and (i + 1 not in starts or starts[i + 1].last == i + 1)
    ):
        last = i + 1
    return start, i, last


def find_unknown(
    tokens: Sequence[Token],
    known: list[Candidate],
    entities: Sequence[Span] | None,
    common: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Names the gazetteer lacks: after trigger nouns («حي القدم») and NER LOC spans.

    A two-word name whose second word is a known place is a different place
    («قرية كفر داعل» is not داعل): that known candidate is removed from `known`.
    """
    taken = {k for c in known for k in range(c.first, c.last + 1)}
    starts = {c.first: c for c in known}
    found: list[Candidate] = []
    for t, token in enumerate(tokens):
        if not _is_word(token):
            continue
        kind = TRIGGERS.get(_stripped(token.norm))
        if not kind:
            continue
        plural = _stripped(token.norm) in PLURAL_TRIGGERS
        loose = _stripped(token.norm) in LOOSE_TRIGGERS
        i = t + 1
        for _ in range(4 if plural else 1):
            if i in starts:
                c = starts[i]
                i = c.last + 1
            elif i not in taken and (name := _unknown_name(tokens, i, common, starts, loose)):
                start, first, last = name
                if last in starts and last != first:
                    known.remove(starts.pop(last))
                found.append(
                    Candidate(
                        start, tokens[last].end, "", first, last, (), kind, source="trigger",
                        learn=_stripped(token.norm) in LEARN_TRIGGERS,
                    )
                )  # fmt: skip
                taken.update(range(first, last + 1))
                i = last + 1
            else:
                break
            if not (plural and i < len(tokens) and tokens[i].norm.startswith("و")):
                break
    for ent in entities or ():
        if ent.label not in ("LOC", "GPE"):
            continue
        first = next((k for k, tok in enumerate(tokens) if tok.end > ent.start), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < ent.end:
            last += 1
        # «ريف حلب» tagged LOC: the trigger noun is not the name, the name is known
        while first <= last and (
            _stripped(tokens[first].norm) in TRIGGERS or tokens[first].norm in NOT_A_NAME
        ):
            first += 1
        if first > last or any(k in taken for k in range(first, last + 1)):
            continue
        start = max(ent.start, tokens[first].start)
        tok = tokens[first]
        word = tok.text[start - tok.start : ent.end - tok.start]
        if first == last and (tok.norm in common or normalize_search(word) in common):
            # NER alone does not make a frequent word a place the gazetteer lacks: «فيما»,
            # «بينهم», or a nationality adjective («السورية») would fall back to the place
            # named before it.
            continue
        found.append(Candidate(start, ent.end, "", first, last, (), source="ner", learn=True))
        taken.update(range(first, last + 1))
    return found


def entity_spans(entities: Sequence[Span] | None, labels: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of the entities with one of `labels`: PERS spans veto family names
    that are also places; LOC spans vouch for names that are also common words."""
    return [(e.start, e.end) for e in entities or () if e.label in labels]


def find_local(
    tokens: Sequence[Token], cands: list[Candidate], names: dict[tuple[str, ...], Candidate]
) -> list[Candidate]:
    """Bare repeats of names learnt in this article: «حي القدم» … «والقدم»."""
    if not names:
        return []
    taken = {k for c in cands for k in range(c.first, c.last + 1)}
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for key in names:
        firsts.setdefault(key[0], []).append(key)
    found = []
    for i, token in enumerate(tokens):
        if i in taken or not _is_word(token):
            continue
        for start, form in word_forms(token):
            for key in firsts.get(form, ()):
                j = i + len(key) - 1
                if j < len(tokens) and all(
                    tokens[i + 1 + k].norm == w for k, w in enumerate(key[1:])
                ):
                    if any(k in taken for k in range(i, j + 1)):
                        continue
                    found.append(
                        Candidate(start, tokens[j].end, "", i, j, (), source="local", key=key)
                    )
                    taken.update(range(i, j + 1))
                    break
            else:
                continue
            break
    return found


def find_relative_country(tokens: Sequence[Token]) -> list[Candidate]:
    """«شمال البلاد», «جنوب شرقي البلاد»: a part of the article's country; «العاصمة»: its capital."""
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        norm = _stripped(token.norm) if _is_word(token) else ""
        wanted = norm in DIRECTIONS or norm in BARE_DIRECTIONS or norm.endswith("العاصمه")
        start = _form_start(token, norm) if wanted else None
        if start is None:
            i += 1
            continue
        if norm in DIRECTIONS and i + 1 < len(tokens):
            j = i + 1
            if _stripped(tokens[j].norm) in DIRECTIONS and j + 1 < len(tokens):
                j += 1  # «جنوب شرقي البلاد»
            if tokens[j].norm == "البلاد":
                found.append(
                    Candidate(
                        start, tokens[j].end, "", i, j, (), source="country-part",
                        part=DIRECTIONS[norm],
                    )
                )  # fmt: skip
                i = j
        elif norm in BARE_DIRECTIONS:
            # «مصادر في الجنوب والبقاع»: the south of the country of the place beside it
            found.append(
                Candidate(
                    start, token.end, "", i, i, (), source="country-part",
                    part=BARE_DIRECTIONS[norm], beside=True,
                )
            )  # fmt: skip
        elif (start := _capital_start(token)) is not None:
            found.append(Candidate(start, token.end, "", i, i, (), source="capital"))
        i += 1
    return found


def _form_start(token: Token, form: str) -> int | None:
    """Where `form` (the word or the word without its proclitics) starts in the text."""
    if not form:
        return None
    return next((s for s, f in word_forms(token) if f == form), None)


def _capital_start(token: Token) -> int | None:
    if not token.norm.endswith("العاصمه"):
        return None
    return next((s for s, f in word_forms(token) if f == "العاصمه"), None)


def key_of(c: Candidate) -> tuple[str, ...]:
    """The search words of a candidate's name."""
    return c.key or name_key(c.text)
