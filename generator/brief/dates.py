"""The article's date: from the front matter, else as the text states it, else "not stated".

Nothing is guessed: a day without a month stays a day without a month, and a date the story
talks about is not the story's.
"""

from __future__ import annotations

import re

from generator.model import Article, StatedDate
from generator.support.dates import date_line, date_matches, first_date, from_match

LEAD_PARAGRAPHS = 3  # where a date without its year may stand
TOP_PARAGRAPHS = 8  # where a complete date (a dateline, a byline, a "Published" line) is looked for
MAX_DATELINE_WORDS = 15  # a date this near the head of a line is a dateline's
OPENING_WORDS = 4  # a partial date among a paragraph's first words opens it: "On Tuesday 21 April,"
OPENED_BY_DATE = re.compile(r"(?:on\s+)?(?:\w+day,?\s+)?", re.IGNORECASE)  # what may stand before it
HEADER_LINES = 8  # lines of the page above the article where its dateline may stand
NEAR_LINES = 2  # a byline this near the article is its own, whatever else stands above
FOOTER_LINES = 3  # lines below it where a "First published" line may
PUBLISHED = re.compile(r"\b(?:publish(?:ed)?|posted|written|created|issued)\b", re.IGNORECASE)
CREDIT = re.compile(r"\W*(?:source|photo|image|picture|credit|caption)s?\b", re.IGNORECASE)  # a picture's date
BYLINE_CUE = re.compile(r"\b(?:(?i:published|publish date|posted|updated|written)|By)\b")
CUE_WORDS = 5  # a byline's cue is this near its date


def stated_date(article: Article) -> StatedDate:
    """The article's date: front matter, else the dateline or byline date near the top, else the
    first date the opening states, however partial. A complete date beats a partial one: "On the
    24th" in the lead does not hide a dateline's "28 October 2023" below it."""
    if article.source.front.date is not None:
        when = article.source.front.date
        return StatedDate(when.isoformat(), when, "front matter")
    complete = _above(article.header[-HEADER_LINES:]) or _at_the_top(article) or _below(article.footer[:FOOTER_LINES])
    # else the lead's first date: a complete one near its opening ("On 21 April 2023, …"), a
    # partial one only as its first words ("On the 24th, …"): further in, it is an event's
    lead = [_lead_date(p.text) for p in article.paragraphs[:LEAD_PARAGRAPHS]]
    partial = next((f for f in lead if f is not None), None)
    return complete or partial or StatedDate("not stated", None, "none")


def _above(lines: tuple[str, ...]) -> StatedDate | None:
    """The date of the dateline or byline above the article: one that says it is the publication's,
    else the nearest, on a line of its own or ending the headline's line (a copied page runs them
    together). Date lines there that date different days are a list (related stories, each with
    its date, or a masthead's "today") and date nothing unless one says it is the publication's."""
    lines = tuple(text for text in lines if not CREDIT.match(text))
    dated = [date_line(text) for text in lines]
    found = [(text, when) for text, when in zip(lines, dated) if when is not None]
    published = next((when for text, when in found if PUBLISHED.search(text)), None)
    if published is not None or len({when.value for _, when in found}) > 1:
        return published
    glued = [_glued(text) for text in lines]
    cued = [when for text in lines if (when := _cued(text)) is not None]
    once = [when for when in glued if when is not None]
    candidates = (*dated[-NEAR_LINES:][::-1], *glued[-NEAR_LINES:][::-1],  # the nearest lines first
                  found[-1][1] if found else None, cued[-1] if cued else None, once[0] if len(once) == 1 else None)
    return next((when for when in candidates if when is not None), None)


def _glued(text: str) -> StatedDate | None:
    """A complete date at the head or the tail of a line that runs on (a menu, the masthead, the
    headline and its byline copied together)."""
    words = text.split()
    found = first_date(" ".join(words[-MAX_DATELINE_WORDS:])) or first_date(" ".join(words[:MAX_DATELINE_WORDS]))
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
        found = date_line(text) or first_date(text, within=MAX_DATELINE_WORDS)
        if found is not None and found.value is not None:
            return found
    return None


def _cued(text: str) -> StatedDate | None:
    """A complete date a few words after "By …" or "Published" anywhere in a line that runs on
    ("… Author: The Water Coolest Publish date: Nov 18, 2019 T-Swift is …")."""
    for match in date_matches(text):
        when = from_match(match)
        before = " ".join(text[:match.start()].split()[-CUE_WORDS:])
        if when is not None and when.value is not None and BYLINE_CUE.search(before):
            return when
    return None


def _below(lines: tuple[str, ...]) -> StatedDate | None:
    """A "First published on …" or "Written by … on …" line just below the article."""
    return next((when for text in lines if PUBLISHED.search(text) and (when := date_line(text))), None)


def _lead_date(text: str) -> StatedDate | None:
    """A complete date among a lead paragraph's first words, else a partial one that opens it
    ("On 21 April, the ministers spoke"); further in, a day the story talks about ("left the firm
    on 31 December", "the Budget on 16 March") is an event's, not the story's."""
    found = first_date(text, within=MAX_DATELINE_WORDS)
    if found is not None and found.value is not None:
        return found
    opening = " ".join(text.split()[:OPENING_WORDS])
    matches = date_matches(opening)
    if not matches or not OPENED_BY_DATE.fullmatch(opening[:matches[0].start()]):
        return None  # "From 1 January, a new law …": a day the story speaks of
    return from_match(matches[0])
