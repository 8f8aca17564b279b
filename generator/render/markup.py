"""Markup: article text made safe to place in a page.

Everything an article says reaches the page as text, by one of two doors:
- the Markdown body: characters that Markdown, HTML, attribute lists or templates would
  read as syntax become numeric character references (`escape`), which Markdown passes
  through and the browser shows as the character itself;
- the front matter, which mkdocs-material prints *raw* into its own HTML (the `<title>`,
  the header, `<meta name="description">`, tag chips, the tags page) and into the search
  index, whose results it inserts as HTML: every value is HTML-escaped, quotes included
  (`front_matter_text`), so it is text in an element and cannot end an attribute.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import quote

from generator.support.memo import MANY, memo

# Inline syntax anywhere in a line: emphasis, code, links, HTML, entities, attribute lists,
# tables, template braces.
INLINE = frozenset("\\`*_{}[]<>&|~^")
# Block syntax that only counts at the start of a line: headings, quotes, lists, rules,
# fences, admonitions, definition lists.
LINE_START = frozenset("#>+-=.)0123456789:!|~`%")
ENTITY_OF = {c: f"&#{ord(c)};" for c in INLINE | LINE_START}
ESCAPE_INLINE = str.maketrans({c: ENTITY_OF[c] for c in INLINE})
HAS_INLINE = re.compile("[" + re.escape("".join(sorted(INLINE))) + "]")  # most text has none


class Markdown(str):
    """Text already made safe as Markdown by this module; templates insert it as is."""


def escape(text: object) -> Markdown:
    """Any text as Markdown that renders to exactly that text (whitespace collapsed)."""
    if isinstance(text, Markdown):
        return text
    return _escape_text(str(text))


@memo(MANY)  # names and titles are printed again on every page that lists them
def _escape_text(text: str) -> Markdown:
    return Markdown(_escape(" ".join(text.split()), line_start=True))


def front_matter_text(text: object) -> str:
    """Text for a front matter value that the theme prints raw: HTML-escaped, on one line."""
    return html.escape(" ".join(str(text).split()), quote=True)


# Characters a URL may keep as they are; everything else (quotes, spaces, brackets, angle
# brackets, backslashes, backticks) is percent-encoded, so the URL cannot end the link or
# the attribute it is written into.
URL_SAFE = ":/?#@!$&'*+,;=%~-._"


def safe_url(url: str) -> str | None:
    """An http(s) address from an article, percent-encoded for a link; None for any other scheme."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    return quote(url, safe=URL_SAFE)


def link(label: object, url: str, title: str = "") -> Markdown:
    """A Markdown link; the url must come from the generator, never from an article."""
    hint = f' "{escape(title)}"' if title else ""
    return Markdown(f"[{escape(label)}]({url}{hint})")


def paragraph_link(number: int, target: str) -> Markdown:
    """The ¶ link from a sentence to its paragraph; search results leave it out."""
    return Markdown(f'{link(f"¶ {number}", target, "Open the paragraph")}{{ data-pagefind-ignore="" }}')


def text_with_links(text: str, spans: Iterable[tuple[int, int, str]]) -> Markdown:
    """Escape one line of `text`, turning each (start, end, url) span into a link."""
    out, position = [], 0
    for start, end, url in sorted(spans):
        if start < position or start >= end:
            continue  # overlapping or empty spans: the first wins
        before = _escape(text[position:start], line_start=position == 0)
        if before.endswith("!"):  # "!" then "[…](…)" would be an image
            before = before[:-1] + ENTITY_OF["!"]
        out.append(before)
        out.append(link(text[start:end], url))
        position = end
    out.append(_escape(text[position:], line_start=position == 0))
    return Markdown(" ".join("".join(out).split()))


def _escape(text: str, line_start: bool) -> str:
    escaped = text.translate(ESCAPE_INLINE) if HAS_INLINE.search(text) else text
    if line_start and text and text[0] in LINE_START and text[0] not in INLINE:
        return ENTITY_OF[text[0]] + escaped[1:]
    return escaped
