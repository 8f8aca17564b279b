"""Lasting memos: functions of one string whose results are kept in the cache between builds.

For work that is slow for each distinct value and the same in every build, such as parsing a
person's name: a corpus's names hardly change from one commit to the next. A `table` is one
whose caller gives the key (a digest of everything the result depends on) and how to make the
result; it keeps only the entries a build asked for, so it does not grow with every edit. `restore` (at the
start of a build) fills each memo from its file in the cache, written by a build of the same
code version; `keep` (at its end) writes a memo that gained entries. A file that is unreadable,
of another version or does not decode is ignored and written again, never trusted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from generator.support.atomic import write_atomically
from generator.support.shelf import Shelf

R = TypeVar("R")


class Lasting:
    """One function's memo: its results by argument, and whether the build added any."""

    def __init__(self, name: str, function: Callable[[str], Any], decode: Callable[[Any], Any],
                 libraries: tuple[str, ...], bounded: bool = False) -> None:
        self.name, self.function, self.decode, self.bounded = name, function, decode, bounded
        self.libraries = _versions(libraries)
        self.results: dict[str, Any] = {}
        self.used: set[str] = set()  # the keys this build asked for (a bounded memo keeps only these)
        self.added = False

    def __call__(self, argument: str) -> Any:
        return self.get(argument, lambda: self.function(argument))

    def find(self, key: str) -> Any | None:
        """The result kept under `key`, if any (a bounded memo keeps it for the next build)."""
        if self.bounded:
            self.used.add(key)
        return self.results.get(key)

    def put(self, key: str, result: Any) -> None:
        """Keep `result` under `key`, in place of what was kept there."""
        if self.bounded:
            self.used.add(key)
        self.results[key] = result
        self.added = True

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        """The result kept under `key`, else make() kept under it."""
        if self.bounded:
            self.used.add(key)
        try:
            return self.results[key]
        except KeyError:
            result = self.results[key] = make()
            self.added = True
            return result


_memos: dict[str, Lasting] = {}
_shelves: dict[str, Shelf] = {}


def lasting(name: str, decode: Callable[[Any], R], libraries: tuple[str, ...] = ()
            ) -> Callable[[Callable[[str], R]], Callable[[str], R]]:
    """Keep `function`'s results between builds under `name`; `decode` makes a result again from
    its JSON form (a tuple from a list) and raises on anything else. The results are kept for the
    code's version and the installed versions of the `libraries` the function calls."""

    def wrap(function: Callable[[str], R]) -> Callable[[str], R]:
        memo = _memos[name] = Lasting(name, function, decode, libraries)
        return memo

    return wrap


def table(name: str, decode: Callable[[Any], Any], libraries: tuple[str, ...] = ()) -> Lasting:
    """A lasting memo whose caller gives each key and how to make its result (`Lasting.get`);
    results are JSON values, and a build keeps only those it asked for."""
    memo = _memos[name] = Lasting(name, _no_function, decode, libraries, bounded=True)
    return memo


def shelf(name: str, decode_head: Callable[[Any], Any], decode_body: Callable[[Any], Any],
          libraries: tuple[str, ...] = ()) -> Shelf:
    """A lasting table too large to read whole in each build (shelf.py): a build reads the
    heads of its entries, and the bodies only of those it takes; kept for the code's version
    and the installed versions of `libraries`."""
    kept = _shelves[name] = Shelf(name, decode_head, decode_body, _versions(libraries))
    return kept


def _versions(libraries: tuple[str, ...]) -> str:
    return ",".join(f"{library}=={metadata.version(library)}" for library in libraries)


def _no_function(key: str) -> Any:
    raise TypeError(f"a table's results are made by its caller (asked for {key!r})")


def restore(folder: Path | None, version: str) -> None:
    """Empty every lasting memo, then fill each from its file in `folder` if `version` wrote it."""
    for kept in _shelves.values():
        kept.restore(folder, version)
    for memo in _memos.values():
        memo.results, memo.added, memo.used = {}, False, set()
        if folder is None:
            continue
        try:
            data = json.loads(_path(folder, memo).read_text(encoding="utf-8"))
            if data["version"] == f"{version}|{memo.libraries}":
                memo.results = {str(key): memo.decode(value) for key, value in data["results"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            memo.results = {}


def keep(folder: Path | None, version: str) -> None:
    """Write each lasting memo that gained entries in this build; a cache that cannot be written is skipped."""
    for kept in _shelves.values():
        kept.keep()
    for memo in _memos.values():
        results = {key: memo.results[key] for key in sorted(memo.used)} if memo.bounded else memo.results
        if folder is None or not (memo.added or len(results) < len(memo.results)):
            continue
        data = {"version": f"{version}|{memo.libraries}", "results": results}
        try:
            write_atomically(_path(folder, memo), json.dumps(data, separators=(",", ":"), sort_keys=True).encode())
        except OSError:
            continue
        memo.added = False


def _path(folder: Path, memo: Lasting) -> Path:
    return folder / f"{memo.name}.json"
