"""Broken and hostile input: the site still builds, nothing leaks, nothing is lost."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, build_site, copy_project
from tests.sitecheck import main_content

HOSTILE_TEXT = """Hostile article about Berlin

The mayor of Berlin spoke on Monday about <script>alert("x")</script> the city budget and its plans.

She showed <img src=x onerror=alert(1)> and <iframe src="https://evil.example"></iframe> to reporters.

A link [click me](javascript:alert(1)) and <a href="javascript:alert(2)">this</a> were handed out.

<!-- a hidden comment --> Template syntax {{ config }} and {% include "secret.html" %} stays text.

---

```python
unclosed code fence

# Not a heading

!!! danger "Not an admonition"

The budget for schools will rise by 40 million euros next year, the mayor said on Monday.
"""

PNG = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(13) + zlib.compress(bytes(200))


def seed_folder(root: Path) -> Path:
    """The real seeds plus one file for every kind of bad input."""
    seeds = root / "seeds"
    seeds.mkdir()
    for seed in SEEDS.iterdir():
        (seeds / seed.name).write_bytes(seed.read_bytes())
    files = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\n\t  \n",
        "image.txt": PNG,
        "utf16.txt": "Berlin budget talks\n\nThe mayor of Berlin met the council on Monday.".encode("utf-16"),
        "latin1.txt": "Café owners protest\n\nCafé owners in Paris protested on Tuesday.".encode("cp1252"),
        "mojibake.txt": "Minister\u00e2\u20ac\u2122s visit\n\nThe minister\u00e2\u20ac\u2122s visit to Rome "
                        "went ahead.".encode("utf-8"),
        "huge.txt": b"Huge\n\n" + b"word " * 4_200_000,
        "long-line.txt": ("The council of Berlin met again. " * 6000).encode("utf-8"),
        "table.md": b"| a | b |\n|---|---|\n| 1 | 2 |\n",
        "japanese.txt": "茂木外相と王毅外相が会談\n\n茂木外務大臣は来日中の王毅外相と会談し、協力で一致した。".encode("utf-8"),
        "broken-yaml.md": b"---\ntitle: [unclosed\ndate: 2020-01-01\n---\n\nText of the article.",
        "wrong-types.md": b"---\ndate: yesterday\ntags: 5\ntitle: [1, 2]\n---\nWrong types\n\nThe mayor of Berlin spoke.",
        "same-title-1.txt": b"Same title\n\nThe first article with this title is about Berlin.",
        "same-title-2.txt": b"Same title\n\nThe second article with this title is about Munich.",
        "name with spaces.txt": b"Spaces in the name\n\nThe mayor of Hamburg spoke on Friday.",
        "ünïcode.txt": "Unicode file name\n\nThe mayor of Köln spoke on Friday.".encode("utf-8"),
        ".hidden.txt": b"Hidden draft\n\nThis draft is not published.",
        "UPPER.TXT": b"Upper case name\n\nThe mayor of Bonn spoke on Friday.",
        "index.md": b"Index\n\nAn article whose file is called index.md, about Dresden.",
        "tags.md": b"Tags\n\nAn article whose file is called tags.md, about Leipzig.",
        "hostile.txt": HOSTILE_TEXT.encode("utf-8"),
        "sub/nested.txt": b"Nested article\n\nThe mayor of Potsdam spoke on Friday.",
    }
    for name, data in files.items():
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "secret.txt").write_text("Secret\n\nThis file is outside the seeds folder.")
    os.symlink(root / "secret.txt", seeds / "outside-link.txt")
    return seeds


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    project = root / "project"
    project.mkdir()
    copy_project(project, seed_folder(root))
    (project / "docs" / "notes.md").write_text("# My notes\n\nHand-written.\n")
    result = build_site(project, root / "site", strict=False)
    return project, root / "site", result


EXPECTED = {
    "empty.txt": ("ERROR", "skipped: the file is empty"),
    "whitespace.txt": ("ERROR", "skipped: the file is empty"),
    "image.txt": ("ERROR", "skipped: binary data, not text"),
    "huge.txt": ("ERROR", "skipped: too large"),
    "broken-yaml.md": ("ERROR", "skipped: the front matter is not valid YAML"),
    "outside-link.txt": ("ERROR", "skipped: a symbolic link to a file outside the seeds folder"),
    "latin1.txt": ("WARNING", "repaired: not UTF-8"),
    "mojibake.txt": ("WARNING", "repaired: garbled characters (mojibake) fixed"),
    "wrong-types.md": ("WARNING", "repaired: front matter 'date' is not a date"),
    "japanese.txt": ("WARNING", "not in English"),
}


def test_the_site_builds_and_every_problem_is_named_with_its_reason(hostile_build):
    _, site, result = hostile_build
    assert result.returncode == 0, result.stderr
    for name, (level, reason) in EXPECTED.items():
        assert any(line.startswith(level) and f"{name}: {reason}" in line for line in result.stderr.splitlines()), name
    assert "6 files skipped" in result.stderr


def test_strict_build_fails_on_bad_input(hostile_build, tmp_path):
    project, _, _ = hostile_build
    assert build_site(project, tmp_path / "strict").returncode != 0


def test_readable_files_become_briefs(hostile_build):
    _, site, _ = hostile_build
    briefs = {p.parent.name for p in (site / "briefs").glob("*/index.html")}
    for slug in ("berlin-budget-talks", "cafe-owners-protest", "spaces-in-the-name", "unicode-file-name",
                 "upper-case-name", "nested-article", "wrong-types", "tags", "hostile-article-about-berlin"):
        assert slug in briefs, slug
    assert "hidden-draft" not in briefs and "secret" not in briefs
    assert len([b for b in briefs if b.startswith("same-title")]) == 2
    assert any(b.startswith("index-") for b in briefs)


def test_nothing_from_an_article_survives_as_markup(hostile_build):
    _, site, _ = hostile_build
    for page in site.rglob("*.html"):
        content = main_content(page)
        for tag, attributes in content.tags:
            assert tag not in ("script", "iframe", "img", "object", "embed", "form", "style"), (page, tag)
            for name, value in attributes.items():
                assert not name.startswith("on"), (page, name)
                assert not (value or "").strip().lower().startswith("javascript:"), (page, name, value)


def test_hostile_text_is_shown_as_text_and_structure_is_the_generators(hostile_build):
    _, site, _ = hostile_build
    content = main_content(site / "briefs" / "hostile-article-about-berlin" / "index.html")
    assert '<script>alert("x")</script>' in content.plain
    assert "{{ config }}" in content.plain and '{% include "secret.html" %}' in content.plain
    assert "<!-- a hidden comment -->" in content.plain and '!!! danger "Not an admonition"' in content.plain
    assert "--- ```python unclosed code fence" in content.plain
    headings = [tag for tag, _ in content.tags if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre")]
    assert headings.count("h1") == 1
    assert "pre" not in headings and "hr" not in headings and "h3" not in headings


def test_hand_written_docs_are_untouched(hostile_build):
    project, site, _ = hostile_build
    assert snapshot(project / "docs") == snapshot(ROOT / "docs") | {"notes.md": "# My notes\n\nHand-written.\n"}
    assert (site / "notes" / "index.html").is_file()


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(folder.rglob("*")) if p.is_file()}
