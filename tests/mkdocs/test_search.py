"""search: each page tells Pagefind its body, summary and other names; the built site is indexed."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from generator.mkdocs.search import ARTICLE, searchable
from tests.conftest import build_site, one_article_project

PAGE = f"<html><body><nav>Menu</nav>{ARTICLE}<h1>Wang Yi calls Motegi</h1><p>On COVID-19.</p></article></body></html>"


def test_the_article_is_the_indexed_body_with_its_summary_and_the_names_it_does_not_write():
    html = searchable(PAGE, "Wang Yi spoke with Motegi.", ("Motegi", "coronavirus", "new coronavirus"))
    body = html[html.index("<article"):]
    assert body.startswith("<article data-pagefind-body ")
    assert 'data-pagefind-meta="summary[data-summary]" data-summary="Wang Yi spoke with Motegi."' in body
    hidden = body[body.index('data-pagefind-weight'):]
    assert ">coronavirus · new coronavirus</span>" in hidden  # "Motegi" is in the text already
    assert "<nav>Menu</nav>" in html[:html.index("<article")]  # outside the body: not indexed


def test_what_an_article_says_reaches_the_index_as_text_never_as_markup():
    html = searchable(PAGE, 'A "quote" <script>alert(1)</script>', ("<img src=x onerror=alert(2)>",))
    assert "<script>" not in html and "<img" not in html
    assert 'data-summary="A &quot;quote&quot; &lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_a_page_without_the_themes_article_is_left_as_it_is():
    assert searchable("<html><body>404</body></html>", "Not found", ("x",)) == "<html><body>404</body></html>"


def test_the_built_site_has_a_pagefind_index_of_its_pages_and_none_of_its_print_packs(tmp_path):
    project = one_article_project(tmp_path)
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    pages = entry["languages"]["en"]["page_count"]
    indexed = [p for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text()]
    assert pages == len(indexed) > 5
    assert not (site / "search" / "search_index.json").exists()  # the theme's whole-site index is gone
    assert all("data-pagefind-body" not in p.read_text() for p in (site / "print").glob("*.html") if p.name != "index.html")
    assert "data-pagefind-body" not in (site / "404.html").read_text()


VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _IndexedText(HTMLParser):
    """The text Pagefind indexes in a page: inside its body, outside any `data-pagefind-ignore`."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[bool, bool]] = []  # per open element: (in the body, ignored)
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        body, ignored = self.open[-1] if self.open else (False, False)
        names = {name for name, _ in attrs}
        self.open.append((body or "data-pagefind-body" in names, ignored or "data-pagefind-ignore" in names))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == (True, False):
            self.words.append(data)


def indexed_text(html: str) -> str:
    parser = _IndexedText()
    parser.feed(html)
    return " ".join(" ".join(parser.words).split())


def test_list_pages_index_what_they_say_not_the_briefs_they_list(seed_site):
    brief = seed_site / "briefs" / "wang-yi-speaks-by-phone-with-japanese-foreign-minister-toshimitsu-motegi.html"
    title = " ".join(re.search(r"<h1[^>]*>(.*?)<", brief.read_text())[1].split())
    assert title in indexed_text(brief.read_text())  # a brief's own page is searched
    entity = next(p for p in sorted((seed_site / "entities").glob("*.html"))
                  if p.name != "index.html" and title in p.read_text())
    text = indexed_text(entity.read_text())
    name = " ".join(re.search(r"<h1[^>]*>(.*?)<", entity.read_text())[1].split())
    assert name in text and title not in text  # the entity is found by its name, not by its briefs' titles
    for listing in ("briefs/index.html", "timeline.html", "index.html"):
        html = (seed_site / listing).read_text()
        assert title in html and title not in indexed_text(html), listing
