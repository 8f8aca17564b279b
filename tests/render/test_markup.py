"""markup: article text reaches the page as text, whatever it holds."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

from generator.render.markup import Markdown, escape, link, text_with_links
from generator.render.urls import relative

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


class Reader(HTMLParser):
    """The elements and the text a browser would show."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags, self.chunks = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def test_html_and_template_syntax_render_as_text():
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ config }} {% include x %}"
    page = Reader(html_of(escape(hostile)))
    assert page.tags == [("p", {})]
    assert page.text == hostile


def test_markdown_block_syntax_stays_text():
    for text in ("# Heading", "---", "!!! note", "```python", "1. first", "- item", "> quote", "| a | b |",
                 "Term\n: definition", "text {: #id .class }", "<!-- comment -->"):
        page = Reader(html_of(escape(text)))
        assert page.tags == [("p", {})], text
        assert page.text == " ".join(text.split()), text


def test_markdown_links_and_emphasis_stay_text():
    text = "[click](javascript:alert(1)) *bold* `code` <https://x.org> __u__ &amp;"
    page = Reader(html_of(escape(text)))
    assert page.tags == [("p", {})] and page.text == text


def test_links_wrap_only_their_span():
    page = Reader(html_of(text_with_links("Minister Motegi met <b>Wang</b>.", [(9, 15, "m.md")])))
    assert page.tags == [("p", {}), ("a", {"href": "m.md"})]
    assert page.text == "Minister Motegi met <b>Wang</b>."


def test_link_labels_are_escaped_and_markdown_passes_through():
    assert link("a]b", "x.md") == "[a&#93;b](x.md)"
    assert escape(Markdown("**kept**")) == "**kept**"


def test_relative_links_between_pages():
    assert relative("briefs/a.md", "entities/b.md") == "../entities/b.md"
    assert relative("index.md", "briefs/index.md") == "briefs/index.md"


def test_an_exclamation_mark_before_a_link_stays_text():
    html = markdown.markdown(text_with_links("Wow!Berlin", [(4, 10, "../entities/berlin.md")]), extensions=EXTENSIONS)
    assert "<img" not in html and "Wow&#33;" in html and 'href="../entities/berlin.md"' in html
