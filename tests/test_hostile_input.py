"""Broken and hostile input: the site still builds, nothing leaks, nothing is lost."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, build_site
from tests.sitecheck import main_content, parse

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
    "no-article.html": ("ERROR", "skipped: no article found in the web page"),
}


def test_the_site_builds_and_every_problem_is_named_with_its_reason(hostile_build):
    _, _, result = hostile_build
    assert result.returncode == 0, result.stderr
    for name, (level, reason) in EXPECTED.items():
        assert any(line.startswith(level) and f"{name}: {reason}" in line for line in result.stderr.splitlines()), name
    assert "7 files skipped" in result.stderr


def test_strict_build_fails_on_bad_input(hostile_build, tmp_path):
    project, _, _ = hostile_build
    assert build_site(project, tmp_path / "strict").returncode != 0


def test_readable_files_become_briefs(hostile_build):
    _, site, _ = hostile_build
    briefs = {p.stem for p in (site / "briefs").glob("*.html")} - {"index"}
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
        for tag, _ in content.tags:
            assert tag not in ("script", "iframe", "img", "object", "embed", "form", "style"), (page, tag)
        assert_no_markup_from_articles(page, parse(page))


# Attributes whose value may hold an article's text (as text): the page description, tooltips.
TEXT_ATTRIBUTES = {"content", "title", "aria-label", "data-summary"}  # data-summary: Pagefind reads it as text
SLUG = re.compile(r"[\w#:./-]+")
URL = re.compile(r"https?://[^\s\"'<>`]+")


def assert_no_markup_from_articles(page: Path, parsed) -> None:
    """The whole page, the theme's chrome included: every payload stayed text.

    The payloads all write `__pwned`; the theme's own markup never does. No handler, no
    `javascript:` address and no script of an article's; where the text of a payload sits in
    an attribute, it is a text attribute's value and did not end it (no attribute appeared).
    """
    for tag, attributes in parsed.tags:
        for name, value in attributes.items():
            value = (value or "").strip()
            assert not name.startswith("on") and name != "data-x", (page, tag, name)
            assert not value.lower().startswith("javascript:"), (page, tag, name, value)
            # a slug made of a payload (an anchor, a file name) is a name, and an address with
            # its quotes and spaces percent-encoded is an address: neither is markup
            harmless = name in TEXT_ATTRIBUTES or SLUG.fullmatch(value) or (name == "href" and URL.fullmatch(value))
            assert "__pwned" not in value or harmless, (page, tag, name, value)
        if tag == "script":
            assert "src" not in attributes or "://" not in attributes["src"], (page, attributes)
    assert "__pwned" not in "".join(parsed.scripts), page


def test_a_saved_page_shows_its_markup_as_text(hostile_build):
    _, site, _ = hostile_build
    (page,) = (site / "briefs").glob("rostock-*.html")
    content = main_content(page)
    assert "Rostock <script>window.__pwned=1</script> harbour fees" in content.plain
    assert "<img src=x onerror=window.__pwned=1>" in content.plain


def test_hostile_text_is_shown_as_text_and_structure_is_the_generators(hostile_build):
    _, site, _ = hostile_build
    content = main_content(site / "briefs" / "hostile-article-about-berlin.html")
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
    assert (site / "notes.html").is_file()


def test_front_matter_and_titles_reach_the_theme_as_text(hostile_build):
    _, site, _ = hostile_build
    page = parse(site / "briefs" / "q-a-script-window-pwned-1-script-about-ports-img-src-x-onerror-window-pwned-1.html")
    # the theme prints the title raw into <title> and the header: it arrives there as text
    assert 'Q&A <script>window.__pwned=1</script> about "ports"' in page.plain
    assert page.tag_count("script") == parse(site / "about.html").tag_count("script")
    described = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("name") == "description"]
    assert described == ['Port plan " onmouseover="window.__pwned=1" data-x="']
    chips = set(page.text_of("md-tag"))
    assert {"<svg onload=window.__pwned=1>", 'Q&A "ports"'} <= chips
    entity = parse(site / "entities" / "maria-lopez-svg.html")
    assert 'Maria Lopez"><svg' in entity.plain


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(folder.rglob("*")) if p.is_file()}
