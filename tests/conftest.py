"""Shared fixtures: small inputs built inline, and the seed site built once per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from generator.clean.article import clean
from generator.model import Article, FrontMatter, Source
from tests.browsing import watched_page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_source(body: str, path: str = "article.txt", front: FrontMatter | None = None) -> Source:
    """A Source as the reader would give it, from text written in the test."""
    return Source(path, body, front or FrontMatter(), "0" * 64)


def make_article(body: str, path: str = "article.txt", front: FrontMatter | None = None) -> Article:
    return clean(make_source(body, path, front))


def build_site(project: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build [--strict]` for a project folder, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


HARBOUR = "Harbour reopens\n\nThe harbour of Bergen reopened on Monday after repairs.\n"


def one_article_project(tmp_path: Path, text: str = HARBOUR) -> Path:
    """A copy of this project's site configuration whose seeds are one article."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "project").mkdir()
    return copy_project(tmp_path / "project", seeds)


def copy_project(target: Path, seeds: Path = SEEDS) -> Path:
    """A copy of this project's site configuration with the given seeds folder."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(seeds, target / "seeds", symlinks=True)
    return target


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The real site built from seeds/ with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("seed-site")
    result = build_site(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """(project, site, build result) for the hostile battery (tests/hostile.py) beside a hand-written page."""
    from tests.hostile import seed_folder

    root = tmp_path_factory.mktemp("hostile")
    project = root / "project"
    project.mkdir()
    copy_project(project, seed_folder(root))
    (project / "docs" / "notes.md").write_text("# My notes\n\nHand-written.\n")
    result = build_site(project, root / "site", strict=False)
    return project, root / "site", result


@pytest.fixture(scope="session")
def site_url(seed_site: Path) -> Iterator[str]:
    """The seed site served on localhost."""
    from scripts.browser import serve

    with serve(seed_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from scripts.browser import CHROMIUM, chromium

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)")
    with ExitStack() as stack:
        try:
            started = stack.enter_context(chromium())
        except PlaywrightError as error:
            pytest.skip(f"Chromium could not start: {error.message.splitlines()[0]}")
        yield started


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A watched page at a desktop's size (tests/browsing.py)."""
    with watched_page(browser, viewport={"width": 1280, "height": 900}) as opened:
        yield opened
