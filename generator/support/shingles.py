"""Shingles: a text as its set of five-word runs, and a MinHash sketch of that set (datasketch).

Two texts whose shingle sets overlap by most of their size are one text copied (link/copies.py).
A brief keeps its sketch in the cache, so the corpus's copies are found without reading every
text again; the exact shingles are taken only of the pairs the sketches propose.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

from datasketch import MinHash

from generator.support.memo import ONE, memo

SHINGLE = 5  # words in a shingle
PERMUTATIONS = 128
SCHEME = "affine32"  # datasketch's default permutation scheme, named: stored values must be read with theirs
MIN_SHINGLES = 20  # texts shorter than this are too short to call copies of each other
WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[str]:
    words = WORD.findall(text.lower())
    return frozenset(" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1)))


def sketch(found: frozenset[str]) -> tuple[int, ...]:
    """The MinHash values of a shingle set; none for a set too small to compare."""
    if len(found) < MIN_SHINGLES:
        return ()
    # CRC-32 rather than datasketch's SHA-1: a sketch only proposes candidates, each checked exactly
    made = MinHash(num_perm=PERMUTATIONS, seed=1, hashfunc=zlib.crc32, permutations=_permutations(), scheme=SCHEME)
    made.update_batch([s.encode("utf-8") for s in sorted(found)])
    return tuple(int(value) for value in made.hashvalues)


def minhash(values: tuple[int, ...]) -> MinHash:
    """A sketch's values as a datasketch MinHash, to query an index with."""
    return MinHash(num_perm=PERMUTATIONS, seed=1, hashvalues=list(values), permutations=_permutations(), scheme=SCHEME)


@memo(ONE)
def _permutations() -> Any:
    """The seed's permutations, made once: each MinHash would make them again."""
    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME).permutations
