"""bench/stories.py: B-cubed precision and recall of stories against gold events."""

from __future__ import annotations

import pytest

from bench.stories import b_cubed

TRUTH = {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "b2": "b"}


def test_the_gold_grouping_scores_one_and_briefs_left_alone_count_as_stories_of_their_own():
    assert b_cubed([["a1", "a2", "a3"], ["b1", "b2"]], list(TRUTH), TRUTH) == {"precision": 1.0, "recall": 1.0}
    alone = b_cubed([], list(TRUTH), TRUTH)
    assert alone["precision"] == 1.0 and alone["recall"] == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5, abs=1e-4)


def test_one_story_for_two_events_loses_precision_not_recall():
    merged = b_cubed([list(TRUTH)], list(TRUTH), TRUTH)
    assert merged["recall"] == 1.0
    assert merged["precision"] == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5, abs=1e-4)
