"""Brief pages: one article's brief, from the page of its own or inside a print pack."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from generator.clean.boilerplate import SPEAKER_TURN
from generator.model import KINDS, Article, Brief, Corpus, MarkdownPage, Quote, Related, Sentence
from generator.render.buildinfo import format_time
from generator.render.markup import (
    Markdown,
    escape,
    link,
    paragraph_link,
    safe_url,
    text_with_links,
)
from generator.render.templating import (
    KIND_LABELS,
    SiteInfo,
    render_page,
)
from generator.render.urls import brief_uri, entity_uri, page_address, relative, story_uri

View = dict[str, Any]  # what a template shows of one thing
MAX_TAGS = 8
REASON_NAMES = 5  # shared entities named in a related brief's reason
REASON_WORDS, SHORT_WORD = 3, 4  # without a shared entity: the shared words named, longer than this
NOT_STATED = "not stated"  # a StatedSource's name when nothing states one


def render_brief(corpus: Corpus, brief: Brief, info: SiteInfo) -> MarkdownPage:
    uri = brief_uri(brief.slug)
    description = brief.article.source.front.description or brief.summary.bottom_line.text
    return render_page(uri, "brief.md.j2", title=brief.article.title, description=description,
                       tags=brief_tags(corpus, brief), search_terms=_search_terms(corpus, brief),
                       **brief_values(corpus, brief, info, uri))


def _search_terms(corpus: Corpus, brief: Brief) -> tuple[str, ...]:
    """Every name of every entity the brief mentions, so a search for any of them finds it."""
    slugs = dict.fromkeys(corpus.entity_of[(brief.slug, m.name)] for m in brief.mentions)
    entities = [e for e in map(corpus.entity, slugs) if e.listed]
    return tuple(name for e in entities for name in (e.name, *e.aliases))


def brief_values(corpus: Corpus, brief: Brief, info: SiteInfo, uri: str, anchor: str = "p-") -> View:
    """What brief_body.md.j2 shows of a brief, linked from the page at `uri`.

    Print packs hold many briefs on one page, so each passes its own paragraph `anchor` prefix.
    """
    article, summary, source = brief.article, brief.summary, brief.publisher
    linker = SentenceLinker(corpus, brief, uri, anchor)
    return dict(
        source=source.name + ("" if source.origin != "text" else " (as stated in the text)"),
        url=Markdown(safe_url(source.url) or "") if source.url else "",
        url_label="original article",
        author=article.source.front.author or "",
        date=brief.date.text,
        words=brief.word_count,
        title_inferred=article.title_inferred,
        address=page_address(brief_uri(brief.slug), info.url, info.directory_urls),
        built=format_time(info.built) if info.built else "",
        anchor=Markdown(anchor),
        print_button=True,  # a print pack turns it off: one button prints all its briefs
        back_link=link("All briefs", relative(uri, "briefs/index.md")),  # off in print packs too
        bottom_line=linker.line(summary.bottom_line),
        # the bottom line opens the summary, so the summary shows the other sentences
        summary=[linker.line(s) for s in summary.sentences if s != summary.bottom_line],
        key_points=[linker.line(s) for s in summary.key_points],
        quotes=[quote_view(corpus, brief, quote, uri, anchor) for quote in brief.quotes],
        entity_groups=_entity_groups(corpus, brief, uri),
        related=_related_views(corpus, brief, uri),
        story=_story_view(corpus, brief, uri),
        copies=[_copy_view(c) for c in corpus.copies.get(brief.slug, ())],
        paragraphs=_paragraph_views(article, anchor),
    )


def _copy_view(copy: Brief) -> View:
    """A copy of the brief's text that another source published: who, when, where."""
    url = safe_url(copy.publisher.url) if copy.publisher.url else None
    return {"source": copy.publisher.name, "date": copy.date.text, "url": Markdown(url) if url else ""}


def _story_view(corpus: Corpus, brief: Brief, uri: str) -> View | None:
    """The story the brief is one account of, if another brief tells it too."""
    story = corpus.story_of(brief.slug)
    if story is None:
        return None
    others = [corpus.brief(slug).publisher.name for slug in story.briefs if slug != brief.slug]
    return {"link": link("every account side by side", relative(uri, story_uri(story.slug))),
            "count": len(story.briefs), "others": ", ".join(dict.fromkeys(others))}


def _related_views(corpus: Corpus, brief: Brief, uri: str) -> list[View]:
    return [
        {"link": link(corpus.brief(r.slug).article.title, relative(uri, brief_uri(r.slug))),
         "reason": reason(corpus, brief, r)}
        for r in corpus.related.get(brief.slug, ())
    ]


def _paragraph_views(article: Article, anchor: str) -> list[View]:
    return [
        {"index": p.index, "text": escape(p.text), "css": "article-subhead" if p.is_heading else "article-text",
         "number": Markdown(f"[{p.index}](#{anchor}{p.index}){{ .para-num }}")}
        for p in article.paragraphs
    ]


class SentenceLinker:
    """Escapes summary sentences, linking each entity's first mention on the page and each
    sentence to its paragraph (on the page, or on the brief's page at `paragraphs_at`)."""

    def __init__(self, corpus: Corpus, brief: Brief, uri: str, anchor: str = "p-", paragraphs_at: str = "") -> None:
        self.corpus, self.brief, self.uri, self.anchor = corpus, brief, uri, anchor
        self.paragraphs_at = paragraphs_at
        self.linked: set[str] = set()
        self.mentions = defaultdict(list)
        for mention in brief.mentions:
            self.mentions[mention.sentence].append(mention)
        self.speakers = dict(brief.summary.speakers)
        self.paragraphs = {p.index: p.text for p in brief.article.paragraphs}

    def line(self, sentence: Sentence) -> Markdown:
        speaker = self.speakers.get(sentence.index)
        # the transcript's own label ("MR. KIRBY:") gives way to the speaker's name
        label = SPEAKER_TURN.match(self.paragraphs.get(sentence.paragraph, "")) if speaker else None
        cut = max(0, min(label.end() - sentence.start, len(sentence.text))) if label else 0
        spans = []
        for mention in sorted(self.mentions[sentence.index], key=lambda m: m.start):
            if mention.start < cut:
                continue
            slug = self.corpus.entity_of[(self.brief.slug, mention.name)]
            if slug not in self.linked and self.corpus.entity(slug).has_page:
                self.linked.add(slug)
                spans.append((mention.start - cut, mention.end - cut, relative(self.uri, entity_uri(slug))))
        anchor = paragraph_link(sentence.paragraph, f"{self.paragraphs_at}#{self.anchor}{sentence.paragraph}")
        text = str(text_with_links(sentence.text[cut:], spans))
        if speaker:  # someone's words, never the brief's own statement; quoted once
            quoted = any(mark in sentence.text[cut:] for mark in '"“”')
            text = f"{self._speaker(speaker)}: {text}" if quoted else f"{self._speaker(speaker)}: “{text}”"
        # a no-break space: the ¶ never starts a line of its own
        return Markdown(f"{text}\u00a0{anchor}")

    def _speaker(self, name: str) -> str:
        slug = self.corpus.entity_of.get((self.brief.slug, name))
        if slug is None:
            return escape(name)
        entity = self.corpus.entity(slug)
        return link(entity.name, relative(self.uri, entity_uri(slug))) if entity.has_page else escape(entity.name)


def _entity_groups(corpus: Corpus, brief: Brief, uri: str) -> list[View]:
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


def quote_view(corpus: Corpus, brief: Brief, quote: Quote, uri: str, anchor: str = "p-",
               paragraphs_at: str = "") -> View:
    speaker = escape("Unattributed")
    known = corpus.entity_of.get((brief.slug, quote.speaker)) if quote.speaker else None
    if known:
        entity = corpus.entity(known)
        speaker = link(entity.name, relative(uri, entity_uri(entity.slug))) if entity.has_page else escape(entity.name)
    elif quote.speaker:  # a transcript's label ("The President") that names no entity
        speaker = escape(quote.speaker)
    paragraph = brief.analysis.sentences[quote.sentence].paragraph
    return {"text": quote.text, "speaker": speaker,
            "source": paragraph_link(paragraph, f"{paragraphs_at}#{anchor}{paragraph}")}


def reason(corpus: Corpus, brief: Brief, related: Related) -> str:
    """Why to read the related brief next: another account of the same story, or another chapter
    between the same people; what the two share, their subject first (people before places, and
    of each kind those both name most, then the rarest; else the words both use most); then what
    differs: another source, an earlier or later date."""
    other = corpus.brief(related.slug)
    named = [_mentions(corpus, brief), _mentions(corpus, other)]
    specific = ("person", "event", "organisation", "topic", "place")
    shared = sorted((corpus.entity(slug) for slug in related.shared),
                    key=lambda e: (specific.index(e.kind), -min(n[e.slug] for n in named), len(e.occurrences),
                                   e.name.lower()))
    names = [e.name for e in shared[:REASON_NAMES]] or [f"“{w}”" for w in _shared_words(brief, other)]
    parts = [f"both on {_listed(names)}"] if names else []
    story = corpus.story_of(brief.slug)
    if story is not None and other.slug in story.briefs:
        parts.insert(0, "another account of this story")
    elif sum(e.kind == "person" for e in shared) >= 2:  # the same people, another event
        parts.insert(0, "another chapter")
    return "; ".join([*parts, *_differences(brief, other)]) or "told in like words"


def _mentions(corpus: Corpus, brief: Brief) -> Counter[str]:
    return Counter(corpus.entity_of[(brief.slug, m.name)] for m in brief.mentions)


def _shared_words(brief: Brief, other: Brief) -> list[str]:
    """The longer words both briefs use most often, when they share no entity."""
    both = Counter({w: min(n, other.vocabulary[w]) for w, n in brief.vocabulary.items()
                    if w in other.vocabulary and len(w) > SHORT_WORD})
    return [w for w, _ in sorted(both.items(), key=lambda item: (-item[1], item[0]))[:REASON_WORDS]]


def _differences(brief: Brief, other: Brief) -> list[str]:
    """What the related brief brings that this one does not: another source, another day."""
    found = []
    source, theirs = brief.publisher.name, other.publisher.name
    if theirs != NOT_STATED and theirs.casefold() != source.casefold():
        found.append(f"from {theirs}")
    when, then = brief.date.value, other.date.value
    if when and then and when != then:
        days = (then - when).days
        found.append(f"{_span(abs(days))} {'later' if days > 0 else 'earlier'}")
    return found


def _span(days: int) -> str:
    """A distance in time as a reader counts it: days, then weeks, then months."""
    if days < 14:
        count, unit = days, "day"
    else:
        count, unit = (round(days / 7), "week") if days < 60 else (round(days / 30.44), "month")
    return f"{count} {unit}{'s' if count != 1 else ''}"


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def brief_tags(corpus: Corpus, brief: Brief) -> list[str]:
    """A brief's topic tags: its front matter's, then the topics found in it."""
    topics = [corpus.entity(corpus.entity_of[(brief.slug, m.name)]) for m in brief.mentions if m.kind == "topic"]
    names = [*brief.article.source.front.tags, *(e.name for e in topics if e.has_page)]
    return list(dict.fromkeys(names))[:MAX_TAGS]

