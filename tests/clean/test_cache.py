"""clean cache: an unchanged file's cleaned article comes back as cleaning made it; any change to
what cleaning reads misses, and a bad entry is never trusted."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from generator.clean import CleanCache, clean, clean_all
from generator.clean.cache import decode_article, encode_article
from generator.model import FrontMatter
from tests.clean.test_boilerplate import PAGE
from tests.conftest import make_source

SOURCE = make_source(PAGE, "local/bridge.txt", FrontMatter(source="The Coastal Courier", tags=("transport",)))


def test_a_cached_article_equals_the_cleaned_one(tmp_path):
    fresh = clean(SOURCE)
    assert fresh.header and fresh.footer and fresh.title_inferred  # all of what cleaning makes is kept
    first = CleanCache(tmp_path, "v1")
    assert clean_all([SOURCE], first)[0] == [fresh] and first.misses == 1
    again = CleanCache(tmp_path, "v1")
    assert again.get(SOURCE) == fresh and again.hits == 1
    assert clean_all([SOURCE], CleanCache(tmp_path, "v1"))[0] == [fresh]


def test_what_cleaning_reads_is_the_key(tmp_path):
    clean_all([SOURCE], CleanCache(tmp_path, "v1"))
    changed = [replace(SOURCE, body=SOURCE.body.replace("Monday", "Friday")), replace(SOURCE, path="other.txt"),
               replace(SOURCE, extracted=True), replace(SOURCE, front=replace(SOURCE.front, date=date(2026, 3, 1)))]
    for source in changed:
        assert CleanCache(tmp_path, "v1").get(source) is None
    assert CleanCache(tmp_path, "v2").get(SOURCE) is None


def test_bad_entries_are_ignored_and_made_again(tmp_path):
    fresh = clean(SOURCE)
    clean_all([SOURCE], CleanCache(tmp_path, "v1"))
    (path,) = (tmp_path / "articles").rglob("*.json")
    good = json.loads(path.read_text())
    for bad in ("{not json", json.dumps({**good, "paragraphs": [[1, 2, 3]]}), json.dumps({**good, "title": [1]}),
                json.dumps({**good, "version": "1|v0"})):
        path.write_text(bad)
        cache = CleanCache(tmp_path, "v1")
        assert cache.get(SOURCE) is None and len(cache.rejected) == 1
        assert clean_all([SOURCE], CleanCache(tmp_path, "v1"))[0] == [fresh]


def test_the_lines_set_aside_between_paragraphs_are_kept_too():
    article = replace(clean(SOURCE), asides=((2, "Photo: the bridge at dawn"), (4, "Read more: ferries")))
    assert decode_article(json.loads(json.dumps(encode_article(article))), SOURCE) == article
