"""Shared fixtures: small inputs built inline, and the seed site built once per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.clean import clean
from generator.model import Article, FrontMatter, Source

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
