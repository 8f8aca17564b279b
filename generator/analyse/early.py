"""The model loaded early: in a worker process, while the build reads and cleans the articles.

A commit changes an article or two. Analysing them is quick, but loading the model first is
most of a small analysis (0.8 s on this machine), and until the articles are cleaned and looked
up in the cache the build does not know whether any needs it. So a build with a cache starts one
worker at once, which loads the model on another core; if the build then has few articles to
analyse, that worker analyses them, and otherwise it is stopped unused.
"""

from __future__ import annotations

from contextlib import suppress
from multiprocessing.pool import Pool

from generator.support import workers


class EarlyModel:
    """One worker process loading the model as soon as it starts."""

    def __init__(self) -> None:
        self.pool: Pool | None = workers.pool(1, _load)

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _load() -> None:
    from generator.analyse.nlp import ModelMissingError, load_pipeline

    # a missing model is raised again where the build asks this worker for an analysis
    with suppress(ModelMissingError):
        load_pipeline()
