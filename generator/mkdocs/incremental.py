"""Incremental builds: `mkdocs build --dirty` into the previous build's site, made to equal a
clean build.

mkdocs' dirty mode re-renders only the pages whose source is newer than their HTML (the plugin
stages each generated page as a file rewritten only when its text changed: staging.py), and
leaves the rest as the previous build wrote them. What that leaves wrong, repaired here:
- a site built by other code, theme or settings: its pages would stay as they were; the site
  carries a fingerprint of all three, and a build that finds another empties the site first;
- pages that were not re-read: the tags plugin lists only the pages it read, so the others are
  read too (their source and front matter, not rendered), before it fills its listings, and the
  tags page is always rendered;
- pages and files of deleted articles: whatever the build did not write is removed;
- mkdocs' warning that a dirty build may be inaccurate, which would fail a strict build: once
  repaired, it is not.
The search index is made again on every build, over the previous one (search.py). Tested: an
incremental build after an article was changed, added and deleted equals a clean build, byte
for byte (tests/test_incremental.py).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from generator.brief.cache import code_version

FINGERPRINT = ".briefing-build"  # in the site: what built it
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "pagefind")
DIRTY_WARNING = "A 'dirty' build is being performed"
ALWAYS_RENDERED = ("tags.md",)  # pages that list other pages: their source does not say when they change


def fingerprint(config: MkDocsConfig) -> str:
    """What a page's HTML depends on besides its own source: the generator's code, the site's
    configuration, the packages that render it and the theme overrides."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(Path(config.config_file_path).read_bytes())
    for name in DISTRIBUTIONS:
        digest.update(f"{name}=={version(name)}".encode())
    if config.theme.custom_dir:
        custom = Path(config.theme.custom_dir)
        for path in sorted(p for p in custom.rglob("*") if p.is_file()):
            digest.update(path.relative_to(custom).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def start_from(site_dir: Path, expected: str) -> None:
    """Keep the previous site if the same code and settings built it; else empty it. A kept
    site loses its fingerprint until this build completes (the plugin writes it last), so a
    build stopped halfway, whose pages or search index may be half-written, is not trusted."""
    mark = site_dir / FINGERPRINT
    try:
        if mark.read_text(encoding="utf-8").strip() == expected:
            mark.unlink()
            return
    except OSError:
        pass
    for entry in site_dir.iterdir() if site_dir.is_dir() else ():
        shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()


def read_unchanged(files: Files, config: MkDocsConfig) -> None:
    """Read the pages mkdocs' dirty build skipped (source, front matter, the plugins' markdown
    event), so the tags plugin lists them too, with their titles; they are not rendered."""
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.markdown is not None or page.content is not None:
            continue
        page.read_source(config)
        config.plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
        if "title" in page.meta:  # the title is the front matter's: the text can go (a page without
            page.markdown = ""    # one keeps it, as its title is its first heading)


def remove_stale(site_dir: Path, files: Files, since_ns: int, kept: Iterable[str]) -> list[str]:
    """Remove what the site holds that this build neither has among its files nor wrote since
    `since_ns` (a plugin's export, the sitemap): pages and files of deleted articles.
    `kept`: outputs written after this runs (the search index folder, the fingerprint)."""
    ours = {file.dest_uri for file in files}
    keep = tuple(kept)
    removed = []
    for path in sorted(site_dir.rglob("*"), reverse=True):  # files before their folders
        name = path.relative_to(site_dir).as_posix()
        if name in keep or name.startswith(tuple(f"{k}/" for k in keep)):
            continue
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif name not in ours and path.stat().st_mtime_ns < since_ns:
            path.unlink()
            removed.append(name)
    return removed


class DropDirtyWarning(logging.Filter):
    """mkdocs' warning that a dirty build may be inaccurate: this plugin repairs what it means."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)
