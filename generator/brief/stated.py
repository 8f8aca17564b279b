"""Dates and sources: from the front matter, else as the text states them, else "not stated".

Nothing is guessed: a day without a month stays a day without a month.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from generator.model import Article, StatedDate, StatedSource

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
# Capitalised only, so that the verb "may" is never a month.
MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b"),
    re.compile(rf"\b{MONTH}\s+{DAY}(?:,?\s+{YEAR})?\b"),
    re.compile(r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b", re.IGNORECASE),
]
AGENCIES = ("Reuters", "AP", "AFP", "Xinhua", "Kyodo", "Bloomberg", "dpa", "Yonhap", "PTI", "ANSA", "EFE", "TASS")
DATELINE = re.compile(r"^[A-Z][\w .,'-]{1,40}\((?P<agency>" + "|".join(AGENCIES) + r")\)\s*[-–—]")
SOURCE_LINE = re.compile(r"^(?:source|via)\s*[:：]\s*(?P<name>.{2,80})$", re.IGNORECASE)
LEAD_PARAGRAPHS = 3


def stated_date(article: Article) -> StatedDate:
    """The article's date: front matter, else the first date its opening states."""
    if article.source.front.date is not None:
        when = article.source.front.date
        return StatedDate(when.isoformat(), when, "front matter")
    for paragraph in article.paragraphs[:LEAD_PARAGRAPHS]:
        found = _first_date(paragraph.text)
        if found is not None:
            return found
    return StatedDate("not stated", None, "none")


def stated_source(article: Article) -> StatedSource:
    """The article's source: front matter, else an agency or source line in the text."""
    front = article.source.front
    if front.source:
        return StatedSource(front.source, front.url, "front matter")
    if front.url:
        return StatedSource(urlsplit(front.url).hostname or front.url, front.url, "front matter")
    for paragraph in (*article.paragraphs[:LEAD_PARAGRAPHS], *article.paragraphs[-LEAD_PARAGRAPHS:]):
        line = SOURCE_LINE.match(paragraph.text)
        if line:
            return StatedSource(line.group("name").strip(" ."), None, "text")
        dateline = DATELINE.match(paragraph.text)
        if dateline:
            return StatedSource(dateline.group("agency"), None, "text")
    return StatedSource("not stated", None, "none")


def _first_date(text: str) -> StatedDate | None:
    matches = [m for pattern in DATE_PATTERNS for m in pattern.finditer(text)]
    for match in sorted(matches, key=lambda m: (m.start(), -len(m.group()))):
        found = _from_match(match)
        if found is not None:
            return found
    return None


def _from_match(match: re.Match[str]) -> StatedDate | None:
    parts = match.groupdict()
    day = int(parts["day"])
    month_text = parts.get("month")
    month = (int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]) if month_text else None
    year = int(parts["year"]) if parts.get("year") else None
    if not 1 <= day <= 31:
        return None
    if month and year:
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        return StatedDate(f"{when.isoformat()} (from the text)", when, "text")
    if month:
        return StatedDate(f"{day} {_month_name(month)}, year not stated", None, "text")
    return StatedDate(f"{match.group().strip()}, month and year not stated", None, "text")


def _month_name(month: int) -> str:
    return MONTH_NAMES[month - 1]
