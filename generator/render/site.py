"""Render: the corpus as Markdown pages: home, indexes, timeline, entities and briefs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from itertools import groupby
from typing import Any

from generator.model import KINDS, Brief, Corpus, Entity, MarkdownPage
from generator.render.brief_page import render_brief
from generator.render.feeds import feeds_of, render_feed
from generator.render.front import render_front
from generator.render.markup import Markdown, escape, link, paragraph_link
from generator.render.pack import pack_index, render_pack
from generator.render.perspectives import voices
from generator.render.reuse import Digests, ListedReads, keep, kept_pages, rendered
from generator.render.story_page import render_story, render_story_index
from generator.render.templating import (
    KIND_LABELS,
    KIND_NAMES,
    SiteInfo,
    render_page,
)
from generator.render.topic_pages import render_topics
from generator.render.urls import brief_uri, entity_uri, relative
from generator.support import workers

PARALLEL_MIN_PAGES = 500  # fewer pages render faster than worker processes start
PAGES_PER_TASK = 32
CHECKS_PER_TASK = 256  # briefs a worker digests at a time
# A unit is what renders one page, or one feed's pair of files: its kind and arguments, the
# first naming it in the cache (reuse.py). Their pages come in this order, packs and feeds last.
Unit = tuple[Any, ...]
LONG = ("pack", "feed")  # kinds of units that take longest: given to the workers first


def render_site(corpus: Corpus, info: SiteInfo, processes: int = 0,
                previous: Mapping[str, str] | None = None) -> tuple[MarkdownPage, ...]:
    """Every generated page of the site; a large site's briefs, entities and stories in worker processes."""
    return _render(corpus, info, processes, previous, everything=False)


def render_all(corpus: Corpus, info: SiteInfo, processes: int = 0,
               previous: Mapping[str, str] | None = None) -> tuple[MarkdownPage, ...]:
    """The site's pages, then its print packs and its feeds."""
    return _render(corpus, info, processes, previous, everything=True)


def _render(corpus: Corpus, info: SiteInfo, processes: int, previous: Mapping[str, str] | None,
            everything: bool) -> tuple[MarkdownPage, ...]:
    """The pages of every unit, each taken from the previous build when what it reads is
    unchanged (reuse.py), the others rendered; on a large site in worker processes."""
    units: list[Unit] = ([("story", s.slug) for s in corpus.stories] + [("brief", b.slug) for b in corpus.briefs]
                         + [("entity", e.slug) for e in corpus.entities if e.has_page])
    items = len(units)
    if everything:
        pack_list, packs = pack_index(corpus)
        units += [("pack", *pack) for pack in packs] + [("feed", *feed) for feed in feeds_of(corpus, info)]
    digests = Digests(corpus, info)
    processes = workers.processes_for(len(units), PARALLEL_MIN_PAGES, processes)
    if processes <= 1:
        kept = [kept_pages(unit, digests) for unit in units]
        done = [_render_numbered(item, info, digests) for item in _fresh(units, kept)]
        made = _made(units, kept, done, digests)
    else:
        with workers.pool(processes, _share, (info, digests)) as pool:
            # a brief is what pages read most, and the slowest to digest: the workers share it out
            slugs = [b.slug for b in corpus.briefs]
            digests.know_briefs(zip(slugs, pool.map(_brief_digest_shared, slugs, chunksize=CHECKS_PER_TASK)))
            kept = [kept_pages(unit, digests) for unit in units]
            made = _made(units, kept, pool.imap_unordered(_render_shared, _fresh(units, kept),
                                                          chunksize=PAGES_PER_TASK), digests)
    pages = _own_pages(corpus, info, previous)
    for number in range(len(units)):
        if everything and number == items:
            pages.append(pack_list)
        pages += made[number]
    return tuple(pages)


Rendered = tuple[int, tuple[MarkdownPage, ...], ListedReads | None]  # a unit's number, its pages, what they read


Kept = list[tuple[MarkdownPage, ...] | None]  # each unit's pages from the previous build, if they hold


def _fresh(units: list[Unit], kept: Kept) -> list[tuple[int, Unit]]:
    """The units to render, numbered; the longest, packs and feeds, first."""
    fresh = [(number, unit) for number, unit in enumerate(units) if kept[number] is None]
    return sorted(fresh, key=lambda item: item[1][0] not in LONG)


def _made(units: list[Unit], kept: Kept, done: Iterable[Rendered], digests: Digests
          ) -> dict[int, tuple[MarkdownPage, ...]]:
    """Each unit's pages by its number: kept ones from the cache, rendered ones kept in it."""
    made = {number: pages for number, pages in enumerate(kept) if pages is not None}
    for number, pages, reads in done:
        made[number] = pages
        keep(units[number], pages, reads, digests)
    return made


def _render_numbered(item: tuple[int, Unit], info: SiteInfo, digests: Digests) -> Rendered:
    number, unit = item
    return (number, *rendered(partial(_render_unit, info=info, unit=unit), digests.corpus))


def _own_pages(corpus: Corpus, info: SiteInfo, previous: Mapping[str, str] | None) -> list[MarkdownPage]:
    """The pages that list the whole corpus: the front page and the lists, always rendered."""
    return [*render_front(corpus, info, previous), render_story_index(corpus), render_brief_index(corpus),
            render_entity_index(corpus), render_timeline(corpus),
            render_page("tags.md", "tags.md.j2", title="Tags"), *render_topics(corpus)]


def _render_unit(corpus: Corpus, info: SiteInfo, unit: Unit) -> tuple[MarkdownPage, ...]:
    kind, *arguments = unit
    if kind == "brief":
        return (render_brief(corpus, corpus.brief(arguments[0]), info),)
    if kind == "story":
        return (render_story(corpus, corpus.story(arguments[0])),)
    if kind == "entity":
        return (render_entity(corpus, corpus.entity(arguments[0])),)
    if kind == "pack":
        return (render_pack(corpus, info, *arguments),)
    return tuple(render_feed(corpus, info, *arguments))


_shared: dict[str, Any] = {}  # in a worker process: the site and the corpus's digests


def _share(info: SiteInfo, digests: Digests) -> None:
    _shared.update(info=info, digests=digests)


def _brief_digest_shared(slug: str) -> bytes:
    digests: Digests = _shared["digests"]
    return digests.brief(slug)


def _render_shared(item: tuple[int, Unit]) -> Rendered:
    return _render_numbered(item, _shared["info"], _shared["digests"])


def distinct_forms(name: str, aliases: Sequence[str]) -> list[str]:
    """The other names worth showing a reader: not the name again in other letters ("VON DER
    LEYEN", a transcript's label, beside "von der Leyen"); of two forms differing only so, the
    one not in capitals throughout."""
    taken = {name.casefold()}
    kept: set[str] = set()
    for alias in sorted(aliases, key=str.isupper):  # stable: forms in capitals come last
        if alias.casefold() not in taken:
            taken.add(alias.casefold())
            kept.add(alias)
    return [alias for alias in aliases if alias in kept]


def render_entity(corpus: Corpus, entity: Entity) -> MarkdownPage:
    uri = entity_uri(entity.slug)
    mentions = []
    for occurrence in entity.occurrences:
        brief = corpus.brief(occurrence.brief)
        target = relative(uri, brief_uri(brief.slug))
        mentions.append({
            "link": link(brief.article.title, target),
            "date": brief.date.text,
            "snippet": escape(occurrence.text),
            "anchor": paragraph_link(occurrence.paragraph, f"{target}#p-{occurrence.paragraph}"),
        })
    seen = " to ".join(dict.fromkeys(d.isoformat() for d in (entity.first_seen, entity.last_seen) if d))
    return render_page(
        uri,
        "entity.md.j2",
        title=entity.name,
        description=f"{entity.role or KIND_NAMES[entity.kind]} in {len(entity.occurrences)} briefs",
        search_terms=entity.aliases,
        name=entity.name,
        back_link=link("All entities", relative(uri, "entities/index.md")),
        kind=KIND_NAMES[entity.kind],
        role=entity.role,
        aliases=", ".join(distinct_forms(entity.name, entity.aliases)),
        count=len(entity.occurrences),
        seen=seen or "no dated brief",
        mentions=mentions,
        perspectives=_perspectives(corpus, entity, uri),
        companions=[
            {"link": link(corpus.entity(slug).name, relative(uri, entity_uri(slug))), "count": count}
            for slug, count in entity.companions
            if corpus.entity(slug).has_page
        ],
    )


def render_brief_index(corpus: Corpus) -> MarkdownPage:
    uri = "briefs/index.md"
    groups = [
        {"label": label, "items": [_listing(b, uri) for b in briefs]}
        for label, briefs in groupby(corpus.briefs, key=_month_label)
    ]
    return render_page(uri, "briefs.md.j2", title="Briefs", description="All briefs, newest first",
                   count=len(corpus.briefs), groups=groups)


def render_entity_index(corpus: Corpus) -> MarkdownPage:
    uri = "entities/index.md"
    groups = []
    for kind in KINDS:
        items = [
            {"link": link(e.name, relative(uri, entity_uri(e.slug))), "count": len(e.occurrences)}
            for e in corpus.entities
            if e.kind == kind and e.has_page
        ]
        if items:
            groups.append({"label": KIND_LABELS[kind], "items": items})
    unlisted = sum(e.listed and not e.has_page for e in corpus.entities)
    return render_page(uri, "entities.md.j2", title="Entities", description="Entities by kind",
                   groups=groups, unlisted=unlisted)


def render_timeline(corpus: Corpus) -> MarkdownPage:
    uri = "timeline.md"
    dated = sorted((b for b in corpus.briefs if b.date.value), key=lambda b: (b.date.value, b.slug))
    groups = [
        {"label": str(year), "items": [_timeline_item(b, uri) for b in briefs]}
        for year, briefs in groupby(dated, key=_year)
    ]
    partial = [_timeline_item(b, uri) for b in corpus.briefs if not b.date.value and b.date.origin == "text"]
    undated = [_timeline_item(b, uri) for b in corpus.briefs if b.date.origin == "none"]
    return render_page(uri, "timeline.md.j2", title="Timeline", description="Briefs by date",
                   groups=groups, partial=partial, undated=undated)


def _perspectives(corpus: Corpus, entity: Entity, uri: str) -> list[dict[str, Any]]:
    views = []
    for voice in voices(corpus, entity):
        lines = []
        for brief, sentence in voice.sentences:
            target = f"{relative(uri, brief_uri(brief.slug))}#p-{sentence.paragraph}"
            lines.append(Markdown(f"{escape(sentence.text)} {link('¶', target, 'Open the paragraph')}"))
        for brief, quote in voice.quotes:
            paragraph = brief.analysis.sentences[quote.sentence].paragraph
            target = f"{relative(uri, brief_uri(brief.slug))}#p-{paragraph}"
            lines.append(Markdown(f"*“{escape(quote.text)}”* {link('¶', target, 'Open the paragraph')}"))
        views.append({"source": voice.label, "lines": lines})
    return views


def _listing(brief: Brief, uri: str) -> dict[str, Any]:
    return {
        "link": link(brief.article.title, relative(uri, brief_uri(brief.slug))),
        "meta": f"{brief.date.text} · {brief.publisher.name}",
        "bottom_line": brief.summary.bottom_line.text,
    }


def _timeline_item(brief: Brief, uri: str) -> dict[str, Any]:
    return {"date": brief.date.text, "source": brief.publisher.name,
            "link": link(brief.article.title, relative(uri, brief_uri(brief.slug)))}


def _month_label(brief: Brief) -> str:
    return brief.date.value.strftime("%Y-%m") if brief.date.value else "Without a full date"


def _year(brief: Brief) -> int:
    assert brief.date.value is not None  # only dated briefs are grouped by year
    return brief.date.value.year
