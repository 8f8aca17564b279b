"""link.stories and related briefs: one event's accounts together, its look-alike apart."""

from __future__ import annotations

import numpy as np

from generator.link.related import _by_centrality, find_related
from generator.link.similarity import Neighbours
from generator.link.stories import group_stories, pair_scores
from tests.link.test_related import profile, slugs


def neighbours(scores: list[list[float]]) -> Neighbours:
    """Every other brief as a neighbour, best first, from a full matrix of scores."""
    count = len(scores)
    index = np.array([sorted((j for j in range(count) if j != i), key=lambda j: -scores[i][j]) for i in range(count)])
    score = np.array([[scores[i][j] for j in row] for i, row in enumerate(index)])
    return Neighbours(index, score, count * (count - 1) // 2, 0.0, 1.0)


def test_briefs_join_a_story_when_their_mean_similarity_clears_the_threshold():
    scores = [[1, .6, .5, .1], [.6, 1, .55, .1], [.5, .55, 1, .35], [.1, .1, .35, 1]]
    found = neighbours(scores)
    story = group_stories(pair_scores(found), 4, 0.4)
    assert story[0] == story[1] == story[2] != story[3]  # 3 joins 2 at 0.35, but not the story's mean
    assert len(set(group_stories(pair_scores(found), 4, 0.7))) == 4


def test_two_events_of_one_kind_are_not_related_across_each_other():
    quake = "A strong earthquake struck the city of {place} on {day}, killing {dead} people and destroying homes."
    texts = {
        "bam-1": quake.format(place="Bam", day="Friday", dead=40) + " Rescuers in Bam searched rubble near the citadel.",
        "bam-2": quake.format(place="Bam", day="Friday", dead=41) + " The citadel of Bam was badly damaged by the quake.",
        "qeshm-1": quake.format(place="Qeshm", day="Sunday", dead=7) + " Fishermen on Qeshm island saw their harbour crack.",
        "qeshm-2": quake.format(place="Qeshm", day="Sunday", dead=8) + " The harbour of Qeshm island cracked in the tremor.",
    }
    others = ["The central bank raised interest rates as inflation climbed for borrowers.",
              "The striker scored twice and the home team won the cup final.",
              "Lava from the volcano reached the coast and villagers left by boat.",
              "The school board voted to extend the summer holiday by one week.",
              "A new museum of modern art opened its doors to visitors downtown.",
              "Farmers protested against lower milk prices outside the ministry.",
              "The airline cancelled flights after pilots went on strike for pay.",
              "Scientists found a new species of frog in the rain forest canopy."]
    filler = [profile(f"other-{n}", text) for n, text in enumerate(others)]
    related = find_related([profile(slug, text) for slug, text in texts.items()] + filler)
    assert slugs(related["bam-1"]) == ["bam-2"] and slugs(related["qeshm-2"]) == ["qeshm-1"]


def test_a_call_and_a_meeting_of_the_same_people_are_never_one_story():
    scores = [[1, .9, .1], [.9, 1, .1], [.1, .1, 1]]
    found = neighbours(scores)
    assert len(set(group_stories(pair_scores(found), 3, 0.5)[:2])) == 1
    assert len(set(group_stories(pair_scores(found), 3, 0.5, ["remote", "in person", None])[:2])) == 2
    assert len(set(group_stories(pair_scores(found), 3, 0.5, ["remote", None, None])[:2])) == 1


def test_two_accounts_equally_close_are_ordered_by_number_whatever_their_own_scores():
    # a brief's cosine with itself is 1 give or take rounding, and must not weigh on its closeness
    scores = np.array([[1.0, 0.3], [0.3, 0.9999999999999999]])
    assert _by_centrality([5, 2], scores) == [2, 5]
    assert _by_centrality([2, 5], scores) == [2, 5]


def _grouped_naively(found: Neighbours, threshold: float) -> list[int]:
    """Average linkage as the module's docstring states it, each merge's mean recomputed from
    every pair of the two groups (a pair that is no one's near neighbour scores 0)."""
    near = pair_scores(found)
    score = {(a, b): v for a, b, v in zip(near.low.tolist(), near.high.tolist(), near.score.tolist())}
    story = list(range(len(found.index)))
    for (a, b), value in sorted(score.items(), key=lambda item: (-item[1], item[0])):
        if value < threshold or story[a] == story[b]:
            continue
        left = [n for n, s in enumerate(story) if s == story[a]]
        right = [n for n, s in enumerate(story) if s == story[b]]
        mean = sum(score.get((min(x, y), max(x, y)), 0.0) for x in left for y in right) / (len(left) * len(right))
        if mean >= threshold:
            for n in right:
                story[n] = story[a]
    return story


def test_grouping_is_average_linkage_with_each_story_numbered_after_its_first_pair():
    rng = np.random.default_rng(5)
    for _ in range(20):
        count = 40
        centres = rng.normal(size=(6, 8))
        points = centres[rng.integers(0, 6, count)] + rng.normal(scale=0.6, size=(count, 8))
        points /= np.linalg.norm(points, axis=1, keepdims=True)
        scores = (points @ points.T).round(3).tolist()
        found = neighbours(scores)
        found = Neighbours(found.index[:, :8], found.score[:, :8], found.pairs, 0.0, 1.0)
        assert group_stories(pair_scores(found), count, 0.6) == _grouped_naively(found, 0.6)
