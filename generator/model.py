"""The plain, frozen data that flows from one pipeline stage to the next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

Severity = Literal["warning", "error"]
Kind = Literal["person", "organisation", "place", "event", "topic"]
KINDS: tuple[Kind, ...] = ("person", "organisation", "place", "event", "topic")


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file: a warning (repaired) or an error (skipped)."""

    path: str
    reason: str
    severity: Severity

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class FrontMatter:
    """The optional YAML header of an article, validated."""

    title: str | None = None
    date: date | None = None
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None  # the page's description for search engines; else the bottom line
    author: str | None = None
    categories: tuple[str, ...] = ()  # a CMS's or scraper's labels ("statements-releases"): not topics
    language: str | None = None  # as the page declares it (saved web pages)


@dataclass(frozen=True)
class Source:
    """An article file as read: decoded body text and its front matter."""

    path: str  # relative to the seeds folder, POSIX separators
    body: str
    front: FrontMatter
    digest: str  # content hash of the raw bytes
    # the body is the article alone, as a tool extracted it (a saved page's reader, a scraper that
    # wrote front matter), not a page's whole text copied from a browser
    extracted: bool = False


@dataclass(frozen=True)
class Paragraph:
    index: int  # 1-based, as shown and anchored on the page
    text: str
    is_heading: bool  # a short line without a full stop: a sub-heading of the article


@dataclass(frozen=True)
class Article:
    """A cleaned article: boilerplate removed, broken paragraphs rejoined."""

    source: Source
    title: str
    title_inferred: bool
    paragraphs: tuple[Paragraph, ...]
    site_name: str | None = None  # from a browser tab's title ("Headline - Site Name") on the first line
    # the page's text above and below the article (menus, datelines, footers), in page order
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    # lines between the article's paragraphs that were set aside (a byline, a caption), each
    # with the number of article paragraphs above it
    asides: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int  # Paragraph.index
    text: str
    start: int  # character offsets inside the paragraph text
    end: int


@dataclass(frozen=True)
class Mention:
    """A named-entity span as the language model found it."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, ...
    sentence: int  # Sentence.index
    start: int  # character offsets inside the sentence text
    end: int


@dataclass(frozen=True)
class Analysis:
    """What the language model says of one article."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class EntityMention:
    """A cleaned mention: a name with its kind, where it stands in the article."""

    name: str  # the name as normalised in this article (titles and possessives removed)
    kind: Kind
    sentence: int
    start: int  # offsets of the surface text inside the sentence
    end: int
    title: str = ""  # a title that preceded the name, e.g. "Foreign Minister"
    person_cue: bool = False  # the text treats it as a person: "X, who …", "X, 34, …", "X's mother"
    label: str = ""  # the model's label (GPE, ORG, ...); empty for a name the model missed
    # the text puts an article before the name and ends the phrase with it ("the Rose Garden."):
    # a thing's name, as a person's takes none
    determined: bool = False


@dataclass(frozen=True)
class StatedDate:
    """A date as the article states it; never more precise than the evidence."""

    text: str  # what a reader sees: "2020-04-21", "21 April, year not stated", "not stated"
    value: date | None  # only when day, month and year are all known
    origin: Literal["front matter", "text", "none"]


@dataclass(frozen=True)
class StatedSource:
    name: str  # "not stated" when nothing says it
    url: str | None
    origin: Literal["front matter", "text", "none"]


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None  # a name as it appears in the article, resolved by the linker
    sentence: int


@dataclass(frozen=True)
class Summary:
    bottom_line: Sentence
    sentences: tuple[Sentence, ...]  # in article order
    key_points: tuple[Sentence, ...]  # in article order, none repeated from the summary
    # whose words a shown sentence is, when the text says so and the sentence does not
    # (a transcript's turn): (sentence index, speaker)
    speakers: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Brief:
    """Everything known of one article before it meets the rest of the corpus."""

    slug: str
    article: Article
    analysis: Analysis
    date: StatedDate
    publisher: StatedSource  # who published it, as stated (article.source is the file)
    summary: Summary
    quotes: tuple[Quote, ...]
    mentions: tuple[EntityMention, ...]
    word_count: int
    vocabulary: Mapping[str, int]  # content words of the text and their counts, to compare briefs
    sketch: tuple[int, ...]  # MinHash of the text's shingles, to find its copies (support/shingles.py)


@dataclass(frozen=True)
class Occurrence:
    """Where an entity stands in a brief: the sentence and its paragraph."""

    brief: str  # brief slug
    sentence: int
    paragraph: int
    text: str  # the sentence


@dataclass(frozen=True)
class Entity:
    slug: str
    name: str
    kind: Kind
    aliases: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]  # the first in each brief, newest brief first
    companions: tuple[tuple[str, int], ...]  # (entity slug, briefs shared), most shared first
    first_seen: date | None
    last_seen: date | None
    has_page: bool
    listed: bool = True  # False: a name the corpus shows to be no usable name; never shown
    role: str = ""  # who it is, as the texts state it most often: "Japan's Minister for Foreign Affairs"


@dataclass(frozen=True)
class Related:
    slug: str  # the related brief
    score: float
    shared: tuple[str, ...]  # entity slugs, rarest first
    similar_text: bool


@dataclass(frozen=True)
class Story:
    """The briefs that report one event: every source's account of it."""

    slug: str  # the slug of its first account, which later accounts do not change
    briefs: tuple[str, ...]  # brief slugs, oldest first, undated last
    lead: str  # the brief that tells it best (closest to all the others): its bottom line is the story's
    shared: tuple[str, ...]  # entity slugs most of its briefs name, most named first
    first_seen: date | None
    last_seen: date | None


@dataclass(frozen=True)
class Topic:
    """Two names the news keeps putting together, and the news that leads with both."""

    slug: str
    name: str  # "United States – China"
    entities: tuple[str, ...]  # entity slugs, the more prominent first
    briefs: tuple[str, ...]  # newest first
    stories: tuple[str, ...]  # story slugs, newest first


@dataclass(frozen=True)
class Corpus:
    """The briefs joined up: entities resolved across the corpus, related briefs found."""

    briefs: tuple[Brief, ...]  # newest first, undated last
    entities: tuple[Entity, ...]  # by kind, then name
    entity_of: dict[tuple[str, str], str]  # (brief slug, name in the brief) -> entity slug
    related: dict[str, tuple[Related, ...]]  # brief slug -> related briefs, best first
    stories: tuple[Story, ...] = ()  # newest first (by their latest brief), undated last
    # brief slug -> the copies of its text other sources published, which get no brief of their own
    copies: Mapping[str, tuple[Brief, ...]] = field(default_factory=dict)
    topics: tuple[Topic, ...] = ()  # most news first

    def story_of(self, brief_slug: str) -> Story | None:
        """The story a brief is part of, if its event is told by another brief too."""
        return self._stories_by_brief.get(brief_slug)

    def story(self, slug: str) -> Story:
        return self._stories_by_slug[slug]

    @cached_property
    def _stories_by_slug(self) -> dict[str, Story]:
        return {s.slug: s for s in self.stories}

    @cached_property
    def _stories_by_brief(self) -> dict[str, Story]:
        return {brief: story for story in self.stories for brief in story.briefs}

    def entity(self, slug: str) -> Entity:
        return self._entities_by_slug[slug]

    def brief(self, slug: str) -> Brief:
        return self._briefs_by_slug[slug]

    @cached_property
    def _entities_by_slug(self) -> dict[str, Entity]:
        return {e.slug: e for e in self.entities}

    @cached_property
    def _briefs_by_slug(self) -> dict[str, Brief]:
        return {b.slug: b for b in self.briefs}


@dataclass(frozen=True)
class MarkdownPage:
    """A generated Markdown page at its path inside the site's docs."""

    uri: str  # e.g. "briefs/some-title.md"
    markdown: str
    # other names of what the page is about (entities' aliases), for the search index only
    search_terms: tuple[str, ...] = ()
