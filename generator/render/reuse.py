"""Pages taken from the previous build when nothing they show has changed.

A page of one brief, entity or story (and each print pack, each feed) is rendered from a few
things of the corpus: the fields of some briefs and entities, some entries of its maps. It is
rendered through a `Reading` of the corpus, which notes each of them; the page is kept in the
cache with what it read and one digest of their values, and the site's settings. The next
build takes the kept page when the same reads of its corpus give the same digest, and renders
it again otherwise. A page that reads the corpus whole (its list of briefs) is never kept.

The digest is of each value's pickle made without pickle's memo, so it depends on the values
alone, not on which objects they share (a brief made now and one decoded from the cache).
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from generator.model import Brief, Corpus, Entity, MarkdownPage, Story
from generator.support.lasting import shelf

Reads = dict[str, dict[str, set[str]]]  # kind -> key -> the fields read under it (of an entity)
_ABSENT = object()  # what a map does not hold
_NONE: dict[str, bytes] = {}
# what most pages read of an entity (its name and how to show it), noted as one field
FACE = ("aliases", "has_page", "kind", "listed", "name", "role")


class Reading:
    """The corpus as one page sees it: everything the page reads is noted in `reads`: a brief
    whole, an entity by its fields, the names of a brief (`entity_of`) all at once, the entries
    of the other maps by their keys."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self.reads: Reads = {kind: {} for kind in ("brief", "entity", "entity_of", "related", "copies",
                                                   "story", "story_of")}
        self.whole = False  # read a list of the whole corpus: the page depends on all of it
        self._entities: dict[str, Entity] = {}
        self.entity_of = _NotedMap(corpus.entity_of, self.reads["entity_of"], lambda key: key[0])
        self.related = _NotedMap(corpus.related, self.reads["related"], lambda key: key)
        self.copies = _NotedMap(corpus.copies, self.reads["copies"], lambda key: key)

    def brief(self, slug: str) -> Brief:
        self.reads["brief"].setdefault(slug, set())
        return self._corpus.brief(slug)

    def entity(self, slug: str) -> Entity:
        found = self._entities.get(slug)
        if found is None:
            fields = self.reads["entity"].setdefault(slug, set())
            found = self._entities[slug] = cast(Entity, _Fields(self._corpus.entity(slug), fields))
        return found

    def story(self, slug: str) -> Story:
        self.reads["story"].setdefault(slug, set())
        return self._corpus.story(slug)

    def story_of(self, brief_slug: str) -> Story | None:
        self.reads["story_of"].setdefault(brief_slug, set())
        return self._corpus.story_of(brief_slug)

    def __getattr__(self, name: str) -> Any:  # briefs, entities, stories, topics: the whole corpus
        self.whole = True
        return getattr(self._corpus, name)


class _Fields:
    """An entity that notes which of its fields are read; each is noted once, then kept."""

    def __init__(self, value: object, read: set[str]) -> None:
        self._value, self._read = value, read

    def __getattr__(self, name: str) -> Any:
        if name != "slug":  # what it is read by
            self._read.add("face" if name in FACE else name)
        value = self.__dict__[name] = getattr(self._value, name)
        return value


class _NotedMap:
    """One of the corpus's maps, noting what it is looked up under (`noted` of each key)."""

    def __init__(self, mapping: Mapping[Any, Any], reads: dict[str, set[str]], noted: Callable[[Any], str]) -> None:
        self._mapping, self._reads, self._noted = mapping, reads, noted

    def __getitem__(self, key: Any) -> Any:
        self._reads.setdefault(self._noted(key), set())
        return self._mapping[key]

    def get(self, key: Any, default: Any = None) -> Any:
        self._reads.setdefault(self._noted(key), set())
        return self._mapping.get(key, default)


ListedReads = Mapping[str, Mapping[str, list[str]]]  # as kept: kind -> key -> fields, all in order


class Digests:
    """The digest of what a page read, by the values of the corpus it reads now; each value's
    own digest is made once per build, as many pages read the same."""

    def __init__(self, corpus: Corpus, settings: object) -> None:
        self.corpus = corpus
        self.settings = _digest(settings)
        self._values: dict[str, dict[str, bytes]] = {}  # kind -> key -> digest
        self._fields: dict[str, dict[str, bytes]] = {}  # an entity's slug -> field -> digest
        self._names: dict[str, list[tuple[str, str]]] | None = None  # brief -> (name, entity) in order

    def of(self, unit: tuple[object, ...], reads: ListedReads) -> str:
        parts = [self.settings, _digest(unit)]
        for kind, keys in reads.items():
            known, value = self._values.setdefault(kind, {}), self._value
            if kind == "entity":  # by its fields
                fields_known = self._fields
                parts += [fields_known.get(key, _NONE).get(field) or value(kind, key, field)
                          for key, fields in keys.items() for field in fields]
            else:
                parts += [known.get(key) or value(kind, key, "") for key in keys]
        return hashlib.blake2b(b"".join(parts), digest_size=16).hexdigest()

    def brief(self, slug: str) -> bytes:
        """The digest of a brief, whole."""
        return self._values.setdefault("brief", {}).get(slug) or self._value("brief", slug, "")

    def know_briefs(self, digests: Iterable[tuple[str, bytes]]) -> None:
        """Take the digests of briefs made elsewhere (by `brief` in a worker process)."""
        self._values.setdefault("brief", {}).update(digests)

    def _value(self, kind: str, key: str, field: str) -> bytes:
        found = _digest(self._look_up(kind, key, field))
        if kind == "entity":
            self._fields.setdefault(key, {})[field] = found
        else:
            self._values[kind][key] = found
        return found

    def _look_up(self, kind: str, key: str, field: str) -> object:
        corpus = self.corpus
        try:
            if kind == "brief":
                return corpus.brief(key)
            if kind == "entity":
                entity = corpus.entity(key)
                return tuple(getattr(entity, name) for name in FACE) if field == "face" else getattr(entity, field)
            if kind == "entity_of":
                return self._names_of(key)
            if kind == "story":
                return corpus.story(key)
            if kind == "story_of":
                return corpus.story_of(key)
            if kind == "related":
                return corpus.related[key]
            if kind == "copies":
                return corpus.copies[key]
        except (KeyError, AttributeError):
            return _ABSENT
        raise ValueError(f"a page read {kind!r}, which no build knows")

    def _names_of(self, brief: str) -> list[tuple[str, str]]:
        if self._names is None:
            self._names = {}
            for (slug, name), entity in self.corpus.entity_of.items():
                self._names.setdefault(slug, []).append((name, entity))
        return sorted(self._names.get(brief, ()))


def listed(reads: Reads) -> dict[str, dict[str, list[str]]]:
    """Reads as kept: kinds, keys and fields in order, kinds read nothing of left out."""
    return {kind: {key: sorted(keys[key]) for key in sorted(keys)} for kind, keys in sorted(reads.items()) if keys}


def _digest(value: object) -> bytes:
    if value is _ABSENT:
        return b"absent"
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: equal values pickle alike whatever objects they share
    pickler.dump(value)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


def _kept_head(value: Any) -> dict[str, Any]:
    """What decides whether a kept page set still holds, as the cache wrote it (JSON), checked."""
    reads, digest = value["reads"], value["digest"]
    if not (isinstance(digest, str) and isinstance(reads, dict)):
        raise TypeError("a kept page set is known by its reads and their digest")
    for keys in reads.values():
        if not all(isinstance(subs, list) and all(isinstance(s, str) for s in subs) for subs in keys.values()):
            raise TypeError("a kept read is a list of names")
    return {"reads": reads, "digest": digest}


def _kept_pages(value: Any) -> tuple[MarkdownPage, ...]:
    """A kept page set's pages, as the cache wrote them (JSON), checked."""
    pages = []
    for uri, markdown, terms in value:
        if not (isinstance(uri, str) and isinstance(markdown, str) and all(isinstance(t, str) for t in terms)):
            raise TypeError("a kept page is its uri, its Markdown and its search terms")
        pages.append(MarkdownPage(uri, markdown, tuple(terms)))
    return tuple(pages)


KEPT = shelf("rendered-pages", _kept_head, _kept_pages)  # a unit -> (what it read, their digest), its pages


def unit_key(unit: tuple[object, ...]) -> str:
    """What names a unit in the cache: its kind and its first argument (a slug, a uri)."""
    return f"{unit[0]}:{unit[1]}"


def kept_pages(unit: tuple[object, ...], digests: Digests) -> tuple[MarkdownPage, ...] | None:
    """The unit's pages as the cache keeps them, if they read what the corpus still holds
    (kept for the next build too); None: they must be rendered again."""
    key = unit_key(unit)
    head = KEPT.head(key)
    if head is None or head["digest"] != digests.of(unit, head["reads"]):
        return None
    return cast("tuple[MarkdownPage, ...] | None", KEPT.body(key))


def rendered(render: Callable[[Corpus], tuple[MarkdownPage, ...]], corpus: Corpus
             ) -> tuple[tuple[MarkdownPage, ...], ListedReads | None]:
    """The pages `render` makes of the corpus, and what they read of it (None: the whole)."""
    reading = Reading(corpus)
    pages = render(cast(Corpus, reading))
    return pages, None if reading.whole else listed(reading.reads)


def keep(unit: tuple[object, ...], pages: tuple[MarkdownPage, ...], reads: ListedReads | None,
         digests: Digests) -> None:
    """Keep a unit's pages for the next build with what they read (`rendered`) and its digest."""
    if reads is not None:
        KEPT.put(unit_key(unit), {"reads": reads, "digest": digests.of(unit, reads)},
                 [[p.uri, p.markdown, list(p.search_terms)] for p in pages])
