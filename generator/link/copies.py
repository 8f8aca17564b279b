"""Copies: the same text published by several sources is one brief, "also published by …".

Wire copy reaches many sites, each adding its own headline, byline or a line of its own. Two
briefs are copies when the sets of their texts' five-word shingles overlap by COPY_JACCARD or
more. Candidates come from MinHash locality-sensitive hashing (datasketch), so the corpus is
never compared pair by pair; each candidate pair is then checked on its exact shingles.

The brief kept for a group of copies is the first published (the earliest stated date), then
the longest text (the most complete copy), then by slug; the others are listed on its page.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from generator.model import Brief

SHINGLE = 5  # words in a shingle
COPY_JACCARD = 0.8  # shingle overlap (Jaccard) from which two texts are copies of one
PERMUTATIONS = 128
MIN_SHINGLES = 20  # texts shorter than this are too short to call copies of each other
WORD = re.compile(r"\w+")


def find_copies(briefs: Sequence[Brief]) -> dict[str, tuple[str, ...]]:
    """For each brief that has copies, the slugs of its copies (the kept brief is the key)."""
    shingles = [_shingles(b) for b in briefs]
    index = MinHashLSH(threshold=COPY_JACCARD, num_perm=PERMUTATIONS)
    sketches: dict[int, MinHash] = {}
    for number, found in enumerate(shingles):
        if len(found) >= MIN_SHINGLES:
            # CRC-32 rather than datasketch's SHA-1: a sketch only proposes candidates, each checked exactly
            sketch = MinHash(num_perm=PERMUTATIONS, seed=1, hashfunc=zlib.crc32)
            sketch.update_batch([s.encode("utf-8") for s in sorted(found)])
            sketches[number] = sketch
            index.insert(number, sketch)
    parent = list(range(len(briefs)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for number, sketch in sketches.items():
        for other in index.query(sketch):
            if other > number and _jaccard(shingles[number], shingles[other]) >= COPY_JACCARD:
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


def _shingles(brief: Brief) -> frozenset[str]:
    words = WORD.findall(" ".join(p.text for p in brief.article.paragraphs).lower())
    return frozenset(" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
