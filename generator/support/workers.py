"""Workers: independent pieces of work spread over the machine's cores.

Where the platform can fork, workers start at once and inherit what the parent holds
(the language model, the corpus) instead of receiving it through a pipe; only each
task's arguments and results are passed between processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from multiprocessing.pool import Pool

MAX_PROCESSES = 2  # each worker holds its own copy of what it touches: keep memory bounded


def processes_for(count: int, minimum: int, requested: int = 0) -> int:
    """How many processes to use for `count` tasks: one below `minimum`, else one per core."""
    if requested > 0:
        return requested
    if count < minimum:
        return 1
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


def pool(processes: int, initializer: Callable[..., None] | None = None, initargs: Sequence[object] = ()) -> Pool:
    """A process pool; under fork, `initargs` reach the workers without being copied through a pipe."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(processes, initializer, tuple(initargs))
