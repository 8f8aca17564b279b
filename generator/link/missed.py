"""Names the language model missed in one article but found in others.

The model reads each article alone: "Raj Chohan" is a person in three reports of her death and
nothing in the fourth; "Jaguars" a team in one match report and unlabelled in the next. Once the
corpus has seen a name, each article's sentences are searched for it and an occurrence the model
gave no name becomes a mention, cleaned like the model's own (brief.mentions.clean_name), of the
kind most of the corpus gives that name.

A name is looked for when it opens on a capital (not the model's "a Conservative Party"): a
longer name once the model found it, one word when it found it twice and the texts do not also
write it in lower case (corpus.common_words).

What a brief gains depends on its sentences, its mentions and the known names that start with
one of its words: kept in the cache under a digest of the three, so a commit searches again only
the briefs it changed and those that write a name it added or gave another kind.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import astuple, replace
from typing import Any

from generator.brief.mentions import clean_name
from generator.model import KINDS, Brief, EntityMention, Kind
from generator.support.lasting import table
from generator.support.memo import MANY, memo

SEEN = 2  # mentions of a one-word name in the corpus before it is looked for elsewhere
WORD = re.compile(r"[^\s\"“”‘(\[]+")
EDGE = ".,;:!?’'\")]”"
POSSESSIVE = ("'s", "’s")
INITIALS = re.compile(r"(?:[A-Za-z]\.)+")  # "U.S.": its last full stop is its own


def add_missed_mentions(briefs: Sequence[Brief], common: Collection[str]) -> list[Brief]:
    """The briefs, each with the mentions its model missed of names the corpus knows."""
    kinds: dict[str, Counter[Kind]] = defaultdict(Counter)
    for brief in briefs:
        for m in brief.mentions:
            kinds[m.name][m.kind] += 1
    forms = {name: max(KINDS, key=votes.__getitem__)  # of equals, the first in KINDS
             for name, votes in kinds.items()
             if name[:1].isupper() and (" " in name or votes.total() >= SEEN) and name not in common}
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in forms:
        by_first[name.split()[0]].append(tuple(name.split()))
    for firsts in by_first.values():
        firsts.sort(key=len, reverse=True)  # the longest name first: "San Diego Chargers", then "San Diego"
    initials = frozenset(first[0] for first in by_first)
    return [_with_missed_kept(brief, forms, by_first, initials) for brief in briefs]


def _strings(value: Any) -> list[str]:
    if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        raise ValueError(f"not a list of words: {value!r}")
    return value


MENTION_TYPES = (str, str, int, int, int, str, bool, str, bool)  # EntityMention's fields, in order


def _mention_rows(value: Any) -> list[list[Any]] | None:
    if value is None or (isinstance(value, list) and all(
            isinstance(row, list) and len(row) == len(MENTION_TYPES) and row[1] in KINDS
            and all(type(item) is kind for item, kind in zip(row, MENTION_TYPES)) for row in value)):
        return value
    raise ValueError(f"not a brief's mentions: {value!r}")


CAPITALISED = table("capitalised-words", _strings)  # a brief's sentences -> their words on a capital
FOUND = table("missed-mentions", _mention_rows)  # a brief and the names it may write -> its new mentions


def _with_missed_kept(brief: Brief, forms: dict[str, Kind], by_first: dict[str, list[tuple[str, ...]]],
                      initials: frozenset[str]) -> Brief:
    """_with_missed, from the cache when the brief and the known names it may write are the same."""
    sentences = brief.analysis.sentences
    text = _digest(repr([(s.index, s.text) for s in sentences]))
    words = CAPITALISED.get(text, lambda: sorted({_bare(w) for s in sentences for w in WORD.findall(s.text)
                                                  if w[:1].isupper()}))
    names = sorted({" ".join(name) for word in words for name in by_first.get(word, ())})
    key = _digest(repr((text, brief.mentions, [(name, forms[name]) for name in names])))

    def found() -> list[list[Any]] | None:
        missed = _with_missed(brief, forms, by_first, initials)
        return None if missed is brief else [list(astuple(m)) for m in missed.mentions]

    rows = FOUND.get(key, found)
    return brief if rows is None else replace(brief, mentions=tuple(EntityMention(*row) for row in rows))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _with_missed(brief: Brief, forms: dict[str, Kind], by_first: dict[str, list[tuple[str, ...]]],
                 initials: frozenset[str]) -> Brief:
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in brief.mentions:
        taken[m.sentence].append((m.start, m.end))
    found: list[EntityMention] = []
    inside: set[tuple[int, int, int]] = set()  # the model's mentions a found name holds
    for sentence in brief.analysis.sentences:
        text = sentence.text
        words = WORD.findall(text)
        # where a known name may start: most words do not begin with a known first word's letter
        starts = [i for i, w in enumerate(words) if w[0] in initials and _bare(w) in by_first]
        if not starts:
            continue
        offsets = [w.start() for w in WORD.finditer(text)]
        resume = 0  # past the last name found: names do not overlap
        for i in starts:
            match = _match(words, i, by_first) if i >= resume else None
            if match is None:
                continue
            resume = i + len(match)
            name = " ".join(match)
            start, end = offsets[i], offsets[resume - 1] + len(_bare(words[resume - 1]))
            # free, or holding the model's shorter names ("Chohan" of "Raj Chohan")
            overlaps = [(a, b) for a, b in taken[sentence.index] if a < end and start < b]
            if all(start <= a and b <= end and (a, b) != (start, end) for a, b in overlaps):
                cleaned = clean_name(text, start, end, forms[name])
                if cleaned is not None and cleaned[0] == name:
                    _, kind, start, end, title = cleaned
                    found.append(EntityMention(name, kind, sentence.index, start, end, title))
                    inside.update((sentence.index, a, b) for a, b in overlaps)
                    taken[sentence.index].append((start, end))
    if not found:
        return brief
    kept = [m for m in brief.mentions if (m.sentence, m.start, m.end) not in inside]
    mentions = sorted((*kept, *found), key=lambda m: (m.sentence, m.start))
    return replace(brief, mentions=tuple(mentions))


def _match(words: list[str], i: int, by_first: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The longest known name that the words from i on spell, if any."""
    for name in by_first.get(_bare(words[i]), ()):
        if len(name) > len(words) - i:
            continue
        for k in range(1, len(name)):
            if _bare(words[i + k]) != name[k]:
                break
        else:
            return name
    return None


@memo(MANY)  # the corpus's sentences repeat their capitalised words
def _bare(word: str) -> str:
    """The word without the punctuation or possessive a sentence puts after it."""
    if word.endswith(POSSESSIVE):
        word = word[:-2]
    if word[-1:] not in EDGE or (word.endswith(".") and INITIALS.fullmatch(word)):
        return word
    return word.rstrip(EDGE)
