"""Property-based: any text through read, clean, summarise and render stays text, never raises."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyse.nlp import analyse
from generator.brief import make_brief
from generator.clean import clean_all
from generator.link import link_briefs
from generator.read.files import read_article
from generator.render.site import render_site
from generator.render.templating import SiteInfo

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
GENERATED_TAGS = {"h1", "h2", "p", "a", "ul", "ol", "li", "div", "strong", "em", "blockquote", "dl", "dt", "dd",
                  "span", "br", "small", "button"}  # the print button is the generator's
SYNTAX = st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
                          "{{ config }}", "{% include 'x' %}", "---", "```", "# ", "!!! note", "| a |", "\n\n",
                          "<!--", "-->", "&amp;", "*", "_", "`", ":", "{: #id }", "<", ">", '"', "“", "\x00", "\ufeff"])
TEXT = st.lists(st.one_of(st.text(max_size=40), SYNTAX, st.just("The minister met Angela Merkel in Paris. ")),
                max_size=25).map("".join)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def write(folder: Path, text: str) -> Path:
    path = folder / "article.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(TEXT)
def test_any_text_renders_as_text_only(tmp_path, text):
    path = write(tmp_path, text)
    source, problems = read_article(path, tmp_path, 2_000_000)
    if source is None:
        assert problems and all(p.path == "article.txt" for p in problems)
        return
    articles, _ = clean_all([source])
    if not articles:
        return
    (analysis,) = analyse(articles)
    if not analysis.sentences:
        return
    brief = make_brief("article", articles[0], analysis)
    for page in render_site(link_briefs([brief]), SiteInfo("Test")):
        body = page.markdown.split("---\n", 2)[-1]
        parser = Elements()
        parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
        for tag, attributes in parser.found:
            assert tag in GENERATED_TAGS, (page.uri, tag)
            assert tag not in ("script", "iframe", "object", "embed")
            for name, value in attributes.items():
                assert not name.startswith("on"), (page.uri, name)
                assert not (value or "").lower().lstrip().startswith("javascript:"), (page.uri, value)
