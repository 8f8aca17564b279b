"""Render: the corpus as Markdown pages: home, indexes, timeline, entities and briefs."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby
from typing import Any

from generator.model import KINDS, Brief, Corpus, Entity, MarkdownPage
from generator.render.brief_page import render_brief
from generator.render.feeds import render_feeds
from generator.render.front import render_front
from generator.render.markup import Markdown, escape, link, paragraph_link
from generator.render.pack import render_packs
from generator.render.perspectives import voices
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
WHOLE = {"packs": render_packs, "feeds": render_feeds}  # sets of pages, each rendered as one task


def render_site(corpus: Corpus, info: SiteInfo, processes: int = 0,
                previous: Mapping[str, str] | None = None) -> tuple[MarkdownPage, ...]:
    """Every generated page of the site; a large site's briefs, entities and stories in worker processes."""
    return _render(corpus, info, processes, previous, ())


def render_all(corpus: Corpus, info: SiteInfo, processes: int = 0,
               previous: Mapping[str, str] | None = None) -> tuple[MarkdownPage, ...]:
    """The site's pages, then its print packs and its feeds. On a large site the workers render
    the packs and the feeds too, each as one task sent first, while this process renders the
    front and list pages."""
    return _render(corpus, info, processes, previous, tuple(WHOLE))


def _render(corpus: Corpus, info: SiteInfo, processes: int, previous: Mapping[str, str] | None,
            whole: tuple[str, ...]) -> tuple[MarkdownPage, ...]:
    items = ([("story", s.slug) for s in corpus.stories] + [("brief", b.slug) for b in corpus.briefs]
             + [("entity", e.slug) for e in corpus.entities if e.has_page])
    processes = workers.processes_for(len(items), PARALLEL_MIN_PAGES, processes)
    if processes <= 1:
        return (*_own_pages(corpus, info, previous), *(_render_item(corpus, info, item) for item in items),
                *(page for name in whole for page in WHOLE[name](corpus, info)))
    with workers.pool(processes, _share, (corpus, info)) as pool:
        sets = [pool.apply_async(_render_shared_whole, (name,)) for name in whole]  # the longest tasks, first
        pages = pool.imap(_render_shared, items, chunksize=PAGES_PER_TASK)
        return (*_own_pages(corpus, info, previous), *pages, *(page for done in sets for page in done.get()))


def _own_pages(corpus: Corpus, info: SiteInfo, previous: Mapping[str, str] | None) -> list[MarkdownPage]:
    """The pages this process renders: the front page and the lists."""
    return [*render_front(corpus, info, previous), render_story_index(corpus), render_brief_index(corpus),
            render_entity_index(corpus), render_timeline(corpus),
            render_page("tags.md", "tags.md.j2", title="Tags"), *render_topics(corpus)]


def _render_item(corpus: Corpus, info: SiteInfo, item: tuple[str, str]) -> MarkdownPage:
    kind, slug = item
    if kind == "brief":
        return render_brief(corpus, corpus.brief(slug), info)
    if kind == "story":
        return render_story(corpus, corpus.story(slug))
    return render_entity(corpus, corpus.entity(slug))


_shared: dict[str, Any] = {}  # in a worker process: the corpus and site it renders pages of


def _share(corpus: Corpus, info: SiteInfo) -> None:
    _shared.update(corpus=corpus, info=info)


def _render_shared(item: tuple[str, str]) -> MarkdownPage:
    return _render_item(_shared["corpus"], _shared["info"], item)


def _render_shared_whole(name: str) -> tuple[MarkdownPage, ...]:
    return WHOLE[name](_shared["corpus"], _shared["info"])


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
        aliases=", ".join(entity.aliases),
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
