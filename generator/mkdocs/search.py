"""Site search with Pagefind: the built pages are indexed into `pagefind/` beside them.

A reader's browser then loads only what a query needs (the index chunks its words fall in and
the fragments of the results shown), where mkdocs-material's search plugin sends the whole
index to every reader. The theme's search box stays (theme/partials), driven by
docs/javascripts/search.js.

What each page gives the index, added to its HTML here:
- its content only: the theme's `<article>` is the indexed body, so menus, sidebars and footer
  are not; the site's own chrome inside it carries `data-pagefind-ignore` (templates);
- a summary shown under the result's title: the page's description (a brief's bottom line);
- the other names of the entities the page is about that it does not write itself, indexed but
  not shown, so "coronavirus" finds the COVID-19 page and every brief that mentions COVID-19
  under any of its names.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from html import escape
from pathlib import Path

OUTPUT = "pagefind"  # the index's folder in the site
ARTICLE = '<article class="md-content__inner md-typeset">'
BODY = ARTICLE.replace("<article", "<article data-pagefind-body", 1)  # the element Pagefind indexes
EXCLUDED = ".headerlink"  # the ¶ after each heading, which would end every result's title
# The other names weigh less than a title (7) and more than the text (1), as the page is about
# them: a page that names the entity in its text still ranks first; one that writes another name ranks near it.
ALIASES_WEIGHT = 5.0


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def searchable(html: str, summary: str, aliases: Sequence[str]) -> str:
    """The page's HTML with its article marked as the body to index, its summary and aliases
    (plain text: escaped here)."""
    extra = ""
    if summary:
        extra += f'<span hidden data-pagefind-meta="summary[data-summary]" data-summary="{escape(summary)}"></span>'
    written = html.lower()
    missing = [name for name in aliases if escape(name).lower() not in written]  # only the names it lacks
    if missing:
        names = " · ".join(escape(name) for name in missing)
        extra += f'<span hidden data-pagefind-weight="{ALIASES_WEIGHT}">{names}</span>'
    return html.replace(ARTICLE, BODY + extra, 1)


def index_site(site_dir: Path, documents: Path) -> None:
    """Index the site's pages into site_dir/pagefind from their search documents (documents.py):
    a folder laid out as the site, holding the pages with a body marked by `searchable`."""
    shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)  # a dirty build's site holds the previous index
    command = [sys.executable, "-m", "pagefind", "--site", str(documents),
               "--output-path", str((site_dir / OUTPUT).resolve()),
               "--force-language", "en", "--exclude-selectors", EXCLUDED,
               "--keep-index-url", "--silent"]  # pages are files (use_directory_urls: false): "briefs/index.html"
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {reason[-1] if reason else done.returncode}")
