"""The search index, completed with what only the pipeline knows.

mkdocs-material's search plugin indexes the HTML of each page into
`search/search_index.json`, one entry per section. After it has written the file, the
briefing plugin adds to it:
- an `aliases` field on a page's own entry: the other names of the entities the page is
  about, so "coronavirus" finds the COVID-19 page and every brief that mentions COVID-19
  under any of its names. It is indexed like the title and text, never shown;
- tags on a page's own entry only: the theme shows an entry's tags as chips under it, and
  a page's sections repeated them;
- a page's opening text on its own entry: when only excluded content (the link back to the
  list) stands before the title, the theme's parser files the opening (a brief's bottom line)
  under a section of its own, and the page's result would show no text.

The theme inserts an entry's fields into the results as HTML, so what is added here is
HTML-escaped, as the front matter is (markup.front_matter_text).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.render.markup import front_matter_text
from generator.support.atomic import write_atomically

INDEX = Path("search") / "search_index.json"
ALIASES = "aliases"
# Above the text (1) and below the title (1000) in the theme's defaults: a page that names the
# entity in its text still ranks first; one that only links it by another name still appears.
ALIASES_BOOST = 50.0


def complete(site_dir: Path, terms: Mapping[str, tuple[str, ...]]) -> bool:
    """Add `terms` (page location → other names) to the site's search index; False if it has none."""
    path = site_dir / INDEX
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    index["config"]["fields"][ALIASES] = {"boost": ALIASES_BOOST}
    docs: list[dict[str, Any]] = []
    for entry in index["docs"]:
        location = entry["location"]
        page = docs[-1] if docs else None
        if page and _opens(page, entry):
            page["text"] = entry["text"]
            continue
        if "#" in location:
            entry.pop("tags", None)
        elif terms.get(location):
            entry[ALIASES] = " · ".join(front_matter_text(term) for term in terms[location])
        docs.append(entry)
    index["docs"] = docs
    write_atomically(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return True


def _opens(page: dict[str, Any], entry: dict[str, Any]) -> bool:
    """Whether `entry` is the title section of `page`, whose own entry holds no text."""
    return ("#" not in page["location"] and not page["text"].strip()
            and entry["location"].startswith(page["location"] + "#")
            and html.unescape(entry["title"]) == html.unescape(page["title"]))
