"""Render: the `Corpus` as Markdown `MarkdownPage`s: briefs, entities, indexes, timeline, print packs,
and the feeds (files beside the pages)."""

from generator.render.feeds import render_feeds
from generator.render.pack import render_packs
from generator.render.site import render_all, render_site
from generator.render.templating import SiteInfo

__all__ = ["SiteInfo", "render_all", "render_feeds", "render_packs", "render_site"]
