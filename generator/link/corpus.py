"""Link: join the briefs into a corpus: entities resolved, entity pages, related briefs.

Which entities get a page: those seen in at least two briefs, since a page listing one
brief says no more than the brief's own "Who and what"; on a small site (under
SMALL_CORPUS briefs) every entity gets one, as there they cannot flood the site and the
index is the analyst's way in. Names seen in one brief of a large site stay plain text
on that brief. `Settings.entity_min_briefs` overrides the rule.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from generator.link.aliases import EntityRecord, Resolution, is_form_of_address, resolve
from generator.link.copies import find_copies
from generator.link.encounters import encounter
from generator.link.missed import add_missed_mentions
from generator.link.places import known_place
from generator.link.related import Profile, find_links
from generator.link.topics import find_topics
from generator.model import KINDS, Brief, Corpus, Entity, Occurrence, Story
from generator.support.text import LETTER_WORD

# capitalised words before a title that say nothing of whose it is: function words that open a
# sentence ("Since President Biden"), and forms of address ("Madam Vice President")
NOT_AFFILIATION = STOP_WORDS | {"madam", "madame", "mister", "dear", "honorable", "honourable"}
OPENERS = "“\"‘'(:*—–-"  # after these a word is capitalised as the first of a sentence or quote
AFFILIATED = 2  # mentions that must write a title with whose it is before a role says so
SMALL_CORPUS = 50  # below this many briefs every entity gets a page
COMPANIONS = 8
LEAD_SENTENCES, LEAD_WEIGHT = 3, 8


def link_briefs(briefs: Sequence[Brief], min_briefs: int | None = None) -> Corpus:
    """Resolve entities across the briefs and find which briefs relate to which; the copies of
    one text become one brief."""
    copies = find_copies(sorted(briefs, key=lambda b: b.slug))
    copied = {slug for others in copies.values() for slug in others}
    ordered = tuple(sorted((b for b in briefs if b.slug not in copied), key=brief_order))
    by_slug = {b.slug: b for b in briefs}
    texts = [" ".join(p.text for p in b.article.paragraphs) for b in ordered]
    not_names = common_words(texts, Counter(m.name for b in ordered for m in b.mentions))
    ordered = tuple(add_missed_mentions(ordered, not_names))
    resolution = resolve([(b.slug, b.mentions) for b in ordered], not_names)
    entities = _entities(ordered, resolution, page_threshold(len(ordered), min_briefs))
    with_pages = {e.slug for e in entities if e.has_page}
    profiles = [Profile(b.slug, b.vocabulary, _slugs_in(b, resolution) & with_pages, _prominence(b, resolution),
                        encounter(b)) for b in ordered]
    links = find_links(profiles)
    stories = _stories(ordered, links.stories, {p.slug: p.entities for p in profiles})
    paged = {p.slug: {e: w for e, w in p.prominence.items() if e in p.entities} for p in profiles}
    topics = find_topics(paged, stories, {e.slug: e.name for e in entities})
    return Corpus(ordered, entities, resolution.slug_of, links.related, stories,
                  {kept: tuple(by_slug[s] for s in others) for kept, others in copies.items()}, topics)


def _stories(briefs: Sequence[Brief], groups: Iterable[Sequence[str]],
             named: Mapping[str, frozenset[str]]) -> tuple[Story, ...]:
    """Each group of briefs as a story, newest first (briefs come newest first, undated last)."""
    position = {b.slug: n for n, b in enumerate(briefs)}
    dates = {b.slug: b.date.value for b in briefs}
    stories = []
    for group in groups:
        in_order = sorted(group, key=lambda slug: (dates[slug] is None, dates[slug] or date.min, -position[slug]))
        counts = Counter(e for slug in group for e in named[slug])
        shared = tuple(sorted((e for e, n in counts.items() if 2 * n > len(group)), key=lambda e: (-counts[e], e)))
        seen = [d for d in (dates[slug] for slug in in_order) if d is not None]
        stories.append(Story(in_order[0], tuple(in_order), group[0], shared,
                             seen[0] if seen else None, seen[-1] if seen else None))
    stories.sort(key=lambda s: min(position[b] for b in s.briefs))
    return tuple(stories)


def page_threshold(briefs: int, min_briefs: int | None = None) -> int:
    """How many briefs must mention an entity for it to get a page (see the module's docstring)."""
    return min_briefs or (1 if briefs < SMALL_CORPUS else 2)


def brief_order(brief: Brief) -> tuple[bool, int, str, str]:
    """Newest first; briefs without a full date last, by title."""
    when = brief.date.value
    return (when is None, -(when.toordinal() if when else 0), brief.article.title.lower(), brief.slug)


def _prominence(brief: Brief, resolution: Resolution) -> dict[str, float]:
    """Mentions of each entity in the brief; those of the lead count LEAD_WEIGHT times, as the
    lead names who the news is about (an article also names people of earlier events)."""
    weights: Counter[str] = Counter()
    for m in brief.mentions:
        weights[resolution.slug_of[(brief.slug, m.name)]] += LEAD_WEIGHT if m.sentence < LEAD_SENTENCES else 1
    return dict(weights)


def _slugs_in(brief: Brief, resolution: Resolution) -> frozenset[str]:
    return frozenset(resolution.slug_of[(brief.slug, m.name)] for m in brief.mentions)


def _entities(briefs: Sequence[Brief], resolution: Resolution, threshold: int) -> tuple[Entity, ...]:
    occurrences = _occurrences(briefs, resolution.slug_of)
    paged = {r.slug for r in resolution.entities if r.listed and len(occurrences[r.slug]) >= threshold}
    paged -= _unknown_places(briefs, resolution, {s for s in paged if len(occurrences[s]) == 1})
    companions = _companions(occurrences, paged)
    dates = {b.slug: b.date.value for b in briefs}
    roles = _roles(briefs, resolution.slug_of)
    entities = [replace(_entity(r, occurrences[r.slug], companions, dates, r.slug in paged), role=roles.get(r.slug, ""))
                for r in resolution.entities]
    entities.sort(key=lambda e: (KINDS.index(e.kind), e.name.lower(), e.slug))
    return tuple(entities)


def _unknown_places(briefs: Sequence[Brief], resolution: Resolution, paged: set[str]) -> set[str]:
    """Of the paged entities of one brief, the countries, states and cities (the model's GPE)
    named once in the whole corpus that no register lists: a phrase the model took for a place.
    Only a small site pages one-brief entities, so on a large one there is nothing to check."""
    if not paged:
        return set()
    labels: dict[str, list[str]] = defaultdict(list)
    for brief in briefs:
        for m in brief.mentions:
            labels[resolution.slug_of[(brief.slug, m.name)]].append(m.label)
    names = {r.slug: r.name for r in resolution.entities}
    return {slug for slug in paged if labels[slug] == ["GPE"] and not known_place(names[slug])}


def _entity(record: EntityRecord, found: list[Occurrence], companions: Mapping[str, tuple[tuple[str, int], ...]],
            dates: Mapping[str, date | None], has_page: bool) -> Entity:
    seen_on = sorted(d for d in (dates[o.brief] for o in found) if d is not None)
    return Entity(
        record.slug, record.name, record.kind, record.aliases, tuple(found), companions.get(record.slug, ()),
        seen_on[0] if seen_on else None, seen_on[-1] if seen_on else None, has_page, record.listed,
    )


def _roles(briefs: Sequence[Brief], slug_of: dict[tuple[str, str], str]) -> dict[str, str]:
    """Each titled entity's role: its most frequent title, as the texts write it before the name
    with the country or body it is of ("Chinese Foreign Minister") where two mentions say so."""
    written: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for brief in briefs:
        for mention in brief.mentions:
            if mention.title and not is_form_of_address(mention.title):  # "Mr" says no role
                role = role_as_written(brief.analysis.sentences[mention.sentence].text[:mention.start], mention.title)
                if role:
                    written[slug_of[(brief.slug, mention.name)]][mention.title.lower()][role] += 1
    return {slug: _most_stated(titles) for slug, titles in written.items()}


def role_as_written(before: str, title: str) -> str:
    """The title as the sentence writes it right before the name, with the capitalised words
    before it that say whose it is ("Japan's", "U.S.", "Chinese"); "" when it is not there."""
    found = re.search(r"((?:[A-Z][\w.’'-]*\s+){0,3})((?i:" + re.escape(title) + r"))\s*,?\s*$", before)
    if not found:
        return ""
    words = found.group(1).split()
    opening = before[:found.start()].rstrip()[-1:] in ("", *OPENERS)
    if words and opening and not _proper(words[0]):
        words.pop(0)  # capitalised only as the sentence's first word: "Yesterday President Biden"
    while words and words[0].lower() in NOT_AFFILIATION:  # "Since President", "Madam Vice President"
        words.pop(0)
    return " ".join([*words, found.group(2)])


def _proper(word: str) -> bool:
    """A word that is capitalised wherever it stands: a possessive, initials, an acronym."""
    return word.endswith(("'s", "’s")) or "." in word or word.isupper()


def _most_stated(titles: Mapping[str, Counter[str]]) -> str:
    """The most frequent title (by its mentions), in its most frequent form that says whose it is
    when two mentions write one, else as most often written."""
    forms = max(titles.values(), key=lambda counts: (counts.total(), sorted(counts)))
    affiliated = [form for form, n in forms.items() if n >= AFFILIATED and len(form.split()) > 1
                  and form.lower() not in titles]
    # as written in a sentence, not as a transcript's label in capitals ("PRIME MINISTER")
    return max(affiliated or forms, key=lambda form: (not form.isupper(), forms[form], len(form), form))


def _occurrences(briefs: Sequence[Brief], slug_of: dict[tuple[str, str], str]) -> dict[str, list[Occurrence]]:
    """The first sentence naming each entity in each brief, briefs in corpus order."""
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    for brief in briefs:
        seen = set()
        for mention in brief.mentions:
            slug = slug_of[(brief.slug, mention.name)]
            if slug not in seen:
                seen.add(slug)
                sentence = brief.analysis.sentences[mention.sentence]
                occurrences[slug].append(Occurrence(brief.slug, sentence.index, sentence.paragraph, sentence.text))
    return occurrences


def _companions(occurrences: dict[str, list[Occurrence]], paged: set[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """For each entity with a page, the entities with pages it shares most briefs with."""
    in_brief: dict[str, list[str]] = defaultdict(list)
    for slug in sorted(paged):
        for occurrence in occurrences[slug]:
            in_brief[occurrence.brief].append(slug)
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for slugs in in_brief.values():
        for slug in slugs:
            shared[slug].update(other for other in slugs if other != slug)
    return {
        slug: tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:COMPANIONS])
        for slug, counts in shared.items()
    }


def common_words(texts: Iterable[str], names: Counter[str]) -> frozenset[str]:
    """Single-word names that the texts write in lower case at least as often: words, not names;
    and words of longer names that the texts write in lower case twice or more ("Head" of
    "Head Start").

    `names` counts the mentions of each name standing alone ("Bank", not "Bank of England").
    """
    candidates = {w for n in names for w in n.split() if not w.isupper() and w[:1].isupper()}
    lowered = {n.lower() for n in candidates}
    counts = Counter(w for text in texts for w in LETTER_WORD.findall(text) if w in lowered)
    return frozenset(n for n in candidates if counts[n.lower()] >= max(2, names[n]))
