"""Stage actors: mentions resolved to canonical actors of the actor dictionary.

In: `doc.tokens` (text core) and `doc.entities` (NER). Out: `doc.actors`, a
list of `rasd.doc.ActorMention` in text order, each with offsets into
`doc.text`. Three kinds of mention:

- dictionary aliases, clitic- and plural-aware («لقوات النظام», «والمسلحين»);
  aliases that are also common words («الوطن») count only inside quotes,
  after صحيفة/قناة/وكالة..., or when NER tagged them ORG; «القاعدة» is no group
  in an article that uses the noun for a base («قاعدة العند»);
- anaphors («التنظيم», «الحركة») resolved to the last named group of a fitting
  type earlier in the article («التنظيم الجهادي»: a jihadist one), or, with none
  named, by the article's country («طيران التحالف» in Yemen: the Saudi-led one);
- member nouns before a group («مسلحي التنظيم», «عائلات من تنظيم داعش») or
  with a pronoun («مسلحيه»), which are the group itself.

NER ORG/PERS spans that the dictionary does not know stay plain entities.
Each mention's `source` is "<file>:<kind>", the kind "generic" for a kind of
group («مسلحون»), which the events stage lets a named affiliation replace.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.doc import ActorMention, Doc, Span, Token
from rasd.extract.actor_dictionary import (
    Actor,
    ActorDictionary,
    Alias,
    Reading,
    load_actors,
    word_key,
    word_readings,
)
from rasd.pipeline import Stage
from rasd.text import normalize_search

# A word ending in ة (diacritics after it allowed) carries no pronoun.
_TAA_MARBUTA = re.compile("\u0629[\u064b-\u0652]*$")
_OPEN_QUOTES = frozenset("«\"“'")
_CLOSE_QUOTES = frozenset("»\"”'")
# Nouns after which a common word is the name of a medium: «صحيفة الوطن».
_MEDIA_NOUNS = frozenset(word_key(w) for w in ("صحيفة", "جريدة", "قناة", "موقع", "وكالة", "مجلة"))
_OF = word_key("من")
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
# Groups that «مسلحيه», «عناصرها» can refer back to.
_ARMED = frozenset({"jihadist group", "rebel group", "militia", "state forces"})
# «التنظيم الجهادي», «التنظيم المتطرف»: the anaphor means a jihadist group.
_JIHADIST_ADJECTIVES = frozenset(
    normalize_search(w) for w in ("الجهادي", "المتطرف", "الإرهابي", "التكفيري")
)
# Adjectives that make a definite noun a common one: «القاعدة العسكرية» is a base.
_KIND_ADJECTIVES = frozenset(
    normalize_search(w) for w in ("العسكرية", "الجوية", "البحرية", "الأمريكية", "الأميركية")
)


@dataclass(slots=True)
class _Match:
    first: int  # index into the word list
    last: int
    offset: int  # where the mention starts inside the first word (after proclitics)
    actor: Actor
    kind: str  # alias, generic (an alias of a generic actor), anaphor; +member


def stage(extra_files: Sequence[Path] = ()) -> Stage:
    """The actors stage with the bundled dictionary plus the user's actor files."""
    dictionary = load_actors(extra_files)

    def run(doc: Doc) -> dict[str, list[ActorMention]]:
        # The places stage, when it ran, tells which countries the article is about.
        countries = frozenset(p.country for p in doc.places or () if p.country)
        return {
            "actors": resolve_actors(
                doc.text, doc.tokens or [], doc.entities or [], dictionary, countries
            )
        }

    return Stage("actors", frozenset({"tokens", "entities"}), frozenset({"actors"}), run)


def resolve_actors(
    text: str,
    tokens: Sequence[Token],
    entities: Sequence[Span],
    dictionary: ActorDictionary,
    countries: frozenset[str] = frozenset(),
) -> list[ActorMention]:
    """Actor mentions of a document: «وذكرت مصادر إعلامية معارضة» → opposition media.

    countries: those of the article's places; a local alias («الحرس الجمهوري») names
    the actor of one of them, or nobody when the article names places elsewhere only.
    """
    # Runs of adjacent words: an alias never spans punctuation.
    words: list[Token] = []
    run_id: list[int] = []
    run = 0
    for tok in tokens:
        if tok.kind == "word":
            words.append(tok)
            run_id.append(run)
        else:
            run += 1
    readings = [word_readings(w.norm) for w in words]
    org_spans = [(e.start, e.end) for e in entities if e.label == "ORG"]
    common: frozenset[str] | None = None  # built when an `ar_common` alias first matches

    matches: list[_Match] = []
    last_group: list[Actor] = []  # named groups so far, for anaphors
    i = 0
    while i < len(words):
        # «مسلحيه» (its militants) refers back before it can be a generic alias.
        pronoun = _member_pronoun(i, words, dictionary, last_group)
        found = (
            None if pronoun else _longest_alias(i, words, readings, run_id, dictionary, countries)
        )
        if (
            found
            and found[0].quoted
            and not _names_medium(text, tokens, words, i, i + len(found[0].words) - 1, org_spans)
        ):
            found = None
        if found and found[0].common and found[0].forms:
            common = _common_nouns(words, readings) if common is None else common
            if found[0].forms[0] in common:
                found = None  # «القاعدة» where the article speaks of «قاعدة العند»
        if pronoun:
            m = pronoun
        elif found:
            alias, offset = found
            kind = "generic" if alias.actor.generic else "alias"
            m = _Match(i, i + len(alias.words) - 1, offset, alias.actor, kind)
            if not alias.actor.generic:
                last_group.append(alias.actor)
        else:
            m = _anaphor(i, words, readings, run_id, dictionary, last_group, countries)
        if m is None:
            i += 1
            continue
        _attach_member(m, matches, words, readings, run_id, dictionary)
        matches.append(m)
        i = m.last + 1

    out = []
    for m in matches:
        first, last = words[m.first], words[m.last]
        start = first.start + _text_offset(first.text, m.offset)
        out.append(
            ActorMention(
                start,
                last.end,
                text[start : last.end],
                m.actor.name,
                m.actor.type,
                m.actor.country,
                f"{m.actor.source}:{m.kind}",
            )
        )
    return out


def _matches(reading: Reading, spec: tuple[str, bool], form: str | None) -> bool:
    return reading[1] == spec[0] and reading[2] == spec[1] and form in (None, reading[3])


def _longest_alias(
    i: int,
    words: list[Token],
    readings: list[tuple[Reading, ...]],
    run_id: list[int],
    dictionary: ActorDictionary,
    countries: frozenset[str] = frozenset(),
) -> tuple[Alias, int] | None:
    """The longest alias starting at word i, with the offset of its first word.

    Among readings of the first word the one with most proclitics stripped wins,
    so «ولبنان» starts at ل but «لبنان» stays whole. A local alias counts only when
    `countries` holds its actor's country, or is empty and no general alias has its words.
    """
    best: tuple[Alias, int] | None = None
    for reading in sorted(readings[i], key=lambda r: -r[0]):
        for alias in dictionary.by_first.get((reading[1], reading[2]), ()):
            n = len(alias.words)
            if best and n <= len(best[0].words):
                break
            if (
                alias.local
                and alias.actor.country not in countries
                and (countries or alias.contested)
            ):
                continue
            j = i + n - 1
            if j >= len(words) or run_id[j] != run_id[i]:
                continue
            forms = alias.forms or (None,) * n
            if forms[0] in (None, reading[3]) and all(
                any(_matches(r, alias.words[k], forms[k]) for r in readings[i + k])
                for k in range(1, n)
            ):
                best = (alias, reading[0])
                break
    return best


def _names_medium(
    text: str,
    tokens: Sequence[Token],
    words: list[Token],
    first: int,
    last: int,
    org_spans: list[tuple[int, int]],
) -> bool:
    """Is this common word («الوطن») used as a name: quoted, after صحيفة, or NER ORG?"""
    start, end = words[first].start, words[last].end
    if any(s <= start and end <= e for s, e in org_spans):
        return True
    if first and any(r[1] in _MEDIA_NOUNS for r in word_readings(words[first - 1].norm)):
        return text[words[first - 1].end : start].isspace()
    before = text[:start].rstrip()[-1:]
    after = text[end:].lstrip()[:1]
    return before in _OPEN_QUOTES and after in _CLOSE_QUOTES


def _anaphor(
    i: int,
    words: list[Token],
    readings: list[tuple[Reading, ...]],
    run_id: list[int],
    dictionary: ActorDictionary,
    named: list[Actor],
    countries: frozenset[str] = frozenset(),
) -> _Match | None:
    """«التنظيم» → the last named group it can refer to; with none named, «التحالف» in
    an article on Yemen is the Saudi-led coalition (`by_country`), unless a definite word
    follows and makes it another alliance («التحالف الوطني»)."""
    for reading in readings[i]:
        anaphor = dictionary.anaphors.get((reading[1], reading[2]))
        if anaphor:
            refers = anaphor.refers_to
            if _qualified_jihadist(i, words, run_id):
                refers = refers & {"jihadist group"}  # «التنظيم الجهادي» is not the PKK
            actor = next((a for a in reversed(named) if {a.type, a.name} & refers), None)
            if actor is None and not _definite_next(i, words, run_id):
                local = {name for country, name in anaphor.by_country if country in countries}
                if len(local) == 1:
                    actor = dictionary.actors.get(local.pop())
            if actor:
                return _Match(i, i, reading[0], actor, "anaphor")
    return None


def _qualified_jihadist(i: int, words: list[Token], run_id: list[int]) -> bool:
    return (
        i + 1 < len(words)
        and run_id[i + 1] == run_id[i]
        and words[i + 1].norm in _JIHADIST_ADJECTIVES
    )


def _definite_next(i: int, words: list[Token], run_id: list[int]) -> bool:
    return i + 1 < len(words) and run_id[i + 1] == run_id[i] and words[i + 1].norm[:2] == "ال"


def _common_nouns(words: list[Token], readings: list[tuple[Reading, ...]]) -> frozenset[str]:
    """Definite forms of the nouns an article uses as common nouns: bare («قاعدة العند»,
    «لقاعدة» → القاعده) or before an adjective of kind («القاعدة العسكرية»)."""
    seen: set[str] = set()
    for i, word_reads in enumerate(readings):
        for _, _, definite, form in word_reads:
            if not definite:
                seen.add("ال" + form)
            elif i + 1 < len(words) and words[i + 1].norm in _KIND_ADJECTIVES:
                seen.add(form)
    return frozenset(seen)


def _member_pronoun(
    i: int, words: list[Token], dictionary: ActorDictionary, named: list[Actor]
) -> _Match | None:
    """«مسلحيه», «عناصرها»: members of the last named armed group."""
    if _TAA_MARBUTA.search(words[i].text):
        return None  # «مجموعة», «العائلة»: the final ه of the search form is ة, no pronoun
    off = _member_offset(words[i].norm, dictionary.members)
    if off is None:
        return None
    actor = next((a for a in reversed(named) if a.type in _ARMED), None)
    return _Match(i, i, off, actor, "anaphor") if actor else None


@lru_cache(maxsize=50_000)
def _member_offset(norm: str, members: frozenset[str]) -> int | None:
    """Where a member noun with a pronoun starts in the word («ومسلحيه» → 1), else None.

    Memoised per word form: this runs on every word of every article.
    """
    for pronoun in _PRONOUNS:
        stem = norm[: -len(pronoun)]
        if norm.endswith(pronoun) and len(stem) >= 3:
            for off, key, *_ in word_readings(stem):
                if key in members:
                    return off
    return None


def _attach_member(
    m: _Match,
    matches: list[_Match],
    words: list[Token],
    readings: list[tuple[Reading, ...]],
    run_id: list[int],
    dictionary: ActorDictionary,
) -> None:
    """Extend m over a member noun before it: «مسلحي التنظيم», «عائلات من داعش».

    A generic match of that noun on its own («مسلحون» as armed opposition) is
    replaced: the members belong to the named group.
    """
    if m.actor.type not in _ARMED | {"political party"}:
        return
    j = m.first - 1
    if j >= 0 and run_id[j] == run_id[m.first] and any(r[1] == _OF for r in readings[j][:1]):
        j -= 1
    if j < 0 or run_id[j] != run_id[m.first]:
        return
    for off, key, *_ in sorted(readings[j], key=lambda r: -r[0]):
        if key in dictionary.members:
            while matches and matches[-1].last >= j:
                matches.pop()
            m.first, m.offset, m.kind = j, off, f"{m.kind}+member"
            return


def _text_offset(word: str, norm_offset: int) -> int:
    """Offset in the word's text of the norm_offset-th letter (diacritics, tatweel skipped)."""
    if not norm_offset:
        return 0
    kept = 0
    for k, ch in enumerate(word):
        if kept == norm_offset:
            return k
        if normalize_search(ch):
            kept += 1
    return len(word)
