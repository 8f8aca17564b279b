"""Related briefs: shared entities weighted by rarity, plus similar wording.

Scales to thousands of briefs: candidates come from an inverted index over each brief's
entities and most distinctive words, so briefs that share nothing are never compared.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Related

TOP_TERMS = 40  # distinctive words kept per brief
COMMON_SHARE = 0.2  # a word in more than this share of briefs says nothing about relatedness
ENTITY_WEIGHT = 0.06  # how much one shared entity of rarity 1.0 weighs against text cosine
MIN_SCORE = 0.16
MIN_COSINE = 0.06
LIMIT = 5


@dataclass(frozen=True)
class Profile:
    """What one brief is about, for comparison with the others."""

    slug: str
    words: Mapping[str, int]  # content word counts
    entities: frozenset[str]  # entity slugs


def find_related(profiles: Sequence[Profile], limit: int = LIMIT) -> dict[str, tuple[Related, ...]]:
    """For each brief, the briefs that are about the same things, best first."""
    count = len(profiles)
    entity_df = Counter(e for p in profiles for e in p.entities)
    word_df = Counter(w for p in profiles for w in p.words)
    rarity = {e: math.log(1 + count / df) for e, df in entity_df.items()}
    vectors = [_tfidf(p.words, word_df, count) for p in profiles]
    index: dict[str, list[int]] = defaultdict(list)
    for number, (profile, vector) in enumerate(zip(profiles, vectors)):
        for term in _index_terms(profile, vector, word_df, count):
            index[term].append(number)
    related = {}
    for number, profile in enumerate(profiles):
        candidates = sorted({other for term in _index_terms(profile, vectors[number], word_df, count)
                             for other in index[term] if other != number})
        scored = []
        for other in candidates:
            shared = profile.entities & profiles[other].entities
            cosine = _dot(vectors[number], vectors[other])
            weight = sum(rarity[e] for e in shared)
            score = cosine + ENTITY_WEIGHT * weight
            if score >= MIN_SCORE and cosine >= MIN_COSINE:
                ranked_shared = tuple(sorted(shared, key=lambda e: (-rarity[e], e)))
                scored.append(Related(profiles[other].slug, round(score, 6), ranked_shared, cosine >= MIN_SCORE))
        scored.sort(key=lambda r: (-r.score, r.slug))
        related[profile.slug] = tuple(scored[:limit])
    return related


def _index_terms(profile: Profile, vector: Mapping[str, float], word_df: Counter, count: int) -> list[str]:
    top = sorted(vector, key=lambda w: (-vector[w], w))[:TOP_TERMS]
    words = [f"w:{w}" for w in top if word_df[w] <= max(2, COMMON_SHARE * count)]
    return words + [f"e:{e}" for e in sorted(profile.entities)]


def _tfidf(words: Mapping[str, int], df: Counter, count: int) -> dict[str, float]:
    weights = {w: (1 + math.log(n)) * (math.log((1 + count) / (1 + df[w])) + 1) for w, n in words.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
