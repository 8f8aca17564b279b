"""The mkdocs plugin: runs the pipeline inside `mkdocs build` and `mkdocs serve`.

Thin on purpose: settings in, generated pages out as in-memory files. Nothing is
written into docs/, so hand-written pages are never touched and the pages of deleted
articles disappear with them. For dirty builds (`mkdocs serve --dirty`) the pages are
staged as files under the cache instead, so mkdocs re-renders only those that changed.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from html import escape, unescape
from pathlib import Path
from types import MappingProxyType

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from generator.analyse.nlp import ModelMissingError
from generator.mkdocs.documents import SearchDocuments
from generator.mkdocs.incremental import (
    ALWAYS_RENDERED,
    FINGERPRINT,
    DropDirtyWarning,
    fingerprint,
    read_unchanged,
    remove_stale,
    start_from,
)
from generator.mkdocs.search import OUTPUT, SearchIndexError, index_site, searchable
from generator.mkdocs.staging import stage
from generator.pipeline import build
from generator.render.buildinfo import build_time
from generator.render.feeds import feed_links
from generator.render.front import MANIFEST, read_manifest
from generator.report import cache_line, summary_line, unused_keys_line
from generator.settings import Settings, SettingsError, default

log = get_plugin_logger(__name__)


class BriefingConfig(base.Config):  # type: ignore[no-untyped-call]  # mkdocs' own hook
    """The plugin's options in mkdocs.yml; their defaults are the generator's (settings.py)."""

    seeds = c.Type(str, default=str(default("seeds")))
    entity_min_briefs = c.Type(int, default=default("entity_min_briefs"))
    summary_words = c.Type(int, default=default("summary_words"))
    max_article_bytes = c.Type(int, default=default("max_article_bytes"))
    workers = c.Type(int, default=default("workers"))
    scheduler = c.Type(str, default=default("scheduler"))
    cache = c.Type(str, default=str(default("cache")))  # empty: no cache
    # files the site serves from installed packages: {path in the site: path from mkdocs.yml}
    assets = c.Type(dict, default={})


THEME = Path(__file__).parent / "theme"  # templates over mkdocs-material's: the Pagefind search box


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    dirty = False  # a dirty build: generated pages are staged on disk
    built: datetime | None = None  # the build time, kept for a whole serve session
    staging: Path | None = None  # where dirty builds stage the pages
    generated: frozenset[str] = frozenset()  # uris of the pages this plugin made
    search_terms: Mapping[str, tuple[str, ...]] = MappingProxyType({})  # page url → other names, for search

    serving = False  # under `mkdocs serve`: builds run in mkdocs' build thread
    files: Files | None = None  # the build's files, for the repairs of a dirty build
    documents: SearchDocuments | None = None  # what Pagefind reads of each page (documents.py)
    documents_of: Path | None = None  # the site they are of
    temporary: tuple[Path, ...] = ()  # folders made for this session, removed at its end
    dirty_warning = DropDirtyWarning()

    # mkdocs keeps a plugin with on_startup alive across the rebuilds of `mkdocs serve`
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.serving = command == "serve"
        if dirty:  # repaired here (incremental.py), so not a reason to fail a strict build
            logging.getLogger("mkdocs.commands.build").addFilter(self.dirty_warning)

    def on_shutdown(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self.dirty_warning)
        for folder in self.temporary:
            shutil.rmtree(folder, ignore_errors=True)
        self.temporary = ()

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
                summary_words=self.config.summary_words,
                # serving rebuilds in a thread of mkdocs' server: forking a process that runs
                # other threads can deadlock, so the stages work in this process there
                workers=1 if self.serving else self.config.workers,
                scheduler=self.config.scheduler,
                cache=(root / self.config.cache) if self.config.cache else None,
                site_url=config.site_url or "",
                directory_urls=config.use_directory_urls,
                built=self.built,
                docs=Path(config.docs_dir),
                # read before mkdocs empties the site folder: what the previous build made
                previous=read_manifest(Path(config.site_dir) / MANIFEST),
            )
        except SettingsError as error:
            raise PluginError(f"briefing: {error}") from error
        if str(THEME) not in config.theme.dirs:  # after the site's own custom_dir, before the theme's
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        self.fingerprint = fingerprint(config)
        self.started_ns = time.time_ns()  # what the build writes is newer: the rest may be stale
        if self.dirty:  # into the previous site: kept only if the same code and settings built it
            start_from(Path(config.site_dir), self.fingerprint)
        site_dir = Path(config.site_dir).resolve()
        if self.documents is None or self.documents_of != site_dir:
            self.documents, self.documents_of = SearchDocuments(self._documents_folder(site_dir)), site_dir
        self.documents.written.clear()
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            result = build(self.settings)
        except ModelMissingError as error:
            raise PluginError(f"briefing: {error}") from error
        for problem in result.problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        for uri in result.hand_written:
            log.info(f"docs/{uri} is hand-written: it is used instead of the generated page")
        pages = result.pages
        self.generated = frozenset(page.uri for page in pages)
        self.search_terms = {}
        staged = stage(pages, self._staging_folder()) if self.dirty else {}
        for uri in ALWAYS_RENDERED:  # pages listing others: rendered whatever their own source says
            if uri in staged:
                staged[uri].touch()
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
        for note in (unused_keys_line(result.unused_keys), cache_line(result)):
            if note:
                log.info(note)
        return files

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        root = Path(config.config_file_path).parent
        for uri, source in self.config.assets.items():
            path = (root / source).resolve()
            if not path.is_file():
                raise PluginError(f"briefing: asset {source} (for {uri}) is missing: run `npm ci` "
                                  "(make site does) to install the packages in package.json")
            files.append(File.generated(config, uri, abs_src_path=str(path)))

    # last: what it returns is the page as written, whose search document is kept
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = self._page_output(output, page)
        if self.documents is not None:
            self.documents.write(page.file.dest_uri, output)
        return output

    def _page_output(self, output: str, page: Page) -> str:
        # mkdocs keeps every page's Markdown and HTML to the end of the build: for the
        # generated pages, whose output is written next, that is most of a large site's memory
        if page.file.src_uri in self.generated:
            page.markdown, page.content = None, None
            if page.file.abs_src_path is None:
                page.file.content_bytes = b""
        output = _with_feed_links(output, page.file.src_uri, page.url, self.generated)
        if (page.meta.get("search") or {}).get("exclude"):  # print packs: every brief's text again
            return output
        summary = unescape(str(page.meta.get("description") or ""))  # front matter is escaped (templating)
        return searchable(output, summary, self.search_terms.get(page.url, ()))

    # first, before the tags plugin fills its listings: a dirty build reads the pages it skipped
    @event_priority(200)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.files = files
        if self.dirty:
            read_unchanged(files, config)
        if self.settings.cache and env.bytecode_cache is None:  # the theme's templates, compiled once
            folder = self.settings.cache / "templates"
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    # last: the site is complete when Pagefind reads it
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        if self.dirty and self.files is not None:
            for name in remove_stale(site, self.files, self.started_ns, kept=(OUTPUT, FINGERPRINT)):
                log.debug(f"removed {name}: no longer part of the site")
        assert self.files is not None and self.documents is not None  # set by on_env and on_config
        self.documents.complete(site, (file.dest_uri for file in self.files.documentation_pages()))
        try:
            index_site(site, self.documents.folder)
        except SearchIndexError as error:
            raise PluginError(f"briefing: {error}") from error
        (site / FINGERPRINT).write_text(self.fingerprint + "\n", encoding="utf-8")

    def _documents_folder(self, site_dir: Path) -> Path:
        """In the cache, one folder a site; a serve session's (whose site is a new temporary
        folder each time) or a build's without a cache, for this session only."""
        cache = self.settings.cache
        if cache and not self.serving:
            return cache / "search" / hashlib.sha256(str(site_dir).encode()).hexdigest()[:16]
        folder = Path(tempfile.mkdtemp(prefix="briefing-search-"))
        self.temporary += (folder,)
        return folder

    def _staging_folder(self) -> Path:
        if self.staging is None:
            cache = self.settings.cache
            self.staging = cache / "pages" if cache else Path(tempfile.mkdtemp(prefix="briefing-pages-"))
        return self.staging

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
        server.watch(str(self.settings.seeds))
        return server


def _with_feed_links(html: str, src_uri: str, url: str, generated: frozenset[str]) -> str:
    """The page's HTML with a `<link rel="alternate feed">` for each feed it announces, in its head
    ("feed" too: mkdocs-material takes a link whose rel is "alternate" alone for another language
    of the site, and asks for a sitemap beside it)."""
    links = "".join(
        f'<link rel="alternate feed" type="{kind}" title="{escape(title)}" href="{escape(get_relative_url(uri, url))}">'
        for kind, title, uri in feed_links(src_uri, generated))
    return html.replace("</head>", links + "</head>", 1) if links else html
