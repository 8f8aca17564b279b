"""Names: the curated table of known names (generator/data/entities.yml), indexed once,
and the comparison key every stage uses to tell two spellings of a name apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nameparser.config import CONSTANTS as NAME_CONSTANTS
from nicknames import NickNamer
from spacy.lang.en.stop_words import STOP_WORDS

from generator.model import Kind
from generator.support.memo import MANY, ONE, memo
from generator.support.resources import load_table


@dataclass(frozen=True)
class KnownEntity:
    name: str
    kind: Kind


@dataclass(frozen=True)
class Vocabulary:
    titles: tuple[str, ...]  # longest first
    title_words: frozenset[str]  # the titles as name keys
    not_names: frozenset[str]
    headline_verbs: frozenset[str]
    event_words: frozenset[str]
    known: dict[str, KnownEntity]  # name_key(alias) -> entity
    names: tuple[tuple[str, Kind], ...]  # every curated name and alias with its kind, in the table's order
    name_suffixes: frozenset[str]  # legal and plural suffixes a name may carry ("plc", "Ltd")


@memo(ONE)
def vocabulary() -> Vocabulary:
    """The curated tables of generator/data/entities.yml, indexed for lookup."""
    table = load_table("entities")
    known, names = {}, []
    for entry in table["known"]:
        entity = KnownEntity(entry["name"], entry["kind"])
        for alias in [entry["name"], *entry.get("aliases", [])]:
            known[name_key(alias)] = entity
            names.append((alias, entry["kind"]))
    return Vocabulary(
        titles=tuple(sorted((t.lower() for t in table["titles"]), key=len, reverse=True)),
        title_words=frozenset(name_key(t) for t in table["titles"]),
        not_names=frozenset(w.lower() for w in table["not_names"]),
        headline_verbs=frozenset(w.lower() for w in table["headline_verbs"]),
        event_words=frozenset(w.lower() for w in table["event_words"]),
        known=known,
        names=tuple(names),
        name_suffixes=frozenset(w.lower() for w in table.get("name_suffixes", [])),
    )


DOTTED_INITIALS = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}")  # "U.S.", "U.N.", "D.C."


@memo(MANY)  # the same names recur across the corpus
def name_key(name: str) -> str:
    """A comparison key: case, a leading 'the', punctuation and spacing ignored; initials with
    dots are the initials without ("U.S." is "US")."""
    name = DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), name)
    key = re.sub(r"[^\w\s]", " ", name.casefold().replace("’", "'"))
    key = " ".join(key.split())
    key = re.sub(r"isation\b", "ization", key)  # British and American spellings of one name
    key = re.sub(r"\b(cent|theat|met|lit|fib)re\b", r"\1er", key)
    return key[4:] if key.startswith("the ") else key


def known_entity(name: str) -> KnownEntity | None:
    """The curated entity this name stands for, if any."""
    return vocabulary().known.get(name_key(name))


# The small words inside family names ("van der", "von der", "de", "al"), from nameparser's table
# of prefixes: whole words only, none that is also an English word ("do", "bar", "op") and none
# that opens place names ("San", "St").
NAME_PARTICLES = frozenset(p for p in NAME_CONSTANTS.prefixes if p.isalpha() and p not in STOP_WORDS
                           and p not in {"bar", "bat", "san", "santa", "st", "ste", "heer", "op"})
# Forms of address that stand before a person's name and nothing else ("Mr Van de Vijver"), unlike
# offices and ranks, which also open the names of bodies ("General Motors", "Prince's Trust").
PERSONAL_FORMS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame"})


def surname_shaped(name: str) -> bool:
    """One word, or one after name particles: a family name standing alone ("Vijver", "Van de Vijver")."""
    words = name.split()
    return bool(words) and all(w.lower() in NAME_PARTICLES for w in words[:-1])


@memo(ONE)
def nicknamer() -> NickNamer:
    """The `nicknames` data: which given names are one (Joe and Joseph)."""
    return NickNamer()


def known_given_name(word: str) -> bool:
    """A given name the `nicknames` data knows ("Ursula", "Walter"; not "Rio" or "San")."""
    lowered = word.lower()
    return bool(nicknamer().nicknames_of(lowered) or nicknamer().canonicals_of(lowered))
