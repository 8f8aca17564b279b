"""buildinfo: the build time honours SOURCE_DATE_EPOCH; a page's address with or without site_url."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from generator.render.buildinfo import build_time, format_time
from generator.render.urls import page_address
from generator.settings import SettingsError


def test_source_date_epoch_sets_the_build_time():
    assert build_time({"SOURCE_DATE_EPOCH": "1700000000"}) == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_without_source_date_epoch_the_build_time_is_now():
    before = datetime.now(UTC).replace(microsecond=0)
    assert before <= build_time({}) <= datetime.now(UTC)


def test_a_bad_source_date_epoch_is_a_settings_error():
    with pytest.raises(SettingsError, match="SOURCE_DATE_EPOCH"):
        build_time({"SOURCE_DATE_EPOCH": "yesterday"})


def test_build_time_reads_to_the_minute_in_utc():
    assert format_time(datetime(2020, 4, 21, 9, 5, 59, tzinfo=UTC)) == "2020-04-21 09:05 UTC"


@pytest.mark.parametrize(("uri", "site_url", "directory_urls", "address"), [
    ("briefs/a-b.md", "", True, "briefs/a-b/"),
    ("briefs/a-b.md", "https://example.org/news/", True, "https://example.org/news/briefs/a-b/"),
    ("briefs/a-b.md", "https://example.org/news", True, "https://example.org/news/briefs/a-b/"),
    ("briefs/a-b.md", "", False, "briefs/a-b.html"),
    ("print/index.md", "", True, "print/"),
    ("index.md", "https://example.org/", True, "https://example.org/"),
])
def test_page_address(uri, site_url, directory_urls, address):
    assert page_address(uri, site_url, directory_urls) == address
