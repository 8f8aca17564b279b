"""link.topics: two names the news keeps putting together make a topic; the constant subject does not."""

from __future__ import annotations

from datetime import date

from generator.link.topics import find_topics
from generator.model import Story

NAMES = {"us": "United States", "cn": "China", "il": "Israel", "hm": "Hamas", "pres": "The President",
         "x": "Farm Bureau", "y": "Ohio"}


def test_a_pair_that_leads_three_pieces_of_news_is_a_topic_and_a_story_counts_once():
    prominence = {
        "b1": {"us": 8, "cn": 7, "pres": 9}, "b2": {"us": 6, "cn": 9, "pres": 8}, "b3": {"cn": 8, "us": 3},
        "b4": {"il": 8, "hm": 7, "pres": 9}, "b5": {"il": 9, "hm": 6}, "b6": {"il": 6, "hm": 8},
        "b7": {"hm": 5, "il": 5, "pres": 3},
        **{f"p{n}": {"pres": 9, "x": 2, "y": 1} for n in range(6)},  # the site's constant subject
    }
    story = Story("b6", ("b6", "b7"), "b6", ("il", "hm"), date(2024, 1, 1), date(2024, 1, 2))
    topics = find_topics(prominence, [story], NAMES)
    assert [t.name for t in topics] == ["China – United States", "Israel – Hamas"]
    china, israel = topics
    assert china.briefs == ("b1", "b2", "b3") and china.stories == () and china.slug == "china-united-states"
    assert israel.briefs == ("b4", "b5", "b6", "b7") and israel.stories == ("b6",)
    # a pair led by two pieces only (the story counts once) is none: b6 and b7 alone would not do
    assert find_topics({k: prominence[k] for k in ("b5", "b6", "b7")}, [story], NAMES) == ()
