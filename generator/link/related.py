"""Related briefs: similar wording plus shared entities weighted by their rarity.

A brief's vector joins its words (TF-IDF) and its entities (weighted by rarity), so one
cosine ranks candidates by both. A candidate is kept only when the corpus agrees:
- its score stands out from the background of all pairs (mean plus a standard deviation);
- and the two briefs share more of their neighbourhoods than chance would (shared nearest
  neighbours: briefs on one subject have the same neighbours, a chance match does not),
  unless the pair scores beyond what chance reaches among all pairs: the same story twice.
Every threshold is relative to the corpus's own scores and size.

Stories (the briefs that report one event) are grouped on a second vector that weighs who the
news is about as much as the wording: each entity by its rarity and its prominence in the
brief (mentions, those of the lead counting more), as two events of one kind (two earthquakes,
two arrests of one team's players) share their words and differ in who and where.

Related means "read this next": the other accounts of the brief's story (link/stories.py)
and nothing else; for a story told once, the kept candidates, none far weaker than the best;
the closest LIMIT of them, since the story's page lists every account.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from generator.link.similarity import Neighbours, cosines_within, nearest, term_matrix, unit_rows
from generator.link.stories import NearPairs, group_stories, pair_scores
from generator.model import Related

LIMIT = 3  # related briefs shown at most: the story's page lists every account
CANDIDATES = 5  # each brief's nearest briefs considered for its list
ENTITY_SHARE = 0.05  # share of the score that comes from entities, the rest from wording
EVENT_ENTITY_SHARE = 0.5  # the same, when telling whether two briefs report one event
NEIGHBOURHOOD = 2.0  # neighbourhood size, times the square root of the number of briefs
AGREEMENT = 0.375  # share of the neighbourhood two related briefs must share beyond chance

STORY_DEVIATIONS = 4.5  # standard deviations above the background at which two briefs tell one story
NEAR_THE_BEST = 0.7  # a related brief scores at least this share of the brief's best related one
ABOVE_BACKGROUND = 1.0  # standard deviations above the mean of all pairs, at least
# What two unrelated news texts score when a corpus is too small to say (two articles in
# different subjects score 0.05 in median, 0.1 at the 95th percentile): the background of
# a corpus is estimated as if it held PRIOR_PAIRS such pairs more, so a tiny corpus does
# not link whatever it has and a large one decides alone.
PRIOR_MEAN = 0.05
PRIOR_STD = 0.05
PRIOR_PAIRS = 20


@dataclass(frozen=True)
class Profile:
    """What one brief is about, for comparison with the others."""

    slug: str
    words: Mapping[str, int]  # content word counts
    entities: frozenset[str]  # entity slugs
    # how prominent each entity is in the brief (mentions, those of the lead counting more);
    # an entity missing here counts as mentioned once
    prominence: Mapping[str, float] = field(default_factory=dict)
    encounter: str | None = None  # how the people of a readout met: "remote" or "in person" (link/encounters.py)


@dataclass(frozen=True)
class Links:
    related: dict[str, tuple[Related, ...]]  # brief slug -> related briefs, best first
    stories: tuple[tuple[str, ...], ...]  # the briefs of each story told by two or more, most central first


def find_related(profiles: Sequence[Profile], limit: int = LIMIT) -> dict[str, tuple[Related, ...]]:
    """For each brief, the briefs that are about the same things, best first."""
    return find_links(profiles, limit).related


def find_links(profiles: Sequence[Profile], limit: int = LIMIT) -> Links:
    """The related briefs of each brief, and the stories: the briefs that tell one event."""
    count = len(profiles)
    if count < 2:
        return Links({p.slug: () for p in profiles}, ())
    rarity = entity_rarity(profiles)
    words = _tfidf(profiles)
    entities = unit_rows(term_matrix([{e: rarity[e] for e in p.entities} for p in profiles])[0])
    vectors = _joined(words, entities, ENTITY_SHARE)
    size = neighbourhood_size(count)
    # the two searches of nearest briefs run mostly outside the interpreter (BLAS, scipy's sparse
    # products, NumPy's partitions): one runs in a thread while the other and the grouping run here
    with ThreadPoolExecutor(1) as beside:
        related_search = beside.submit(nearest, vectors, size)
        story = _stories(profiles, words, rarity, size)
        found = related_search.result()
    mean, std = background(found)
    floor = mean + ABOVE_BACKGROUND * std
    pairs = _kept_pairs(found, size, CANDIDATES, floor, mean + same_story_deviations(found.pairs) * std)
    near = pair_scores(found)
    told: dict[int, list[int]] = {}
    for number, key in enumerate(story):
        told.setdefault(key, []).append(number)
    shared = [members for members in told.values() if len(members) > 1]
    within = dict(zip((story[members[0]] for members in shared), _story_scores(shared, story, vectors, near)))
    place = {n: i for members in shared for i, n in enumerate(members)}

    related = {}
    for number, profile in enumerate(profiles):
        members = told[story[number]]
        # the other accounts of the same story whose wording stands out, and nothing else
        row = within[story[number]][place[number]].tolist() if len(members) > 1 else []
        scored = {n: v for n, v in zip(members, row) if n != number and v >= floor}
        if not scored:  # a story told once: what the corpus agrees is near it, far weaker links aside
            scored = pairs.get(number, {})
            best = max(scored.values(), default=0.0)
            scored = {n: s for n, s in scored.items() if s >= NEAR_THE_BEST * best}
        others = sorted(scored.items(), key=lambda item: (-item[1], profiles[item[0]].slug))
        related[profile.slug] = tuple(
            _related(profile, profiles[other], score, rarity,
                     similar=_text_part(score, entities, number, other) >= floor)
            for other, score in others[:limit]
        )
    stories = tuple(tuple(profiles[n].slug for n in _by_centrality(members, within[story[members[0]]]))
                    for members in shared)
    return Links(related, stories)


def _story_scores(stories: Sequence[list[int]], story: Sequence[int], vectors: sparse.csr_matrix,
                  near: NearPairs) -> list[np.ndarray]:
    """For each story of two briefs or more, the score of every two of its briefs (a matrix in the
    story's order): the nearest-neighbour score where there is one, else their cosine."""
    scores = cosines_within(vectors, stories)
    numbers = np.asarray(story)
    place = np.zeros(len(story), dtype=np.int64)
    for members in stories:
        place[members] = np.arange(len(members))
    which = {numbers[members[0]]: number for number, members in enumerate(stories)}
    inside = np.flatnonzero((numbers[near.low] == numbers[near.high]) & (near.score != 0))
    for low, high, value in zip(near.low[inside].tolist(), near.high[inside].tolist(), near.score[inside].tolist()):
        matrix = scores[which[numbers[low]]]
        matrix[place[low], place[high]] = matrix[place[high], place[low]] = value
    return scores


def _by_centrality(members: list[int], scores: np.ndarray) -> list[int]:
    """A story's briefs, the one closest to all the others first (the story's best single account)."""
    rows = scores.tolist()  # summed in order, the diagonal left out (not subtracted: that rounds)
    closeness = [sum(value for j, value in enumerate(row) if j != i) for i, row in enumerate(rows)]
    return [members[i] for i in sorted(range(len(members)), key=lambda i: (-closeness[i], members[i]))]


def _stories(profiles: Sequence[Profile], words: sparse.csr_matrix, rarity: Mapping[str, float],
             size: int) -> list[int]:
    """A story number for each brief, from a vector of who the news is about: the entities weigh
    as much as the wording, each by its rarity and its prominence in the brief. A brief telling
    of a call and one telling of a meeting are never one story."""
    entities = [{e: rarity[e] * (1 + math.log(p.prominence.get(e, 1.0))) for e in p.entities} for p in profiles]
    found = nearest(_joined(words, unit_rows(term_matrix(entities)[0]), EVENT_ENTITY_SHARE), size)
    mean, std = background(found)
    return group_stories(pair_scores(found), len(profiles), mean + STORY_DEVIATIONS * std,
                         [p.encounter for p in profiles])


def neighbourhood_size(count: int) -> int:
    """How many nearest briefs make a brief's neighbourhood: grows with the corpus, under half of it."""
    return max(1, min(round(NEIGHBOURHOOD * math.sqrt(count)), (count - 1) // 2))


def entity_rarity(profiles: Sequence[Profile]) -> dict[str, float]:
    """Inverse document frequency of each entity: shared by few briefs, it says more."""
    df = Counter(e for p in profiles for e in p.entities)
    return {e: math.log((1 + len(profiles)) / (1 + n)) + 1 for e, n in df.items()}


def same_story_deviations(pairs: int) -> float:
    """Standard deviations above the background that chance does not reach among this many pairs.

    The largest of P chance scores lies near sqrt(2 ln P) deviations above their mean: a pair
    beyond it is related whatever its neighbourhood says (the same story told twice).
    """
    return max(ABOVE_BACKGROUND, math.sqrt(2 * math.log(max(pairs, 1))))


def background(found: Neighbours) -> tuple[float, float]:
    """Mean and standard deviation of the score of two unrelated briefs, from all pairs and the prior."""
    pairs = found.pairs + PRIOR_PAIRS
    mean = (found.pairs * found.mean + PRIOR_PAIRS * PRIOR_MEAN) / pairs
    variance = (found.pairs * found.std**2 + PRIOR_PAIRS * PRIOR_STD**2) / pairs
    return mean, math.sqrt(variance)


def _kept_pairs(
    found: Neighbours, size: int, candidates: int, floor: float, same_story: float
) -> dict[int, dict[int, float]]:
    """Candidate pairs the corpus agrees on, listed both ways."""
    circles = [set(row.tolist()) | {number} for number, row in enumerate(found.index)]
    # two neighbourhoods of a corpus of n share (size + 1)² / n briefs by chance alone
    chance = (size + 1) ** 2 / len(circles)
    pairs: dict[int, dict[int, float]] = {}
    for number, (row, scores) in enumerate(zip(found.index, found.score)):
        for other, score in zip(row[:candidates].tolist(), scores[:candidates].tolist()):
            shared = len(circles[number] & circles[other])
            agreement = (shared - chance) / max(size + 1 - chance, 1e-9)
            if score >= floor and (agreement >= AGREEMENT or score >= same_story):
                pairs.setdefault(number, {})[other] = score
                pairs.setdefault(other, {})[number] = score
    return pairs


def _related(profile: Profile, other: Profile, score: float, rarity: dict[str, float], similar: bool) -> Related:
    shared = tuple(sorted(profile.entities & other.entities, key=lambda e: (-rarity[e], e)))
    return Related(other.slug, round(score, 6), shared, similar)


def _tfidf(profiles: Sequence[Profile]) -> sparse.csr_matrix:
    """Each brief's words weighed by TF-IDF (log-scaled counts), a row of unit length each."""
    counts = term_matrix([p.words for p in profiles])[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    weights = counts.copy()
    weights.data = (1 + np.log(counts.data)) * (np.log((1 + len(profiles)) / (1 + df[counts.indices])) + 1)
    return unit_rows(weights)


def _joined(words: sparse.csr_matrix, entities: sparse.csr_matrix, share: float) -> sparse.csr_matrix:
    """Entities and words side by side, each row of unit length, so that one cosine weighs both
    by their shares (a brief without entities has the words' share only)."""
    return sparse.hstack([entities * math.sqrt(share), words * math.sqrt(1 - share)], format="csr")


def _text_part(score: float, entities: sparse.csr_matrix, one: int, other: int) -> float:
    """The cosine of the wording alone: the joined score less the entities' part."""
    return (score - ENTITY_SHARE * _row_product(entities, one, other)) / (1 - ENTITY_SHARE)


def _row_product(matrix: sparse.csr_matrix, one: int, other: int) -> float:
    """The dot product of two rows of a matrix whose rows have their columns in order."""
    first, second = (slice(matrix.indptr[n], matrix.indptr[n + 1]) for n in (one, other))
    _, left, right = np.intersect1d(matrix.indices[first], matrix.indices[second], assume_unique=True,
                                    return_indices=True)
    return float(matrix.data[first][left] @ matrix.data[second][right])
