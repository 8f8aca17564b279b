"""Memos: the process-wide caches of the generator, each bounded, all cleared together.

Every memoised function in the package is made with `memo`, so none grows without bound
and `clear_all()` (called by the pipeline at the start of every build) leaves no state of
an earlier build behind: under `mkdocs serve` one process builds many times, and a data
file or the model may change between builds.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

ONE = 1  # a value computed once: a model, a table, an environment
MANY = 1 << 16  # per name or word: a corpus has far fewer distinct ones than this

_memos: list[Any] = []


def memo(maxsize: int) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, registered so that `clear_all` empties it."""

    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _memos.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_all() -> None:
    """Empty every memo of the package."""
    for cached in _memos:
        cached.cache_clear()
