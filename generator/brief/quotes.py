"""Quotes: direct quotations and the person the text says spoke them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model import Article, EntityMention, Quote, Sentence

Placed = tuple[int, str]  # a person named in a paragraph: (offset, name)

QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")
SPEECH = re.compile(
    r"\b(said|says|say|told|tells|noted|notes|added|adds|stated|states|stressed|emphasi[sz]ed|"
    r"underscored|asked|replied|responded|declared|announced|insisted|argued|explained|"
    r"wrote|warned|urged|according to)\b",
    re.IGNORECASE,
)
PRONOUN = re.compile(r"\b(he|she|they)\b", re.IGNORECASE)
MIN_WORDS = 6
LOOK_BACK = 220  # characters before a quote where its speaker is named
LOOK_AHEAD = 80


def find_quotes(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]
) -> tuple[Quote, ...]:
    """Every quotation of six words or more, with its speaker where the text names one."""
    people = _people_by_paragraph(sentences, mentions)
    quotes: list[Quote] = []
    last_person: str | None = None
    for paragraph in article.paragraphs:
        here = people.get(paragraph.index, [])
        position = 0
        for match in QUOTED.finditer(paragraph.text):
            text = " ".join((match.group(1) or match.group(2)).split())
            before = [(at, name) for at, name in here if position <= at < match.start()]
            if len(text.split()) >= MIN_WORDS:
                speaker = _speaker(paragraph.text, match, here, before, last_person)
                if speaker is None and not before and _opens_paragraph(paragraph.text, match) and quotes:
                    previous = quotes[-1]  # a quotation running on from the paragraph before
                    if sentences[previous.sentence].paragraph == paragraph.index - 1:
                        speaker = previous.speaker
                sentence = _sentence_at(sentences, paragraph.index, match.start())
                quotes.append(Quote(text.strip(" ,"), speaker, sentence))
            if before:
                last_person = before[-1][1]
            position = match.end()
        if here:
            last_person = here[-1][1]
    return tuple(quotes)


def _speaker(text: str, match: re.Match[str], here: list[Placed], before: list[Placed],
             last_person: str | None) -> str | None:
    lead = text[max(0, match.start() - LOOK_BACK) : match.start()]
    if before and match.start() - before[-1][0] <= LOOK_BACK:
        return before[-1][1]
    if PRONOUN.search(lead) and SPEECH.search(lead) and last_person:
        return last_person
    tail = text[match.end() : match.end() + LOOK_AHEAD]
    if SPEECH.search(tail):
        after = [name for at, name in here if match.end() <= at < match.end() + LOOK_AHEAD]
        if after:
            return after[0]
        if PRONOUN.search(tail) and last_person:
            return last_person
    return None


def _opens_paragraph(text: str, match: re.Match[str]) -> bool:
    """The quotation starts the paragraph, after at most a short connective ("On top of that,")."""
    return len(text[: match.start()].split()) <= 5


def _people_by_paragraph(sentences: Sequence[Sentence], mentions: Sequence[EntityMention]) -> dict[int, list[Placed]]:
    """Person mentions by paragraph, as (offset in the paragraph, name), in order."""
    found: dict[int, list[Placed]] = {}
    for mention in mentions:
        if mention.kind == "person":
            sentence = sentences[mention.sentence]
            found.setdefault(sentence.paragraph, []).append((sentence.start + mention.start, mention.name))
    for names in found.values():
        names.sort()
    return found


def _sentence_at(sentences: Sequence[Sentence], paragraph: int, offset: int) -> int:
    inside = [s for s in sentences if s.paragraph == paragraph and s.start <= offset]
    if inside:
        return inside[-1].index
    return next((s.index for s in sentences if s.paragraph == paragraph), 0)
