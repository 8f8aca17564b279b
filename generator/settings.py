"""Settings: the generator's options, validated once into a typed object.

The one place their defaults live: the mkdocs plugin (from mkdocs.yml) and the command line
(from flags) both start from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any


class SettingsError(ValueError):
    """An option has a value the generator cannot use."""


@dataclass(frozen=True)
class Settings:
    seeds: Path = Path("seeds")  # the folder of articles
    site_name: str = "Briefing"
    max_article_bytes: int = 2_000_000  # larger files are skipped with an error
    summary_words: int = 75  # a brief's summary: at most three sentences and this many words
    entity_min_briefs: int = 0  # briefs an entity needs for its own page; 0: 1 on small sites, else 2
    workers: int = 0  # processes for every pool (analysis, rendering); 0: as many as suit the corpus
    # a Dask scheduler ("tcp://host:8786" or "dask://host:8786") the analysis runs on; empty: this
    # machine's processes. Needs `pip install .[cluster]` here and on the workers.
    scheduler: str = ""
    cache: Path | None = Path(".cache")  # folder of the analysis and brief caches; None: no cache
    site_url: str = ""  # mkdocs' site_url; empty: printed briefs show their path inside the site
    directory_urls: bool = True  # mkdocs' use_directory_urls: briefs/x/ rather than briefs/x.html
    built: datetime | None = None  # when the site is built (buildinfo.build_time); None: not printed
    docs: Path | None = None  # hand-written pages: a generated page at the same path is left out
    # the briefs of the previous build (slug -> digest of the article file, from the manifest it
    # left in the site: render/front.py MANIFEST); None: unknown, the front page says nothing new
    previous: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        for name in ("seeds", "cache", "docs"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(value))
        for name in ("max_article_bytes", "entity_min_briefs", "workers", "summary_words"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise SettingsError(f"{name} must be a whole number of 0 or more, not {value!r}")
        if self.max_article_bytes == 0:
            raise SettingsError("max_article_bytes must be more than 0")
        if self.summary_words == 0:
            raise SettingsError("summary_words must be more than 0")
        if not str(self.site_name).strip():
            raise SettingsError("site_name must not be empty")


def default(name: str) -> Any:
    """The default of one setting."""
    return next(f.default for f in fields(Settings) if f.name == name)
