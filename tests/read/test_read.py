"""read: decoding, front matter and what is skipped, each with the file's name and reason."""

from __future__ import annotations

from datetime import date

import pytest

from generator.read import files
from generator.read.files import decode, parse_front_matter, read_folder
from generator.support import lasting

LIMIT = 2_000_000


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_reads_text_and_markdown_in_path_order_with_subfolders(tmp_path):
    write(tmp_path, "b.txt", "Title B\n\nBody.")
    write(tmp_path, "a.md", "Title A\n\nBody.")
    write(tmp_path, "sub/c.txt", "Title C\n\nBody.")
    write(tmp_path, "notes.pdf", "not an article")
    write(tmp_path, ".hidden.txt", "Hidden\n\nBody.")
    result = read_folder(tmp_path, LIMIT)
    assert [s.path for s in result.sources] == ["a.md", "b.txt", "sub/c.txt"]
    assert result.problems == ()


def test_utf8_bom_and_utf16_are_decoded():
    assert decode("\ufeffHello".encode()) == ("Hello", "")
    text, note = decode("Grüße aus Köln".encode("utf-16"))
    assert text == "Grüße aus Köln" and note == ""


def test_latin1_is_repaired_with_a_warning(tmp_path):
    write(tmp_path, "old.txt", "Caf\xe9 society\n\nThe caf\xe9 opened.".encode("cp1252"))
    result = read_folder(tmp_path, LIMIT)
    assert "café" in result.sources[0].body
    assert [(p.path, p.severity) for p in result.problems] == [("old.txt", "warning")]
    assert "Windows-1252" in result.problems[0].reason


def test_mojibake_is_fixed():
    text, note = decode("It\u00e2\u20ac\u2122s fine".encode())
    assert text == "It’s fine" and "mojibake" in note


def test_a_repaired_text_is_kept_for_the_next_build(tmp_path, monkeypatch):
    calls = []
    fix_text = files.ftfy.fix_text
    monkeypatch.setattr(files.ftfy, "fix_text", lambda text, **options: calls.append(text) or fix_text(text, **options))
    garbled = "It\u00e2\u20ac\u2122s fine".encode()
    for version in ("v1", "v1", "v2"):  # a build, the next one, one of other code
        lasting.restore(tmp_path, version)
        assert decode(garbled) == ("It’s fine", "garbled characters (mojibake) fixed")
        lasting.keep(tmp_path, version)
    assert len(calls) == 2  # the second build took the first one's repair


def test_empty_binary_and_oversized_files_are_skipped_with_reasons(tmp_path):
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.txt", "  \n\t\n")
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(tmp_path, "huge.txt", "word " * 1000)
    result = read_folder(tmp_path, 1000)
    reasons = {p.path: p.reason for p in result.problems}
    assert result.sources == ()
    assert all(p.severity == "error" for p in result.problems)
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["image.txt"]
    assert "too large" in reasons["huge.txt"]


def test_broken_front_matter_is_skipped(tmp_path):
    write(tmp_path, "broken.md", "---\ntitle: [unclosed\n---\n\nBody text.")
    result = read_folder(tmp_path, LIMIT)
    assert result.sources == ()
    assert "front matter" in result.problems[0].reason


def test_front_matter_with_wrong_types_keeps_the_article():
    front, warnings, unused = parse_front_matter({"date": "yesterday", "tags": 5, "title": [1, 2], "colour": "red"})
    assert front.date is None and front.tags == () and front.title is None
    assert len(warnings) == 3 and unused == ["colour"]  # an unknown key is no fault of the file


def test_front_matter_values_are_typed():
    front, warnings, _ = parse_front_matter(
        {"title": " A  title ", "date": date(2020, 4, 21), "source": "MOFA", "url": "https://x.org/a", "tags": "a, b"}
    )
    assert (front.title, front.date, front.source, front.url, front.tags) == (
        "A title", date(2020, 4, 21), "MOFA", "https://x.org/a", ("a", "b"))
    assert warnings == []


def test_a_url_that_is_not_http_is_dropped():
    front, warnings, _ = parse_front_matter({"url": "javascript:alert(1)"})
    assert front.url is None and warnings


@pytest.mark.parametrize(("meta", "expected"), [
    ({"published_time": "2023-10-01 22:47:47-04:00"}, date(2023, 10, 1)),
    ({"date_published": "2023-11-17T09:07:57Z"}, date(2023, 11, 17)),
    ({"pubDate": "Sat, 28 Oct 2023 11:35:00 GMT"}, date(2023, 10, 28)),
    ({"published": date(2020, 4, 21)}, date(2020, 4, 21)),
    ({"date": "2023-10-02", "published_time": "2023-10-01 22:47:47-04:00"}, date(2023, 10, 2)),  # ours first
])
def test_dates_as_cms_and_feeds_write_them(meta, expected):
    front, warnings, unused = parse_front_matter(meta)
    assert front.date == expected and warnings == [] and unused == []


def test_front_matter_as_scrapers_and_cms_write_it():
    front, warnings, unused = parse_front_matter({
        "source_url": "https://www.whitehouse.gov/briefing-room/x/", "site_name": "The White House",
        "authors": ["Jane Doe", "John Roe"], "keywords": "Gaza, hostages", "categories": ["statements-releases"],
        "modified_time": "2023-10-02 10:00:00-04:00",
    })
    assert front.url == "https://www.whitehouse.gov/briefing-room/x/" and front.source == "The White House"
    assert front.author == "Jane Doe, John Roe"
    assert front.tags == ("Gaza", "hostages")  # topics
    assert front.categories == ("statements-releases",)  # a scraper's folder name: not a topic
    assert warnings == [] and unused == ["modified_time"]


def test_unused_keys_are_counted_once_per_folder_and_are_no_problem(tmp_path):
    for n in range(3):
        write(tmp_path, f"{n}.md", f"---\nmodified_time: 2023-10-0{n + 1}\n---\nTitle {n}\n\nText of article {n}.")
    result = read_folder(tmp_path, LIMIT)
    assert result.problems == () and dict(result.unused_keys) == {"modified_time": 3}


def test_symbolic_link_outside_the_folder_is_skipped(tmp_path):
    outside = write(tmp_path, "secret.txt", "Secret\n\nDo not publish.")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "link.txt").symlink_to(outside)
    write(seeds, "inside.txt", "Inside\n\nFine.")
    (seeds / "inner-link.txt").symlink_to(seeds / "inside.txt")
    result = read_folder(seeds, LIMIT)
    assert [s.path for s in result.sources] == ["inner-link.txt", "inside.txt"]
    assert result.problems[0].path == "link.txt" and "outside" in result.problems[0].reason


def test_missing_folder_is_one_problem(tmp_path):
    result = read_folder(tmp_path / "nope", LIMIT)
    assert result.sources == () and len(result.problems) == 1
