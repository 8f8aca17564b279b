"""The mkdocs plugin: runs the pipeline inside `mkdocs build` and `mkdocs serve`.

Thin on purpose: settings in, generated pages out as in-memory files. Nothing is
written into docs/, so hand-written pages are never touched and the pages of deleted
articles disappear with them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .buildinfo import build_time
from .pipeline import build
from .report import summary_line
from .settings import Settings, SettingsError

log = get_plugin_logger(__name__)


class BriefingConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    entity_min_briefs = c.Type(int, default=0)
    max_article_bytes = c.Type(int, default=2_000_000)
    workers = c.Type(int, default=0)
    cache = c.Type(str, default=".cache")  # empty: no analysis cache


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            self.settings = Settings(
                seeds=(root / self.config.seeds).resolve(),
                site_name=config.site_name,
                max_article_bytes=self.config.max_article_bytes,
                entity_min_briefs=self.config.entity_min_briefs,
                workers=self.config.workers,
                cache=(root / self.config.cache) if self.config.cache else None,
                site_url=config.site_url or "",
                directory_urls=config.use_directory_urls,
                # printed pages say when the site was built; runs without mkdocs leave it out
                built=build_time(),
            )
        except SettingsError as error:
            raise PluginError(f"briefing: {error}") from error
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        result = build(self.settings)
        # for benchmarks and tools that drive mkdocs in-process; the corpus itself is let go,
        # so mkdocs builds the site without holding every article's analysis in memory
        self.last_build = {"seconds": dict(result.seconds), "briefs": len(result.corpus.briefs)}
        for problem in result.problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        for page in result.pages:
            if files.get_file_from_path(page.uri) is not None:
                log.info(f"docs/{page.uri} is hand-written: it is used instead of the generated page")
                continue
            files.append(File.generated(config, page.uri, content=page.markdown))
        log.info(summary_line(result))
        return files

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.settings.seeds))
        return server
