"""Settings: the generator's options, validated once into a typed object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


class SettingsError(ValueError):
    """An option has a value the generator cannot use."""


@dataclass(frozen=True)
class Settings:
    seeds: Path  # the folder of articles
    site_name: str = "Briefing"
    max_article_bytes: int = 2_000_000  # larger files are skipped with an error
    entity_min_briefs: int = 0  # briefs an entity needs for its own page; 0: 1 on small sites, else 2
    workers: int = 0  # spaCy processes; 0: one for small corpora, both cores for large ones
    cache: Path | None = None  # folder of the analysis cache; None: no cache
    site_url: str = ""  # mkdocs' site_url; empty: printed briefs show their path inside the site
    directory_urls: bool = True  # mkdocs' use_directory_urls: briefs/x/ rather than briefs/x.html
    built: datetime | None = None  # when the site is built (buildinfo.build_time); None: not printed

    def __post_init__(self) -> None:
        if not isinstance(self.seeds, Path):
            object.__setattr__(self, "seeds", Path(self.seeds))
        if self.cache is not None and not isinstance(self.cache, Path):
            object.__setattr__(self, "cache", Path(self.cache))
        for name in ("max_article_bytes", "entity_min_briefs", "workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise SettingsError(f"{name} must be a whole number of 0 or more, not {value!r}")
        if self.max_article_bytes == 0:
            raise SettingsError("max_article_bytes must be more than 0")
        if not str(self.site_name).strip():
            raise SettingsError("site_name must not be empty")
