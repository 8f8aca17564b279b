"""Stories: briefs that report one event, grouped by average linkage over their nearest neighbours.

Two groups join when the mean similarity of all their pairs clears the threshold (a pair that
is no one's near neighbour counts as 0). Pairs are tried best first, so each story grows around
its closest accounts; a brief that no group takes is a story of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from generator.link.similarity import Neighbours


@dataclass(frozen=True)
class NearPairs:
    """Every pair where one brief is among the other's nearest, once, as the rows first list it."""

    low: np.ndarray  # the pair's lower brief number
    high: np.ndarray  # and its higher
    score: np.ndarray  # of its two scores, the later row's


def pair_scores(found: Neighbours) -> NearPairs:
    """The pairs of briefs where one is among the other's nearest, with their score."""
    count, k = found.index.shape
    rows = np.repeat(np.arange(count), k)
    others = found.index.ravel()
    low, high = np.minimum(rows, others), np.maximum(rows, others)
    keys = low * count + high
    _, first = np.unique(keys, return_index=True)
    _, last_reversed = np.unique(keys[::-1], return_index=True)
    order = np.argsort(first, kind="stable")
    first, last = first[order], (len(keys) - 1 - last_reversed)[order]
    return NearPairs(low[first], high[first], found.score.ravel()[last])


def group_stories(pairs: NearPairs, count: int, threshold: float,
                  encounters: Sequence[str | None] = ()) -> list[int]:
    """A story number for each of `count` briefs (briefs of one story share it), from the scores
    of their near pairs (pair_scores). With `encounters` (how each brief's people met, or None),
    a call and a meeting are never one story."""
    label = list(range(count))  # a group's story number, by the group's number
    group = list(range(count))  # each brief's group
    members: dict[int, list[int]] = {n: [n] for n in range(count)}
    modes: dict[int, set[str]] = {n: {e} if e else set() for n, e in zip(range(count), encounters or [None] * count)}
    # only a pair at the threshold starts a merge, best first: a brief in none stays a story of its own
    strong = np.flatnonzero(pairs.score >= threshold)
    strong = strong[np.lexsort((pairs.high[strong], pairs.low[strong], -pairs.score[strong]))]
    joining = np.zeros(count, dtype=bool)
    joining[pairs.low[strong]] = joining[pairs.high[strong]] = True
    # the summed scores of the near pairs between two groups, kept as groups merge, so a merge
    # costs the number of groups near the smaller one rather than the product of the two sizes
    between: dict[int, dict[int, float]] = {n: {} for n in np.flatnonzero(joining).tolist()}
    kept = joining[pairs.low] & joining[pairs.high]
    for a, b, value in zip(pairs.low[kept].tolist(), pairs.high[kept].tolist(), pairs.score[kept].tolist()):
        between[a][b] = between[b][a] = value
    for a, b in zip(pairs.low[strong].tolist(), pairs.high[strong].tolist()):
        left, right = group[a], group[b]
        if left == right or len(modes[left] | modes[right]) > 1:
            continue
        if between[left].get(right, 0.0) / (len(members[left]) * len(members[right])) >= threshold:
            # the story keeps the number of a's group; the group with fewer neighbours is merged into the other
            into, merged = (left, right) if len(between[left]) >= len(between[right]) else (right, left)
            label[into] = label[left]
            for n in members[merged]:
                group[n] = into
            members[into] += members.pop(merged)
            modes[into] |= modes.pop(merged)
            _merge_sums(between, into, merged)
    return [label[group[n]] for n in range(count)]


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
