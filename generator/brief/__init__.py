"""Brief: what one article says on its own: bottom line, summary, key points, quotes, the
stated date and source, and its entity mentions, cleaned."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from generator.brief.cache import BriefCache, code_version
from generator.brief.mentions import clean_mentions
from generator.brief.quotes import find_quotes, quotations, turn_speakers
from generator.brief.slugs import brief_slugs
from generator.brief.stated import stated_date, stated_source
from generator.brief.summary import SUMMARY_WORDS, is_quotation, score_sentences, summarise_ranked
from generator.model import Analysis, Article, Brief, Problem, Summary
from generator.support.shingles import shingles, sketch
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
    text = " ".join(p.text for p in article.paragraphs)
    mentions = clean_mentions(analysis)
    floor = turn_speakers(article, mentions)  # who holds the floor in a transcript's paragraphs
    ranked = score_sentences(article, analysis.sentences, mentions, floor=floor)
    found = quotations(article, analysis.sentences, mentions, floor)
    said_by = {q.sentence: q.speaker for q in found if q.speaker}
    # a sentence that is mostly someone's quotation is shown with its speaker, or not at all
    unsaid = {s.sentence.index for s in ranked if is_quotation(s.sentence.text) and s.sentence.index not in said_by}
    summary = summarise_ranked([s for s in ranked if s.sentence.index not in unsaid] or ranked, summary_words)
    return Brief(
        slug=slug,
        article=article,
        analysis=analysis,
        date=stated_date(article),
        publisher=stated_source(article),
        summary=replace(summary, speakers=_speakers(summary, floor, said_by)),
        quotes=find_quotes(article, analysis.sentences, mentions, {s.sentence.index: s.salience for s in ranked},
                           floor, found),
        mentions=mentions,
        word_count=sum(len(WORD.findall(p.text)) for p in article.paragraphs),
        vocabulary=dict(Counter(content_words(text))),
        sketch=sketch(shingles(text)),
    )


def _speakers(summary: Summary, turns: Mapping[int, str], said_by: Mapping[int, str]) -> tuple[tuple[int, str], ...]:
    """The speaker of each shown sentence that is a transcript turn's words (`turns`: paragraph →
    who holds the floor) or mostly a quotation (`said_by`: sentence → the quotation's speaker): a
    reader must not take them for the brief's own statement."""
    shown = sorted({s.index: s for s in (*summary.sentences, *summary.key_points)}.values(), key=lambda s: s.index)
    found = []
    for sentence in shown:
        if sentence.paragraph in turns:
            found.append((sentence.index, turns[sentence.paragraph]))
        elif is_quotation(sentence.text) and sentence.index in said_by:
            found.append((sentence.index, said_by[sentence.index]))
    return tuple(found)
