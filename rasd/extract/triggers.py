"""Event triggers for the events stage: which words announce an event, of which type.

In: the tokens of a sentence (norms from the text core) and the event lexicon
(`rasd/resources/event_lexicon.yaml` plus the user's files). Out: `Trigger`
records — PLOVER type and mode, the tokens and character offsets, whether the
word is a verb, a noun or a multi-word pattern, and its tense (past, present,
or future with سـ).

The lexicon is written as stems and lemmas; `load_lexicon` expands each into
its inflected forms once (every person, tense and voice of a verb, plurals and
duals of a noun) and matching is then a few dict look-ups per token on the
token's norm with its proclitics peeled off: «وقصفت» → قصفت, «بالغارات» → غارات.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml

from rasd.doc import Token
from rasd.text import normalize_search

LEXICON_PATH = Path(__file__).resolve().parents[1] / "resources" / "event_lexicon.yaml"

CACHE_LIMIT = 200_000  # memoised token norms per cache
# Words of a pattern may be separated by this many other tokens («أغلق التنظيم الطريق»).
PATTERN_GAP = 3

_PAST_SUBJECT = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما", "تن")
_PAST_BEFORE_OBJECT = ("", "ت", "ا", "تا", "و", "نا", "تمو")
_OBJECT = ("ه", "ها", "هم", "هما", "هن", "كم", "ك", "نا", "ني")
_PRESENT_PREFIX = ("ي", "ت", "ن", "ا")
_PRESENT_SUFFIX = ("", "ون", "ان", "ين", "ن", "وا", "ا")
_PRESENT_BEFORE_OBJECT = ("", "ون", "ان", "و")


@dataclass(frozen=True, slots=True)
class Sense:
    """What a trigger form means: PLOVER type, mode, and part of speech."""

    type: str
    mode: str | None
    pos: str  # verb, noun or pattern


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: tokens first..last (indexes into the sentence's tokens)."""

    type: str
    mode: str | None
    pos: str
    first: int
    last: int
    start: int
    end: int
    tense: str | None  # past, present or future for a verb (or a pattern's first word)


@dataclass(frozen=True, slots=True)
class Pattern:
    words: tuple[frozenset[str], ...]
    sense: Sense | None  # None: a block pattern, not an event


@dataclass
class Lexicon:
    """Inflected forms → senses, multi-word patterns indexed by their first word."""

    verbs: dict[str, Sense] = field(default_factory=dict)
    nouns: dict[str, Sense] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)
    pattern_heads: dict[str, list[int]] = field(default_factory=dict)
    tenses: dict[str, str] = field(default_factory=dict)  # verb form → past/present/future
    # Per token norm, memoised: the patterns it may start, and its single-word sense.
    head_cache: dict[str, tuple[int, ...]] = field(default_factory=dict)
    sense_cache: dict[str, Sense | None] = field(default_factory=dict)
    not_triggers: set[str] = field(default_factory=set)
    # Forms written out in the lexicon with their conjunction: they win over a look-alike
    # in not_triggers («وطالب» demanded, while «طالب» alone is mostly a student).
    written: set[str] = field(default_factory=set)


def verb_forms(entry: str, objects: bool = True) -> dict[str, str]:
    """Forms of a verb written "past" or "past/present-stem", each with its tense.

    «قصف» → {قصف: past, قصفوا: past, يقصف: present, سيقصفون: future ...};
    «سيطر/-» has no present forms. objects=False leaves out object pronouns
    (a pattern names its object as a word of its own: «أغلق الطريق»).
    """
    past, _, present = entry.partition("/")
    past = normalize_search(past.strip())
    present = normalize_search(present.strip()) if present else past
    pronouns = _OBJECT if objects else ()
    forms: set[str] = set()
    if past[-1] in "اي":  # weak final: دعا/دعو، استولى/ستولي
        root = past[:-1]
        forms |= {past, root + "ت", root + "وا", root + "تا", root + "يا", root + "ينا"}
        forms |= {past + o for o in pronouns} | {root + "و" + o for o in pronouns}
    else:
        forms |= {past + s for s in _PAST_SUBJECT}
        forms |= {past + s + o for s in _PAST_BEFORE_OBJECT for o in pronouns}
    tenses = dict.fromkeys(forms, "past")
    if present == "-":
        return tenses
    if present[-1] in "وي":
        root = present[:-1]
        stems = [present, root + "ون", root + "ين", root + "وا", root + "ان"]
        stems += [present + o for o in pronouns]
    else:
        stems = [present + s for s in _PRESENT_SUFFIX]
        stems += [present + s + o for s in _PRESENT_BEFORE_OBJECT for o in pronouns]
    for prefix in _PRESENT_PREFIX:
        for stem in stems:
            tenses.setdefault(prefix + stem, "present")
            tenses.setdefault("س" + prefix + stem, "future")
    return tenses


def noun_forms(lemma: str) -> set[str]:
    """Forms of a noun lemma: «غارة» → {غاره، غارات، غارتين، غارته ...}, «قصف» → {قصفا ...}."""
    lemma = normalize_search(lemma.strip())
    forms = {lemma}
    if lemma.endswith("ه"):
        base = lemma[:-1]
        forms |= {base + "ات", base + "تين", base + "تان", base + "تي", base + "تا"}
        forms |= {base + "ت" + o for o in _OBJECT} | {base + "ات" + o for o in _OBJECT}
    else:
        # No nisba suffix (ي): «اجتماعي» is "social", not a meeting.
        forms |= {lemma + s for s in ("ات", "ين", "ان", "ون", "ا", "ه")}
        forms |= {lemma + o for o in _OBJECT} | {lemma + "ات" + o for o in _OBJECT}
    return forms


def _pattern_word_forms(word: str) -> frozenset[str]:
    """Any inflection of a pattern word, as a verb or a noun: «أغلق» → اغلق، يغلق، اغلقت ..."""
    return _forms_of_norm(normalize_search(word))


@cache
def _forms_of_norm(norm: str) -> frozenset[str]:
    # Memoised: a word shared by many patterns («الطريق», «أعلن») keeps one set in memory.
    forms = set(verb_forms(norm, objects=False)) | noun_forms(norm)
    if norm.startswith("ا") and len(norm) > 3:  # derived forms: أغلق → يغلق
        forms |= set(verb_forms(f"{norm}/{norm[1:]}", objects=False))
    return frozenset(sys.intern(f) for f in forms)


def load_lexicon(extra_files: Sequence[Path] = ()) -> Lexicon:
    """The bundled event lexicon plus the user's files, expanded to forms (loaded once)."""
    lex = Lexicon()
    for path in (LEXICON_PATH, *extra_files):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        lex.not_triggers |= {normalize_search(w) for w in data.get("not_triggers") or []}
        for text in data.get("block") or []:
            _add_pattern(lex, text, None)
        for entry in data.get("triggers") or []:
            _add_entry(lex, entry)
    return lex


def _add_entry(lex: Lexicon, entry: dict) -> None:
    type_, mode = entry["type"], entry.get("mode")
    for verb in entry.get("verbs") or []:
        if " " in verb:
            _add_pattern(lex, verb, Sense(type_, mode, "pattern"))
            continue
        for form, tense in verb_forms(verb).items():
            lex.verbs.setdefault(form, Sense(type_, mode, "verb"))
            lex.tenses.setdefault(form, tense)
    for noun in entry.get("nouns") or []:
        if " " in noun:
            _add_pattern(lex, noun, Sense(type_, mode, "pattern"))
            continue
        for form in noun_forms(noun):
            lex.nouns.setdefault(form, Sense(type_, mode, "noun"))
    for form in entry.get("forms") or []:
        form = normalize_search(form)
        lex.written.add(form)
        lex.verbs.setdefault(form, Sense(type_, mode, "verb"))
        lex.tenses.setdefault(form, "present" if form[:1] in "يت" else "past")
    for text in entry.get("patterns") or []:
        _add_pattern(lex, text, Sense(type_, mode, "pattern"))


def _add_pattern(lex: Lexicon, text: str, sense: Sense | None) -> None:
    words = tuple(_pattern_word_forms(w) for w in text.split())
    for form, tense in verb_forms(normalize_search(text.split()[0])).items():
        lex.tenses.setdefault(form, tense)
    lex.patterns.append(Pattern(words, sense))
    for form in words[0]:
        lex.pattern_heads.setdefault(form, []).append(len(lex.patterns) - 1)


@lru_cache(maxsize=200_000)
def candidates(norm: str) -> tuple[tuple[str, bool], ...]:
    """(form, may be a verb) for a token norm with proclitics peeled off, longest first.

    «وبالغارات» → (وبالغارات, True), (بالغارات, True), (غارات, False) ...
    Only و/ف may stand before a verb; ب/ل/ك and ال mark a noun.
    """
    out: list[tuple[str, bool]] = [(norm, True)]
    bases = [norm]
    if norm[:1] in ("و", "ف") and len(norm) > 3:
        bases.append(norm[1:])
        out.append((norm[1:], True))
    for base in bases:
        for prefix in ("بال", "كال", "لل", "ال", "ب", "ل", "ك"):
            if base.startswith(prefix) and len(base) - len(prefix) >= 2:
                out.append((base[len(prefix) :], False))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _form_set(norm: str) -> frozenset[str]:
    return frozenset(form for form, _ in candidates(norm))


def _lookup(lex: Lexicon, norm: str) -> Sense | None:
    if norm in lex.sense_cache:
        return lex.sense_cache[norm]
    sense = None
    conjoined = norm[:1] in ("و", "ف")
    written = conjoined and norm in lex.written
    # A look-alike blocks its form with و/ف before it, and no other letter: «وفجر» is
    # still dawn, but «يفجر» is not «فجر» and «ستقتل» not «تقتل».
    blocked = norm in lex.not_triggers or (conjoined and norm[1:] in lex.not_triggers)
    if written or not blocked:
        for form, verb_ok in candidates(norm):
            noun = lex.nouns.get(form)
            verb = lex.verbs.get(form) if verb_ok else None
            # A final ه read both ways is the noun's ة: «تظاهرة» is a demonstration,
            # not تظاهر + ه; «قتل» stays a verb.
            if noun and (verb is None or form.endswith("ه")):
                sense = noun
                break
            if verb:
                sense = verb
                break
    if len(lex.sense_cache) > CACHE_LIMIT:  # keep memory flat over a large corpus
        lex.sense_cache.clear()
    lex.sense_cache[norm] = sense
    return sense


def find_triggers(lex: Lexicon, tokens: Sequence[Token]) -> list[Trigger]:
    """Triggers in one sentence's tokens: patterns first, then single words not inside one.

    «فقد أغلق التنظيم الطريق» → [Trigger(COERCE, restrict, pattern, «أغلق التنظيم الطريق»)].
    """
    taken: set[int] = set()
    found: list[Trigger] = []
    starts = [(i, _heads(lex, t.norm)) for i, t in enumerate(tokens) if t.kind == "word"]
    starts = [(i, heads) for i, heads in starts if heads]
    # Block patterns first, so «خاض الحزب معركة انتخابية» is not «خاض معركة».
    for blocking in (True, False):
        for i, heads in starts:
            if i in taken:
                continue
            for pattern_id in heads:
                pattern = lex.patterns[pattern_id]
                if (pattern.sense is None) != blocking:
                    continue
                last = _match_rest(pattern, tokens, i)
                if last is None or not taken.isdisjoint(range(i, last + 1)):
                    continue
                taken.update(range(i, last + 1))
                if pattern.sense:
                    found.append(_trigger(lex, pattern.sense, tokens, i, last))
                break
    for i, token in enumerate(tokens):
        if i in taken or token.kind != "word":
            continue
        sense = _lookup(lex, token.norm)
        if sense:
            found.append(_trigger(lex, sense, tokens, i, i))
    found.sort(key=lambda t: t.start)
    return found


def _heads(lex: Lexicon, norm: str) -> tuple[int, ...]:
    if norm in lex.head_cache:
        return lex.head_cache[norm]
    ids: set[int] = set()
    for form, _ in candidates(norm):
        ids.update(lex.pattern_heads.get(form, ()))
    # Longer patterns first, so «إضراب عن الطعام» wins over «إضراب».
    heads = tuple(sorted(ids, key=lambda k: (-len(lex.patterns[k].words), k)))
    if len(lex.head_cache) > CACHE_LIMIT:
        lex.head_cache.clear()
    lex.head_cache[norm] = heads
    return heads


def _match_rest(pattern: Pattern, tokens: Sequence[Token], first: int) -> int | None:
    pos = first
    for word in pattern.words[1:]:
        for j in range(pos + 1, min(pos + 2 + PATTERN_GAP, len(tokens))):
            if tokens[j].kind == "word" and word & _form_set(tokens[j].norm):
                pos = j
                break
        else:
            return None
    return pos


def _trigger(lex: Lexicon, sense: Sense, tokens: Sequence[Token], first: int, last: int) -> Trigger:
    tense = None
    # A pattern opened by a noun («اتفاق مصالحة») has no tense.
    if sense.pos == "verb" or (
        sense.pos == "pattern"
        and not any(f in lex.nouns for f, _ in candidates(tokens[first].norm))
    ):
        tense = next(
            (
                lex.tenses[f]
                for f, verb_ok in candidates(tokens[first].norm)
                if verb_ok and f in lex.tenses
            ),
            None,
        )
    return Trigger(
        sense.type,
        sense.mode,
        sense.pos,
        first,
        last,
        tokens[first].start,
        tokens[last].end,
        tense,
    )
