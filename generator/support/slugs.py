"""Slugs: the one way a name becomes part of a web address, and the one way to keep it free."""

from __future__ import annotations

from collections.abc import Iterable

from slugify import slugify

MAX_LENGTH = 80  # cut at a word: an address stays readable


def slug(text: str, fallback: str) -> str:
    """`text` as lower-case ASCII words joined by hyphens; `fallback` when nothing is left."""
    return slugify(text, max_length=MAX_LENGTH, word_boundary=True) or fallback


def first_free(candidates: Iterable[str], used: set[str]) -> str:
    """The first candidate not in `used`, which it joins."""
    chosen = next(c for c in candidates if c not in used)
    used.add(chosen)
    return chosen
