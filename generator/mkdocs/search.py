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

import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import time
import zlib
from collections.abc import Sequence
from html import escape
from pathlib import Path

import cbor2

OUTPUT = "pagefind"  # the index's folder in the site
ARTICLE = '<article class="md-content__inner md-typeset">'
BODY = ARTICLE.replace("<article", "<article data-pagefind-body", 1)  # the element Pagefind indexes
EXCLUDED = ".headerlink"  # the ¶ after each heading, which would end every result's title
# The other names weigh less than a title (7) and more than the text (1), as the page is about
# them: a page that names the entity in its text still ranks first; one that writes another name ranks near it.
ALIASES_WEIGHT = 5.0
# Pagefind 1.x: files named by a hash of their content, and the signature its metadata starts with
HASHED_FOLDERS = ("fragment", "index", "filter")
META_SIGNATURE = b"pagefind_dcd"


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
    a folder laid out as the site, holding the pages with a body marked by `searchable`.

    A dirty build's site holds the previous index. Pagefind names its chunks and fragments by
    their content and does not write again a file that exists, and compressing them is most of
    its time, so it runs over that index; then the files the new index does not name are removed,
    which leaves what it writes into an empty folder. Pagefind keeps a file that is there whatever
    it holds, so each kept file is checked against its name (a short prefix of its content's
    hash): an index it cannot read, or one holding a file its name does not fit, is made again
    whole. Two contents whose hashes share the prefix pass the check (README: search)."""
    output = site_dir / OUTPUT
    started_ns = time.time_ns()
    _run_pagefind(documents, output)
    try:
        named = index_files(output)
        kept = [output / name for name in named if (output / name).stat().st_mtime_ns < started_ns]
        if not all(map(holds_its_name, kept)):
            raise ValueError("a file kept from the previous index is not the one the new index names")
    except (OSError, ValueError, LookupError, TypeError, cbor2.CBORDecodeError, zlib.error):
        shutil.rmtree(output, ignore_errors=True)
        _run_pagefind(documents, output)
        return
    for folder in (*HASHED_FOLDERS, ""):
        for path in (output / folder).glob("*"):
            name = path.relative_to(output).as_posix()
            if path.is_file() and (folder or path.suffix == ".pf_meta") and name not in named:
                path.unlink()


def index_files(output: Path) -> set[str]:
    """The files an index names, each as a path in it: its languages' metadata (from
    pagefind-entry.json) and the pages' fragments, word chunks and filters that metadata lists."""
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    named = set()
    for language in entry["languages"].values():
        meta = f"pagefind.{language['hash']}.pf_meta"
        data = gzip.decompress((output / meta).read_bytes())
        if not data.startswith(META_SIGNATURE):
            raise ValueError(f"{meta}: not a Pagefind index of the expected version")
        _version, pages, chunks, filters, *_rest = cbor2.loads(data[len(META_SIGNATURE):])
        named |= {meta, *(f"fragment/{page[0]}.pf_fragment" for page in pages),
                  *(f"index/{chunk[2]}.pf_index" for chunk in chunks),
                  *(f"filter/{kind[1]}.pf_filter" for kind in filters)}
    return named


def holds_its_name(path: Path) -> bool:
    """Whether a Pagefind 1.x index file holds the content its name says: the name after the
    language ("en_") is a prefix of the SHA-1 of the uncompressed content after the signature,
    each byte written in hexadecimal without its leading zero."""
    data = zlib.decompress(path.read_bytes(), wbits=31)  # gzip, faster than the gzip module's reader
    if not data.startswith(META_SIGNATURE):
        return False
    digest = hashlib.sha1(data[len(META_SIGNATURE):], usedforsecurity=False).digest()
    return "".join(f"{byte:x}" for byte in digest).startswith(path.name.split(".")[-2].split("_", 1)[1])


def _run_pagefind(documents: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(output.resolve()),
               "--force-language", "en", "--exclude-selectors", EXCLUDED,
               "--keep-index-url", "--silent"]  # pages are files (use_directory_urls: false): "briefs/index.html"
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError(f"Pagefind could not index {output.parent}: {reason[-1] if reason else done.returncode}")
