"""Staged pages: the generated Markdown on disk, for `mkdocs serve --dirty`.

mkdocs' dirty builds re-render only the pages whose source file is newer than their
HTML. In-memory pages always count as changed, so for dirty builds the plugin stages
each page as a file, rewritten only when its text changed: an edit to one article
re-renders the few pages it touches, not the whole site.

Whether a staged file holds a page's text is told by a record of each file as staging left it
(size, modification time and the digest of its text), so a build reads no file but those it
changed; a file touched since is read and compared.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from generator.model import MarkdownPage
from generator.support.atomic import write_atomically

RECORD = ".staged.json"  # in the folder: {page: [size, mtime_ns, digest of its text]}


def stage(pages: Iterable[MarkdownPage], folder: Path) -> dict[str, Path]:
    """Write each page below `folder` unless it is there unchanged; remove pages that are gone."""
    before = _record(folder)
    record: dict[str, list[int | str]] = {}
    staged = {}
    for page in pages:
        path = folder / page.uri
        data = page.markdown.encode("utf-8")
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        if not _holds(path, data, digest, before.get(page.uri)):
            write_atomically(path, data)
        stat = path.stat()
        record[page.uri] = [stat.st_size, stat.st_mtime_ns, digest]
        staged[page.uri] = path
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
        if path.relative_to(folder).as_posix() not in staged:
            path.unlink(missing_ok=True)
    write_atomically(folder / RECORD, json.dumps(record, sort_keys=True, separators=(",", ":")).encode())
    return staged


def _holds(path: Path, data: bytes, digest: str, recorded: object) -> bool:
    try:
        stat = path.stat()
        if recorded == [stat.st_size, stat.st_mtime_ns, digest]:
            return True
        return stat.st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _record(folder: Path) -> dict[str, object]:
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
