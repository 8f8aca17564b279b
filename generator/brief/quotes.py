"""Quotes: direct quotations and who the text says spoke them, the most telling first.

A quotation's speaker is the person (else the organisation or outlet: "the Global Times") named
just before it, or after it with a verb of speech; "he said" refers back to the last person
named. A transcript's turns (`THE PRESIDENT: …`) are their speaker's words, and so is the
paragraph after one that ends "… said:".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.clean.boilerplate import SPEAKER_TURN
from generator.model import Article, EntityMention, Quote, Sentence

Placed = tuple[int, str, str]  # a person or organisation named in a paragraph: (offset, name, kind)

QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")
SPEECH = re.compile(
    r"\b(said|says|say|told|tells|noted|notes|added|adds|stated|states|stressed|emphasi[sz]ed|"
    r"underscored|asked|replied|responded|declared|announced|insisted|argued|explained|"
    r"wrote|warned|urged|according to)\b",
    re.IGNORECASE,
)
SAID_BEFORE = re.compile(r"[\s,]*(?:" + SPEECH.pattern + r")\s+(?:the\s+)?", re.IGNORECASE)  # "…," said X
PRONOUN = re.compile(r"\b(he|she|they)\b", re.IGNORECASE)
MIN_WORDS = 6
MAX_QUOTES = 5
TURN_WORDS = 12  # a turn's quote is its opening sentence, and the next when that is this short
INTRODUCES = re.compile(SPEECH.pattern + r"[^.!?\"“”]{0,60}:\s*$", re.IGNORECASE)  # "Cameron said:"
SPEAKERS = ("person", "organisation")
TITLES = frozenset({"president", "vice", "secretary", "speaker", "ambassador", "minister", "moderator", "operator"})
LOOK_BACK = 220  # characters before a quote where its speaker is named
LOOK_AHEAD = 80
ORGANISATION_LOOK_BACK = 100  # characters from an organisation's name to the quotation it speaks


def find_quotes(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention],
    salience: Mapping[int, float] | None = None, floor: Mapping[int, str] | None = None,
    found: Sequence[Quote] | None = None,
) -> tuple[Quote, ...]:
    """The quotations of six words or more with their speakers, at most five: those with a
    speaker first, then by the salience of their sentence (`salience`: sentence index → score;
    `floor`: turn_speakers, `found`: every quotation, when the caller has them)."""
    floor = turn_speakers(article, mentions) if floor is None else floor
    found = quotations(article, sentences, mentions, floor) if found is None else found
    telling = salience or {}
    ranked = sorted(enumerate(found), key=lambda q: (q[1].speaker is None, -telling.get(q[1].sentence, 0.0), q[0]))
    return tuple(quote for _, quote in ranked[:MAX_QUOTES])


def quotations(article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention],
                floor: Mapping[int, str]) -> list[Quote]:
    speakers = _speakers_by_paragraph(sentences, mentions)
    by_paragraph: dict[int, list[Sentence]] = {}
    for each in sentences:
        by_paragraph.setdefault(each.paragraph, []).append(each)
    quotes: list[Quote] = []
    last_person: str | None = None
    introduced: str | None = None  # the speaker of a paragraph that ended "… said:"
    for paragraph in article.paragraphs:
        here = speakers.get(paragraph.index, [])
        turn = SPEAKER_TURN.match(paragraph.text)
        label = floor.get(paragraph.index) if turn else None  # a question's turn has no speaker
        if turn and label:
            quotes += _whole(paragraph.text, turn.end(), by_paragraph.get(paragraph.index, []), label)
        elif introduced and not QUOTED.search(paragraph.text):
            quotes += _whole(paragraph.text, 0, by_paragraph.get(paragraph.index, []), introduced)
        for match in QUOTED.finditer(paragraph.text):
            text = " ".join((match.group(1) or match.group(2)).split())
            before = [placed for placed in here if placed[0] < match.start()]
            if len(text.split()) >= MIN_WORDS:
                speaker = _speaker(paragraph.text, match, here, before, last_person) or introduced
                if speaker is None and not before and _opens_paragraph(paragraph.text, match) and quotes:
                    previous = quotes[-1]  # a quotation running on from the paragraph before
                    if sentences[previous.sentence].paragraph == paragraph.index - 1:
                        speaker = previous.speaker
                sentence = _sentence_at(sentences, paragraph.index, match.start())
                quotes.append(Quote(text.strip(" ,"), speaker, sentence))
        people = [name for _, name, kind in here if kind == "person"]
        if people:
            last_person = people[-1]
        introduced = (here[-1][1] if here else None) if INTRODUCES.search(paragraph.text) else None
    return quotes


def turn_speakers(article: Article, mentions: Sequence[EntityMention]) -> dict[int, str]:
    """Who holds the floor in each paragraph of a transcript: a turn's speaker keeps it over the
    paragraphs that follow until the next turn (a question's among them)."""
    by_surname: dict[str, str] = {}
    for mention in mentions:  # the fullest name of each surname the article gives
        surname = mention.name.split()[-1].casefold()
        if mention.kind == "person" and len(mention.name) > len(by_surname.get(surname, "")):
            by_surname[surname] = mention.name
    floor: dict[int, str] = {}
    speaker: str | None = None
    for paragraph in article.paragraphs:
        turn = SPEAKER_TURN.match(paragraph.text)
        if turn:
            speaker = _turn_speaker(turn.group(), by_surname, article.title)
        if speaker:
            floor[paragraph.index] = speaker
    return floor


def _turn_speaker(label: str, by_surname: Mapping[str, str], title: str = "") -> str | None:
    """A turn's speaker: the person named in the article whose surname the label gives ("MR.
    KIRBY:" is John Kirby), else the given name and surname as the headline writes them ("Press
    Briefing by … Lael Brainard": "MS. BRAINARD:"), else the label as a name ("The President");
    none for a question ("Q")."""
    label = label.strip().rstrip(":").strip()
    if label == "Q":
        return None
    surname = label.split()[-1].casefold()
    if surname in TITLES:
        return label.title()
    named = by_surname.get(surname) if " " in by_surname.get(surname, "") else None
    headline = re.search(r"\b([A-Z][\w'’.-]+) (" + re.escape(label.split()[-1]) + r")\b", title, re.IGNORECASE)
    if not named and headline and headline.group(1).casefold() not in TITLES and headline.group(1)[0].isupper():
        named = f"{headline.group(1)} {headline.group(2)}"
    return named or label.title()


def _whole(text: str, start: int, inside: Sequence[Sentence], speaker: str) -> list[Quote]:
    """A paragraph that is all one speaker's words from `start` on: its opening sentence (two
    when the first is short)."""
    ends = [s.end for s in inside if s.end > start]
    if not ends:
        return []
    end = ends[0] if len(text[start:ends[0]].split()) >= TURN_WORDS or len(ends) == 1 else ends[1]
    words = " ".join(text[start:end].split()).strip(' "“”')
    return [Quote(words, speaker, inside[0].index)] if len(words.split()) >= MIN_WORDS else []


def _speaker(text: str, match: re.Match[str], here: list[Placed], before: list[Placed],
             last_person: str | None) -> str | None:
    attributed = _attributed_after(text, match, here)
    if attributed:  # "…," Ali Rezaei said: the name the quotation's own sentence gives wins
        return attributed
    lead = text[max(0, match.start() - LOOK_BACK) : match.start()]
    near = [(at, name, kind) for at, name, kind in before if match.start() - at <= LOOK_BACK]
    people = [name for _, name, kind in near if kind == "person"]
    if people:
        return people[-1]
    if PRONOUN.search(lead) and SPEECH.search(lead) and last_person:
        return last_person
    # an organisation or an outlet speaks when a verb of speech follows its name: "the Global Times said"
    speaking = [name for at, name, _ in near
                if match.start() - at <= ORGANISATION_LOOK_BACK and SPEECH.search(text[at:match.start()])]
    if speaking:
        return speaking[-1]
    tail = text[match.end() : match.end() + LOOK_AHEAD]
    if SPEECH.search(tail):
        after = [name for at, name, _ in here if match.end() <= at < match.end() + LOOK_AHEAD]
        if after:
            return after[0]
        if PRONOUN.search(tail) and last_person:
            return last_person
    return None


def _attributed_after(text: str, match: re.Match[str], here: list[Placed]) -> str | None:
    """The name of `"…," X said` or `"…," said X`, right after the quotation."""
    for at, name, _ in here:
        if match.end() <= at < match.end() + LOOK_AHEAD:
            between = text[match.end():at]
            after = text[at + len(name):at + len(name) + 30]
            if (not between.strip(" ,") and SPEECH.match(after.lstrip(" ,"))) or SAID_BEFORE.fullmatch(between):
                return name
    return None


def _opens_paragraph(text: str, match: re.Match[str]) -> bool:
    """The quotation starts the paragraph, after at most a short connective ("On top of that,")."""
    return len(text[: match.start()].split()) <= 5


def _speakers_by_paragraph(sentences: Sequence[Sentence], mentions: Sequence[EntityMention]) -> dict[int, list[Placed]]:
    """Mentions of people and organisations by paragraph, as (offset in the paragraph, name, kind), in order."""
    found: dict[int, list[Placed]] = {}
    for mention in mentions:
        if mention.kind in SPEAKERS:
            where = sentences[mention.sentence]
            found.setdefault(where.paragraph, []).append((where.start + mention.start, mention.name, mention.kind))
    for names in found.values():
        names.sort()
    return found


def _sentence_at(sentences: Sequence[Sentence], paragraph: int, offset: int) -> int:
    inside = [s for s in sentences if s.paragraph == paragraph and s.start <= offset]
    if inside:
        return inside[-1].index
    return next((s.index for s in sentences if s.paragraph == paragraph), 0)
