"""Story pages, the front page and the day digests, from a small corpus with one story told twice."""

from __future__ import annotations

import json
import re
from datetime import date

import feedparser
import pytest
from mkdocs.utils.meta import get_data

from generator.analyse.nlp import analyse
from generator.brief import make_brief
from generator.link import link_briefs
from generator.model import FrontMatter
from generator.render.feeds import feed_links, render_feeds
from generator.render.front import news_items
from generator.render.pack import render_packs
from generator.render.site import render_site
from generator.render.templating import SiteInfo
from tests.conftest import make_article

STORY = [
    ("quake-wire", "Wire Service", date(2024, 3, 4),
     "Earthquake hits Qeshm island",
     "A strong earthquake struck Qeshm island in Iran on Sunday, killing seven people and cracking the harbour. "
     "Governor Ali Rezaei said rescuers from Bandar Abbas reached the island by boat within hours. "
     "\"We are searching every house and every boat in the harbour, and we will not stop tonight,\" Ali Rezaei said. "
     "Schools across the province will stay closed until the end of the month. "
     "The Red Crescent sent tents and blankets to the fishing villages of Qeshm island."),
    ("quake-daily", "Daily Paper", date(2024, 3, 5),
     "Seven dead as earthquake strikes Qeshm",
     "An earthquake killed seven people on Qeshm island in Iran on Sunday and cracked the harbour. "
     "Ali Rezaei, the governor, said rescuers from Bandar Abbas crossed by boat within hours. "
     "Fishermen of Qeshm island said <script>alert(1)</script> ferries to the mainland stopped for two days. "
     "The Red Crescent said it sent tents to the fishing villages of Qeshm island."),
]
OTHERS = [
    "The central bank of Norway raised interest rates as inflation climbed and borrowers paid more.",
    "The striker Lionel Messi scored twice and Inter Miami won the cup final before a full stadium.",
    "Lava from the volcano on La Palma reached the coast and villagers left by boat as ash fell.",
    "The school board of Denver voted to extend the summer holiday by one week for every pupil.",
    "A new museum of modern art opened its doors in Lisbon to visitors from across Portugal.",
    "Farmers in France protested against lower milk prices outside the ministry in Paris.",
    "The airline Lufthansa cancelled flights after pilots went on strike for higher pay.",
    "Scientists in Brazil found a new species of frog in the canopy of the rain forest.",
]


@pytest.fixture(scope="module")
def corpus():
    articles = [make_article(body, path=f"{slug}.txt", front=FrontMatter(title=title, date=day, source=source))
                for slug, source, day, title, body in STORY]
    articles += [make_article(text, path=f"other-{n}.txt",
                              front=FrontMatter(title=f"Other {n}", date=date(2024, 2, 1 + n)))
                 for n, text in enumerate(OTHERS)]
    articles.append(make_article("Town hall opens\n\nThe town hall of Bergen opened a new library wing.",
                                 path="undated.txt"))
    analyses = analyse(articles)
    slugs = [a.source.path.removesuffix(".txt") for a in articles]
    return link_briefs([make_brief(s, a, x) for s, a, x in zip(slugs, articles, analyses)])


@pytest.fixture(scope="module")
def pages(corpus):
    info = SiteInfo("Test")
    return {p.uri: get_data(p.markdown)[0] for p in render_site(corpus, info) + render_packs(corpus, info)}


def test_two_accounts_of_one_event_are_one_story_named_after_the_first(corpus):
    assert [s.briefs for s in corpus.stories] == [("quake-wire", "quake-daily")]
    story = corpus.stories[0]
    assert story.slug == "quake-wire" and story.first_seen == date(2024, 3, 4) and story.last_seen == date(2024, 3, 5)
    assert corpus.story_of("quake-daily") is story and corpus.story_of("other-1") is None
    assert {r.slug for r in corpus.related["quake-wire"]} == {"quake-daily"}


def test_a_story_page_sets_the_accounts_side_by_side(pages):
    page = pages["stories/quake-wire.md"]
    assert page.count('<div class="story-account"') == 2
    assert page.index("Wire Service") < page.index("Daily Paper")  # oldest account first
    # what only one account says, linked to its paragraph on that brief's page
    only = page[page.index("Only in this account"):]
    assert "Schools across the province" in only and "../briefs/quake-wire.md#p-" in only
    assert "<script>" not in page  # article text is text
    assert "— [Ali Rezaei]" in page or "— Ali Rezaei" in page  # a quote with its speaker


def test_briefs_of_a_story_link_to_it_and_the_stories_index_lists_it(pages):
    assert "(../stories/quake-wire.md)" in pages["briefs/quake-daily.md"]
    assert "(../stories/quake-wire.md)" not in pages["briefs/other-1.md"]
    assert "(quake-wire.md)" in pages["stories/index.md"] and "2 accounts" in pages["stories/index.md"]


def test_the_front_page_puts_the_newest_day_first_and_undated_news_apart(corpus, pages):
    home = pages["index.md"]
    assert home.index("## Tuesday 5 March 2024") < home.index("## Thursday 8 February 2024")
    assert "(stories/quake-wire.md)" in home and "story · 2 accounts · Wire Service, Daily Paper" in home
    items = news_items(corpus)
    assert items[0].story is not None and items[-1].day is None  # the undated brief, never given a day
    assert sum(i.story is not None for i in items) == 1 and len(items) == len(corpus.briefs) - 1


def test_most_mentioned_counts_the_last_seven_days_of_the_archive(pages):
    home = pages["index.md"]
    most = home[home.index("## Most mentioned, 2024-02-28 to 2024-03-05"):]
    assert "[Ali Rezaei](entities/" in most and "(2)" in most
    assert "Lionel Messi" not in most  # a month before the archive's newest date


def test_each_day_has_a_digest_that_prints_with_contents_and_sources(pages):
    digest = pages["days/2024-03-05.md"]
    assert re.search(r"^1\. \[(Earthquake hits Qeshm island|Seven dead as earthquake strikes Qeshm)\]\(#n1\)$",
                     digest, re.MULTILINE)
    assert "[Wire Service](../briefs/quake-wire.md) · [Daily Paper](../briefs/quake-daily.md)" in digest
    assert "Print this digest" in digest
    assert "days/undated.md" in pages and "days/2024-03-04.md" not in pages  # a story is listed on its newest day


def test_each_story_and_each_day_has_a_print_pack_listed_on_the_packs_page(pages):
    story_pack = pages["print/stories/quake-wire.md"]
    assert story_pack.count('<div class="pack-brief"') == 2
    assert story_pack.index("# Earthquake hits Qeshm island") < story_pack.index("# Seven dead as earthquake")
    assert "(../print/stories/quake-wire.md)" in pages["stories/quake-wire.md"]
    assert pages["print/days/undated.md"].count('<div class="pack-brief"') == 1
    assert "(../print/days/2024-03-05.md)" in pages["days/2024-03-05.md"]
    index = pages["print/index.md"]
    assert "## By story" in index and "(stories/quake-wire.md) · 2 briefs" in index
    assert "(days/2024-03-05.md) · 2 briefs" in index


def test_a_story_has_a_feed_of_its_accounts_that_its_page_announces(corpus):
    made = {p.uri: p.markdown for p in render_feeds(corpus, SiteInfo("Test"))}
    found = feedparser.parse(made["feeds/stories/quake-wire.xml"])
    assert not found.bozo and len(found.entries) == 2
    assert ("application/atom+xml", "This story's accounts", "feeds/stories/quake-wire.xml") in feed_links(
        "stories/quake-wire.md", set(made))
    # the stories index announces the site's feeds of briefs and of stories, not one of its own
    assert "feeds/stories/index.xml" not in made and len(feed_links("stories/index.md", set(made))) == 4


def test_the_front_page_says_what_is_new_since_the_previous_build(corpus):
    info = SiteInfo("Test")
    first = {p.uri: p.markdown for p in render_site(corpus, info)}
    assert "New since the last build" not in first["index.md"]  # the first build knows no previous one
    previous = json.loads(first["briefing-manifest.json"])
    assert set(previous) == {b.slug for b in corpus.briefs}
    same = {p.uri: p.markdown for p in render_site(corpus, info, previous=previous)}["index.md"]
    assert "## New since the last build\n\nNo brief was added or changed." in same
    older = {k: v for k, v in previous.items() if k not in ("quake-daily", "other-3")} | {"gone": "0" * 64}
    home = {p.uri: p.markdown for p in render_site(corpus, info, previous=older)}["index.md"]
    new = home[home.index("## New since the last build"):home.index("**Topics:**") if "**Topics:**" in home
               else home.index("## Most mentioned")]
    assert "(stories/quake-wire.md)" in new and "(briefs/other-3.md)" in new and "other-1" not in new
    assert "1 brief removed." in new


def test_the_sites_stories_feed_holds_each_story_once_and_the_home_page_announces_it(corpus):
    made = {p.uri: p.markdown for p in render_feeds(corpus, SiteInfo("Test"))}
    found = feedparser.parse(made["feeds/stories.xml"])
    assert not found.bozo and [e.id for e in found.entries] == ["tag:briefing,2026:stories/quake-wire"]
    assert found.entries[0].author == "Wire Service, Daily Paper" and found.entries[0].published.startswith("2024-03-05")
    assert ("application/feed+json", "Latest stories", "feeds/stories.json") in feed_links("index.md", set(made))
    assert json.loads(made["feeds/stories.json"])["items"][0]["url"] == "../stories/quake-wire/"
