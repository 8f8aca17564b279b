"""Accessibility: axe-core (npm, pinned in package.json) on every kind of page of the seed site.

No violation of impact serious or critical is allowed, at a desktop's width and a phone's,
in the light and the dark colour scheme, with the search open too. Fixes belong in the
site's CSS and theme settings; no rule is switched off.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browsing import AXE, search, watched_page
from tests.test_site import SEED_002

PAGES = {
    "home": "index.html",
    "brief list": "briefs/index.html",
    "brief": f"briefs/{SEED_002}.html",
    "entity list": "entities/index.html",
    "entity": "entities/toshimitsu-motegi.html",
    "timeline": "timeline.html",
    "topics": "tags.html",
    "print packs": "print/index.html",
    "print pack": "print/all.html",
    "about": "about.html",
    "not found": "404.html",
    "search open": "index.html?search=Motegi",
}
WIDTHS = (1280, 390)


def serious_violations(page: Page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
            for v in result["violations"] if v["impact"] in ("serious", "critical") for node in v["nodes"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_serious_accessibility_violation_on_any_kind_of_page(browser: Browser, site_url: str, width, scheme):
    found = {}
    with watched_page(browser, viewport={"width": width, "height": 900}, color_scheme=scheme) as page:
        for kind, path in PAGES.items():
            path, _, query = path.partition("?search=")
            page.goto(site_url + path)
            if query:
                search(page, query)
                page.locator(".md-search-result__item").first.wait_for()
            # colours are measured once the theme's transitions (the search dialog's fade) end
            page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
            if violations := serious_violations(page):
                found[kind] = violations
    assert found == {}
