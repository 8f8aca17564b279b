"""Dates as a text writes them: "OCTOBER 10, 2023", "2023-11-17 09:07:57", "Sat, Oct 28, 2023",
"28.10.2023", "the 24th". Only what is written is read: a day without a month stays one."""

from __future__ import annotations

import re
from datetime import date

from generator.model import StatedDate

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
TIME = re.compile(r"\b[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\b\.?)?|\b[01]?\d\s*[ap]\.?m\b\.?", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]{2,}")
MAX_DATELINE_REST = 8  # words besides the date and time on a dateline or byline


def date_matches(text: str) -> list[re.Match[str]]:
    """Every date written in the text, in text order (the longer of two at one place first)."""
    matches = [m for pattern in DATE_PATTERNS for m in pattern.finditer(text)]
    return sorted(matches, key=lambda m: (m.start(), -len(m.group())))


def date_line(text: str, rest_words: int = MAX_DATELINE_REST) -> StatedDate | None:
    """The complete date of a line that is little more than a date: a dateline, a byline or a
    "Published …" line ("By Ana Silva | 14 March 2024, 09:12")."""
    dates = [d for m in date_matches(text) if (d := from_match(m)) and d.value]
    if not dates:
        return None
    rest = TIME.sub(" ", text)
    for pattern in DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    return dates[0] if len(WORD.findall(rest)) <= rest_words else None


def first_date(text: str, within: int | None = None) -> StatedDate | None:
    """The paragraph's first complete date, else its first date; only among its first words
    when `within` is given."""
    if within is not None:
        text = " ".join(text.split()[:within])
    dates = [d for d in (from_match(m) for m in date_matches(text)) if d]
    return next((d for d in dates if d.value is not None), dates[0] if dates else None)


def from_match(match: re.Match[str]) -> StatedDate | None:
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
