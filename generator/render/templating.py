"""Templating: the Jinja2 environment that writes Markdown pages, and where pages live.

Templates escape every value as text (see `markup`); only values the generator builds
as `Markdown` (links, escaped sentences) go in as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.model import MarkdownPage
from generator.render.markup import Markdown, escape, front_matter_text
from generator.support.memo import ONE, memo

KIND_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "event": "Events",
    "topic": "Topics",
}
KIND_NAMES = {"person": "Person", "organisation": "Organisation", "place": "Place", "event": "Event",
              "topic": "Topic"}


@dataclass(frozen=True)
class SiteInfo:
    name: str
    url: str = ""  # mkdocs' site_url, for the addresses printed on paper; may be empty
    directory_urls: bool = True
    built: datetime | None = None  # when the site was built; None: not printed


@memo(ONE)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=False,
        auto_reload=False,  # templates are package data: not edited while a build runs
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def _finalize(value: object) -> str:
    """Every value a template prints is escaped as text, except numbers and built Markdown."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return escape(value)


def render_page(uri: str, template: str, *, title: str, description: str = "", tags: Sequence[str] = (),
                meta: Mapping[str, object] | None = None, search_terms: tuple[str, ...] = (),
                **values: object) -> MarkdownPage:
    # mkdocs-material prints these raw into its HTML and search results: escaped here, the
    # one place article text leaves the Markdown body (see markup.py)
    front: dict[str, object] = {"title": front_matter_text(title),
                                "description": front_matter_text(_shortened(description))}
    if tags:
        front["tags"] = [front_matter_text(tag) for tag in tags]
    front |= meta or {}  # more front matter for mkdocs, e.g. print packs kept out of search
    # JSON values are valid YAML and far quicker to write than through a YAML emitter; ASCII
    # only, as characters YAML refuses (C1 controls) then arrive as escapes
    front_matter = Markdown("".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items()))
    text = environment().get_template(template).render(front_matter=front_matter, title=title, **values)
    return MarkdownPage(uri, text, tuple(dict.fromkeys(search_terms)))


def _shortened(text: str, limit: int = 300) -> str:
    """At most `limit` characters, cut at a word: search engines show about 160."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
