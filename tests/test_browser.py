"""The seed site in a real browser: headless Chromium against the built site on localhost.

Each test gets a fresh browser context that fails the test on any console error, uncaught
script error or request for an address other than this machine's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Error as PlaywrightError, Page, Route, expect
from pypdf import PdfReader

from scripts.browser import CHROMIUM, PAPERS, chromium, print_pdf, serve
from tests.test_site import SEED_000, SEED_002

SEEDS = (SEED_000, SEED_002)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# The site's chrome, which paper must not carry: labels of the header, search, sidebars and footer.
CHROME_PHRASES = ("Skip to content", "Type to start searching", "Table of contents", "Back to top",
                  "Made with", "Material for MkDocs", "Print this brief", "Dark mode", "Light mode")
NAV_LABELS = ("Briefing", "Home", "Briefs", "Entities", "Timeline", "Topics", "Print", "About", "Search")


@pytest.fixture(scope="session")
def site_url(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)")
    with ExitStack() as stack:
        try:
            started = stack.enter_context(chromium())
        except PlaywrightError as error:
            pytest.skip(f"Chromium could not start: {error.message.splitlines()[0]}")
        yield started


class Watch:
    """What a page did wrong: console errors, script errors, requests that left localhost."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []

    def route(self, route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:  # blocked and reported: the site must work with nothing but itself
            self.outside.append(route.request.url)
            route.abort()


@contextmanager
def watched_page(browser: Browser, **options) -> Iterator[Page]:
    """A page in a fresh context; afterwards, fails on what the Watch saw."""
    context = browser.new_context(**options)
    context.set_default_timeout(60_000)  # two shared cores under load can be slow; a real failure still fails
    watch = Watch()
    context.route("**/*", watch.route)
    context.on("console", lambda message: message.type == "error" and watch.errors.append(message.text))
    context.on("weberror", lambda error: watch.errors.append(f"uncaught: {error.error}"))
    try:
        yield context.new_page()
    finally:
        context.close()
    assert watch.errors == [], "the page logged errors"
    assert watch.outside == [], "the page asked for addresses outside localhost"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, viewport={"width": 1280, "height": 900}) as opened:
        yield opened


def brief(site_url: str, slug: str) -> str:
    return f"{site_url}briefs/{slug}/"


def heading(page: Page) -> str:
    """The page's title as shown, without the permalink sign after it."""
    return page.locator("h1").first.inner_text().removesuffix("¶").strip()


def test_search_lists_both_seed_briefs_and_opens_one(page: Page, site_url: str):
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    # the search index loads in a worker; a query typed before it is ready is never answered
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    search.press_sequentially("Motegi")
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    for slug in SEEDS:
        results.and_(page.locator(f"[href*='{slug}']")).first.wait_for()
    results.and_(page.locator(f"[href*='{SEED_002}']")).first.click()
    page.wait_for_url(re.compile(f"/briefs/{SEED_002}/"))
    assert heading(page).startswith("Wang Yi Speaks by Phone")


def test_entity_link_opens_the_entity_page(page: Page, site_url: str):
    page.goto(brief(site_url, SEED_002))
    entity = page.locator(".admonition a[href*='entities/']").first
    name = entity.inner_text()
    entity.click()
    page.wait_for_url(re.compile(r"/entities/[^/]+/$"))
    assert heading(page) == name


def test_related_brief_link_opens_the_other_brief(page: Page, site_url: str):
    page.goto(brief(site_url, SEED_002))
    page.locator(f"#related-briefs + ul a[href*='{SEED_000}']").click()
    page.wait_for_url(re.compile(f"/briefs/{SEED_000}/"))
    assert heading(page).startswith("Japan-China Foreign Ministers' Meeting")


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("slug", SEEDS)
def test_printed_brief_fits_two_pages_without_the_site_chrome(page: Page, site_url: str, tmp_path, slug, paper):
    page.goto(brief(site_url, slug))
    title = heading(page)
    bottom_line = page.locator(".admonition > p:not(.admonition-title)").first.inner_text()
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
    page.goto(f"{site_url}print/all/")
    titles = [" ".join(t.split()) for t in page.locator(".pack-brief h1").all_inner_texts()]
    assert len(titles) == len(SEEDS)
    pdf = PdfReader(print_pdf(page, tmp_path / "pack.pdf"))
    first_lines = [" ".join(p.extract_text().split())[:40] for p in pdf.pages]
    assert [any(line.startswith(t[:40]) for line in first_lines) for t in titles] == [True, True]


def test_every_page_loads_without_errors_or_outside_requests(page: Page, site_url: str, seed_site: Path):
    paths = sorted(p.relative_to(seed_site).parent.as_posix() for p in seed_site.rglob("index.html"))
    assert len(paths) > 20
    for path in paths:
        page.goto(site_url + ("" if path == "." else f"{path}/"), wait_until="load")
    # the page fixture fails this test on any console error or request that left localhost
