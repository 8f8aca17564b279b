"""Shelves: lasting memos too large to read and write whole in every build, kept in SQLite.

A shelf keeps, under each key, a small head (what decides whether the entry still holds) and
a large body (what it holds), both JSON values, the body compressed. A build reads every head
at once, the first time it asks for one, but only the bodies it takes; it writes only the
entries it changed and deletes those it did not ask for. A file of another version, or one
that cannot be read, is started again; an entry that does not decode is taken as absent.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

COMPRESSION = 1  # zlib's fastest: bodies are Markdown, which shrinks to about a fifth anyway


class Shelf:
    """One shelf: its heads by key, the entries this build made, and the keys it asked for."""

    def __init__(self, name: str, decode_head: Callable[[Any], Any], decode_body: Callable[[Any], Any],
                 libraries: str = "") -> None:
        self.name, self.decode_head, self.decode_body = name, decode_head, decode_body
        self.libraries = libraries  # the versions of the libraries that made the entries
        self.restore(None, "")

    def restore(self, folder: Path | None, version: str) -> None:
        """Forget what this process held; take entries from the shelf in `folder` written by `version`."""
        self.path = folder / f"{self.name}.sqlite" if folder is not None else None
        self.version = f"{version}|{self.libraries}"
        self._heads: dict[str, Any] | None = None  # read on the first `head`
        self._made: dict[str, tuple[Any, Any]] = {}
        self.used: set[str] = set()
        self._close()

    def _close(self) -> None:
        reader = getattr(self, "_reader", None)
        if reader is not None:
            reader.close()
        self._reader: sqlite3.Connection | None = None

    def head(self, key: str) -> Any | None:
        """The head kept under `key`, if any; asking for it does not keep the entry."""
        if self._heads is None:
            self._heads = self._read_heads()
        made = self._made.get(key)
        return made[0] if made is not None else self._heads.get(key)

    def body(self, key: str) -> Any | None:
        """The body kept under `key`, if any, kept for the next build too."""
        self.used.add(key)
        made = self._made.get(key)
        if made is not None:
            return self.decode_body(made[1])
        if self.path is None or not self._heads or key not in self._heads:
            return None
        try:
            if self._reader is None:
                self._reader = sqlite3.connect(self.path)
            row = self._reader.execute("SELECT body FROM entries WHERE key = ?", (key,)).fetchone()
            return None if row is None else self.decode_body(json.loads(zlib.decompress(row[0])))
        except (sqlite3.Error, zlib.error, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, key: str, head: Any, body: Any) -> None:
        """Keep `head` and `body` under `key`, in place of what was kept there."""
        self.used.add(key)
        self._made[key] = (head, body)

    def keep(self) -> None:
        """Write what this build made and drop what it did not ask for; a cache that cannot be
        written is skipped (the next build renders those pages again)."""
        self._close()
        if self.path is None or self._heads is None:
            return  # never asked: nothing to change
        unused = self._heads.keys() - self.used
        if not (self._made or unused):
            return
        rows = [(key, json.dumps(head, separators=(",", ":"), sort_keys=True),
                 zlib.compress(json.dumps(body, separators=(",", ":")).encode(), COMPRESSION))
                for key, (head, body) in sorted(self._made.items())]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self._heads and self.path.exists():
                self.path.unlink()  # another version's, or unreadable: started again
            with _connected(self.path) as connection:
                _create(connection, self.version)
                connection.executemany("DELETE FROM entries WHERE key = ?", ((key,) for key in sorted(unused)))
                connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
            self.path.with_suffix(".json").unlink(missing_ok=True)  # the whole table, as earlier versions kept it
        except (OSError, sqlite3.Error):
            return
        self._heads.update((key, head) for key, (head, _) in self._made.items())
        for key in unused:
            del self._heads[key]
        self._made = {}

    def _read_heads(self) -> dict[str, Any]:
        if self.path is None or not self.path.is_file():
            return {}
        heads = {}
        try:
            with _connected(self.path) as connection:
                (version,) = connection.execute("SELECT version FROM meta").fetchone()
                if version != self.version:
                    return {}
                for key, text in connection.execute("SELECT key, head FROM entries"):
                    try:
                        heads[key] = self.decode_head(json.loads(text))
                    except (ValueError, TypeError, KeyError, AttributeError):
                        continue  # absent: made again, and written over
        except (sqlite3.Error, TypeError, ValueError):
            return {}
        return heads


@contextmanager
def _connected(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that commits what it did on leaving (rolls back on an error), then closes."""
    connection = sqlite3.connect(path)
    try:
        with connection:  # a transaction
            yield connection
    finally:
        connection.close()


def _create(connection: sqlite3.Connection, version: str) -> None:
    connection.execute("CREATE TABLE IF NOT EXISTS meta (version TEXT NOT NULL)")
    connection.execute("CREATE TABLE IF NOT EXISTS entries"
                       " (key TEXT PRIMARY KEY, head TEXT NOT NULL, body BLOB NOT NULL)")
    if connection.execute("SELECT version FROM meta").fetchone() is None:
        connection.execute("INSERT INTO meta VALUES (?)", (version,))
