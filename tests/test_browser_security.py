"""No script from an article runs: the hostile battery (tests/hostile.py) in Chromium, JavaScript on.

Every payload of the battery would set `window.__pwned` or open a dialog if it ran: in the
Markdown body, in every front matter value, in the first line that becomes the title, in a
name the model takes for a person (an entity page's title, a quotation's speaker). Each
page of the built site is loaded, and the site's search is run for the payloads' words,
whose results the theme inserts as HTML.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from scripts.browser import serve
from tests.browsing import search, show_all_results, watched_page
from tests.hostile import HOSTILE_NAME
from tests.sitecheck import main_content

SENTINEL = "window.__pwned === undefined"


@pytest.fixture(scope="module")
def hostile_url(hostile_build) -> Iterator[str]:
    _, site, result = hostile_build
    assert result.returncode == 0, result.stderr
    with serve(site) as base:
        yield base


@pytest.fixture
def hostile_page(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, viewport={"width": 1280, "height": 900}) as opened:
        yield opened


def test_the_payloads_reach_pages_that_the_theme_prints_raw(hostile_build):
    _, site, _ = hostile_build
    # the cases exist as pages: a filter that dropped them would leave this test testing nothing
    assert (site / "entities" / "maria-lopez-svg.html").is_file()
    assert len(list((site / "briefs").glob("council-hears-script-*.html"))) == 1
    quotes = main_content(site / "briefs" / "budget-dispute-in-the-council.html").plain
    assert f"the budget of the city” — {HOSTILE_NAME} ¶" in quotes  # the quotation's speaker


def test_no_page_runs_a_script_from_an_article(hostile_page: Page, hostile_url: str, hostile_build):
    _, site, _ = hostile_build
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(paths) > 40
    for path in paths:
        hostile_page.goto(hostile_url + path, wait_until="load")
        assert hostile_page.evaluate(SENTINEL), path
    # the watched page fails the test if any of them opened a dialog


def test_the_title_is_shown_as_text_in_the_tab_and_the_header(hostile_page: Page, hostile_url: str):
    hostile_page.goto(hostile_url + "briefs/q-a-script-window-pwned-1-script-about-ports-img-src-x-onerror-window-pwned-1.html")
    title = 'Q&A <script>window.__pwned=1</script> about "ports" <img src=x onerror=window.__pwned=1>'
    assert hostile_page.title() == f"{title} - Briefing"
    assert hostile_page.locator(".md-header__topic").last.inner_text().strip() == title
    chips = hostile_page.locator(".md-content .md-tag").all_inner_texts()
    assert "<svg onload=window.__pwned=1>" in chips


# words of the payloads and of the pages that hold them (the index's words are split at spaces)
@pytest.mark.parametrize("query", ["onerror", "ports", "Bremen", "Lopez"])
def test_searching_for_the_payloads_runs_none_of_them(hostile_page: Page, hostile_url: str, query: str):
    hostile_page.goto(hostile_url)
    search(hostile_page, query)
    show_all_results(hostile_page)  # every result listed, each one's title and excerpt set
    assert hostile_page.evaluate(SENTINEL)
    if query == "Lopez":
        names = hostile_page.locator(".md-search-result__item h1").all_inner_texts()
        assert any(HOSTILE_NAME in name for name in names)
