"""End to end: the seed site built with `mkdocs build --strict`, read as a reader would."""

from __future__ import annotations

from pathlib import Path

from tests.sitecheck import broken_links, main_content, parse

SEED_000 = "japan-china-foreign-ministers-meeting-agreement-on-close-cooperation-such-as-the"
SEED_002 = "wang-yi-speaks-by-phone-with-japanese-foreign-minister-toshimitsu-motegi"


def brief_page(site: Path, slug: str) -> Path:
    return site / "briefs" / f"{slug}.html"


def test_both_briefs_exist_with_their_titles(seed_site):
    first = main_content(brief_page(seed_site, SEED_000)).plain
    second = main_content(brief_page(seed_site, SEED_002)).plain
    assert "Japan-China Foreign Ministers' Meeting Agreement on close cooperation" in first
    assert "Wang Yi Speaks by Phone with Japanese Foreign Minister Toshimitsu Motegi" in second


def test_titles_are_not_breadcrumbs(seed_site):
    html = brief_page(seed_site, SEED_002).read_text(encoding="utf-8")
    assert "<h1 id=\"wang-yi-speaks-by-phone" in html
    assert "Home > China News" not in main_content(brief_page(seed_site, SEED_002)).plain


def test_boilerplate_is_gone(seed_site):
    text = main_content(brief_page(seed_site, SEED_002)).plain
    assert "Suggest to a friend" not in text
    assert "China News" not in text


def test_broken_sentence_of_seed_000_is_whole(seed_site):
    text = main_content(brief_page(seed_site, SEED_000)).plain
    assert (
        "Foreign Minister Motegi met with Chinese Foreign Minister Wang Yi, who is visiting Japan "
        "from the 24th to the 2nd, at the Iikura Public Hall of the Ministry of Foreign Affairs"
    ) in text


def test_brief_has_summary_key_points_source_and_date(seed_site):
    page = main_content(brief_page(seed_site, SEED_002))
    text = page.plain
    for heading in ("Summary", "Bottom line", "Key points", "Quotes", "Who and what", "Full text"):
        assert heading in text
    assert "Source: not stated" in text
    assert "Date: 21 April, year not stated" in text
    assert "On 21 April, State Councilor and Foreign Minister Wang Yi spoke with" in text


def test_every_summary_sentence_links_to_a_paragraph_of_its_page(seed_site):
    for slug in (SEED_000, SEED_002):
        page = main_content(brief_page(seed_site, slug))
        anchors = [href for href in page.links if href.startswith("#p-")]
        assert len(anchors) >= 3 + 3  # bottom line + summary + key points, at least
        assert all(href[1:] in page.ids for href in anchors)


def test_every_internal_link_resolves(seed_site):
    assert broken_links(seed_site) == []


def test_home_lists_the_latest_briefs_and_counts(seed_site):
    text = main_content(seed_site / "index.html").plain
    assert "2 briefs" in text
    assert "Wang Yi Speaks by Phone" in text and "Japan-China Foreign Ministers' Meeting" in text


def test_navigation_stays_small(seed_site):
    nav_links = {
        attributes.get("href")
        for tag, attributes in parse(seed_site / "index.html").tags
        if tag == "a" and "md-nav__link" in (attributes.get("class") or "")
    }
    assert "briefs/index.html" in nav_links
    assert not any(SEED_000 in href or SEED_002 in href for href in nav_links)
