"""The mkdocs plugin: runs the pipeline inside `mkdocs build` and `mkdocs serve`.

Thin on purpose: settings in, generated pages out as in-memory files. Nothing is
written into docs/, so hand-written pages are never touched and the pages of deleted
articles disappear with them. For dirty builds (`mkdocs serve --dirty`) the pages are
staged as files under the cache instead, so mkdocs re-renders only those that changed.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.analyse.nlp import ModelMissing
from generator.render.buildinfo import build_time
from generator.pipeline import build
from generator.report import summary_line
from generator.mkdocs.search_index import complete as complete_search_index
from generator.settings import Settings, SettingsError
from generator.mkdocs.staging import stage

log = get_plugin_logger(__name__)


class BriefingConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    entity_min_briefs = c.Type(int, default=0)
    max_article_bytes = c.Type(int, default=2_000_000)
    workers = c.Type(int, default=0)
    cache = c.Type(str, default=".cache")  # empty: no analysis cache
    # files the site serves from installed packages: {path in the site: path from mkdocs.yml}
    assets = c.Type(dict, default={})


# mkdocs-material's search box is a dialog without a name (axe: aria-dialog-name); the theme
# has no setting for it, so the plugin names it in each page's HTML.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


class BriefingPlugin(BasePlugin[BriefingConfig]):
    dirty = False  # a dirty build: generated pages are staged on disk
    built: datetime | None = None  # the build time, kept for a whole serve session
    staging: Path | None = None  # where dirty builds stage the pages
    generated: frozenset[str] = frozenset()  # uris of the pages this plugin made
    search_terms: dict[str, tuple[str, ...]] = {}  # page url → other names, for the search index

    # mkdocs keeps a plugin with on_startup alive across the rebuilds of `mkdocs serve`
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            # one build time per session: a rebuild while serving changes only the pages
            # whose content changed, so a dirty rebuild re-renders just those
            self.built = self.built or build_time()
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
                built=self.built,
            )
        except SettingsError as error:
            raise PluginError(f"briefing: {error}") from error
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            result = build(self.settings)
        except ModelMissing as error:
            raise PluginError(f"briefing: {error}") from error
        # for benchmarks and tools that drive mkdocs in-process; the corpus itself is let go,
        # so mkdocs builds the site without holding every article's analysis in memory
        self.last_build = {"seconds": dict(result.seconds), "briefs": len(result.corpus.briefs)}
        for problem in result.problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        pages = []
        for page in result.pages:
            if files.get_file_from_path(page.uri) is not None:
                log.info(f"docs/{page.uri} is hand-written: it is used instead of the generated page")
            else:
                pages.append(page)
        self.generated = frozenset(page.uri for page in pages)
        self.search_terms = {}
        staged = stage(pages, self._staging_folder()) if self.dirty else {}
        for page in pages:
            if self.dirty:
                file = File.generated(config, page.uri, abs_src_path=str(staged[page.uri]))
            else:
                file = File.generated(config, page.uri, content=page.markdown)
            files.append(file)
            if page.search_terms:
                self.search_terms[file.url] = page.search_terms
        self._add_assets(files, config)
        log.info(summary_line(result))
        return files

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        root = Path(config.config_file_path).parent
        for uri, source in self.config.assets.items():
            path = (root / source).resolve()
            if not path.is_file():
                raise PluginError(f"briefing: asset {source} (for {uri}) is missing: run `npm ci` "
                                  "(make site does) to install the packages in package.json")
            files.append(File.generated(config, uri, abs_src_path=str(path)))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # mkdocs keeps every page's Markdown and HTML to the end of the build: for the
        # generated pages, whose output is written next, that is most of a large site's memory
        if page.file.src_uri in self.generated:
            page.markdown, page.content = None, None
            if page.file.abs_src_path is None:
                page.file.content_bytes = b""
        return output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return output_content.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)  # 404.html

    # after the search plugin has written the index, before the offline plugin (-100) inlines it
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        complete_search_index(Path(config.site_dir), self.search_terms)

    def _staging_folder(self) -> Path:
        if self.staging is None:
            cache = self.settings.cache
            self.staging = cache / "pages" if cache else Path(tempfile.mkdtemp(prefix="briefing-pages-"))
        return self.staging

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.settings.seeds))
        return server
