"""Reproducible builds: the same input and SOURCE_DATE_EPOCH give byte-identical sites."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_project


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def build(project: Path, site: Path, epoch: str | None, hash_seed: str) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(PYTHONHASHSEED=hash_seed, NO_MKDOCS_2_WARNING="1")
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=project, env=env, check=True, capture_output=True)
    return tree(site)


def test_two_clean_builds_are_byte_identical(tmp_path):
    first = copy_project(_folder(tmp_path / "a"))
    second = copy_project(_folder(tmp_path / "b"))
    one = build(first, tmp_path / "site-a", "1600000000", "1")
    two = build(second, tmp_path / "site-b", "1600000000", "2")  # other folder, other hash seed
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_a_warm_build_from_the_cache_gives_the_same_site(tmp_path):
    project = copy_project(_folder(tmp_path / "p"))
    cold = build(project, tmp_path / "cold", "1600000000", "0")
    assert (project / ".cache").is_dir()
    warm = build(project, tmp_path / "warm", "1600000000", "0")
    shutil.rmtree(project / ".cache")
    assert cold == warm


def test_without_source_date_epoch_only_build_dates_differ(tmp_path):
    project = copy_project(_folder(tmp_path / "p"))
    fixed = build(project, tmp_path / "fixed", "1600000000", "0")
    now = build(project, tmp_path / "now", None, "0")
    differing = [name for name in fixed if fixed[name] != now[name]]
    assert differing  # the print header says when the site was built
    for name in differing:
        assert without_build_dates(name, fixed[name]) == without_build_dates(name, now[name]), name


# The documented build-date fields: the print header's "Site built", the sitemap's lastmod, and
# the feeds' times of update (an undated brief's entry, and so its feed, is as new as the build).
BUILD_DATES = [re.compile(rb"(Site built:</strong> )[^<]*()"), re.compile(rb"(<lastmod>)[^<]*(</lastmod>)"),
               re.compile(rb"(<updated>)[^<]*(</updated>)"), re.compile(rb'("date_modified": ")[^"]*(")')]


def without_build_dates(name: str, data: bytes) -> bytes:
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    for field in BUILD_DATES:
        data = field.sub(rb"\1\2", data)
    return data


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
