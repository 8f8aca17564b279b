"""The pipeline, top to bottom: read, clean, analyse, summarise, link, render."""

from __future__ import annotations

import gc
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .analyse import analyse, analysis_version
from .brief_cache import BriefCache, code_version
from .cache import AnalysisCache
from .clean import clean
from .dates import stated_date, stated_source
from .entities import clean_mentions
from .link import link
from .model import Analysis, Article, Brief, Corpus, Page, Problem, Source
from .pack import render_packs
from .quotes import find_quotes
from .read import read_folder
from .render import render_site
from .templating import SiteInfo
from .settings import Settings
from .slugs import brief_slugs
from .summarise import WORD, content_words, summarise


LETTER = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


@dataclass(frozen=True)
class BuildResult:
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    corpus: Corpus
    seconds: dict[str, float]  # per stage


def build(settings: Settings) -> BuildResult:
    """Turn the seeds folder into Markdown pages, reporting every file that had problems."""
    with _collector_paused():
        return _build(settings)


def _build(settings: Settings) -> BuildResult:
    seconds: dict[str, float] = {}
    # Read: find the article files, decode them, parse their front matter.
    with _timed(seconds, "read"):
        read = read_folder(settings.seeds, settings.max_article_bytes)
        problems = list(read.problems)
    # Clean: drop scrape boilerplate, rejoin broken paragraphs, find titles.
    with _timed(seconds, "clean"):
        articles, cleaning_problems = clean_all(read.sources)
        problems += cleaning_problems
    # Analyse: sentences and entities in one spaCy pass over the corpus.
    with _timed(seconds, "analyse"):
        analyses = analyse(articles, settings.workers, AnalysisCache(settings.cache, analysis_version()))
    # Summarise: bottom line, summary, key points, quotes, date and source of each article.
    with _timed(seconds, "summarise"):
        briefs, brief_problems = make_briefs(articles, analyses, BriefCache(settings.cache, code_version()))
        problems += brief_problems
    # Link: resolve entities across the corpus, find related briefs.
    with _timed(seconds, "link"):
        corpus = link(briefs, settings.entity_min_briefs or None)
    # Render: every page as Markdown from the templates.
    with _timed(seconds, "render"):
        info = SiteInfo(settings.site_name, settings.site_url, settings.directory_urls, settings.built)
        pages = render_site(corpus, info) + render_packs(corpus, info)
    problems.sort(key=lambda p: (p.path, p.severity, p.reason))
    return BuildResult(pages, tuple(problems), corpus, seconds)


def clean_all(sources: Sequence[Source]) -> tuple[list[Article], list[Problem]]:
    """Clean every source; an article with no text left is skipped with an error."""
    articles, problems = [], []
    for source in sources:
        article = clean(source)
        if not article.paragraphs:
            problems.append(Problem(source.path, "skipped: no article text is left after cleaning", "error"))
            continue
        if not looks_english(article):
            problems.append(Problem(source.path, "not in English: entities and summary may be unreliable", "warning"))
        articles.append(article)
    return articles, problems


def looks_english(article: Article) -> bool:
    """Mostly Latin letters: the language model only knows English."""
    sample = " ".join(p.text for p in article.paragraphs[:5])[:2000]
    if sample.isascii():
        return True
    letters = len(LETTER.findall(sample))
    return len(NON_LATIN_LETTER.findall(sample)) <= 0.4 * letters


def make_briefs(
    articles: Sequence[Article], analyses: Sequence[Analysis], cache: BriefCache
) -> tuple[list[Brief], list[Problem]]:
    """A brief for every article, from the cache when its text and the code are unchanged."""
    briefs, problems = [], []
    for slug, article, analysis in zip(brief_slugs(articles), articles, analyses):
        brief = cache.get(slug, article, analysis)
        if brief is None:
            try:
                brief = make_brief(slug, article, analysis)
            except ValueError as error:
                problems.append(Problem(article.source.path, f"skipped: {error}", "error"))
                continue
            cache.put(brief)
        briefs.append(brief)
    return briefs, problems


def make_brief(slug: str, article: Article, analysis: Analysis) -> Brief:
    """Everything one article says on its own, ready to meet the corpus."""
    mentions = clean_mentions(analysis)
    return Brief(
        slug=slug,
        article=article,
        analysis=analysis,
        date=stated_date(article),
        source=stated_source(article),
        summary=summarise(article, analysis.sentences, mentions),
        quotes=find_quotes(article, analysis.sentences, mentions),
        mentions=mentions,
        words=sum(len(WORD.findall(p.text)) for p in article.paragraphs),
        vocabulary=dict(Counter(content_words(" ".join(p.text for p in article.paragraphs)))),
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection during a build.

    A build makes millions of small objects that live until its end and almost no
    reference cycles; the collector's repeated passes over them cost more than a tenth
    of a warm build, and reclaim nothing. Any cycles are collected after it as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start
