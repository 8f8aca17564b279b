"""pack: print packs hold whole briefs with anchors of their own, out of search."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import yaml

from generator.pipeline import build
from generator.render.markup import escape
from generator.settings import Settings
from tests.conftest import SEEDS

BUILT = datetime(2024, 5, 6, 7, 8, tzinfo=UTC)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {page.uri: page.markdown for page in build(Settings(SEEDS, built=BUILT)).pages}


def front_matter(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


def test_the_pack_holds_every_brief_and_stays_out_of_search(pages):
    pack = pages["print/all.md"]
    briefs = [uri for uri in pages if re.fullmatch(r"briefs/(?!index).+\.md", uri)]
    assert pack.count('<div class="pack-brief"') == len(briefs) == 2
    assert front_matter(pack)["search"] == {"exclude": True}


def test_each_brief_in_a_pack_has_its_own_paragraph_anchors(pages):
    pack = pages["print/all.md"]
    anchors = re.findall(r"\{: #(b\d+-p-\d+) ", pack)
    assert len(anchors) == len(set(anchors)) > 0
    links = set(re.findall(r"\]\(#(b\d+-p-\d+)", pack))
    assert links <= set(anchors)


def test_every_topic_pack_is_listed_on_the_print_page(pages):
    topics = sorted(uri for uri in pages if uri.startswith("print/topics/"))
    assert topics
    for uri in topics:
        assert f"({uri.removeprefix('print/')})" in pages["print/index.md"]


def test_a_printed_brief_says_where_it_lives_and_when_the_site_was_built(pages):
    brief = next(text for uri, text in pages.items() if uri.startswith("briefs/wang-yi"))
    assert "**Web address:** briefs/wang-yi-speaks-by-phone" in brief
    assert f"**Site built:** {escape('2024-05-06 07:08 UTC')}" in brief


def test_without_a_build_time_the_pages_say_none():
    pages = build(Settings(SEEDS)).pages
    assert not any("Site built" in page.markdown for page in pages)


def test_a_pack_holds_at_most_the_newest_briefs_and_says_so(monkeypatch):
    import generator.render.pack

    monkeypatch.setattr(generator.render.pack, "PACK_LIMIT", 1)
    pack = {page.uri: page.markdown for page in build(Settings(SEEDS, built=BUILT)).pages}["print/all.md"]
    assert pack.count('<div class="pack-brief"') == 1
    assert "(the newest 1 of 2)" in pack
