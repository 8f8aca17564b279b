"""Clean: a `Source` becomes an `Article`: boilerplate removed, paragraphs rejoined, a title."""

from __future__ import annotations

from collections.abc import Sequence

from generator.clean.article import clean
from generator.clean.cache import CleanCache
from generator.clean.language import looks_english
from generator.model import Article, Problem, Source

__all__ = ["CleanCache", "clean", "clean_all", "looks_english"]


def clean_all(sources: Sequence[Source], cache: CleanCache | None = None) -> tuple[list[Article], list[Problem]]:
    """Clean every source (or take its article from the cache); an article with no text left
    is skipped with an error."""
    articles, problems = [], []
    for source in sources:
        article = cache.get(source) if cache else None
        if article is None:
            article = clean(source)
            if cache:
                cache.put(article)
        if not article.paragraphs:
            problems.append(Problem(source.path, "skipped: no article text is left after cleaning", "error"))
            continue
        if not looks_english(article):
            problems.append(Problem(source.path, "not in English: entities and summary may be unreliable", "warning"))
        articles.append(article)
    return articles, problems
