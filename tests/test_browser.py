"""The seed site in a real browser: headless Chromium against the built site on localhost.

Each test gets a fresh, watched browser context (tests/browsing.py): any console error,
uncaught script error, dialog or request for an address other than this machine's fails it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from scripts.browser import PAPERS, print_pdf
from tests.browsing import result_links, search, show_all_results, watched_page
from tests.test_site import SEED_000, SEED_002

SEEDS = (SEED_000, SEED_002)
# The site's chrome, which paper must not carry: labels of the header, search, sidebars and footer.
CHROME_PHRASES = ("Skip to content", "Type to start searching", "Table of contents", "Back to top",
                  "Made with", "Material for MkDocs", "Print this brief", "Dark mode", "Light mode")
NAV_LABELS = ("Briefing", "Home", "Briefs", "Entities", "Timeline", "Topics", "Print", "About", "Search")


def brief(site_url: str, slug: str) -> str:
    return f"{site_url}briefs/{slug}.html"


def heading(page: Page) -> str:
    """The page's title as shown, without the permalink sign after it."""
    return page.locator("h1").first.inner_text().removesuffix("¶").strip()


def test_search_lists_both_seed_briefs_and_opens_one(page: Page, site_url: str):
    page.goto(site_url)
    search(page, "Motegi")
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    for slug in SEEDS:
        results.and_(page.locator(f"[href*='{slug}']")).first.wait_for()
    results.and_(page.locator(f"[href*='{SEED_002}']")).first.click()
    page.wait_for_url(re.compile(f"/briefs/{SEED_002}.html"))
    assert heading(page).startswith("Wang Yi Speaks by Phone")


@pytest.mark.parametrize(("query", "entity"), [("coronavirus", "covid-19"), ("Mogi", "toshimitsu-motegi")])
def test_search_finds_an_entity_and_its_briefs_under_any_of_its_names(page: Page, site_url: str, query, entity):
    # the Wang Yi brief says "COVID-19" and never "coronavirus"; neither brief says "Mogi" in its title
    page.goto(site_url)
    search(page, query)
    show_all_results(page)  # results are listed as they come: wait for all of them
    links = result_links(page)
    assert f"/entities/{entity}.html" in links
    assert {f"/briefs/{slug}.html" for slug in SEEDS} <= set(links)


def test_a_brief_result_shows_its_bottom_line_and_outranks_the_about_page(page: Page, site_url: str):
    page.goto(site_url)
    search(page, "Motegi")
    show_all_results(page)
    page.locator(".md-search-result__item > a[href*='about.html']").wait_for()
    links = result_links(page)
    assert links.index(f"/briefs/{SEED_002}.html") < links.index("/about.html")
    assert len(links) == len(set(links))  # a page once, not again for each of its sections
    result = page.locator(f".md-search-result__item:has(> a[href*='{SEED_002}'])").first
    teaser = " ".join(result.locator("article").first.inner_text().split())
    assert "On 21 April, State Councilor and Foreign Minister Wang Yi spoke with" in teaser
    assert "Length:" not in teaser and "Source:" not in teaser and "¶" not in teaser


def test_a_brief_reads_top_down_and_links_back_to_its_list(page: Page, site_url: str):
    page.goto(brief(site_url, SEED_002))
    order = page.evaluate("""() => [...document.querySelectorAll(
        '.md-content h1, .bottom-line, .brief-meta, #summary, #key-points')].map(e => e.id || e.className)""")
    assert order[:3] == [SEED_002, "bottom-line", "brief-meta"] and order.index("summary") < order.index("key-points")
    def size(selector: str) -> float:
        return page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)")

    body = size(".brief-summary p")
    assert size(".bottom-line p") > body, "the bottom line stands out from the summary"
    assert size(".brief-meta p") < body
    page.get_by_role("link", name="All briefs").first.click()
    page.wait_for_url(re.compile(r"/briefs/index.html$"))


def test_an_entity_page_links_back_to_the_entities(page: Page, site_url: str):
    page.goto(f"{site_url}entities/toshimitsu-motegi.html")
    page.get_by_role("link", name="All entities").click()
    page.wait_for_url(re.compile(r"/entities/index.html$"))


def test_the_site_works_opened_from_disk(page: Page, seed_site: Path):
    page.goto((seed_site / "index.html").as_uri())
    page.locator(".md-tabs a", has_text="Briefs").click()
    page.wait_for_url(re.compile(r"/briefs/index.html$"))  # a page, not a folder listing
    assert heading(page) == "Briefs"
    page.locator(f"a[href*='{SEED_002}']").first.click()
    assert heading(page).startswith("Wang Yi Speaks by Phone")
    # the browser loads no index from disk: the search box says how to search, and nothing fails
    search(page, "coronavirus")
    expect(page.locator(".md-search-result__meta")).to_contain_text("needs the site served")


def test_entity_link_opens_the_entity_page(page: Page, site_url: str):
    page.goto(brief(site_url, SEED_002))
    entity = page.locator(".bottom-line a[href*='entities/']").first
    name = entity.inner_text()
    entity.click()
    page.wait_for_url(re.compile(r"/entities/[^/]+\.html$"))
    assert heading(page) == name


def test_related_brief_link_opens_the_other_brief(page: Page, site_url: str):
    page.goto(brief(site_url, SEED_002))
    page.locator(f"#related-briefs + ul a[href*='{SEED_000}']").click()
    page.wait_for_url(re.compile(f"/briefs/{SEED_000}.html"))
    assert heading(page).startswith("Japan-China Foreign Ministers' Meeting")


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("slug", SEEDS)
def test_printed_brief_fits_two_pages_without_the_site_chrome(page: Page, site_url: str, tmp_path, slug, paper):
    page.goto(brief(site_url, slug))
    title = heading(page)
    bottom_line = page.locator(".bottom-line p").first.inner_text().removeprefix("BOTTOM LINE").strip()
    source = page.locator(".brief-meta p").first.inner_text().split(" · ")[0]
    pdf = PdfReader(print_pdf(page, tmp_path / "brief.pdf", paper))
    assert len(pdf.pages) <= 2
    text = "\n".join(p.extract_text() for p in pdf.pages)
    flat = " ".join(text.split())
    for expected in (title, bottom_line.rsplit("¶", 1)[0], source, "Web address:", "Site built:"):
        assert " ".join(expected.split()) in flat
    assert [phrase for phrase in CHROME_PHRASES if phrase in flat] == []
    assert [line for line in text.splitlines() if line.strip() in NAV_LABELS] == []


def test_print_button_opens_the_print_dialog(page: Page, site_url: str):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(brief(site_url, SEED_000))
    page.get_by_role("button", name="Print this brief").click()
    assert page.evaluate("window.printed") == 1


def test_dark_mode_prints_dark_text_on_white(browser: Browser, site_url: str):
    with watched_page(browser, color_scheme="dark") as dark:
        dark.goto(brief(site_url, SEED_002))
        assert dark.locator("body").get_attribute("data-md-color-scheme") == "slate"
        dark.emulate_media(media="print", color_scheme="dark")
        colours = dark.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
            getComputedStyle(document.querySelector('.md-content p')).color]""")
        assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]


def test_a_phone_shows_the_brief_without_sideways_scrolling(browser: Browser, site_url: str):
    with watched_page(browser, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True) as phone:
        for slug in SEEDS:
            phone.goto(brief(site_url, slug))
            widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[0] <= widths[1], f"{slug}: {widths[0]}px of content in a {widths[1]}px screen"


def test_print_pack_starts_each_brief_on_a_new_page(page: Page, site_url: str, tmp_path):
    page.goto(f"{site_url}print/all.html")
    titles = [" ".join(t.split()) for t in page.locator(".pack-brief h1").all_inner_texts()]
    assert len(titles) == len(SEEDS)
    pdf = PdfReader(print_pdf(page, tmp_path / "pack.pdf"))
    texts = [" ".join(p.extract_text().split()) for p in pdf.pages]
    # every sheet is numbered ("Page 2 of 5", print.css); the text after the number opens the sheet
    assert [t.startswith(f"Page {n} of {len(texts)} ") for n, t in enumerate(texts, 1)] == [True] * len(texts)
    first_lines = [t.split(" ", 4)[-1][:40] for t in texts]
    assert [any(line.startswith(t[:40]) for line in first_lines) for t in titles] == [True, True]


def test_every_page_loads_without_errors_or_outside_requests(page: Page, site_url: str, seed_site: Path):
    paths = sorted(p.relative_to(seed_site).as_posix() for p in seed_site.rglob("*.html"))
    assert len(paths) > 20
    for path in paths:
        page.goto(site_url + path, wait_until="load")
    # the page fixture fails this test on any console error or request that left localhost
