"""The pipeline, top to bottom: read, clean, analyse, brief, link, render.

Each stage is a package of its own and hands the next plain frozen data (`model.py`); this
module only calls them in order and times them.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.analyse import analyse, analysis_version
from generator.analyse.early import EarlyModel
from generator.brief import BriefCache, code_version, make_briefs
from generator.brief.stated import stated_date, stated_source
from generator.clean import CleanCache, clean_all
from generator.link import link_briefs
from generator.model import Article, Corpus, MarkdownPage, Problem
from generator.read import read_folder
from generator.read.files import find_articles, read_article
from generator.render import SiteInfo, render_all
from generator.settings import Settings, default
from generator.support import lasting
from generator.support.cache import AnalysisCache
from generator.support.memo import clear_all


@dataclass(frozen=True)
class BuildResult:
    pages: tuple[MarkdownPage, ...]
    problems: tuple[Problem, ...]
    corpus: Corpus
    seconds: dict[str, float]  # per stage
    hand_written: tuple[str, ...] = ()  # generated pages left out: docs/ has a page at their path
    cached_briefs: int = 0  # briefs taken from the cache, not made again
    cache_rejected: tuple[str, ...] = ()  # cache entries there but unusable ("path: why"), recomputed
    unused_keys: Mapping[str, int] = field(default_factory=dict)  # front matter key -> files that had it


def build(settings: Settings) -> BuildResult:
    """Turn the seeds folder into Markdown pages, reporting every file that had problems."""
    clear_all()  # nothing memoised in an earlier build (under `mkdocs serve`) carries over
    memos = settings.cache / "memo" if settings.cache else None
    lasting.restore(memos, code_version())  # but what the cache keeps for this code does
    with _collector_paused():
        result = _build(settings)
    lasting.keep(memos, code_version())
    return result


def _build(settings: Settings) -> BuildResult:
    seconds: dict[str, float] = {}
    # with a cache, few articles may need the model: it loads on another core meanwhile
    early = EarlyModel() if settings.cache and not settings.workers and not settings.scheduler else None
    try:
        articles, problems, unused_keys, clean_rejected = _read_and_clean(settings, seconds)
        # Analyse: sentences and entities in one spaCy pass over the corpus.
        with _timed(seconds, "analyse"):
            analysis_cache = AnalysisCache(settings.cache, analysis_version())
            analyses = analyse(articles, settings.workers, analysis_cache, settings.scheduler, early)
    finally:
        if early is not None:
            early.stop()
    # Brief: bottom line, summary, key points, quotes, date and source of each article.
    with _timed(seconds, "brief"):
        # the cache's version names the summary's budget too: a new budget remakes every brief
        brief_cache = BriefCache(settings.cache, f"{code_version()}-{settings.summary_words}w")
        briefs, brief_problems = make_briefs(articles, analyses, brief_cache, settings.summary_words)
        problems += brief_problems
    # Link: resolve entities across the corpus, find related briefs.
    with _timed(seconds, "link"):
        corpus = link_briefs(briefs, settings.entity_min_briefs or None)
    # Render: every page as Markdown from the templates.
    with _timed(seconds, "render"):
        info = SiteInfo(settings.site_name, settings.site_url, settings.directory_urls, settings.built)
        pages = render_all(corpus, info, settings.workers, settings.previous)
        # a hand-written page at the same path wins: the generator never replaces a person's work
        hand_written = tuple(p.uri for p in pages if settings.docs and (settings.docs / p.uri).is_file())
        pages = tuple(p for p in pages if p.uri not in hand_written)
    problems.sort(key=_problem_order)
    rejected = tuple(clean_rejected + analysis_cache.rejected + brief_cache.rejected)
    return BuildResult(pages, tuple(problems), corpus, seconds, hand_written, brief_cache.hits, rejected, unused_keys)


def check(settings: Settings) -> tuple[list[Article], list[Problem], Mapping[str, int]]:
    """The first two stages only: the articles ready to build, the problems of the files, and
    the front matter keys not used (key -> files that had it)."""
    articles, problems, unused_keys, _ = _read_and_clean(settings, {})
    return articles, sorted(problems, key=_problem_order), unused_keys


def read_records(folder: Path, only: Path | None = None) -> dict[str, dict[str, object]]:
    """What the generator reads from each file below `folder` (or just `only`): its title, date,
    source, url, author, language, body and problems, keyed by its path without the extension."""
    paths = [only] if only is not None else find_articles(folder)
    records = {}
    for path in paths:
        source, problems = read_article(path, folder, default("max_article_bytes"))
        record: dict[str, object] = {}
        if source is not None:
            articles, cleaning = clean_all([source])
            problems += cleaning
            if articles:
                record = _record_of(articles[0])
        record["problems"] = [f"{p.severity}: {p.reason}" for p in problems]
        records[path.relative_to(folder).with_suffix("").as_posix()] = record
    return records


def _record_of(article: Article) -> dict[str, object]:
    when, publisher, front = stated_date(article), stated_source(article), article.source.front
    return {
        "title": article.title, "date": when.value.isoformat() if when.value else None, "date_as_stated": when.text,
        "source": publisher.name if publisher.origin != "none" else None, "url": publisher.url or front.url,
        "author": front.author, "language": front.language,
        "body": "\n\n".join(p.text for p in article.paragraphs),
    }


def _read_and_clean(settings: Settings, seconds: dict[str, float]
                    ) -> tuple[list[Article], list[Problem], Mapping[str, int], list[str]]:
    # Read: find the article files, decode them, parse their front matter.
    with _timed(seconds, "read"):
        read = read_folder(settings.seeds, settings.max_article_bytes)
        problems = list(read.problems)
    # Clean: drop scrape boilerplate, rejoin broken paragraphs, find titles.
    with _timed(seconds, "clean"):
        cache = CleanCache(settings.cache, code_version())
        articles, cleaning_problems = clean_all(read.sources, cache)
        problems += cleaning_problems
    return articles, problems, read.unused_keys, cache.rejected


def _problem_order(problem: Problem) -> tuple[str, str, str]:
    return problem.path, problem.severity, problem.reason


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection during a build, nor over what it made once it is done.

    A build makes millions of small objects that live until its end and almost no
    reference cycles; the collector's repeated passes over them cost more than a tenth
    of a warm build, and reclaim nothing. Once the build is done, what it made still lives
    while mkdocs writes the site, and each full pass would go over it again: it is frozen
    out of the collector's passes (reference counting still frees it), and the next build
    puts it back, so under `mkdocs serve` an earlier build's cycles are collected.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    if gc.get_freeze_count():  # an earlier build's: its garbage cycles are collected now
        gc.unfreeze()
        gc.collect()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


@contextmanager
def _timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start
