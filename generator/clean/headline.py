"""Which line of a copied page is its headline, when the first line is not one.

A page copied from the browser may open with a date ("Friday, October 27, 2023"), a menu word
("IMPRINT"), the site's name ("Department of State") or a greeting with a language switcher
("Welcome to … 简体中文"). The headline then stands just above the article, and the first line, if
it names the site, is the publisher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from generator.clean.publisher import FOOTER_WITHIN, copyright_holder
from generator.support.dates import date_line
from generator.support.text import WORD

MENU_WORDS = 2  # a line of one or two words is a menu word or a section's name, not a headline
MAX_HEADLINE_WORDS = 30
MAX_MASTHEAD_WORDS = 6  # a site's name on the first line is short
HEADLINE_ABOVE = 12  # lines above the article where its headline may stand
LEAD_PARAGRAPHS = 3
CRUMB = re.compile(r"\s(?:>|/|»|›|\||•)\s")
BYLINE = re.compile(r"(?i:by|posted|published|updated)\b")
SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s")  # "… parasites. Read Later", not "U.S. troops"
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def headline(title: str, header: Sequence[str], paragraphs: Sequence[str], footer: Sequence[str],
             site_name: str | None) -> tuple[str, str | None]:
    """(the headline, the site's name) of a page whose first line was taken for its title;
    `paragraphs`: the article's, in order."""
    names = {line_key(name) for name in (site_name, *(copyright_holder(text) for text in footer[-FOOTER_WITHIN:]))
             if name}
    names |= {line_key(text) for text in footer[-FOOTER_WITHIN:] if len(text.split()) <= MAX_MASTHEAD_WORDS}
    if is_headline(title, names):
        return title, site_name
    # the headline above the article is about what the article's opening is about
    lead = _topic(" ".join(paragraphs[:LEAD_PARAGRAPHS]))
    above = reversed(header[-HEADLINE_ABOVE:])
    candidates = [(len(_topic(text) & lead), -distance, text) for distance, text in enumerate(above)
                  if is_headline(text, names) and _could_head(text, names)]
    best = max(candidates, default=None)
    if best is None or best[0] == 0:
        return title, site_name
    masthead = (1 < len(title.split()) <= MAX_MASTHEAD_WORDS
                and date_line(title, rest_words=2) is None and not _switches_language(title))
    return best[2], site_name or (title if masthead else None)


def is_headline(text: str, site_names: set[str]) -> bool:
    """A first line that can be the headline: a few words to a sentence, not a date, a byline,
    the site's own name (nor a masthead's few words in capitals) or a language switcher."""
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    masthead = len(words) <= MAX_MASTHEAD_WORDS and bool(letters) and all(c.isupper() for c in letters)
    return (MENU_WORDS < len(words) <= MAX_HEADLINE_WORDS and not masthead
            and date_line(text, rest_words=2) is None
            and not BYLINE.match(text)
            and line_key(text) not in site_names
            and not _switches_language(text))


def _could_head(text: str, site_names: set[str]) -> bool:
    """A line above the article that can head it: no sentence of the article (a headline ends
    without a full stop), no breadcrumb, no credit naming the site."""
    key = line_key(text)
    return (not text.rstrip().endswith(".") and not SENTENCE_END.search(text) and len(CRUMB.findall(text)) < 2
            and not any(name in key for name in site_names))


def _topic(text: str) -> set[str]:
    return {w for w in (m.lower() for m in WORD.findall(text)) if w not in STOP_WORDS and len(w) > 2}


def _switches_language(text: str) -> bool:
    """A line in Latin letters that ends in a run of another script names a language to switch to."""
    words = text.split()
    if len(words) < 2 or LATIN_LETTER.search(words[-1]) or not any(c.isalpha() for c in words[-1]):
        return False
    letters = [c for c in " ".join(words[:-1]) if c.isalpha()]
    return bool(letters) and sum(bool(LATIN_LETTER.match(c)) for c in letters) / len(letters) > 0.7


def line_key(text: str) -> str:
    """A line as compared with others: case and spacing aside."""
    return " ".join(text.casefold().split())
