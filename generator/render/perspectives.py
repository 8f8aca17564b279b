"""Perspectives: what each source says of one entity, side by side.

A source is the stated publisher; briefs whose source is not stated each speak for
themselves, since nothing says they share a voice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.model import Brief, Corpus, Entity, Quote, Sentence

MAX_SENTENCES = 3  # per voice: enough to compare, short enough to sit side by side
MAX_QUOTES = 3
MAX_VOICES = 4  # side by side: more would not fit a page


@dataclass(frozen=True)
class Voice:
    """One source's account of an entity: its sentences naming it and its quotes."""

    label: str
    briefs: tuple[Brief, ...]
    sentences: tuple[tuple[Brief, Sentence], ...]
    quotes: tuple[tuple[Brief, Quote], ...]


def voices(corpus: Corpus, entity: Entity) -> tuple[Voice, ...]:
    """The accounts of `entity`, one per source; none unless at least two sources speak of it.

    At most MAX_VOICES: the sources with most briefs on it, then the newest.
    """
    by_voice: dict[str, list[Brief]] = defaultdict(list)
    for occurrence in entity.occurrences:  # newest brief first
        brief = corpus.brief(occurrence.brief)
        by_voice[_voice_label(brief)].append(brief)
    if len(by_voice) < 2:
        return ()
    order = {label: number for number, label in enumerate(by_voice)}
    chosen = sorted(by_voice, key=lambda label: (-len(by_voice[label]), order[label]))[:MAX_VOICES]
    return tuple(_voice(corpus, entity, label, by_voice[label]) for label in sorted(chosen))


def sentences_naming(corpus: Corpus, brief: Brief, entity_slug: str) -> list[Sentence]:
    """The sentences of a brief that name the entity, in article order."""
    numbers = sorted({m.sentence for m in brief.mentions if corpus.entity_of[(brief.slug, m.name)] == entity_slug})
    return [brief.analysis.sentences[n] for n in numbers]


def _voice(corpus: Corpus, entity: Entity, label: str, briefs: list[Brief]) -> Voice:
    sentences: list[tuple[Brief, Sentence]] = []
    quotes: list[tuple[Brief, Quote]] = []
    for brief in briefs:
        if len(sentences) >= MAX_SENTENCES and len(quotes) >= MAX_QUOTES:
            break
        quoted = {q.sentence for q in brief.quotes}
        # quoted sentences show as quotes below, not twice
        sentences += [(brief, s) for s in sentences_naming(corpus, brief, entity.slug) if s.index not in quoted]
        quotes += [(brief, q) for q in brief.quotes
                   if q.speaker and corpus.entity_of.get((brief.slug, q.speaker)) == entity.slug]
    return Voice(label, tuple(briefs), tuple(sentences[:MAX_SENTENCES]), tuple(quotes[:MAX_QUOTES]))


def _voice_label(brief: Brief) -> str:
    if brief.publisher.origin != "none":
        return brief.publisher.name
    return f"{brief.article.title} (source not stated)"
