"""Copies: the same text published by several sources is one brief, "also published by …".

Wire copy reaches many sites, each adding its own headline, byline or a line of its own. Two
briefs are copies when the sets of their texts' five-word shingles overlap by COPY_JACCARD or
more. Candidates come from MinHash locality-sensitive hashing (datasketch), so the corpus is
never compared pair by pair; each candidate pair is then checked on its exact shingles.

The brief kept for a group of copies is the first published (the earliest stated date), then
the longest text (the most complete copy), then by slug; the others are listed on its page.
"""

from __future__ import annotations

from collections.abc import Sequence

from datasketch import MinHashLSH

from generator.model import Brief
from generator.support.shingles import PERMUTATIONS, minhash, shingles

COPY_JACCARD = 0.8  # shingle overlap (Jaccard) from which two texts are copies of one


def find_copies(briefs: Sequence[Brief]) -> dict[str, tuple[str, ...]]:
    """For each brief that has copies, the slugs of its copies (the kept brief is the key)."""
    index = MinHashLSH(threshold=COPY_JACCARD, num_perm=PERMUTATIONS)
    sketches = {number: minhash(brief.sketch) for number, brief in enumerate(briefs) if brief.sketch}
    for number, sketch in sketches.items():
        index.insert(number, sketch)
    exact: dict[int, frozenset[str]] = {}  # the shingles of the briefs a sketch proposed

    def shingles_of(number: int) -> frozenset[str]:
        if number not in exact:
            exact[number] = shingles(" ".join(p.text for p in briefs[number].article.paragraphs))
        return exact[number]

    parent = list(range(len(briefs)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for number, sketch in sketches.items():
        for other in index.query(sketch):
            if other > number and _jaccard(shingles_of(number), shingles_of(other)) >= COPY_JACCARD:
                parent[root(other)] = root(number)
    groups: dict[int, list[int]] = {}
    for number in range(len(briefs)):
        groups.setdefault(root(number), []).append(number)
    copies = {}
    for members in groups.values():
        if len(members) > 1:
            kept, *others = sorted(members, key=lambda n: _kept_first(briefs[n]))
            copies[briefs[kept].slug] = tuple(briefs[n].slug for n in others)
    return copies


def _kept_first(brief: Brief) -> tuple[bool, int, int, str]:
    when = brief.date.value
    return (when is None, when.toordinal() if when else 0, -brief.word_count, brief.slug)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
