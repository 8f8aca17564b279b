"""Language: whether an article is written in English, the only language the model knows."""

from __future__ import annotations

import re

from generator.model import Article

LETTER = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
SAMPLE_PARAGRAPHS = 5  # the opening is enough to tell the language
SAMPLE_CHARACTERS = 2000
MAX_NON_LATIN_SHARE = 0.4  # of the letters: beyond it, the text is not in a Latin script


def looks_english(article: Article) -> bool:
    """Mostly Latin letters: the language model only knows English."""
    sample = " ".join(p.text for p in article.paragraphs[:SAMPLE_PARAGRAPHS])[:SAMPLE_CHARACTERS]
    if sample.isascii():
        return True
    letters = len(LETTER.findall(sample))
    return len(NON_LATIN_LETTER.findall(sample)) <= MAX_NON_LATIN_SHARE * letters
