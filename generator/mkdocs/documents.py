"""Search documents: what Pagefind reads of each page, kept from build to build.

Pagefind indexes only a page's `data-pagefind-body` element, yet reads the whole page, whose
navigation, header and footer are most of its bytes. It is given instead a folder that mirrors the
site with each indexed page cut to its `<html>` tag, its title and its body: the same index (at ×8
of the BBC set, 16,369 pages: 34 s instead of 58 s, and the index files identical).

Inside the body, the elements marked `data-pagefind-ignore` (lists of briefs on entity pages, the
accounts of a story) are left out too, unless they hold a filter or metadata Pagefind still reads
there: they are nearly half of what the body holds, and Pagefind indexes none of their words (at
×8: 190 million characters of documents become 82 million, Pagefind over the previous index takes
12 s instead of 14 s, and writes the same files).

A rendered page's document is written as mkdocs hands over its HTML; a page a dirty build did not
render keeps the document made from it before, if the site's file is still the one it was made from
(same size and modification time, in `documents.json`), and is cut from the site's file otherwise.
Documents of pages no longer in the site are removed.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from generator.mkdocs.search import BODY
from generator.support.atomic import write_atomically
from generator.support.memo import ONE, memo

RECORD = "documents.json"  # in the folder: {page: [size, mtime_ns] of the site file its document comes from}
VERSION_KEY = ""  # the record's entry naming how its documents were cut: this module's digest
HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
TITLE = re.compile(r"<title>.*?</title>", re.IGNORECASE | re.DOTALL)
# an element's opening tag carrying the attribute (a value of "all" or any other, or none)
IGNORED = re.compile(r'<([a-z][a-z0-9]*)\b[^>]*?\sdata-pagefind-ignore(?:="([^"]*)")?(?=[\s/>])[^>]*>', re.IGNORECASE)
STILL_READ = re.compile(r"\sdata-pagefind-(?!ignore)[a-z-]+")  # filters, metadata, sort keys: read inside one
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def search_document(html: str) -> str | None:
    """The page's search document, or None when it has nothing to index."""
    start = html.find(BODY)
    if start < 0:
        return None
    end = html.find("</article>", start)
    if end < 0:
        return None
    opening, title = HTML_TAG.search(html), TITLE.search(html)
    return ("<!doctype html>" + (opening.group(0) if opening else "<html>") + '<head><meta charset="utf-8">'
            + (title.group(0) if title else "") + "</head><body>" + without_ignored(html[start:end + len("</article>")])
            + "</body></html>")


def without_ignored(html: str) -> str:
    """The HTML without the elements Pagefind ignores whole: those marked `data-pagefind-ignore`,
    unless (ignored for their words only, not "all") they hold an attribute it reads in them."""
    kept, position = [], 0
    while (found := IGNORED.search(html, position)) is not None:
        tag = found.group(1).lower()
        end = None if tag in VOID or found.group(0).endswith("/>") else _closing(html, tag, found.start())
        if end is None or (found.group(2) != "all" and STILL_READ.search(html, found.end(), end)):
            kept.append(html[position:found.end()])  # left in place, what it holds looked at in turn
            position = found.end()
            continue
        kept.append(html[position:found.start()])
        position = end
    kept.append(html[position:])
    return "".join(kept)


def _closing(html: str, tag: str, start: int) -> int | None:
    """Where the element opened at `start` ends (past its closing tag), elements of its tag
    nested in it counted; None when it is not closed."""
    depth = 0
    for mark in re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE).finditer(html, start):
        depth += -1 if mark.group(1) else 1
        if depth == 0:
            return mark.end()
    return None


class SearchDocuments:
    """The folder of search documents of one site."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: set[str] = set()  # pages whose document this build wrote

    def write(self, page: str, html: str) -> None:
        """Keep the document of a page just rendered (`page`: its path in the site)."""
        document = search_document(html)
        path = self.folder / page
        if document is None:
            path.unlink(missing_ok=True)
        else:
            write_atomically(path, document.encode("utf-8"))
        self.written.add(page)

    def complete(self, site_dir: Path, pages: Iterable[str]) -> None:
        """Make the folder hold the document of each of the site's `pages` and nothing else."""
        before = self._record()
        record: dict[str, list[int | str]] = {}
        for page in sorted(set(pages)):
            site_file = site_dir / page
            try:
                stat = site_file.stat()
            except OSError:
                continue
            identity: list[int | str] = [stat.st_size, stat.st_mtime_ns]
            if page not in self.written and before.get(page) != identity:  # not rendered, nor cut from this file
                self.write(page, site_file.read_text(encoding="utf-8"))
            record[page] = identity
        record[VERSION_KEY] = [_cut_version()]
        for path in sorted(self.folder.rglob("*.html"), reverse=True):
            if path.relative_to(self.folder).as_posix() not in record:
                path.unlink()
        write_atomically(self.folder / RECORD, json.dumps(record, sort_keys=True).encode("utf-8"))

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.written.clear()

    def _record(self) -> dict[str, list[int | str]]:
        try:
            data = json.loads((self.folder / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get(VERSION_KEY) != [_cut_version()]:
            return {}  # cut another way: every page is cut again
        return data


@memo(ONE)
def _cut_version() -> str:
    return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()
