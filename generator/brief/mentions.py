"""Entities: turn the model's raw mentions into clean names with a kind.

Removes what the model gets wrong on news text: titles taken into names, possessives,
headline fragments, words taken for names, numbers and dates.
"""

from __future__ import annotations

import calendar
import re

from spacy.lang.en.stop_words import STOP_WORDS

from generator.model import Analysis, EntityMention, Kind
from generator.support.names import (
    NAME_PARTICLES,
    PERSONAL_FORMS,
    Vocabulary,
    known_entity,
    known_given_name,
    name_key,
    vocabulary,
)

KIND_OF_LABEL: dict[str, Kind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
    "LAW": "topic",
    "TOPIC": "topic",
}
# "'s" with any apostrophe, including the mojibake of a curly one ("Blair¿s")
POSSESSIVE = re.compile(r"['’‘`´¿\ufffd]s$|(?<=s)['’]$")
DATE_WORDS = frozenset(
    w.lower() for w in [*calendar.month_name, *calendar.month_abbr, *calendar.day_name] if w
)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|s)?$", re.IGNORECASE)
EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}<>,.;:!?*_#|=-–— "
MAX_NAME_WORDS = 12
SPACED_DASHES = (" — ", " – ", " - ")
TITLE_JOINERS = frozenset({"and", "for", "of", "the", "de"})  # "Minister for Foreign Affairs"
COMPLEMENT = frozenset({"of", "for", "on"})  # a name's head stands before its complement ("Commission for Elections")
NUMERAL = re.compile(r"^(?:\d[\d,.]*|[ivx]+)$")  # a year, a count or a roman numeral after a name's head
INITIAL = re.compile(r"[A-Z]\.\s+[A-Z]")
GIVEN_BEFORE_INITIAL = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+\s+$")
SCORE = re.compile(r"\s+\d+-\d+$")  # a result run into a team's name: "Evansville 51-50"
NICKNAME = re.compile(r"\s+(?:\([^()]*\)|[\"“][^\"“”]*[\"”])(?=\s)")  # "Kimani (Kiki) Gray"
# the rest of a family name after its particles, written in lower case: " der Vijver", " von der Leyen"
PARTICLES = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
# a family name's particles right before a span, and the word before them: "Ursula von der [Leyen]"
PARTICLES_BEFORE = re.compile(rf"(?<!\S)([\w'’.-]+)((?:\s+(?:{PARTICLES}))+)\s+$", re.IGNORECASE)
PARTICLE_RUN = re.compile(rf"(?: (?:{PARTICLES}))+ [A-Z][\w-]*")


# What follows a name when the text treats it as a person: a "who" clause, an age, kin.
PERSON_CUE = re.compile(
    r"(?:,\s*(?:who|whose)\b|,\s*\d{1,3},|['’]s\s+(?:mother|father|wife|husband|son|daughter|"
    r"sister|brother|family|parents|girlfriend|boyfriend|lawyer|attorney)\b)")

# An article before a name, and the name ending its phrase: "the Rose Garden.", "a Pell Grant and";
# not "the Saddam Hussein regime" or "the Joe Biden I know", where the name qualifies what follows,
# nor "the Matthew Shepard and James Byrd Act", where it opens a longer name.
ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an)\s+$", re.IGNORECASE)
PHRASE_ENDS = re.compile(r"(?:\s*(?:[.,;:!?)\]”\"]|$)|\s+(?:of|in|on|at|to|and|or|is|was|were|are|has|had|will|"
                         r"would|for|with|by|from|that|which)\s+(?![A-Z]))")


def determined(sentence: str, start: int, end: int) -> bool:
    """Whether the text uses the name sentence[start:end] as a thing's, after an article."""
    return bool(ARTICLE_BEFORE.search(sentence, 0, start)) and bool(PHRASE_ENDS.match(sentence, end))


def clean_mentions(analysis: Analysis) -> tuple[EntityMention, ...]:
    """Clean every raw mention of one article; drop what is not a name."""
    cleaned, carried = [], []
    for mention in analysis.mentions:
        kind = KIND_OF_LABEL.get(mention.label)
        known = known_entity(mention.text)
        if kind is None and known is not None:
            kind = known.kind  # a known name counts whatever the label ("Tories" come as a group)
        if kind is None:
            continue
        sentence = analysis.sentences[mention.sentence].text
        found = clean_name(sentence, mention.start, mention.end, kind)
        if found is not None:
            name, kind, start, end, title = found
            cue = bool(PERSON_CUE.match(sentence, end))
            cleaned.append(EntityMention(name, kind, mention.sentence, start, end, title, cue, mention.label,
                                         determined(sentence, start, end)))
            if end > mention.end or start < mention.start:  # carried over a name the model cut:
                carried.append(len(cleaned) - 1)  # "Walter van" + "der Vijver", "Ursula von der" + "Leyen"
    # the model's separate mention of a part ("Leyen" as a place) is part of the person's name
    return tuple(m for n, m in enumerate(cleaned) if not any(_inside(m, cleaned[c]) and (c < n or not _inside(
        cleaned[c], m)) for c in carried if c != n))


def _inside(mention: EntityMention, other: EntityMention) -> bool:
    return mention.sentence == other.sentence and other.start <= mention.start and mention.end <= other.end


def clean_name(sentence: str, start: int, end: int, kind: Kind) -> tuple[str, Kind, int, int, str] | None:
    """Normalise the span sentence[start:end]: (name, kind, start, end, title) or None."""
    words = vocabulary()
    start, end = _trim(sentence, start, end)
    if kind != "person" and _addressed(sentence[start:end]):
        kind = "person"  # "Mr Van de Vijver", which the model took for a body
    before = _particles_before(sentence, start)
    if before is not None:  # "Ursula von der [Leyen]", "PRESIDENT VON DER [LEYEN]"
        start, kind = before, "person"
    given = GIVEN_BEFORE_INITIAL.search(sentence, 0, start) if kind == "person" else None
    if given and INITIAL.match(sentence, start) and _may_be_given(given.group().strip(), words):
        start = given.start()  # the model left out the given name: "Antony [J. Blinken]"
    comma = sentence.find(",", start, end)
    if comma > start:  # "Czech Republic, South Africa" is a list; "Paris, France" a place and its country
        start, end = _trim(sentence, start, comma)
    dash = max(sentence.rfind(mark, start, end) for mark in SPACED_DASHES) if kind == "person" else -1
    if dash > start:  # "Greg — Greg Jackson" (a speaker restarting), "Showrunner - Kal Penn": the name is last
        start, end = _trim(sentence, dash, end)
    opened = sentence.rfind("(", start, end)
    if opened > start and ")" not in sentence[opened:end]:  # "International Development (USAID": cut at the bracket
        start, end = _trim(sentence, start, opened)
    text = sentence[start:end]
    possessive = POSSESSIVE.search(text)
    if possessive and len(text) > 3:
        end -= len(possessive.group())
        start, end = _trim(sentence, start, end)
    # titles precede people; in other names they are part of the name ("General Motors")
    span_start = start
    start, title = _strip_title(sentence, start, end) if kind == "person" else (start, "")
    whole = _whole_title(sentence[:span_start] + title) if title else ""
    if len(whole) > len(title):  # the model's span opened inside the title: "First [Lady Jill Biden]"
        title = whole
    end = _strip_headline_verb(sentence, start, end, words.headline_verbs)
    end = _strip_trailing_function_words(sentence, start, end)
    if kind == "person":
        end = _through_particles(sentence, start, end)
    if kind != "person" and known_entity(sentence[start:end]) is None:  # not "new coronavirus"
        end = _strip_trailing_lower_words(sentence, start, end)
    score = SCORE.search(sentence, start, end)
    if score and score.end() == end:
        end = score.start()
    start, end = _trim(sentence, start, end)
    name = " ".join(sentence[start:end].split())
    name = NICKNAME.sub("", name)
    if not _is_name(name, words, kind):
        return None
    known = words.known.get(name_key(name))
    if known is not None:  # the form as written, so that the entity's page shows it as an alias
        return name, known.kind, start, end, title
    if kind in ("person", "place") and " " in name and name.split()[-1].lower().rstrip(".") in words.name_suffixes:
        kind = "organisation"  # "the Robert Kilroy-Silk Party", "Acme Holdings": a body's name, however labelled
    if kind != "person" and _head(name) in words.event_words:
        kind = "event"
    if kind == "person" and not _is_person_name(name):
        return None
    if not title:
        title = _title_before(sentence, start)
    if kind != "person" and title.lower().rstrip(".") in PERSONAL_FORMS and _is_person_name(name):
        kind = "person"  # "Mr [Kilroy-Silk]", which the model took for a body
    return name, kind, start, end, title


def _addressed(text: str) -> bool:
    """A form of address and a capitalised name after it ("Mr Van de Vijver", "Dame Judi Dench")."""
    words = text.split()
    return (len(words) > 1 and words[0].lower().rstrip(".") in PERSONAL_FORMS and words[1][:1].isupper()
            and known_entity(text) is None)


def _particles_before(sentence: str, start: int) -> int | None:
    """Where a person's name starts that the model cut after its particles: at the given name
    before them ("Ursula von der Leyen"), or at the particles after a title ("President von der
    Leyen"); None when the word before them is neither ("Rio de Janeiro")."""
    window = max(0, start - 80)
    found = PARTICLES_BEFORE.search(sentence, window, start)
    if not found or not found.group(1)[:1].isupper():
        return None
    if known_given_name(found.group(1)):
        return found.start(1)
    if name_key(found.group(1)) in vocabulary().title_words:
        return found.start(2) + len(found.group(2)) - len(found.group(2).lstrip())
    return None


def _through_particles(sentence: str, start: int, end: int) -> int:
    """Carry a person's name over the family name the model cut at its particles ("Walter van"
    before "der Vijver", "Ursula von der" before "Leyen"): the particles and the capitalised word."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    cut = end
    while len(words) > 1 and words[-1].group() in NAME_PARTICLES:
        words.pop()
        cut = start + words[-1].end()
    rest = PARTICLE_RUN.match(sentence, cut)
    return rest.end() if rest else end


def _may_be_given(word: str, words: Vocabulary) -> bool:
    """A capitalised word that may be a given name: no function word, title, month or day."""
    lowered = word.lower()
    return lowered not in STOP_WORDS and lowered not in words.title_words and lowered not in DATE_WORDS


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    while start < end and sentence[start] in EDGE_PUNCTUATION:
        start += 1
    while end > start and sentence[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    if sentence[start:end].lower().startswith("the "):
        start += 4
    return start, end


def _strip_title(sentence: str, start: int, end: int) -> tuple[int, str]:
    """Remove the title before a person's name, qualifiers and all.

    "Spokesperson Zhao Lijian" -> "Zhao Lijian"; "Japanese Foreign Minister Toshimitsu Motegi"
    -> "Toshimitsu Motegi": everything up to the last title, if it reads as a title phrase
    (capitalised words and joining words) and a capitalised name follows.
    """
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", sentence[start:end])]
    plain = [sentence[a:b].lower().strip(".,") for a, b in words]
    cut = 0
    for i in range(len(words)):
        for title in vocabulary().titles:
            size = len(title.split())
            if " ".join(plain[i : i + size]) == title and i + size < len(words):
                cut = max(cut, i + size)
                break
    prefix = [sentence[a:b] for a, b in words[:cut]]
    if not cut or not sentence[words[cut][0]].isupper():
        return start, ""
    if not all(w[:1].isupper() or w.lower() in TITLE_JOINERS for w in prefix):
        return start, ""
    return words[cut][0], sentence[start : words[cut - 1][1]].rstrip(".,")


def _whole_title(text: str) -> str:
    """The longest title the text ends with, as written ("First Lady" rather than "Lady")."""
    lowered = text.lower()
    for title in vocabulary().titles:  # longest first
        if lowered.endswith(title) and (len(lowered) == len(title) or not lowered[-len(title) - 1].isalnum()):
            return text[-len(title):]
    return ""


def _title_before(sentence: str, start: int) -> str:
    """A title right before the name in the sentence ("minister" in "Minister Mogi"), in lower case."""
    return _whole_title(sentence[max(0, start - 60) : start].rstrip()).lower()


def _strip_headline_verb(sentence: str, start: int, end: int, verbs: frozenset[str]) -> int:
    """Cut a verb the model ran into the name ("Wang Yi Speaks" -> "Wang Yi")."""
    words = sentence[start:end].split()
    while len(words) > 1 and words[-1].lower() in verbs:
        words.pop()
        end = sentence.rindex(words[-1], start, end) + len(words[-1])
    return end


def _strip_trailing_function_words(sentence: str, start: int, end: int) -> int:
    """Cut lower-case function words the model ran on with ("United through" -> "United")."""
    words = sentence[start:end].split()
    while len(words) > 1 and words[-1] in STOP_WORDS:
        words.pop()
        end = sentence.rindex(words[-1], start, end) + len(words[-1])
    return end


def _strip_trailing_lower_words(sentence: str, start: int, end: int) -> int:
    """Cut the common words the model ran on with after a place or body ("Aceh province",
    "Ashgabat city-15"): a name ends on a capitalised word or a number."""
    words = sentence[start:end].split()
    while len(words) > 1 and words[-1].islower() and words[-1][:1].isalpha() and words[-2][-1:].isalnum():
        words.pop()
        end = sentence.rindex(words[-1], start, end) + len(words[-1])
    return end


def _head(name: str) -> str:
    """The word a name is named for: the one before its complement ("Commission" in "Central
    Commission for Elections"), else its last word that is not a number ("Olympics" in
    "Summer Olympics 2012")."""
    words = name_key(name).split()
    cut = next((i for i, w in enumerate(words) if w in COMPLEMENT and i), len(words))
    head = [w for w in words[:cut] if not NUMERAL.match(w)]
    return head[-1] if head else ""


def is_date_or_number(name: str) -> bool:
    """Names made only of numbers, ordinals, months and weekdays are dates or amounts."""
    tokens = [t for t in re.split(r"[\s,./-]+", name.lower()) if t and t not in ("the", "of", "and")]
    return all(ORDINAL.match(t) or t in DATE_WORDS for t in tokens)


def _is_name(name: str, words: Vocabulary, kind: Kind) -> bool:
    if not name or len(name) < 2 or len(name.split()) > MAX_NAME_WORDS:
        return False
    key = name_key(name)
    if not any(c.isalpha() for c in name) or key in words.not_names or is_date_or_number(name):
        return False
    # a role, not a name: "Minister", "MPs"; but "Queens" and "Senators" may be a borough or a
    # team (the corpus tells words from names: "ministers" is written in lower case too)
    plural_title = key.endswith("s") and key[:-1] in words.title_words and (kind == "person" or name[:-1].isupper())
    if key in words.title_words or plural_title:
        return False
    if words.known.get(name_key(name)) is not None:
        return True
    # a name has a capital letter (or a non-Latin script without case)
    return any(c.isupper() or (c.isalpha() and not c.islower()) for c in name)


def _is_person_name(name: str) -> bool:
    """People's names have no digits and start each word with a capital."""
    if any(c.isdigit() for c in name):
        return False
    parts = [p for p in re.split(r"[\s-]+", name) if p]
    return all(p[0].isupper() or p.lower() in NAME_PARTICLES or not p[0].isalpha() for p in parts)
