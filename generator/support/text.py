"""Text: words, numbers and stems, the same for every stage that counts them.

Two kinds of word, named for what they hold: `WORD` takes digits as word characters
("G7", "2020"), for counting and comparing text; `LETTER_WORD` takes letters only, for
telling whether a name is also written as a common word.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from generator.support.memo import MANY, memo

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # a number as written: 40, 1,200, 3.5
DIGIT = re.compile(r"\d")
STEM_SUFFIXES = ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s")
MIN_STEM = 3  # letters a stem keeps


def content_words(text: str) -> list[str]:
    """Lower-cased words without stop words, lightly stemmed."""
    return [stem(w) for w in (m.lower() for m in WORD.findall(text)) if w not in STOP_WORDS and len(w) > 1]


@memo(MANY)  # a corpus has far fewer distinct words than words
def stem(word: str) -> str:
    """A light stem that joins a word's plural and verb forms ("cuts", "cut"; "agreed", "agree")."""
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def quotation_open(text: str) -> bool:
    """Whether a quotation opened in the text is still open at its end."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1
