"""slugs: stable, distinct addresses for briefs."""

from __future__ import annotations

from generator.brief.slugs import brief_slugs
from tests.conftest import make_article


def test_slug_comes_from_the_title():
    assert brief_slugs([make_article("Wang Yi Speaks by Phone\n\nText.")]) == ["wang-yi-speaks-by-phone"]


def test_same_titles_get_distinct_slugs_that_do_not_depend_on_other_files():
    a = make_article("Same title\n\nOne.", path="a.txt")
    b = make_article("Same title\n\nTwo.", path="b.txt")
    c = make_article("Same title\n\nThree.", path="c.txt")
    both = brief_slugs([a, b])
    assert both[0] == "same-title" and both[1].startswith("same-title-") and len(set(both)) == 2
    assert brief_slugs([a, b, c])[:2] == both


def test_reserved_and_empty_slugs():
    slugs = brief_slugs([make_article("Index\n\nText.", path="index.md"), make_article("???\n\nText.")])
    assert slugs[0] != "index" and slugs[1] == "brief"
