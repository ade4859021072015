"""The actor dictionary: canonical actors and their Arabic aliases, ready to match.

Loads `rasd/resources/actors.yaml` plus any user files in the same format into
an immutable `ActorDictionary`. Aliases are stored as sequences of word
readings (search key + whether the word carries the article ال), the same
readings `word_readings` computes for the words of a document, so «لقوات
النظام» meets the alias «قوات النظام» and «والمسلحين» meets «المسلحين».
Used by the actors stage (`rasd.extract.actors`) and as a gazetteer feature of
the NER model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from rasd.errors import RasdError
from rasd.text import normalize_search, search_keys, word_analysis

BUNDLED = Path(__file__).resolve().parents[1] / "resources" / "actors.yaml"
# A reading: (offset into the word where the reading starts, key, definite, form).
Reading = tuple[int, str, bool, str]
WordSpec = tuple[str, bool]
# Letters only, as search normalisation leaves most words: always a single token.
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: «داعش» → Actor("Islamic State", "jihadist group", None)."""

    name: str
    type: str
    country: str | None
    source: str
    generic: bool = False  # a kind of group («المسلحين»), never an anaphor's antecedent


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of naming an actor, as word specs (key, definite)."""

    actor: Actor
    words: tuple[WordSpec, ...]
    quoted: bool  # only inside quotes, after a media noun, or inside an NER ORG span
    # Exact normalised forms, for generic actors and one-word names: «المسلحين»
    # must not meet the adjective «الإرهابي» through the key of «الإرهابيين».
    forms: tuple[str, ...] | None = None
    # Only in an article that names a place in the actor's country (`ar_local`):
    # «الحرس الجمهوري» is Syria's in Damascus and Saleh's in Sanaa.
    local: bool = False
    # Also a common noun (`ar_common`): «القاعدة» is no group in an article that says
    # «قاعدة العند» or «القاعدة العسكرية», where it is the base.
    common: bool = False
    # A local alias whose words a general alias also has («الفصائل»): it needs its
    # country among the article's places, and an article with none keeps the general one.
    contested: bool = False


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A word such as «التنظيم» that refers back to the last group of some types.

    refers_to holds actor types or canonical names («التحالف» → the coalitions).
    """

    word: WordSpec
    refers_to: frozenset[str]
    # (country, actor name): whom it names when no group it fits was named before and
    # the article's places are in that country («طيران التحالف» in Yemen).
    by_country: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ActorDictionary:
    actors: dict[str, Actor]
    by_first: dict[WordSpec, tuple[Alias, ...]]  # longest alias first
    anaphors: dict[WordSpec, Anaphor]
    members: frozenset[str]  # keys of member nouns: مسلح, عنصر, ...

    @property
    def aliases(self) -> Iterable[Alias]:
        for group in self.by_first.values():
            yield from group


@lru_cache(maxsize=50_000)  # a few hundred bytes each: bounded memory
def word_key(form: str) -> str:
    """The search key of one normalised word form: «المسلحين» → «مسلح»."""
    if _ARABIC_WORD.fullmatch(form):
        # One Arabic word is one token: its analysis gives the key without
        # tokenising (and building tokens) again, as search_keys would.
        return word_analysis(form)[1] or form
    keys = search_keys(form)
    return keys[0] if keys else form


@lru_cache(maxsize=50_000)  # a few hundred bytes each: bounded memory
def word_readings(norm: str) -> tuple[Reading, ...]:
    """Readings of a search-normalised word with and without its proclitics.

    «والمسلحين» → (0, key(والمسلحين), False), (1, «مسلح», True): the offset
    says where a mention may start, so a mention leaves out a leading و/ف/ب/ك/ل
    but keeps the article (and the ل of لل, «للجهات» → ل + الجهات).
    """
    forms: list[tuple[int, str]] = [(0, norm)]
    if norm[:1] in ("و", "ف") and len(norm) > 3:
        forms.append((1, norm[1:]))
    for offset, form in list(forms):
        if form[:1] in ("ب", "ك", "ل") and len(form) > 3:
            if form.startswith("لل"):
                # ل + ال with the article's alef dropped: «للجهات» = ل + الجهات. The
                # mention keeps the ل, since «لجهات» alone would not read.
                forms.append((offset, "ا" + form[1:]))
            else:
                forms.append((offset + 1, form[1:]))
    return tuple((off, word_key(f), f.startswith("ال"), f) for off, f in forms)


def word_spec(word: str) -> WordSpec:
    """The spec an alias word must meet: «الجيش» → («جيش», True)."""
    norm = normalize_search(word)
    return word_key(norm), norm.startswith("ال")


def _alias_words(alias: str) -> tuple[WordSpec, ...]:
    return tuple(word_spec(w) for w in alias.split())


def load_actors(extra_files: Sequence[Path] = ()) -> ActorDictionary:
    """The bundled dictionary plus the user's files (same YAML format).

    A user file may add new actors or new aliases to an existing actor (same
    `actor` name, or one of its English names `en`, so a file written against a
    former canonical name such as "Jabhat al-Nusra" still extends "Nusra Front");
    it may also add `anaphors` and `members`.
    """
    sources = [(BUNDLED.name, BUNDLED.read_text(encoding="utf-8"))]
    for path in extra_files:
        try:
            sources.append((Path(path).name, Path(path).read_text(encoding="utf-8")))
        except OSError as err:
            raise RasdError(f"cannot read actor file {path}: {err}") from err
    actors: dict[str, Actor] = {}
    english: dict[str, str] = {}  # English name (casefolded) -> canonical name
    aliases: dict[tuple[str, tuple[str, ...]], Alias] = {}
    anaphors: dict[WordSpec, Anaphor] = {}
    members: set[str] = set()
    for name, text in sources:
        try:
            data = yaml.safe_load(text) or {}
            for entry in data.get("actors") or []:
                known = english.get(entry["actor"].casefold(), entry["actor"])
                actor = actors.get(known) or Actor(
                    entry["actor"],
                    entry["type"],
                    entry.get("country"),
                    name,
                    bool(entry.get("generic")),
                )
                actors[actor.name] = actor
                for other in entry.get("en") or []:
                    english.setdefault(str(other).casefold(), actor.name)
                for key, quoted, local in (
                    ("ar", False, False),
                    ("ar_quoted", True, False),
                    ("ar_local", False, True),
                    ("ar_common", False, False),
                ):
                    for alias in entry.get(key) or []:
                        words = _alias_words(alias)
                        forms = tuple(normalize_search(w) for w in alias.split())
                        if words:
                            aliases[(actor.name, forms)] = Alias(
                                # A one-word name matches as written («وام» is not «أم»,
                                # «طالبان» not «طالب»); longer names through their keys.
                                actor,
                                words,
                                quoted,
                                forms if actor.generic or len(words) == 1 else None,
                                local and actor.country is not None,
                                key == "ar_common",
                            )
            for entry in data.get("anaphors") or []:
                for word in entry["ar"]:
                    anaphors[word_spec(word)] = Anaphor(
                        word_spec(word),
                        frozenset(entry["refers_to"]),
                        tuple((entry.get("by_country") or {}).items()),
                    )
            members.update(word_spec(w)[0] for w in data.get("members") or [])
        except (yaml.YAMLError, KeyError, TypeError, AttributeError) as err:
            raise RasdError(
                f"bad actor file {name}: {err}",
                hint="each actor needs `actor`, `type` and a list `ar` (see rasd/resources/actors.yaml)",
            ) from err
    general = {a.words for a in aliases.values() if not a.local}
    by_first: dict[WordSpec, list[Alias]] = {}
    for alias in aliases.values():
        if alias.local and alias.words in general:
            alias = replace(alias, contested=True)
        by_first.setdefault(alias.words[0], []).append(alias)
    # Longest first; at equal length a local alias before a general one, so «الفصائل»
    # in an article on Gaza names the Palestinian factions.
    return ActorDictionary(
        actors,
        {
            k: tuple(sorted(v, key=lambda a: (-len(a.words), not a.local)))
            for k, v in by_first.items()
        },
        anaphors,
        frozenset(members),
    )
