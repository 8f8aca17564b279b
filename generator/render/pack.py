"""Print packs: pages that hold many briefs, each starting on a new sheet of paper.

A pack is made from the same brief body as the brief's own page (brief_body.md.j2), so
paper and screen never disagree. Packs are generated here rather than by
mkdocs-print-site-plugin: that plugin joins the pages of the navigation, and briefs are
deliberately not in the navigation (see mkdocs.yml).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import chain, count, groupby
from typing import Any

from generator.model import Brief, Corpus, MarkdownPage
from generator.render.brief_page import brief_tags, brief_values
from generator.render.buildinfo import format_time
from generator.render.front import day_label, news_items
from generator.render.markup import Markdown, link
from generator.render.story_page import story_title
from generator.render.templating import SiteInfo, environment, render_page
from generator.render.urls import day_pack_uri, page_address, relative, story_pack_uri
from generator.support.slugs import first_free, slug

INDEX_URI = "print/index.md"
ALL_URI = "print/all.md"
# Packs repeat every brief's text: kept out of the search index so results name the brief itself.
PACK_META = {"search": {"exclude": True}}
# A pack holds the newest briefs up to this many: more is no longer a pack anyone prints, and
# a page holding thousands of briefs would cost more to build than all the other pages.
PACK_LIMIT = 100


Pack = tuple[str, str, tuple[str, ...]]  # its page's uri, its heading, its briefs' slugs in order


def render_packs(corpus: Corpus, info: SiteInfo) -> tuple[MarkdownPage, ...]:
    """The page listing the packs, then every pack (`pack_index`)."""
    index, packs = pack_index(corpus)
    return (index, *(render_pack(corpus, info, *pack) for pack in packs))


def pack_index(corpus: Corpus) -> tuple[MarkdownPage, list[Pack]]:
    """The page listing the packs, and the packs: the pack of every brief, one pack per topic
    tag, per story (its accounts, oldest first) and per day (the briefs of the day's news)."""
    topics = _topic_packs(corpus)
    stories = [(story_title(corpus, s), story_pack_uri(s.slug), tuple(corpus.brief(b) for b in s.briefs))
               for s in corpus.stories]
    days = [(day_label(day), day_pack_uri(day), tuple(b for item in items for b in item.briefs))
            for day, items in groupby(news_items(corpus), key=lambda i: i.day)]

    def listed(packs: list[tuple[str, str, tuple[Brief, ...]]]) -> list[dict[str, Any]]:
        return [{"link": link(label, relative(INDEX_URI, uri)), "count": len(briefs)} for label, uri, briefs in packs]

    index = render_page(
        INDEX_URI, "packs.md.j2", title="Print packs", description="Briefs gathered for printing",
        all_link=link("All briefs", relative(INDEX_URI, ALL_URI)), count=len(corpus.briefs),
        topics=listed(topics), stories=listed(stories), days=listed(days),
    )
    packs: list[Pack] = [(ALL_URI, "All briefs", tuple(b.slug for b in corpus.briefs))]
    for kind, group in (("Topic", topics), ("Story", stories), ("Day", days)):
        packs += [(uri, f"{kind}: {label}", tuple(b.slug for b in briefs)) for label, uri, briefs in group]
    return index, packs


def render_pack(corpus: Corpus, info: SiteInfo, uri: str, heading: str, slugs: tuple[str, ...]) -> MarkdownPage:
    """One pack: a cover with the contents, then the newest PACK_LIMIT of the briefs of these
    slugs, in the given order."""
    total, briefs = len(slugs), tuple(corpus.brief(s) for s in slugs[:PACK_LIMIT])
    bodies = [_brief_body(corpus, info, uri, brief, number) for number, brief in enumerate(briefs, 1)]
    contents = [
        {"link": link(brief.article.title, f"#b{number}"), "meta": f"{brief.date.text} · {brief.publisher.name}"}
        for number, brief in enumerate(briefs, 1)
    ]
    return render_page(
        uri, "pack.md.j2", title=f"Print pack: {heading}", description=f"{len(briefs)} briefs for printing",
        meta=PACK_META, site_name=info.name, count=len(briefs), total=total, contents=contents, bodies=bodies,
        address=page_address(uri, info.url, info.directory_urls),
        built=format_time(info.built) if info.built else "",
    )


def _brief_body(corpus: Corpus, info: SiteInfo, uri: str, brief: Brief, number: int) -> dict[str, Any]:
    # Paragraph anchors get the brief's number: every brief has a paragraph 1.
    values = brief_values(corpus, brief, info, uri, anchor=f"b{number}-p-") | {"print_button": False, "back_link": ""}
    text = environment().get_template("brief_body.md.j2").render(title=brief.article.title, **values)
    return {"id": f"b{number}", "text": Markdown(text)}


def _topic_packs(corpus: Corpus) -> list[tuple[str, str, tuple[Brief, ...]]]:
    """(tag, page uri, briefs newest first) for every topic tag, by tag name."""
    by_tag: dict[str, list[Brief]] = defaultdict(list)
    for brief in corpus.briefs:
        for tag in brief_tags(corpus, brief):
            by_tag[tag].append(brief)
    packs: list[tuple[str, str, tuple[Brief, ...]]] = []
    taken: set[str] = set()
    for tag in sorted(by_tag, key=lambda t: (t.casefold(), t)):
        base = slug(tag, "topic")
        packs.append((tag, f"print/topics/{first_free(chain((base,), (f'{base}-{n}' for n in count(2))), taken)}.md",
                      tuple(by_tag[tag])))
    return packs
