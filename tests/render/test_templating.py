"""templating: the front matter every page carries, and the values templates print."""

from __future__ import annotations

import json

from mkdocs.utils.meta import get_data

from generator.render.markup import Markdown
from generator.render.templating import render_page


def test_front_matter_is_html_escaped_ascii_json_on_one_line_each():
    page = render_page("briefs/x.md", "tags.md.j2", title='A <b>"bold"</b>\nclaim', description="d" * 400,
                       tags=["Q&A", "ü"], meta={"search": {"exclude": True}})
    lines = page.markdown.split("---\n")[1].splitlines()
    assert [line.split(":", 1)[0] for line in lines] == ["title", "description", "tags", "search"]
    assert page.markdown.isascii()  # YAML cannot be broken by a character it refuses
    _, meta = get_data(page.markdown)
    assert meta["title"] == "A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; claim"
    assert meta["tags"] == ["Q&amp;A", "ü"] and meta["search"] == {"exclude": True}
    assert len(meta["description"]) <= 301 and meta["description"].endswith("…")
    assert json.loads(lines[0].split(": ", 1)[1]) == meta["title"]


def test_search_terms_are_kept_once_in_order():
    page = render_page("entities/x.md", "tags.md.j2", title="X", search_terms=("Mogi", "Motegi", "Mogi"))
    assert page.search_terms == ("Mogi", "Motegi")


def test_templates_escape_every_value_but_built_markdown():
    from generator.render.templating import environment

    template = environment().from_string("{{ text }} | {{ built }} | {{ number }}")
    out = template.render(text="*not emphasis* <b>", built=Markdown("*emphasis*"), number=3)
    assert out == "&#42;not emphasis&#42; &#60;b&#62; | *emphasis* | 3"
