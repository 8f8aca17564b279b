"""Front matter as a scraper writes it builds with `mkdocs build --strict`, and is understood."""

from __future__ import annotations

from tests.conftest import build_site, copy_project
from tests.sitecheck import main_content

SCRAPED = """---
date: '2023-10-02'
published_time: 2023-10-02 18:03:11-04:00
modified_time: 2023-10-03 09:12:00-04:00
source_url: https://www.whitehouse.gov/briefing-room/statements-releases/2023/10/02/readout/
tags: statements-releases
title: "Readout of President\\_Biden's Call with Prime Minister\\_Kishida"
---

President Biden spoke today with Prime Minister Kishida Fumio of Japan about the situation in the
region and the coming summit in San Francisco.

The two leaders agreed to work together on supply chains and on clean energy.

\\###
"""


def test_a_scraped_release_builds_strictly_with_its_source_link_and_no_leftovers(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "readout.md").write_text(SCRAPED, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project, seeds)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr  # an unused key is information, not a failure
    assert "front matter keys not used: modified_time (1 file)" in result.stderr
    (page,) = [p for p in (tmp_path / "site" / "briefs").glob("*.html") if p.name != "index.html"]
    content = main_content(page)
    assert "Readout of President Biden's Call with Prime Minister Kishida" in content.plain
    assert "Source: www.whitehouse.gov" in content.plain and "Date: 2023-10-02" in content.plain
    assert "https://www.whitehouse.gov/briefing-room/statements-releases/2023/10/02/readout/" in content.links
    assert "\\###" not in content.plain and "###" not in content.plain
    # the scraper's folder name is no topic: no tag chip, no topic pack
    assert "statements-releases" not in page.read_text(encoding="utf-8").split("<article")[0]
    assert not (tmp_path / "site" / "print" / "topics" / "statements-releases.html").exists()
