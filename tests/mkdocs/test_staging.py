"""staging: generated pages on disk for dirty builds, rewritten only when they change."""

from __future__ import annotations

import os

from generator.mkdocs.staging import stage
from generator.model import MarkdownPage


def test_unchanged_pages_keep_their_files_and_changed_ones_are_rewritten(tmp_path):
    pages = [MarkdownPage("index.md", "# Home\n"), MarkdownPage("briefs/a.md", "A\n"), MarkdownPage("briefs/b.md", "B\n")]
    staged = stage(pages, tmp_path)
    assert staged["briefs/a.md"].read_text(encoding="utf-8") == "A\n"
    for path in staged.values():
        os.utime(path, (1_000_000, 1_000_000))
    stage([pages[0], MarkdownPage("briefs/a.md", "A, edited\n"), pages[2]], tmp_path)
    assert staged["briefs/a.md"].read_text(encoding="utf-8") == "A, edited\n"
    assert staged["briefs/a.md"].stat().st_mtime > 1_000_000
    assert staged["briefs/b.md"].stat().st_mtime == 1_000_000
    assert staged["index.md"].stat().st_mtime == 1_000_000


def test_pages_no_longer_generated_are_removed(tmp_path):
    stage([MarkdownPage("briefs/a.md", "A\n"), MarkdownPage("briefs/b.md", "B\n")], tmp_path)
    stage([MarkdownPage("briefs/a.md", "A\n")], tmp_path)
    assert sorted(p.name for p in (tmp_path / "briefs").iterdir()) == ["a.md"]


def test_a_staged_file_changed_by_hand_is_staged_again(tmp_path):
    page = MarkdownPage("briefs/a.md", "A\n")
    staged = stage([page], tmp_path)
    staged["briefs/a.md"].write_text("B\n", encoding="utf-8")  # same size, another text
    os.utime(staged["briefs/a.md"], (2_000_000, 2_000_000))  # later than staging, whatever the clock's grain
    stage([page], tmp_path)
    assert staged["briefs/a.md"].read_text(encoding="utf-8") == "A\n"
    (tmp_path / ".staged.json").write_text("not JSON", encoding="utf-8")
    stage([page], tmp_path)
    assert staged["briefs/a.md"].read_text(encoding="utf-8") == "A\n"
