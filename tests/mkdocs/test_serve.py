"""mkdocs serve: editing or adding a seed regenerates the pages while serving."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import copy_project

SEED = "002_5fd77ef30633fba7.txt"
SLUG = "wang-yi-speaks-by-phone-with-japanese-foreign-minister-toshimitsu-motegi"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        if not wait_for(base, "Latest briefs"):
            pytest.fail(f"mkdocs serve did not start: {server.stderr.read() if server.poll() is not None else ''}")
        yield project, base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_editing_and_adding_seeds_updates_the_served_site(served):
    project, base = served
    seed = project / "seeds" / SEED
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nThe ministers also discussed the zeppelin "
                    "exhibition planned for next spring.\n", encoding="utf-8")
    assert wait_for(f"{base}briefs/{SLUG}.html", "zeppelin exhibition")
    (project / "seeds" / "new.txt").write_text("Talks in Geneva resume\n\nDiplomats met in Geneva on Monday "
                                               "to resume the stalled talks.\n", encoding="utf-8")
    assert wait_for(f"{base}briefs/talks-in-geneva-resume.html", "Diplomats met in Geneva")
    assert wait_for(f"{base}briefs/index.html", "Talks in Geneva resume")


def test_a_dirty_rebuild_renders_only_the_pages_an_edit_changed(tmp_path):
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(site)]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    edited, untouched = site / "briefs" / f"{SLUG}.html", site / "about.html"
    before = {path: path.stat().st_mtime_ns for path in (edited, untouched)}
    time.sleep(1.1)  # file times must be able to tell the builds apart
    seed = project / "seeds" / SEED
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nThe ministers also discussed the zeppelin "
                    "exhibition planned for next spring.\n", encoding="utf-8")
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    assert "zeppelin exhibition" in edited.read_text(encoding="utf-8")
    assert edited.stat().st_mtime_ns > before[edited]
    assert untouched.stat().st_mtime_ns == before[untouched]  # its Markdown did not change
    assert (project / ".cache" / "pages" / "briefs" / f"{SLUG}.md").is_file()
    assert not (project / "docs" / "briefs").exists()  # staged under the cache, never in docs/
