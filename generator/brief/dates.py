"""The article's date: from the front matter, else as the text states it, else "not stated".

Nothing is guessed: a day without a month stays a day without a month, and a date the story
talks about is not the story's.
"""

from __future__ import annotations

import re
from datetime import date

from generator.model import Article, StatedDate

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
YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>[01]\d)[-/](?P<day>[0-3]\d)(?:\b|(?=T\d))"),
    # 11/19/2019 (US) or 19/11/2019: read only when the order is plain, one number past 12
    re.compile(r"\b(?P<either>[0-3]?\d)/(?P<other>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b"),
    re.compile(rf"\b{MONTH}\s+{DAY}(?:,?\s+{YEAR})?\b"),
    re.compile(r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b", re.IGNORECASE),
]
LEAD_PARAGRAPHS = 3  # where a date without its year may stand
TOP_PARAGRAPHS = 8  # where a complete date (a dateline, a byline, a "Published" line) is looked for
MAX_DATELINE_WORDS = 15  # a date this near the head of a line is a dateline's
HEADER_LINES = 8  # lines of the page above the article where its dateline may stand
NEAR_LINES = 2  # a byline this near the article is its own, whatever else stands above
FOOTER_LINES = 3  # lines below it where a "First published" line may
MAX_DATELINE_REST = 8  # words besides the date and time on a dateline or byline
PUBLISHED = re.compile(r"\b(?:publish(?:ed)?|posted|written|created|issued)\b", re.IGNORECASE)
TIME = re.compile(r"\b[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\b\.?)?|\b[01]?\d\s*[ap]\.?m\b\.?", re.IGNORECASE)
CREDIT = re.compile(r"\W*(?:source|photo|image|picture|credit|caption)s?\b", re.IGNORECASE)  # a picture's date
BYLINE_CUE = re.compile(r"\b(?:(?i:published|publish date|posted|updated|written)|By)\b")
CUE_WORDS = 5  # a byline's cue is this near its date
WORD = re.compile(r"[^\W\d_]{2,}")


def stated_date(article: Article) -> StatedDate:
    """The article's date: front matter, else the dateline or byline date near the top, else the
    first date the opening states, however partial. A complete date beats a partial one: "On the
    24th" in the lead does not hide a dateline's "28 October 2023" below it."""
    if article.source.front.date is not None:
        when = article.source.front.date
        return StatedDate(when.isoformat(), when, "front matter")
    complete = _above(article.header[-HEADER_LINES:]) or _at_the_top(article) or _below(article.footer[:FOOTER_LINES])
    # else the lead's first date: a partial one anywhere in it ("… arrived on the 24th"), a
    # complete one only at its opening ("On 21 April 2023, …"): further in, it is an event's
    lead = [_first_date(p.text, within=MAX_DATELINE_WORDS) or _partial_date(p.text)
            for p in article.paragraphs[:LEAD_PARAGRAPHS]]
    partial = next((f for f in lead if f is not None), None)
    return complete or partial or StatedDate("not stated", None, "none")


def _above(lines: tuple[str, ...]) -> StatedDate | None:
    """The date of the dateline or byline above the article: one that says it is the publication's,
    else the nearest, on a line of its own or ending the headline's line (a copied page runs them
    together). Date lines there that date different days are a list (related stories, each with
    its date, or a masthead's "today") and date nothing unless one says it is the publication's."""
    lines = tuple(text for text in lines if not CREDIT.match(text))
    found = [(text, when) for text in lines if (when := _date_line(text)) is not None]
    published = next((when for text, when in found if PUBLISHED.search(text)), None)
    if published is not None or len({when.value for _, when in found}) > 1:
        return published
    near = lines[-NEAR_LINES:][::-1]
    glued = [when for text in lines if (when := _glued(text)) is not None]
    cued = [when for text in lines if (when := _cued(text)) is not None]
    candidates = (*(_date_line(text) for text in near), *(_glued(text) for text in near),
                  found[-1][1] if found else None, cued[-1] if cued else None, glued[0] if len(glued) == 1 else None)
    return next((when for when in candidates if when is not None), None)


def _glued(text: str) -> StatedDate | None:
    """A complete date at the head or the tail of a line that runs on (a menu, the masthead, the
    headline and its byline copied together)."""
    words = text.split()
    found = _first_date(" ".join(words[-MAX_DATELINE_WORDS:])) or _first_date(" ".join(words[:MAX_DATELINE_WORDS]))
    return found if found is not None and found.value is not None else None


def _at_the_top(article: Article) -> StatedDate | None:
    """A date line among the first paragraphs (or set aside between them), or a dateline glued to
    the head of one ("WASHINGTON, OCTOBER 10, 2023 — …"); a date further into running text is one
    the story talks about."""
    lines = sorted([*((p.index - 1, 1, p.text) for p in article.paragraphs[:TOP_PARAGRAPHS]),
                    *((above, 0, text) for above, text in article.asides if above < TOP_PARAGRAPHS)])
    for _, _, text in lines:
        if CREDIT.match(text):
            continue
        found = _date_line(text) or _first_date(text, within=MAX_DATELINE_WORDS)
        if found is not None and found.value is not None:
            return found
    return None


def _cued(text: str) -> StatedDate | None:
    """A complete date a few words after "By …" or "Published" anywhere in a line that runs on
    ("… Author: The Water Coolest Publish date: Nov 18, 2019 T-Swift is …")."""
    for match in sorted((m for pattern in DATE_PATTERNS for m in pattern.finditer(text)), key=lambda m: m.start()):
        when = _from_match(match)
        before = " ".join(text[:match.start()].split()[-CUE_WORDS:])
        if when is not None and when.value is not None and BYLINE_CUE.search(before):
            return when
    return None


def _below(lines: tuple[str, ...]) -> StatedDate | None:
    """A "First published on …" or "Written by … on …" line just below the article."""
    return next((when for text in lines if PUBLISHED.search(text) and (when := _date_line(text))), None)


def _date_line(text: str) -> StatedDate | None:
    """The complete date of a line that is little more than a date: a dateline, a byline or a
    "Published …" line ("By Ana Silva | 14 March 2024, 09:12")."""
    matches = [m for pattern in DATE_PATTERNS for m in pattern.finditer(text)]
    dates = [d for m in sorted(matches, key=lambda m: m.start()) if (d := _from_match(m)) and d.value]
    if not dates:
        return None
    rest = TIME.sub(" ", text)
    for pattern in DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    return dates[0] if len(WORD.findall(rest)) <= MAX_DATELINE_REST else None


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
    if parts.get("either"):
        first, second = int(parts["either"]), int(parts["other"])
        if (first <= 12) == (second <= 12) and first != second:
            return None  # 05/11/2019: May or November?
        parts = {"year": parts["year"], "month": str(min(first, second)), "day": str(max(first, second))}
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
