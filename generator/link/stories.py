"""Stories: briefs that report one event, grouped by average linkage over their nearest neighbours.

Two groups join when the mean similarity of all their pairs clears the threshold (a pair that
is no one's near neighbour counts as 0). Pairs are tried best first, so each story grows around
its closest accounts; a brief that no group takes is a story of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.link.similarity import Neighbours


def pair_scores(found: Neighbours) -> dict[tuple[int, int], float]:
    """The score of every pair where one brief is among the other's nearest, keyed (lower, higher)."""
    score: dict[tuple[int, int], float] = {}
    for number, (row, scores) in enumerate(zip(found.index.tolist(), found.score.tolist())):
        for other, value in zip(row, scores):
            score[min(number, other), max(number, other)] = value
    return score


def group_stories(score: dict[tuple[int, int], float], count: int, threshold: float,
                  encounters: Sequence[str | None] = ()) -> list[int]:
    """A story number for each of `count` briefs (briefs of one story share it), from the scores
    of their near pairs (pair_scores). With `encounters` (how each brief's people met, or None),
    a call and a meeting are never one story."""
    story = list(range(count))
    members: dict[int, list[int]] = {n: [n] for n in range(count)}
    modes: dict[int, set[str]] = {n: {e} if e else set() for n, e in zip(range(count), encounters or [None] * count)}
    # the summed scores of the near pairs between two groups, kept as groups merge, so a merge
    # costs the number of groups near it rather than the product of the two groups' sizes
    between: dict[int, dict[int, float]] = {n: {} for n in range(count)}
    for (a, b), value in score.items():
        between[a][b] = between[b][a] = value
    for (a, b), value in sorted(score.items(), key=lambda item: (-item[1], item[0])):
        if value < threshold:
            break
        left, right = story[a], story[b]
        if left == right:
            continue
        group, other = members[left], members[right]
        if len(modes[left] | modes[right]) > 1:
            continue
        if between[left].get(right, 0.0) / (len(group) * len(other)) >= threshold:
            for n in other:
                story[n] = left
            group += other
            del members[right]
            modes[left] |= modes.pop(right)
            _merge_sums(between, left, right)
    return story


def _merge_sums(between: dict[int, dict[int, float]], left: int, right: int) -> None:
    """Group `right`'s sums to the other groups become part of group `left`'s."""
    for other, value in between.pop(right).items():
        if other == left:
            del between[left][right]
            continue
        sums = between[other]
        del sums[right]
        sums[left] = sums.get(left, 0.0) + value
        between[left][other] = between[left].get(other, 0.0) + value
