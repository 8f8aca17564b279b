"""Render: the corpus as Markdown pages, from Jinja2 templates.

Templates escape every value as text (see `markup`); only values the generator builds
as `Markdown` (links, escaped sentences) go in as they are.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import groupby

from jinja2 import Environment, PackageLoader, StrictUndefined

from .buildinfo import format_time, page_address
from .markup import Markdown, escape, link, relative, text_with_links
from .model import KINDS, Article, Brief, Corpus, Entity, Page, Sentence
from .perspectives import voices

KIND_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "event": "Events",
    "topic": "Topics",
}
KIND_NAMES = {"person": "Person", "organisation": "Organisation", "place": "Place", "event": "Event",
              "topic": "Topic"}
LATEST = 10
MAX_TAGS = 8
REASON_NAMES = 5  # shared entities named in a related brief's reason


@dataclass(frozen=True)
class SiteInfo:
    name: str
    url: str = ""  # mkdocs' site_url, for the addresses printed on paper; may be empty
    directory_urls: bool = True
    built: datetime | None = None  # when the site was built; None: not printed


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=False,
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


def render_site(corpus: Corpus, info: SiteInfo) -> tuple[Page, ...]:
    """Every generated page of the site."""
    pages = [render_home(corpus, info), render_brief_index(corpus), render_entity_index(corpus),
             render_timeline(corpus), _render("tags.md", "tags.md.j2", title="Topics")]
    pages += [render_brief(corpus, brief, info) for brief in corpus.briefs]
    pages += [render_entity(corpus, entity) for entity in corpus.entities if entity.has_page]
    return tuple(pages)


def brief_uri(slug: str) -> str:
    return f"briefs/{slug}.md"


def entity_uri(slug: str) -> str:
    return f"entities/{slug}.md"


def render_brief(corpus: Corpus, brief: Brief, info: SiteInfo) -> Page:
    uri = brief_uri(brief.slug)
    return _render(uri, "brief.md.j2", title=brief.article.title, description=brief.summary.bottom_line.text,
                   tags=brief_tags(corpus, brief), **brief_values(corpus, brief, info, uri))


def brief_values(corpus: Corpus, brief: Brief, info: SiteInfo, uri: str, anchor: str = "p-") -> dict:
    """What brief_body.md.j2 shows of a brief, linked from the page at `uri`.

    Print packs hold many briefs on one page, so each passes its own paragraph `anchor` prefix.
    """
    article, summary, source = brief.article, brief.summary, brief.source
    linker = _SentenceLinker(corpus, brief, uri, anchor)
    return dict(
        source=source.name + ("" if source.origin != "text" else " (as stated in the text)"),
        url=source.url and Markdown(_safe_url(source.url)),
        url_label="original article",
        date=brief.date.text,
        words=brief.words,
        title_inferred=article.title_inferred,
        address=page_address(brief_uri(brief.slug), info.url, info.directory_urls),
        built=format_time(info.built) if info.built else "",
        anchor=Markdown(anchor),
        print_button=True,  # a print pack turns it off: one button prints all its briefs
        bottom_line=linker.line(summary.bottom_line),
        # the bottom line opens the summary, so the summary shows the other sentences
        summary=[linker.line(s) for s in summary.sentences if s != summary.bottom_line],
        key_points=[linker.line(s) for s in summary.key_points],
        quotes=[_quote_view(corpus, brief, quote, uri, anchor) for quote in brief.quotes],
        entity_groups=_entity_groups(corpus, brief, uri),
        related=_related_views(corpus, brief, uri),
        paragraphs=_paragraph_views(article, anchor),
    )


def _related_views(corpus: Corpus, brief: Brief, uri: str) -> list[dict]:
    return [
        {"link": link(corpus.brief(r.slug).article.title, relative(uri, brief_uri(r.slug))),
         "reason": _reason(corpus, r)}
        for r in corpus.related.get(brief.slug, ())
    ]


def _paragraph_views(article: Article, anchor: str) -> list[dict]:
    return [
        {"index": p.index, "text": escape(p.text), "css": "article-subhead" if p.is_heading else "article-text",
         "number": Markdown(f"[{p.index}](#{anchor}{p.index}){{ .para-num }}")}
        for p in article.paragraphs
    ]


def render_entity(corpus: Corpus, entity: Entity) -> Page:
    uri = entity_uri(entity.slug)
    mentions = []
    for occurrence in entity.occurrences:
        brief = corpus.brief(occurrence.brief)
        target = relative(uri, brief_uri(brief.slug))
        mentions.append({
            "link": link(brief.article.title, target),
            "date": brief.date.text,
            "snippet": escape(occurrence.text),
            "anchor": link(f"¶ {occurrence.paragraph}", f"{target}#p-{occurrence.paragraph}", "Open the paragraph"),
        })
    seen = " to ".join(dict.fromkeys(d.isoformat() for d in (entity.first_seen, entity.last_seen) if d))
    return _render(
        uri,
        "entity.md.j2",
        title=entity.name,
        description=f"{KIND_NAMES[entity.kind]} in {len(entity.occurrences)} briefs",
        name=entity.name,
        kind=KIND_NAMES[entity.kind],
        aliases=", ".join(entity.aliases),
        count=len(entity.occurrences),
        seen=seen or "no dated brief",
        mentions=mentions,
        perspectives=_perspectives(corpus, entity, uri),
        companions=[
            {"link": link(corpus.entity(slug).name, relative(uri, entity_uri(slug))), "count": count}
            for slug, count in entity.companions
            if corpus.entity(slug).has_page
        ],
    )


def render_home(corpus: Corpus, info: SiteInfo) -> Page:
    dated = [b.date.value for b in corpus.briefs if b.date.value]
    span = f"{min(dated).isoformat()} to {max(dated).isoformat()}" if dated else ""
    return _render(
        "index.md",
        "home.md.j2",
        title="Home",
        description=f"{len(corpus.briefs)} briefs",
        site_name=info.name,
        brief_count=len(corpus.briefs),
        source_count=len({b.source.name for b in corpus.briefs if b.source.origin != "none"}),
        span=span,
        entity_count=sum(e.has_page for e in corpus.entities),
        latest=[_listing(b, "index.md") for b in corpus.briefs[:LATEST]],
        briefs_url=Markdown("briefs/index.md"),
        entities_url=Markdown("entities/index.md"),
        timeline_url=Markdown("timeline.md"),
        tags_url=Markdown("tags.md"),
    )


def render_brief_index(corpus: Corpus) -> Page:
    uri = "briefs/index.md"
    groups = [
        {"label": label, "items": [_listing(b, uri) for b in briefs]}
        for label, briefs in groupby(corpus.briefs, key=_month_label)
    ]
    return _render(uri, "briefs.md.j2", title="Briefs", description="All briefs, newest first",
                   count=len(corpus.briefs), groups=groups)


def render_entity_index(corpus: Corpus) -> Page:
    uri = "entities/index.md"
    groups = []
    for kind in KINDS:
        items = [
            {"link": link(e.name, relative(uri, entity_uri(e.slug))), "count": len(e.occurrences)}
            for e in corpus.entities
            if e.kind == kind and e.has_page
        ]
        if items:
            groups.append({"label": KIND_LABELS[kind], "items": items})
    unlisted = sum(e.listed and not e.has_page for e in corpus.entities)
    return _render(uri, "entities.md.j2", title="Entities", description="Entities by kind",
                   groups=groups, unlisted=unlisted)


def render_timeline(corpus: Corpus) -> Page:
    uri = "timeline.md"
    dated = sorted((b for b in corpus.briefs if b.date.value), key=lambda b: (b.date.value, b.slug))
    groups = [
        {"label": str(year), "items": [_timeline_item(b, uri) for b in briefs]}
        for year, briefs in groupby(dated, key=lambda b: b.date.value.year)
    ]
    partial = [_timeline_item(b, uri) for b in corpus.briefs if not b.date.value and b.date.origin == "text"]
    undated = [_timeline_item(b, uri) for b in corpus.briefs if b.date.origin == "none"]
    return _render(uri, "timeline.md.j2", title="Timeline", description="Briefs by date",
                   groups=groups, partial=partial, undated=undated)


class _SentenceLinker:
    """Escapes summary sentences, linking each entity's first mention on the page."""

    def __init__(self, corpus: Corpus, brief: Brief, uri: str, anchor: str = "p-") -> None:
        self.corpus, self.brief, self.uri, self.anchor = corpus, brief, uri, anchor
        self.linked: set[str] = set()
        self.mentions = defaultdict(list)
        for mention in brief.mentions:
            self.mentions[mention.sentence].append(mention)

    def line(self, sentence: Sentence) -> Markdown:
        spans = []
        for mention in sorted(self.mentions[sentence.index], key=lambda m: m.start):
            slug = self.corpus.entity_of[(self.brief.slug, mention.name)]
            if slug not in self.linked and self.corpus.entity(slug).has_page:
                self.linked.add(slug)
                spans.append((mention.start, mention.end, relative(self.uri, entity_uri(slug))))
        anchor = link(f"¶ {sentence.paragraph}", f"#{self.anchor}{sentence.paragraph}", "Open the paragraph")
        # a no-break space: the ¶ never starts a line of its own
        return Markdown(f"{text_with_links(sentence.text, spans)}\u00a0{anchor}")


def _entity_groups(corpus: Corpus, brief: Brief, uri: str) -> list[dict]:
    slugs = dict.fromkeys(corpus.entity_of[(brief.slug, m.name)] for m in brief.mentions)
    groups = []
    for kind in KINDS:
        # names the corpus shows to be no usable name (a lone given name, a common word) stay out
        entities = sorted((e for e in map(corpus.entity, slugs) if e.kind == kind and e.listed),
                          key=lambda e: e.name.lower())
        names = [
            link(e.name, relative(uri, entity_uri(e.slug))) if e.has_page else escape(e.name) for e in entities
        ]
        if names:
            groups.append({"label": KIND_LABELS[kind], "names": Markdown(", ".join(names))})
    return groups


def _quote_view(corpus: Corpus, brief: Brief, quote, uri: str, anchor: str = "p-") -> dict:
    speaker = escape("Unattributed")
    if quote.speaker:
        entity = corpus.entity(corpus.entity_of[(brief.slug, quote.speaker)])
        speaker = link(entity.name, relative(uri, entity_uri(entity.slug))) if entity.has_page else escape(entity.name)
    paragraph = brief.analysis.sentences[quote.sentence].paragraph
    return {"text": quote.text, "speaker": speaker,
            "source": link(f"¶ {paragraph}", f"#{anchor}{paragraph}", "Open the paragraph")}


def _perspectives(corpus: Corpus, entity: Entity, uri: str) -> list[dict]:
    views = []
    for voice in voices(corpus, entity):
        lines = []
        for brief, sentence in voice.sentences:
            target = f"{relative(uri, brief_uri(brief.slug))}#p-{sentence.paragraph}"
            lines.append(Markdown(f"{escape(sentence.text)} {link('¶', target, 'Open the paragraph')}"))
        for brief, quote in voice.quotes:
            paragraph = brief.analysis.sentences[quote.sentence].paragraph
            target = f"{relative(uri, brief_uri(brief.slug))}#p-{paragraph}"
            lines.append(Markdown(f"*“{escape(quote.text)}”* {link('¶', target, 'Open the paragraph')}"))
        views.append({"source": voice.label, "lines": lines})
    return views


def _reason(corpus: Corpus, related) -> str:
    """Why two briefs are related: the rarest shared entities first, people before places."""
    specific = ("person", "event", "organisation", "topic", "place")
    shared = sorted((corpus.entity(slug) for slug in related.shared),
                    key=lambda e: (len(e.occurrences), specific.index(e.kind), e.name.lower()))
    names = [e.name for e in shared[:REASON_NAMES]]
    if not names:
        return "similar wording"
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"shares {listed}" + ("; similar wording" if related.similar_text else "")


def brief_tags(corpus: Corpus, brief: Brief) -> list[str]:
    """A brief's topic tags: its front matter's, then the topics found in it."""
    topics = [corpus.entity(corpus.entity_of[(brief.slug, m.name)]) for m in brief.mentions if m.kind == "topic"]
    names = [*brief.article.source.front.tags, *(e.name for e in topics if e.has_page)]
    return list(dict.fromkeys(names))[:MAX_TAGS]


def _listing(brief: Brief, uri: str) -> dict:
    return {
        "link": link(brief.article.title, relative(uri, brief_uri(brief.slug))),
        "meta": f"{brief.date.text} · {brief.source.name}",
        "bottom_line": brief.summary.bottom_line.text,
    }


def _timeline_item(brief: Brief, uri: str) -> dict:
    return {"date": brief.date.text, "source": brief.source.name,
            "link": link(brief.article.title, relative(uri, brief_uri(brief.slug)))}


def _month_label(brief: Brief) -> str:
    return brief.date.value.strftime("%Y-%m") if brief.date.value else "Without a full date"


def _safe_url(url: str) -> str:
    """Only http(s) addresses, with characters that would end the Markdown link escaped."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _render(uri: str, template: str, *, title: str, description: str = "", tags: list[str] = (),
            meta: dict | None = None, **values) -> Page:
    front = {"title": " ".join(title.split()), "description": " ".join(description.split())[:300]}
    if tags:
        front["tags"] = list(tags)
    front |= meta or {}  # more front matter for mkdocs, e.g. print packs kept out of search
    # JSON values are valid YAML and far quicker to write than through a YAML emitter
    front_matter = Markdown("".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in front.items()))
    text = environment().get_template(template).render(front_matter=front_matter, title=title, **values)
    return Page(uri, text)
