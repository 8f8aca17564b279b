"""Aliases: decide which names, within an article and across the corpus, are one entity.

General mechanisms only: the curated table of known names (data), name structure
(a surname or given name alone stands for the full name it belongs to), acronyms and
their expansions, and fuzzy matching for translation misspellings within an article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from slugify import slugify

from .entities import known_entity, name_key
from .model import KINDS, EntityMention, Kind

FUZZY_MIN = 75  # rapidfuzz ratio for a misspelt surname ("Mogi" / "Motegi")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,7}$")
MINOR_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "de", "du", "&"})


@dataclass(frozen=True)
class EntityRecord:
    slug: str
    name: str  # canonical: the curated name, else the fullest form seen
    kind: Kind
    aliases: tuple[str, ...]  # other names seen, sorted


@dataclass(frozen=True)
class Resolution:
    entities: tuple[EntityRecord, ...]
    slug_of: dict[tuple[str, str], str]  # (brief slug, name in that brief) -> entity slug


def resolve(mentions_by_brief: Sequence[tuple[str, Sequence[EntityMention]]]) -> Resolution:
    """Group every brief's names into entities with canonical names and slugs."""
    union = _UnionFind()
    kinds: dict[str, Counter] = defaultdict(Counter)
    names_seen: dict[str, Counter] = defaultdict(Counter)
    locals_ = [(brief, mentions, _resolve_within(mentions)) for brief, mentions in mentions_by_brief]
    for _, mentions, local in locals_:
        for mention in mentions:
            key = local[mention.name]
            union.add(key)
            kinds[key][mention.kind] += 1
            names_seen[key][mention.name] += 1
    _join_across(union, kinds)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(kinds):
        groups[union.find(key)].append(key)
    records, slug_of_key = _records(groups, kinds, names_seen)
    slug_of = {
        (brief, mention.name): slug_of_key[local[mention.name]]
        for brief, mentions, local in locals_
        for mention in mentions
    }
    return Resolution(tuple(records), slug_of)


def _resolve_within(mentions: Sequence[EntityMention]) -> dict[str, str]:
    """Map each name of one article to a key shared by the names for the same entity."""
    names = {m.name: m for m in mentions}
    counts = Counter(m.name for m in mentions)
    titles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.title:
            titles[m.name].add(m.title.split()[-1].lower())
    full_people = [n for n, m in names.items() if m.kind == "person" and len(n.split()) > 1]
    keys = {}
    for name, mention in names.items():
        keys[name] = _entity_key(name, mention.kind)
    for name, mention in names.items():
        if len(name.split()) != 1 or known_entity(name):
            continue
        owners = [f for f in full_people if name.lower() in (f.split()[0].lower(), f.split()[-1].lower())]
        if len(owners) == 1:
            keys[name] = keys[owners[0]]
        elif not owners and mention.kind == "person":
            twin = _misspelt_twin(name, names, counts, titles)
            if twin:
                keys[name] = keys[twin]
    for name in names:  # acronyms spelt out in the same article
        if ACRONYM.match(name) and not known_entity(name):
            expansions = [n for n in names if n != name and _initials(n).startswith(name.replace(".", ""))]
            if len(expansions) == 1 and len(name) >= 2:
                keys[name] = keys[expansions[0]]
    return keys


def _misspelt_twin(name: str, names: dict, counts: Counter, titles: dict) -> str | None:
    """Another person of the same article whose surname this one misspells."""
    best, best_score = None, 0.0
    for other, mention in names.items():
        if other == name or mention.kind != "person":
            continue
        surname = other.split()[-1]
        score = fuzz.ratio(name.lower(), surname.lower())
        same_title = bool(titles[name] & titles[other]) or not titles[name]
        if score >= FUZZY_MIN and surname[0].lower() == name[0].lower() and same_title and score > best_score:
            best, best_score = other, score
    if best is not None and counts[best] >= counts[name]:
        return best
    return None


def _join_across(union: _UnionFind, kinds: dict[str, Counter]) -> None:
    """A person's partial name (surname alone, no middle name) joins the one full name it fits."""
    people = sorted(k for k in kinds if k.startswith("person:"))
    by_part: dict[str, set[str]] = defaultdict(set)
    for key in people:
        parts = key.split(":", 1)[1].split()
        if len(parts) > 1:
            by_part[parts[0]].add(key)
            by_part[parts[-1]].add(key)
        if len(parts) > 2:
            by_part[f"{parts[0]} {parts[-1]}"].add(key)
    for key in people:
        name = key.split(":", 1)[1]
        if len(name.split()) > 2:
            continue
        candidates = {union.find(c) for c in by_part.get(name, ()) if c != key}
        if len(candidates) == 1:
            union.join(key, candidates.pop())


def _entity_key(name: str, kind: Kind) -> str:
    known = known_entity(name)
    if known is not None:
        return f"known:{known.name}"
    return f"{'person' if kind == 'person' else 'name'}:{name_key(name)}"


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in MINOR_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _records(groups, kinds, names_seen) -> tuple[list[EntityRecord], dict[str, str]]:
    records, slug_of_key, used = [], {}, set()
    for root in sorted(groups):
        members = groups[root]
        kind_votes = sum((kinds[m] for m in members), Counter())
        seen = sum((names_seen[m] for m in members), Counter())
        known = next((known_entity(n) for n in seen if known_entity(n)), None)
        kind = known.kind if known else _majority(kind_votes)
        name = known.name if known else _fullest(seen)
        slug = _unique_slug(name, kind, used)
        aliases = tuple(sorted({n for n in seen if n != name}, key=str.lower))
        records.append(EntityRecord(slug, name, kind, aliases))
        for member in members:
            slug_of_key[member] = slug
    return records, slug_of_key


def _majority(votes: Counter) -> Kind:
    return max(KINDS, key=lambda kind: (votes[kind], -KINDS.index(kind)))


def _fullest(seen: Counter) -> str:
    """The fullest form: most words, then most often seen, then alphabetical."""
    return min(seen, key=lambda n: (-len(n.split()), -seen[n], n))


def _unique_slug(name: str, kind: str, used: set[str]) -> str:
    base = slugify(name, max_length=80, word_boundary=True) or "entity"
    slug, number = base, 2
    if slug in used:
        slug = f"{base}-{kind}"
    while slug in used:
        slug, number = f"{base}-{kind}-{number}", number + 1
    used.add(slug)
    return slug


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller key becomes the root, so the result is order-independent
            self.parent[max(ra, rb)] = min(ra, rb)

