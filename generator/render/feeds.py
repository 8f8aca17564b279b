"""Feeds: the newest briefs as Atom (feedgen) and JSON Feed 1.1, for the site, each entity, each
topic and each story (its accounts as they come in).

An entry's id is stable (the brief's address, or a tag URI of its slug when the site has no
site_url), `published` is the brief's stated date and only when it is stated, and `updated` is
that date, else the build's time (SOURCE_DATE_EPOCH when set): a feed never dates an article.
Without a site_url, links are relative to the feed's own address, which readers resolve.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from feedgen.feed import FeedGenerator

from generator.model import Brief, Corpus, Entity, MarkdownPage, Story
from generator.render.story_page import story_title
from generator.render.templating import SiteInfo
from generator.render.urls import brief_uri, entity_uri, page_address, story_uri, topic_uri
from generator.support.memo import MANY, memo

FEED_ENTRIES = 50  # the newest briefs a feed carries
SITE_FEED = "feeds/briefs"  # + .xml (Atom) and .json (JSON Feed)
STORIES_FEED = "feeds/stories"  # the newest stories, announced by the home page and the stories index
TAG_AUTHORITY = "tag:briefing,2026:"  # ids when the site has no address of its own
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# what XML 1.0 cannot hold (lxml refuses it): control characters, lone surrogates, U+FFFE/FFFF
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def feed_stem(entity: Entity | None = None) -> str:
    """Where a feed lives in the site, without its extension: the site's, or an entity's."""
    return feed_stem_of(entity_uri(entity.slug)) if entity else SITE_FEED


# pages with a feed of their own: their briefs (folder -> what the feed's title calls them)
OWN_FEEDS = {"entities": "This entity's briefs", "topics": "This topic's briefs", "stories": "This story's accounts"}


def feed_links(page: str, generated: frozenset[str] | set[str]) -> list[tuple[str, str, str]]:
    """The feeds a page announces (`<link rel="alternate">`): (MIME type, title, uri in the site).
    Every page the site's; an entity's, a topic's and a story's page its own too."""
    stems = [SITE_FEED, *([STORIES_FEED] if page in ("index.md", "stories/index.md") else [])]
    folder = page.split("/", 1)[0]
    if folder in OWN_FEEDS and page != f"{folder}/index.md":
        stems.append(feed_stem_of(page))
    found = []
    for stem in stems:
        for extension, kind in ((".xml", "application/atom+xml"), (".json", "application/feed+json")):
            if stem + extension in generated:
                label = {SITE_FEED: "Latest briefs", STORIES_FEED: "Latest stories"}.get(stem) or OWN_FEEDS[folder]
                found.append((kind, label, stem + extension))
    return found


def feed_stem_of(page: str) -> str:
    """The feed stem of an entity's, topic's or story's page: entities/x.md -> feeds/entities/x."""
    return f"feeds/{posixpath.dirname(page)}/" + posixpath.basename(page).removesuffix(".md")


# a feed: its stem, what it lists ("briefs" or "stories"), its title and page, its entries' slugs
Feed = tuple[str, str, str, str, tuple[str, ...]]


def render_feeds(corpus: Corpus, info: SiteInfo) -> tuple[MarkdownPage, ...]:
    """The site's feeds and one pair per entity with a page, per topic and per story (`feeds_of`)."""
    return tuple(page for feed in feeds_of(corpus, info) for page in render_feed(corpus, info, *feed))


def feeds_of(corpus: Corpus, info: SiteInfo) -> list[Feed]:
    """Every feed of the site, its entries the newest FEED_ENTRIES briefs (or stories) of its page."""
    newest = sorted(corpus.stories, key=lambda s: (s.last_seen is None, -(s.last_seen.toordinal() if s.last_seen
                                                                            else 0), s.slug))[:FEED_ENTRIES]
    feeds = [_briefs_feed(corpus.briefs, f"{info.name}: latest briefs", "index.md", feed_stem()),
             (STORIES_FEED, "stories", f"{info.name}: latest stories", "stories/index.md",
              tuple(s.slug for s in newest))]
    for entity in corpus.entities:
        if entity.has_page:
            briefs = [corpus.brief(slug) for slug in dict.fromkeys(o.brief for o in entity.occurrences)]
            feeds.append(_briefs_feed(briefs, f"{info.name}: {entity.name}", entity_uri(entity.slug),
                                      feed_stem(entity)))
    for topic in corpus.topics:
        uri = topic_uri(topic.slug)
        feeds.append(_briefs_feed([corpus.brief(b) for b in topic.briefs], f"{info.name}: {topic.name}", uri,
                                  feed_stem_of(uri)))
    for story in corpus.stories:
        uri = story_uri(story.slug)
        feeds.append(_briefs_feed([corpus.brief(b) for b in story.briefs], f"{info.name}: {story_title(corpus, story)}",
                                  uri, feed_stem_of(uri)))
    return feeds


def render_feed(corpus: Corpus, info: SiteInfo, stem: str, lists: str, title: str, page: str,
                slugs: tuple[str, ...]) -> list[MarkdownPage]:
    """One feed, as Atom and as JSON Feed."""
    if lists == "stories":
        entries = [_story_entry(corpus, corpus.story(s)) for s in slugs]
    else:
        entries = [_brief_entry(corpus.brief(s)) for s in slugs]
    return _feeds(entries, info, title, page, stem)


def _briefs_feed(briefs: Sequence[Brief], title: str, page: str, stem: str) -> Feed:
    newest = sorted(briefs, key=_newest_first)[:FEED_ENTRIES]
    return (stem, "briefs", title, page, tuple(b.slug for b in newest))


@dataclass(frozen=True)
class _Entry:
    """One item of a feed: a brief, or a story."""

    uri: str  # its page
    title: str
    summary: str  # the bottom line
    day: date | None  # its stated date (a story's newest), if stated in full
    author: str | None  # who published it, as stated


def _brief_entry(brief: Brief) -> _Entry:
    return _Entry(brief_uri(brief.slug), brief.article.title, brief.summary.bottom_line.text, brief.date.value,
                  brief.publisher.name if brief.publisher.origin != "none" else None)


def _story_entry(corpus: Corpus, story: Story) -> _Entry:
    lead = corpus.brief(story.lead)
    sources = ", ".join(dict.fromkeys(corpus.brief(b).publisher.name for b in story.briefs
                                      if corpus.brief(b).publisher.origin != "none"))
    return _Entry(story_uri(story.slug), story_title(corpus, story), lead.summary.bottom_line.text, story.last_seen,
                  sources or None)


def _feeds(entries: Sequence[_Entry], info: SiteInfo, title: str, page: str, stem: str) -> list[MarkdownPage]:
    return [MarkdownPage(f"{stem}.xml", _atom(entries, info, title, page, stem)),
            MarkdownPage(f"{stem}.json", _json_feed(entries, info, title, page, stem))]


def _atom(entries: Sequence[_Entry], info: SiteInfo, title: str, page: str, stem: str) -> str:
    feed = FeedGenerator()
    feed.id(_id(info, page))
    feed.title(_xml(title))
    feed.author({"name": _xml(info.name)})
    feed.link(href=_address(info, f"{stem}.xml", page), rel="alternate")
    feed.link(href=_address(info, f"{stem}.xml", f"{stem}.xml", asset=True), rel="self")
    feed.updated(max((_updated(e, info) for e in entries), default=_built(info)))
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(_id(info, item.uri))
        entry.title(_xml(item.title))
        entry.link(href=_address(info, f"{stem}.xml", item.uri))
        entry.summary(_xml(item.summary))
        entry.updated(_updated(item, info))
        if item.day:
            entry.published(_midnight(item.day))
        if item.author:
            entry.author({"name": _xml(item.author)})
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def _json_feed(entries: Sequence[_Entry], info: SiteInfo, title: str, page: str, stem: str) -> str:
    items = []
    for entry in entries:
        item: dict[str, object] = {
            "id": _id(info, entry.uri), "url": _address(info, f"{stem}.json", entry.uri), "title": entry.title,
            "summary": entry.summary, "content_text": entry.summary,
            "date_modified": _updated(entry, info).isoformat()}
        if entry.day:
            item["date_published"] = _midnight(entry.day).isoformat()
        if entry.author:
            item["authors"] = [{"name": entry.author}]
        items.append(item)
    feed = {"version": JSON_FEED_VERSION, "title": title, "home_page_url": _address(info, f"{stem}.json", page),
            "feed_url": _address(info, f"{stem}.json", f"{stem}.json", asset=True), "items": items}
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def _xml(text: str) -> str:
    return NOT_XML.sub("", text)


def _newest_first(brief: Brief) -> tuple[bool, int, str]:
    when = brief.date.value
    return (when is None, -(when.toordinal() if when else 0), brief.slug)


def _updated(entry: _Entry, info: SiteInfo) -> datetime:
    return _midnight(entry.day) if entry.day else _built(info)


def _built(info: SiteInfo) -> datetime:
    return info.built or datetime(1970, 1, 1, tzinfo=UTC)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _id(info: SiteInfo, uri: str) -> str:
    """A stable id: the page's address on the web, else a tag URI of its path in the site."""
    return page_address(uri, info.url, info.directory_urls) if info.url else TAG_AUTHORITY + uri.removesuffix(".md")


def _address(info: SiteInfo, feed: str, uri: str, asset: bool = False) -> str:
    """The address of a page (or, `asset`, a file) as a feed at `feed` links to it."""
    path = uri if asset else page_address(uri, "", info.directory_urls)
    if info.url:
        return f"{info.url.rstrip('/')}/{path.removeprefix('./')}"
    return _relative(path, posixpath.dirname(feed))


@memo(MANY)  # every feed of a folder links to the same briefs
def _relative(path: str, folder: str) -> str:
    relative = posixpath.relpath(path if path != "./" else ".", folder)
    return relative + ("/" if path.endswith("/") and not relative.endswith("/") else "")
