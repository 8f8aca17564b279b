"""Staged pages: the generated Markdown on disk, for `mkdocs serve --dirty`.

mkdocs' dirty builds re-render only the pages whose source file is newer than their
HTML. In-memory pages always count as changed, so for dirty builds the plugin stages
each page as a file, rewritten only when its text changed: an edit to one article
re-renders the few pages it touches, not the whole site.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.model import MarkdownPage
from generator.support.atomic import write_atomically


def stage(pages: Iterable[MarkdownPage], folder: Path) -> dict[str, Path]:
    """Write each page below `folder` unless it is there unchanged; remove pages that are gone."""
    staged = {}
    for page in pages:
        path = folder / page.uri
        data = page.markdown.encode("utf-8")
        if not _holds(path, data):
            write_atomically(path, data)
        staged[page.uri] = path
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
        if path.relative_to(folder).as_posix() not in staged:
            path.unlink(missing_ok=True)
    return staged


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
