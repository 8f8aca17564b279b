"""The front page and the day digests: what the archive's news is, newest first.

The news is counted in items: a story (one event, several briefs) or a brief no other brief
tells again. An item's day is its newest stated date; items with no full date are grouped
apart, never given a made-up day. The front page holds the latest days; each day has a digest
page that prints as a morning brief.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby
from pathlib import Path

from generator.model import Brief, Corpus, Entity, MarkdownPage, Story
from generator.render.brief_page import View
from generator.render.markup import Markdown, escape, link
from generator.render.story_page import story_title
from generator.render.templating import SiteInfo, render_page
from generator.render.urls import (
    brief_uri,
    day_pack_uri,
    day_uri,
    entity_uri,
    page_address,
    relative,
    story_uri,
    topic_uri,
)

FRONT_DAYS = 5  # days with news shown on the front page
FRONT_ITEMS = 20  # items at most on the front page
WEEK = 7  # the "last seven days" of the archive, counted back from its newest stated date
MOST_MENTIONED = 8
FRONT_TOPICS = 6  # people, and organisations, listed as most mentioned
UNDATED = "Without a full date"
MANIFEST = "briefing-manifest.json"  # the briefs this build made, for the next one to compare


@dataclass(frozen=True)
class Item:
    """One piece of news: a story, or a brief told once."""

    day: date | None
    briefs: tuple[Brief, ...]  # oldest first
    story: Story | None

    @property
    def lead(self) -> Brief:
        return self.briefs[0] if self.story is None else next(b for b in self.briefs if b.slug == self.story.lead)


def news_items(corpus: Corpus) -> list[Item]:
    """Every story and every brief in no story, newest day first, undated last."""
    items, seen = [], set()
    for brief in corpus.briefs:  # newest first
        story = corpus.story_of(brief.slug)
        if story is None:
            items.append(Item(brief.date.value, (brief,), None))
        elif story.slug not in seen:
            seen.add(story.slug)
            items.append(Item(story.last_seen, tuple(corpus.brief(b) for b in story.briefs), story))
    return sorted(items, key=lambda i: (i.day is None, -(i.day.toordinal() if i.day else 0)))


def render_front(corpus: Corpus, info: SiteInfo, previous: Mapping[str, str] | None = None
                 ) -> tuple[MarkdownPage, ...]:
    """The home page, one digest page per day (and one for undated news), and the manifest the
    next build reads to say what is new. `previous`: the previous build's manifest, if known."""
    uri = "index.md"
    items = news_items(corpus)
    changed = {b.slug for b in corpus.briefs
               if previous is not None and previous.get(b.slug) != b.article.source.digest}
    days = [(day, list(group)) for day, group in groupby(items, key=lambda i: i.day)]
    shown: list[View] = []
    total = 0
    for day, group in days:
        if len(shown) >= FRONT_DAYS or total >= FRONT_ITEMS:
            break
        group = group[:FRONT_ITEMS - total]
        total += len(group)
        shown.append(_day_view(corpus, uri, day, group))
    dated = [b.date.value for b in corpus.briefs if b.date.value]
    since = max(dated) - timedelta(days=WEEK - 1) if dated else None
    home = render_page(
        uri, "home.md.j2", title="Home", description=f"{len(corpus.briefs)} briefs",
        site_name=info.name, brief_count=len(corpus.briefs), story_count=len(corpus.stories),
        source_count=len({b.publisher.name for b in corpus.briefs if b.publisher.origin != "none"}),
        span=Markdown(f"{min(dated).isoformat()} to {max(dated).isoformat()}") if dated else "",
        entity_count=sum(e.has_page for e in corpus.entities),
        days=shown, more_days=len(days) > len(shown),
        week=Markdown(f"{since.isoformat()} to {max(dated).isoformat()}") if since and dated else "",
        people=_most_mentioned(corpus, uri, since, "person"),
        organisations=_most_mentioned(corpus, uri, since, "organisation"),
        known=previous is not None,
        new=[_item_view(corpus, uri, i) for i in items if any(b.slug in changed for b in i.briefs)][:FRONT_ITEMS],
        removed=len(set(previous or {}) - {b.slug for b in corpus.briefs}),
        stories_url=Markdown("stories/index.md"), briefs_url=Markdown("briefs/index.md"),
        entities_url=Markdown("entities/index.md"), timeline_url=Markdown("timeline.md"),
        topics_url=Markdown("topics/index.md"),
        topics=[{"link": link(t.name, relative(uri, topic_uri(t.slug))), "count": len(t.briefs)}
                for t in corpus.topics[:FRONT_TOPICS]],
    )
    digests = [_digest(corpus, info, day, group) for day, group in days]
    manifest = json.dumps({b.slug: b.article.source.digest for b in sorted(corpus.briefs, key=lambda b: b.slug)},
                          indent=0)
    return (home, *digests, MarkdownPage(MANIFEST, manifest + "\n"))


def read_manifest(path: Path) -> dict[str, str] | None:
    """The briefs of the build that left `path` (slug -> digest); None when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return None
    return data


def day_label(day: date | None) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else UNDATED


def _day_view(corpus: Corpus, uri: str, day: date | None, items: list[Item]) -> View:
    return {"label": day_label(day), "digest": link("Digest of the day", relative(uri, day_uri(day))),
            "items": [_item_view(corpus, uri, i) for i in items]}


def _item_view(corpus: Corpus, uri: str, item: Item) -> View:
    lead = item.lead
    if item.story:
        title, target = story_title(corpus, item.story), story_uri(item.story.slug)
        sources = ", ".join(dict.fromkeys(b.publisher.name for b in item.briefs))
        meta = f"story · {len(item.briefs)} accounts · {sources}"
    else:
        title, target = lead.article.title, brief_uri(lead.slug)
        meta = f"{lead.date.text} · {lead.publisher.name}"
    return {"link": link(title, relative(uri, target)), "meta": meta,
            "bottom_line": escape(lead.summary.bottom_line.text),
            "sources": Markdown(" · ".join(
                link(b.publisher.name, relative(uri, brief_uri(b.slug))) for b in item.briefs))}


def _most_mentioned(corpus: Corpus, uri: str, since: date | None, kind: str) -> list[View]:
    """The entities of a kind named by most briefs of the archive's last seven days."""
    if since is None:
        return []
    recent = {b.slug for b in corpus.briefs if b.date.value and b.date.value >= since}
    counts: Counter[str] = Counter()
    entities: dict[str, Entity] = {}
    for entity in corpus.entities:
        if entity.kind == kind and entity.has_page:
            count = len({o.brief for o in entity.occurrences} & recent)
            if count:
                counts[entity.slug], entities[entity.slug] = count, entity
    top = sorted(counts, key=lambda s: (-counts[s], entities[s].name.lower()))[:MOST_MENTIONED]
    return [{"link": link(entities[s].name, relative(uri, entity_uri(s))), "count": counts[s],
             "role": entities[s].role} for s in top]


def _digest(corpus: Corpus, info: SiteInfo, day: date | None, items: list[Item]) -> MarkdownPage:
    uri = day_uri(day)
    label = day_label(day)
    entries = []
    for number, item in enumerate(items, 1):
        view = _item_view(corpus, uri, item)
        entries.append({**view, "id": f"n{number}",
                        "contents": link(story_title(corpus, item.story) if item.story else item.lead.article.title,
                                         f"#n{number}")})
    return render_page(
        uri, "day.md.j2", title=f"Digest: {label}", description=f"{len(items)} items of news, {label}",
        site_name=info.name, label=label, entries=entries, address=page_address(uri, info.url, info.directory_urls),
        front=link("Front page", relative(uri, "index.md")),
        pack=link("Print every brief of the day in full", relative(uri, day_pack_uri(day))),
    )
