"""Render: the `Corpus` as Markdown `MarkdownPage`s: briefs, entities, indexes, timeline, print packs."""

from generator.render.pack import render_packs
from generator.render.site import render_site
from generator.render.templating import SiteInfo

__all__ = ["SiteInfo", "render_packs", "render_site"]
