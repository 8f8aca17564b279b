"""Dates and sources: from the front matter, else as the text states them, else "not stated"."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.brief.dates import stated_date
from generator.clean.publisher import copyright_holder
from generator.model import Article, StatedSource

__all__ = ["stated_date", "stated_source"]

AGENCIES = ("Reuters", "AP", "AFP", "Xinhua", "Kyodo", "Bloomberg", "dpa", "Yonhap", "PTI", "ANSA", "EFE", "TASS")
DATELINE = re.compile(r"^[A-Z][\w .,'-]{1,40}\((?P<agency>" + "|".join(AGENCIES) + r")\)\s*[-–—]")
SOURCE_LINE = re.compile(r"^(?:source|via)\s*[:：]\s*(?P<name>.{2,80})$", re.IGNORECASE)
NEXT_LABEL = re.compile(r"\s+\w+\s*[:：]")
EDGE_PARAGRAPHS = 3  # where a dateline or a source line may stand, at either end of the article


def stated_source(article: Article) -> StatedSource:
    """The article's source: front matter, else an agency or source line in the text."""
    front = article.source.front
    if front.source:
        return StatedSource(front.source, front.url, "front matter")
    if front.url:
        return StatedSource(urlsplit(front.url).hostname or front.url, front.url, "front matter")
    edges = (*article.header[-EDGE_PARAGRAPHS:], *(p.text for p in article.paragraphs[:EDGE_PARAGRAPHS]),
             *(p.text for p in article.paragraphs[-EDGE_PARAGRAPHS:]), *article.footer[:EDGE_PARAGRAPHS])
    for text in edges:
        line = SOURCE_LINE.match(text)
        if line:
            # "Source: Xinhua Editor: Zhu Qing": the source ends where the next label begins
            name = NEXT_LABEL.split(line.group("name"))[0]
            return StatedSource(name.strip(" ."), None, "text")
        dateline = DATELINE.match(text)
        if dateline:
            return StatedSource(dateline.group("agency"), None, "text")
    if article.site_name:
        return StatedSource(article.site_name, None, "text")
    holder = next((name for text in reversed(article.footer) if (name := copyright_holder(text))), None)
    if holder:
        return StatedSource(holder, None, "text")
    return StatedSource("not stated", None, "none")
