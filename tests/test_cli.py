"""python -m generator: build without mkdocs, and check a folder of articles."""

from __future__ import annotations

import shutil

from generator.__main__ import main
from tests.conftest import SEEDS


def test_build_writes_the_markdown_to_a_folder(tmp_path, capsys):
    assert main(["build", "--seeds", str(SEEDS), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "index.md").is_file()
    assert len(list((tmp_path / "briefs").glob("*.md"))) == 3  # two briefs and their index
    assert "2 briefs" in capsys.readouterr().err


def test_check_passes_on_the_seeds_and_fails_when_a_file_would_be_skipped(tmp_path, capsys):
    assert main(["check", str(SEEDS)]) == 0
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    (seeds / "empty.txt").write_text("")
    assert main(["check", str(seeds)]) == 1
    assert "ERROR: empty.txt: skipped: the file is empty" in capsys.readouterr().out
