"""Feeds: Atom and JSON Feed of the newest briefs, for the site and each entity, read as a feed
reader reads them."""

from __future__ import annotations

import json
import posixpath
from dataclasses import replace
from datetime import UTC, datetime

import feedparser
import pytest

from generator.model import Corpus
from generator.pipeline import build
from generator.render.feeds import feed_links, render_feeds
from generator.render.templating import SiteInfo
from generator.settings import Settings
from tests.conftest import SEEDS
from tests.test_site import SEED_000, SEED_002

BUILT = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build(Settings(SEEDS, cache=None)).corpus


def feeds(corpus: Corpus, url: str = "", directory_urls: bool = False) -> dict[str, str]:
    return {p.uri: p.markdown for p in render_feeds(corpus, SiteInfo("Briefing", url, directory_urls, BUILT))}


def test_the_sites_atom_feed_parses_without_error_and_holds_every_brief_newest_first(corpus):
    found = feedparser.parse(feeds(corpus)["feeds/briefs.xml"])
    assert not found.bozo, found.get("bozo_exception")
    assert found.feed.title == "Briefing: latest briefs"
    # the links resolve, from the feed's own address, to the briefs' pages
    links = {posixpath.normpath(posixpath.join("feeds", e.link)) for e in found.entries}
    assert links == {f"briefs/{SEED_000}.html", f"briefs/{SEED_002}.html"}
    assert all(e.summary for e in found.entries)


def test_an_entry_is_published_only_on_a_stated_date_and_its_id_is_stable(corpus):
    atom = feedparser.parse(feeds(corpus)["feeds/briefs.xml"])
    dated = {b.slug: b.date.value for b in corpus.briefs}
    for entry in atom.entries:
        slug = entry.id.rsplit("/", 1)[-1]
        assert ("published" in entry) == (dated[slug] is not None)
        if dated[slug] is None:  # the build's time says when the entry was made, not the article
            assert entry.updated_parsed[:6] == BUILT.timetuple()[:6]
    with_address = feedparser.parse(feeds(corpus, "https://example.org/briefing/")["feeds/briefs.xml"])
    assert {e.id for e in with_address.entries} == {f"https://example.org/briefing/briefs/{s}.html"
                                                    for s in (SEED_000, SEED_002)}
    assert {e.link for e in with_address.entries} == {e.id for e in with_address.entries}
    assert feeds(corpus) == feeds(corpus)  # the same corpus, the same bytes


def test_the_json_feed_carries_the_same_entries(corpus):
    made = feeds(corpus)
    data = json.loads(made["feeds/briefs.json"])
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["id"] for i in data["items"]] == [e.id for e in feedparser.parse(made["feeds/briefs.xml"]).entries]
    assert all(i["title"] and i["summary"] and i["url"] for i in data["items"])


def test_each_entity_page_has_feeds_of_its_briefs_and_announces_them(corpus):
    made = feeds(corpus)
    wang = next(e for e in corpus.entities if e.name == "Wang Yi")
    found = feedparser.parse(made[f"feeds/entities/{wang.slug}.xml"])
    assert not found.bozo and len(found.entries) == len({o.brief for o in wang.occurrences})
    announced = feed_links(f"entities/{wang.slug}.md", frozenset(made))
    assert [uri for _, _, uri in announced] == ["feeds/briefs.xml", "feeds/briefs.json",
                                               f"feeds/entities/{wang.slug}.xml", f"feeds/entities/{wang.slug}.json"]
    assert [uri for _, _, uri in feed_links("timeline.md", frozenset(made))] == ["feeds/briefs.xml", "feeds/briefs.json"]
    # the home page announces the stories' feed too (empty until two briefs tell one event)
    assert [uri for _, _, uri in feed_links("index.md", frozenset(made))][2:] == ["feeds/stories.xml",
                                                                                 "feeds/stories.json"]


def test_markup_and_control_characters_in_an_article_stay_text_in_the_feed(corpus):
    brief = corpus.briefs[0]
    hostile = replace(brief, article=replace(brief.article, title="<script>alert(1)</script> & \x07bell"))
    made = feeds(replace(corpus, briefs=(hostile, *corpus.briefs[1:])))
    atom = made["feeds/briefs.xml"]
    assert "<script>" not in atom and "\x07" not in atom
    titles = [e.title for e in feedparser.parse(atom).entries]
    assert "<script>alert(1)</script> & bell" in titles


def test_the_built_site_links_its_feeds_from_every_page(seed_site):
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml" title="Latest briefs" href="feeds/briefs.xml">' in home
    assert feedparser.parse((seed_site / "feeds" / "briefs.xml").read_bytes()).entries
