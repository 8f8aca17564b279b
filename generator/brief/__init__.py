"""Brief: what one article says on its own: bottom line, summary, key points, quotes, the
stated date and source, and its entity mentions, cleaned."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.brief.cache import BriefCache, code_version
from generator.brief.mentions import clean_mentions
from generator.brief.quotes import find_quotes
from generator.brief.slugs import brief_slugs
from generator.brief.stated import stated_date, stated_source
from generator.brief.summary import SUMMARY_WORDS, summarise
from generator.model import Analysis, Article, Brief, Problem
from generator.support.text import WORD, content_words

__all__ = ["BriefCache", "code_version", "make_brief", "make_briefs"]


def make_briefs(
    articles: Sequence[Article], analyses: Sequence[Analysis], cache: BriefCache, summary_words: int = SUMMARY_WORDS
) -> tuple[list[Brief], list[Problem]]:
    """A brief for every article, from the cache when its text and the code are unchanged."""
    briefs, problems = [], []
    for slug, article, analysis in zip(brief_slugs(articles), articles, analyses):
        brief = cache.get(slug, article, analysis)
        if brief is None:
            try:
                brief = make_brief(slug, article, analysis, summary_words)
            except ValueError as error:
                problems.append(Problem(article.source.path, f"skipped: {error}", "error"))
                continue
            cache.put(brief)
        briefs.append(brief)
    return briefs, problems


def make_brief(slug: str, article: Article, analysis: Analysis, summary_words: int = SUMMARY_WORDS) -> Brief:
    """Everything one article says on its own, ready to meet the corpus."""
    mentions = clean_mentions(analysis)
    return Brief(
        slug=slug,
        article=article,
        analysis=analysis,
        date=stated_date(article),
        publisher=stated_source(article),
        summary=summarise(article, analysis.sentences, mentions, summary_words),
        quotes=find_quotes(article, analysis.sentences, mentions),
        mentions=mentions,
        word_count=sum(len(WORD.findall(p.text)) for p in article.paragraphs),
        vocabulary=dict(Counter(content_words(" ".join(p.text for p in article.paragraphs)))),
    )
