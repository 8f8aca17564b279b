"""Link: join the briefs into a corpus: entities resolved, entity pages, related briefs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from .aliases import EntityRecord, resolve
from .model import KINDS, Brief, Corpus, Entity, Occurrence
from .related import Profile, find_related
from .summarise import content_words

SMALL_CORPUS = 50  # below this many briefs every entity gets a page
COMPANIONS = 8


def link(briefs: Sequence[Brief], min_briefs: int | None = None) -> Corpus:
    """Resolve entities across the briefs and find which briefs relate to which."""
    ordered = tuple(sorted(briefs, key=brief_order))
    resolution = resolve([(b.slug, b.mentions) for b in ordered])
    threshold = min_briefs or (1 if len(ordered) < SMALL_CORPUS else 2)
    entities = _entities(ordered, resolution.entities, resolution.slug_of, threshold)
    with_pages = {e.slug for e in entities if e.has_page}
    profiles = [
        Profile(
            b.slug,
            Counter(content_words(" ".join(p.text for p in b.article.paragraphs))),
            frozenset(resolution.slug_of[(b.slug, m.name)] for m in b.mentions) & with_pages,
        )
        for b in ordered
    ]
    return Corpus(ordered, entities, resolution.slug_of, find_related(profiles))


def brief_order(brief: Brief) -> tuple:
    """Newest first; briefs without a full date last, by title."""
    when = brief.date.value
    return (when is None, -(when.toordinal() if when else 0), brief.article.title.lower(), brief.slug)


def _entities(briefs, records: Sequence[EntityRecord], slug_of, threshold: int) -> tuple[Entity, ...]:
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    briefs_of: dict[str, list[str]] = defaultdict(list)
    for brief in briefs:
        seen = set()
        for mention in brief.mentions:
            slug = slug_of[(brief.slug, mention.name)]
            if slug in seen:
                continue
            seen.add(slug)
            sentence = brief.analysis.sentences[mention.sentence]
            occurrences[slug].append(Occurrence(brief.slug, sentence.index, sentence.paragraph, sentence.text))
            briefs_of[slug].append(brief.slug)
    dates = {b.slug: b.date.value for b in briefs}
    companions = _companions(briefs_of)
    entities = []
    for record in records:
        found = occurrences[record.slug]
        seen_on = sorted(d for d in (dates[o.brief] for o in found) if d is not None)
        entities.append(
            Entity(
                record.slug,
                record.name,
                record.kind,
                record.aliases,
                tuple(found),
                companions.get(record.slug, ()),
                seen_on[0] if seen_on else None,
                seen_on[-1] if seen_on else None,
                len(found) >= threshold,
            )
        )
    entities.sort(key=lambda e: (KINDS.index(e.kind), e.name.lower(), e.slug))
    return tuple(entities)


def _companions(briefs_of: dict[str, list[str]]) -> dict[str, tuple[tuple[str, int], ...]]:
    in_brief: dict[str, list[str]] = defaultdict(list)
    for slug, briefs in briefs_of.items():
        for brief in briefs:
            in_brief[brief].append(slug)
    shared: dict[str, Counter] = defaultdict(Counter)
    for slugs in in_brief.values():
        for slug in slugs:
            shared[slug].update(other for other in slugs if other != slug)
    return {
        slug: tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:COMPANIONS])
        for slug, counts in shared.items()
    }

