"""Incremental builds: `mkdocs build --dirty` into the previous site equals a clean build, byte for
byte, and renders only what a change touched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.mkdocs.incremental import FINGERPRINT
from tests.conftest import copy_project
from tests.test_reproducible import tree

THIRD = "Harbour reopens\n\nThe harbour of Bergen reopened on Monday after repairs, said Mayor Marte Mjøs Persen.\n"
FOURTH = "Ferry fares rise\n\nFerry fares on the fjord rise by a tenth in May, Fjord1 said on Tuesday.\n"


def build(project: Path, site: Path, dirty: bool) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1600000000", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *(["--dirty"] if dirty else []),
               "--site-dir", str(site)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_an_incremental_build_after_a_change_an_addition_and_a_deletion_equals_a_clean_build(tmp_path):
    (tmp_path / "p").mkdir()
    project = copy_project(tmp_path / "p")
    seeds = project / "seeds"
    (seeds / "third.txt").write_text(THIRD, encoding="utf-8")
    site = tmp_path / "site"
    build(project, site, dirty=True)  # the first: every page, and every page staged
    third_brief = next(p.name for p in (site / "briefs").glob("harbour-reopens*.html"))
    before = stamps(site)

    changed = sorted(seeds.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nThe two ministers will meet again in May.\n",
                       encoding="utf-8")
    (seeds / "third.txt").unlink()
    (seeds / "fourth.txt").write_text(FOURTH, encoding="utf-8")
    clean = tmp_path / "clean"
    shutil.copytree(site, clean)  # the same previous site, so the front page compares with the same briefs
    build(project, clean, dirty=False)
    build(project, site, dirty=True)

    assert tree(site) == tree(clean)
    assert not (site / "briefs" / third_brief).exists()  # the deleted article's page is gone
    after = stamps(site)
    untouched = [name for name, stamp in after.items() if before.get(name) == stamp]
    assert untouched and len(untouched) < len(after)  # only what the change touched was rendered
    assert "tags.html" not in untouched  # a listing is rendered each time


def test_a_site_built_by_other_code_or_settings_is_rebuilt_whole(tmp_path):
    (tmp_path / "p").mkdir()
    project = copy_project(tmp_path / "p")
    site = tmp_path / "site"
    build(project, site, dirty=True)
    (site / FINGERPRINT).write_text("another generator\n", encoding="utf-8")
    (site / "left-over.html").write_text("<p>from another build</p>", encoding="utf-8")
    before = stamps(site)
    build(project, site, dirty=True)
    after = stamps(site)
    assert "left-over.html" not in after
    assert all(after[name] != before[name] for name in after if name in before)  # every page rendered again
