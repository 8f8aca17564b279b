"""Summarise: a bottom line, a three-sentence summary and key points, all extractive.

Sentences are scored on general signals of news writing (position, centrality, overlap
with the headline, named entities and numbers), then chosen greedily with a penalty
for repeating what is already chosen (maximal marginal relevance).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .model import Article, EntityMention, Sentence, Summary

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
NUMBER = re.compile(r"\d")
# A sentence that opens with one of these leans on one before it.
DEPENDENT_OPENERS = frozenset(
    "he she it they them his her its their this these those that such also however but "
    "and or so yet still then thus hence therefore meanwhile nevertheless nonetheless "
    "moreover furthermore besides instead otherwise likewise similarly accordingly "
    "after afterwards later earlier previously there here we i you our us my".split()
)
UNDERLINE = re.compile(
    r"\b(agree[sd]?|agreement|decid\w*|announc\w*|pledg\w*|promis\w*|commit\w*|plan[s]?|will|"
    r"must|vow\w*|sign\w*|approv\w*|reject\w*|oppos\w*|criticis\w*|criticiz\w*|warn\w*|"
    r"refus\w*|den(?:y|ies|ied)|demand\w*|urg\w*|expect\w*|concern\w*|disput\w*|"
    r"percent|%|million|billion|record|first|largest)\b",
    re.IGNORECASE,
)
SUMMARY_SIZE = 3
MAX_KEY_POINTS = 6
MIN_KEY_POINTS = 3
REDUNDANCY = 0.55  # word overlap above which two sentences say the same thing
MIN_WORDS = 6


@dataclass(frozen=True)
class ScoredSentence:
    sentence: Sentence
    score: float
    words: frozenset[str]
    underline: float


def summarise(article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]) -> Summary:
    """Choose the bottom line, the summary and the key points of one article."""
    scored = score_sentences(article, sentences, mentions)
    if not scored:
        raise ValueError("an article without sentences cannot be summarised")
    ranked = sorted(scored, key=lambda s: (-s.score, s.sentence.index))
    bottom = next((s for s in ranked if is_self_contained(s.sentence.text)), ranked[0])
    summary = _pick(ranked, SUMMARY_SIZE, chosen=[bottom])
    rest = [s for s in ranked if s not in summary]
    # Key points must read alone; fall back to the rest only when too few do.
    by_underline = sorted(
        rest, key=lambda s: (not is_self_contained(s.sentence.text), -(s.underline + s.score), s.sentence.index)
    )
    wanted = max(MIN_KEY_POINTS, min(MAX_KEY_POINTS, len(scored) // 4))
    key_points = _pick(by_underline, wanted, chosen=[], avoid=summary)
    return Summary(
        bottom_line=bottom.sentence,
        sentences=_in_order(summary),
        key_points=_in_order(key_points),
    )


def score_sentences(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]
) -> list[ScoredSentence]:
    """Score every sentence that can stand in a summary (not headings, not fragments)."""
    headings = {p.index for p in article.paragraphs if p.is_heading}
    candidates = [
        s for s in sentences if s.paragraph not in headings and len(WORD.findall(s.text)) >= MIN_WORDS
    ] or [s for s in sentences if s.paragraph not in headings] or list(sentences)
    bags = [content_words(s.text) for s in candidates]
    document = Counter(word for bag in bags for word in set(bag))
    title = set(content_words(article.title))
    entities = Counter(m.sentence for m in mentions)
    paragraphs = sorted({s.paragraph for s in candidates})
    scored = []
    for rank, (sentence, bag) in enumerate(zip(candidates, bags)):
        words = set(bag)
        centrality = _cosine(Counter(bag), document)
        headline = len(words & title) / (len(title) or 1)
        position = 1.0 / math.sqrt(1 + paragraphs.index(sentence.paragraph)) + 0.5 / (1 + rank)
        density = min(entities[sentence.index], 4) / 4
        length = len(bag)
        shape = 1.0 if 8 <= length <= 40 else 0.6
        score = shape * (1.2 * position + 1.0 * centrality + 0.8 * headline + 0.3 * density)
        underline = 0.3 * len(UNDERLINE.findall(sentence.text)) + (0.3 if NUMBER.search(sentence.text) else 0)
        scored.append(ScoredSentence(sentence, score, frozenset(words), min(underline, 1.2)))
    return scored


def is_self_contained(text: str) -> bool:
    """Whether a sentence reads alone: no opening pronoun or connective, quotes balanced."""
    words = WORD.findall(text)
    if len(words) < MIN_WORDS or words[0].lower() in DEPENDENT_OPENERS:
        return False
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly and text.rstrip()[-1:] in ".!?\"”'’"


def content_words(text: str) -> list[str]:
    """Lower-cased words without stop words, lightly stemmed."""
    return [_stem(w) for w in (m.lower() for m in WORD.findall(text)) if w not in STOP_WORDS and len(w) > 1]


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller sentence's words found in the other."""
    return len(a & b) / (min(len(a), len(b)) or 1)


def _pick(
    ranked: list[ScoredSentence], size: int, chosen: list[ScoredSentence], avoid: Sequence[ScoredSentence] = ()
) -> list[ScoredSentence]:
    picked = list(chosen)
    for candidate in ranked:
        if len(picked) >= size:
            break
        if candidate in picked:
            continue
        if all(overlap(candidate.words, other.words) < REDUNDANCY for other in [*picked, *avoid]):
            picked.append(candidate)
    return picked


def _in_order(scored: list[ScoredSentence]) -> tuple[Sentence, ...]:
    return tuple(sorted((s.sentence for s in scored), key=lambda s: s.index))


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(count * b[word] for word, count in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _stem(word: str) -> str:
    for suffix in ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word
