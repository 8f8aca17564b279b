"""Pages in a real browser: headless Chromium, watched for what a page must never do.

Each page gets a fresh browser context that fails the test on any console error, uncaught
script error, dialog (an alert an article smuggled in would open one) or request for an
address other than this machine's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Dialog, Page, Route, expect

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package.json


class Watch:
    """What a page did wrong: console errors, script errors, dialogs, requests that left localhost."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []

    def route(self, route: Route) -> None:
        address = urlsplit(route.request.url)
        if address.scheme == "file" or address.hostname in LOCAL_HOSTS:  # the site opened from disk
            route.continue_()
        else:  # blocked and reported: the site must work with nothing but itself
            self.outside.append(route.request.url)
            route.abort()

    def dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@contextmanager
def watched_page(browser: Browser, **options) -> Iterator[Page]:
    """A page in a fresh context; afterwards, fails on what the Watch saw."""
    context = browser.new_context(**options)
    context.set_default_timeout(60_000)  # two shared cores under load can be slow; a real failure still fails
    watch = Watch()
    context.route("**/*", watch.route)
    context.on("console", lambda message: message.type == "error" and watch.errors.append(message.text))
    context.on("weberror", lambda error: watch.errors.append(f"uncaught: {error.error}"))
    context.on("dialog", watch.dialog)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert watch.errors == [], f"the page logged errors: {watch.errors[:3]}"
    assert watch.outside == [], "the page asked for addresses outside localhost"
    assert watch.dialogs == [], "the page opened dialogs"


def search(page: Page, query: str) -> None:
    """Type a query into the site's search, as a reader would, once the index has loaded."""
    field = page.locator("input.md-search__input")
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():  # a phone: the search button in the header opens the field
        button.click()
    else:
        field.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    field.fill("")
    field.press_sequentially(query)
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Type to start searching")


def result_links(page: Page) -> list[str]:
    """The address of each page in the search results, best first."""
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    return [urlsplit(href).path for href in (links.nth(i).get_attribute("href") for i in range(links.count()))]


def show_all_results(page: Page, per_page: int = 10) -> None:
    """Press "Show more" under the search results until every result is listed."""
    said = page.locator(".md-search-result__meta").inner_text().split()[0]
    total = int(said) if said.isdigit() else 0
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    shown = min(total, per_page)
    while True:
        expect(links).to_have_count(shown)
        if shown == total:
            return
        page.locator(".briefing-search-more button").click()
        shown = min(total, shown + per_page)
