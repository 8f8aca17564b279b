"""Saved web pages: the article inside an HTML page, with what the page says about it.

trafilatura finds the article's text and the page's metadata (title, date with htmldate,
site name, author, canonical address, language); this module turns its reading into the
body and front matter the rest of the pipeline knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import lxml.html
import trafilatura

HTML_SUFFIXES = (".html", ".htm")
# Less than both is a list of links or a notice, not an article (characters count for scripts
# written without spaces between words).
MIN_ARTICLE_WORDS = 25
MIN_ARTICLE_CHARACTERS = 200


@dataclass(frozen=True)
class SavedPage:
    """What a saved page holds: the article's paragraphs and the page's own metadata."""

    body: str  # paragraphs separated by blank lines
    title: str | None
    date: date | None
    site_name: str | None
    author: str | None
    url: str | None
    language: str | None
    description: str | None


def read_page(html: str) -> SavedPage | None:
    """The article of a saved web page, or None when the page holds none (an index, a login wall)."""
    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if document is None:
        return None
    found = document if isinstance(document, dict) else document.as_dict()
    paragraphs = [" ".join(line.split()) for line in (found.get("text") or "").splitlines() if line.strip()]
    title = found.get("title") or ""
    if paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the headline, which the brief shows as its title
    words, characters = sum(len(p.split()) for p in paragraphs), sum(len(p) for p in paragraphs)
    if words < MIN_ARTICLE_WORDS and characters < MIN_ARTICLE_CHARACTERS:
        return None

    def field(name: str) -> str | None:
        value = found.get(name)
        return " ".join(value.split()) or None if isinstance(value, str) else None

    url = field("url")
    return SavedPage("\n\n".join(paragraphs), field("title"), _date(field("date")), field("sitename"), field("author"),
                url if url and url.lower().startswith(("http://", "https://")) else None,
                field("language") or _declared_language(html), field("description"))


def _declared_language(html: str) -> str | None:
    """The page's `<html lang>`, as a primary language tag ("en" of "en-GB")."""
    try:
        declared = lxml.html.fromstring(html).get("lang") or ""
    except (ValueError, lxml.etree.ParserError):
        return None
    return declared.split("-")[0].strip().lower() or None


def _same(paragraph: str, title: str) -> bool:
    return " ".join(paragraph.casefold().split()) == " ".join(title.casefold().split())


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
