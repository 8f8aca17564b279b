"""render: front matter that mkdocs reads back exactly; article text escaped in every page."""

from __future__ import annotations

import html

from mkdocs.utils.meta import get_data

from generator.analyse.nlp import analyse
from generator.brief import make_brief
from generator.link import link_briefs
from generator.model import FrontMatter
from generator.render.feeds import render_feeds
from generator.render.pack import render_packs
from generator.render.site import render_all, render_site
from generator.render.templating import SiteInfo
from tests.conftest import make_article

TITLE = 'Tricky: "quotes", #hash, --- and {{ braces }} \\ back\tslash'


def corpus_for(title: str):
    article = make_article("Body\n\nAngela Merkel met Emmanuel Macron in Paris on Monday to discuss trade.",
                           front=FrontMatter(title=title, tags=("a: b", "ü")))
    return link_briefs([make_brief("brief", article, analyse([article])[0])])


def test_front_matter_reads_back_as_the_same_values():
    pages = {page.uri: page for page in render_site(corpus_for(TITLE), SiteInfo("Test"))}
    _, meta = get_data(pages["briefs/brief.md"].markdown)
    # HTML-escaped, as the theme prints front matter raw into its HTML
    assert meta["title"] == html.escape(" ".join(TITLE.split()))
    assert html.unescape(meta["title"]) == " ".join(TITLE.split())
    assert meta["tags"][:2] == ["a: b", "ü"]
    assert meta["description"].startswith("Angela Merkel met")


def test_every_page_escapes_the_title():
    for page in render_site(corpus_for("<script>alert(1)</script>"), SiteInfo("Test")):
        body, _ = get_data(page.markdown)
        assert "<script>" not in body, page.uri


def test_worker_processes_render_the_same_pages_in_the_same_order():
    texts = [f"Report {n}\n\nAngela Merkel met Emmanuel Macron in Paris on day {n} to discuss trade with Berlin."
             for n in range(6)]
    articles = [make_article(text, path=f"a{n}.txt") for n, text in enumerate(texts)]
    analyses = analyse(articles)
    corpus = link_briefs([make_brief(f"brief-{n}", a, x) for n, (a, x) in enumerate(zip(articles, analyses))])
    info = SiteInfo("Test")
    assert render_site(corpus, info, processes=2) == render_site(corpus, info, processes=1)
    everything = render_all(corpus, info, processes=2)
    assert everything == render_all(corpus, info, processes=1)
    assert everything == render_site(corpus, info) + render_packs(corpus, info) + render_feeds(corpus, info)


def test_an_entity_shows_each_other_name_once_whatever_its_letters():
    from generator.render.site import distinct_forms

    assert distinct_forms("von der Leyen", ("VON DER LEYEN", "Ursula von der Leyen")) == ["Ursula von der Leyen"]
    # of two forms of one alias, the one not in capitals throughout
    assert distinct_forms("Kimani Gray", ("GRAY", "Gray", "Kiki")) == ["Gray", "Kiki"]
