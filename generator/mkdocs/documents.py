"""Search documents: what Pagefind reads of each page, kept from build to build.

Pagefind indexes only a page's `data-pagefind-body` element, yet reads the whole page, whose
navigation, header and footer are most of its bytes. It is given instead a folder that mirrors the
site with each indexed page cut to its `<html>` tag, its title and its body: the same index (at ×8
of the BBC set, 16,369 pages: 34 s instead of 58 s, and the index files identical).

A rendered page's document is written as mkdocs hands over its HTML; a page a dirty build did not
render keeps the document made from it before, if the site's file is still the one it was made from
(same size and modification time, in `documents.json`), and is cut from the site's file otherwise.
Documents of pages no longer in the site are removed.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from generator.mkdocs.search import BODY
from generator.support.atomic import write_atomically

RECORD = "documents.json"  # in the folder: {page: [size, mtime_ns] of the site file its document comes from}
HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
TITLE = re.compile(r"<title>.*?</title>", re.IGNORECASE | re.DOTALL)


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
            + (title.group(0) if title else "") + "</head><body>" + html[start:end + len("</article>")]
            + "</body></html>")


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
        record: dict[str, list[int]] = {}
        for page in sorted(set(pages)):
            site_file = site_dir / page
            try:
                stat = site_file.stat()
            except OSError:
                continue
            identity = [stat.st_size, stat.st_mtime_ns]
            if page not in self.written and before.get(page) != identity:  # not rendered, nor cut from this file
                self.write(page, site_file.read_text(encoding="utf-8"))
            record[page] = identity
        for path in sorted(self.folder.rglob("*.html"), reverse=True):
            if path.relative_to(self.folder).as_posix() not in record:
                path.unlink()
        write_atomically(self.folder / RECORD, json.dumps(record, sort_keys=True).encode("utf-8"))

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.written.clear()

    def _record(self) -> dict[str, list[int]]:
        try:
            data = json.loads((self.folder / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}
