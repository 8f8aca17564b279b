"""Topics: the pairs of names the news keeps putting together ("United States – China").

A piece of news (a story, or a brief no other brief tells) leads with a few entities: those it
names most, the lead counting more (Profile.prominence). A topic is a pair of such principal
entities that at least MIN_NEWS pieces share. A name most of the news leads with (the site's
constant subject: the President on a White House site) is left out, as a topic holding nearly
everything says nothing. Topics are tried by how many pieces they hold, then the rarity of
their names; one whose news another topic already holds nearly all of is not a topic of its own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain, combinations, count

from generator.model import Story, Topic
from generator.support.slugs import first_free, slug

PRINCIPAL = 3  # entities a piece of news leads with
MIN_NEWS = 3  # pieces of news a topic holds at least
CONSTANT = 0.25  # a name more than this share of the news leads with (and 2 × MIN_NEWS pieces) is no topic
OVERLAP = 0.5  # a topic whose news another holds this share of is left out
MAX_TOPICS = 40


def find_topics(prominence: Mapping[str, Mapping[str, float]], stories: Sequence[Story],
                names: Mapping[str, str]) -> tuple[Topic, ...]:
    """The topics of the corpus, most news first. `prominence`: brief slug -> {entity slug:
    prominence} (entities with pages only), briefs newest first; `names`: entity slug -> name."""
    story_of = {b: s.slug for s in stories for b in s.briefs}
    news = _news(prominence, story_of)
    leads = {key: _principal(weights) for key, weights in news.items()}
    df = Counter(e for principal in leads.values() for e in principal)
    constant = {e for e, n in df.items() if n > CONSTANT * len(news) and n >= 2 * MIN_NEWS}
    held: dict[tuple[str, str], list[str]] = {}
    for key, principal in leads.items():
        for pair in combinations(sorted(set(principal) - constant), 2):
            held.setdefault(pair, []).append(key)
    candidates = sorted((pair for pair, keys in held.items() if len(keys) >= MIN_NEWS),
                        key=lambda p: (-len(held[p]), -min(math.log(len(news) / df[e]) for e in p), p))
    chosen: list[tuple[tuple[str, str], list[str]]] = []
    for pair in candidates:
        mine = set(held[pair])
        if any(len(mine & set(other)) >= OVERLAP * len(mine) for _, other in chosen):
            continue
        chosen.append((pair, held[pair]))
        if len(chosen) == MAX_TOPICS:
            break
    taken: set[str] = set()
    topics = []
    for pair, keys in chosen:
        ordered = sorted(pair, key=lambda e: (-sum(news[k].get(e, 0.0) for k in keys), names[e]))
        name = " – ".join(names[e] for e in ordered)
        inside = set(keys)
        briefs = tuple(b for b in prominence if story_of.get(b, b) in inside)
        base = slug(name, "topic")
        topics.append(Topic(first_free(chain((base,), (f"{base}-{n}" for n in count(2))), taken), name,
                            tuple(ordered), briefs, tuple(s.slug for s in stories if s.slug in inside)))
    return tuple(topics)


def _news(prominence: Mapping[str, Mapping[str, float]], story_of: Mapping[str, str]) -> dict[str, Counter[str]]:
    """Each piece of news (story slug, or brief slug for a brief in no story) with its entities'
    prominence, summed over a story's briefs."""
    news: dict[str, Counter[str]] = {}
    for brief, weights in prominence.items():
        news.setdefault(story_of.get(brief, brief), Counter()).update(weights)
    return news


def _principal(weights: Mapping[str, float]) -> list[str]:
    return sorted(weights, key=lambda e: (-weights[e], e))[:PRINCIPAL]

