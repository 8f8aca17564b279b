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
# Capitalised or in capitals ("OCTOBER 10, 2023"), never in lower case: the verb "may" is no month.
MONTH = r"(?P<month>" + "|".join(sorted((f(m) for m in MONTHS for f in (str.capitalize, str.upper)),
                                        key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>[01]\d)[-/](?P<day>[0-3]\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b"),
    re.compile(rf"\b{MONTH}\s+{DAY}(?:,?\s+{YEAR})?\b"),
    re.compile(r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b", re.IGNORECASE),
]
AGENCIES = ("Reuters", "AP", "AFP", "Xinhua", "Kyodo", "Bloomberg", "dpa", "Yonhap", "PTI", "ANSA", "EFE", "TASS")
DATELINE = re.compile(r"^[A-Z][\w .,'-]{1,40}\((?P<agency>" + "|".join(AGENCIES) + r")\)\s*[-–—]")
SOURCE_LINE = re.compile(r"^(?:source|via)\s*[:：]\s*(?P<name>.{2,80})$", re.IGNORECASE)
NEXT_LABEL = re.compile(r"\s+\w+\s*[:：]")
LEAD_PARAGRAPHS = 3  # where a date without its year, a dateline or a source line may stand
TOP_PARAGRAPHS = 8  # where a complete date (a dateline, a byline, a "Published" line) is looked for
MAX_DATELINE_WORDS = 15


def stated_date(article: Article) -> StatedDate:
    """The article's date: front matter, else the first complete date near the top, else the first
    date the opening states, however partial. A complete date beats a partial one: "On the 24th"
    in the lead does not hide a dateline's "28 October 2023" below it."""
    if article.source.front.date is not None:
        when = article.source.front.date
        return StatedDate(when.isoformat(), when, "front matter")
    found = [_first_date(p.text) for p in article.paragraphs[:TOP_PARAGRAPHS]]
    # beyond the lead, only a short line (a dateline, a byline, "Published …") dates the article:
    # a date in running text is one the story talks about
    short = [f if len(p.text.split()) <= MAX_DATELINE_WORDS else None for f, p in zip(found, article.paragraphs)]
    complete = next((f for f in short if f is not None and f.value is not None), None)
    # in running text, only the lead's opening dates the article ("On 21 April, …")
    partial = next((f for f in found[:LEAD_PARAGRAPHS] if f is not None), None)
    return complete or partial or StatedDate("not stated", None, "none")


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
            # "Source: Xinhua Editor: Zhu Qing": the source ends where the next label begins
            name = NEXT_LABEL.split(line.group("name"))[0]
            return StatedSource(name.strip(" ."), None, "text")
        dateline = DATELINE.match(paragraph.text)
        if dateline:
            return StatedSource(dateline.group("agency"), None, "text")
    if article.site_name:
        return StatedSource(article.site_name, None, "text")
    return StatedSource("not stated", None, "none")


def _first_date(text: str) -> StatedDate | None:
    """The paragraph's first complete date, else its first date."""
    matches = [m for pattern in DATE_PATTERNS for m in pattern.finditer(text)]
    dates = [d for d in (_from_match(m) for m in sorted(matches, key=lambda m: (m.start(), -len(m.group())))) if d]
    return next((d for d in dates if d.value is not None), dates[0] if dates else None)


def _from_match(match: re.Match[str]) -> StatedDate | None:
    parts = match.groupdict()
    day = int(parts["day"])
    month_text = parts.get("month")
    month = (int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]) if month_text else None
    if month is not None and not 1 <= month <= 12:
        return None
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
