"""Slugs: a stable, distinct web address for every brief."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from generator.model import Article
from generator.support.slugs import slug

RESERVED = frozenset({"index"})  # briefs/index.md is the list of briefs


def brief_slugs(articles: Sequence[Article]) -> list[str]:
    """One slug per article, from its title.

    Articles whose titles give the same slug keep it only for the first by path; the
    others get a suffix from their own path, so no brief's address depends on which other
    files exist (entities and packs, made anew from the corpus, take the first free one).
    """
    bases = [slug(a.title, "brief") for a in articles]
    counts = Counter(bases)
    first_path: dict[str, str] = {}
    for base, article in sorted(zip(bases, articles), key=lambda pair: pair[1].source.path):
        first_path.setdefault(base, article.source.path)
    slugs = []
    for base, article in zip(bases, articles):
        if base in RESERVED or (counts[base] > 1 and first_path[base] != article.source.path):
            base = f"{base}-{hashlib.sha1(article.source.path.encode()).hexdigest()[:6]}"
        slugs.append(base)
    return slugs
