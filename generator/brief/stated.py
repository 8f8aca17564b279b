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
MAX_DATELINE_WORDS = 15  # a date this near the head of a line is a dateline's
HEADER_LINES = 3  # lines of the page above the article where its dateline may stand


def stated_date(article: Article) -> StatedDate:
    """The article's date: front matter, else the first complete date near the top, else the first
    date the opening states, however partial. A complete date beats a partial one: "On the 24th"
    in the lead does not hide a dateline's "28 October 2023" below it."""
    if article.source.front.date is not None:
        when = article.source.front.date
        return StatedDate(when.isoformat(), when, "front matter")
    # A dateline, a byline or a "Published …" line dates the article: alone, glued to the head
    # of the lead, or, in a copied page where the headline and byline run together, at the end
    # of a line just above the article. A date further into running text is one the story talks
    # about. Above the article, dates on more than one line are a list (related stories, each
    # with its date) and date nothing.
    above = [_first_date(" ".join(text.split()[-MAX_DATELINE_WORDS:])) or _first_date(text, within=MAX_DATELINE_WORDS)
             for text in article.header[-HEADER_LINES:]]
    above = [f for f in above if f is not None and f.value is not None]
    heads = [_first_date(p.text, within=MAX_DATELINE_WORDS) for p in article.paragraphs[:TOP_PARAGRAPHS]]
    complete = next((f for f in (*(above if len(above) == 1 else ()), *heads) if f is not None and f.value), None)
    # else the lead's first date: a partial one anywhere in it ("… arrived on the 24th"), a
    # complete one only at its opening ("On 21 April 2023, …"): further in, it is an event's
    lead = [_first_date(p.text, within=MAX_DATELINE_WORDS) or _partial_date(p.text)
            for p in article.paragraphs[:LEAD_PARAGRAPHS]]
    partial = next((f for f in lead if f is not None), None)
    return complete or partial or StatedDate("not stated", None, "none")


def stated_source(article: Article) -> StatedSource:
    """The article's source: front matter, else an agency or source line in the text."""
    front = article.source.front
    if front.source:
        return StatedSource(front.source, front.url, "front matter")
    if front.url:
        return StatedSource(urlsplit(front.url).hostname or front.url, front.url, "front matter")
    edges = (*article.header[-LEAD_PARAGRAPHS:], *(p.text for p in article.paragraphs[:LEAD_PARAGRAPHS]),
             *(p.text for p in article.paragraphs[-LEAD_PARAGRAPHS:]), *article.footer[:LEAD_PARAGRAPHS])
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
    return StatedSource("not stated", None, "none")


def _first_date(text: str, within: int | None = None) -> StatedDate | None:
    """The paragraph's first complete date, else its first date; only among its first words
    when `within` is given."""
    if within is not None:
        text = " ".join(text.split()[:within])
    matches = [m for pattern in DATE_PATTERNS for m in pattern.finditer(text)]
    dates = [d for d in (_from_match(m) for m in sorted(matches, key=lambda m: (m.start(), -len(m.group())))) if d]
    return next((d for d in dates if d.value is not None), dates[0] if dates else None)


def _partial_date(text: str) -> StatedDate | None:
    found = _first_date(text)
    return found if found is not None and found.value is None else None


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
