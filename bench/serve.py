"""Serve benchmark: how long after an article is edited `mkdocs serve` shows the change.

    .venv/bin/python bench/serve.py --data ../shared/bench/bbc/articles [--articles 1000] [--json OUT]

Builds a project of the first N articles, starts `mkdocs serve` (plain, then `--dirty`),
waits for the first build, then appends a sentence to one article and times until its
brief page, fetched over HTTP, shows it. Prints a table.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.brief.slugs import brief_slugs  # noqa: E402
from generator.clean import clean_all  # noqa: E402
from generator.read.files import read_folder  # noqa: E402

from build import (  # noqa: E402  (bench/build.py, beside this script)
    make_project,
    write_json,
)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MARKER = "The committee will publish its findings in a zeppelin hangar."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of .txt/.md articles")
    parser.add_argument("--articles", type=int, default=1000, help="how many of them the site holds")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    args = parser.parse_args()
    figures = {"articles": args.articles}
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as work:
        project = make_project(Path(work) / "project", args.data, 1, args.articles)
        for mode in ("full", "dirty"):
            edit = sorted((project / "seeds").iterdir())[mode == "dirty"]
            figures[mode] = measure(project, dirty=mode == "dirty", edit=edit)
    for mode in ("full", "dirty"):
        f = figures[mode]
        flag = " --dirty" if mode == "dirty" else ""
        print(f"| mkdocs serve{flag}: first build | {f['first_build_s']:.1f} s |")
        print(f"| mkdocs serve{flag}: edit shown after | {f['edit_shown_s']:.1f} s |")
    if args.json:
        write_json(args.json, figures)


def measure(project: Path, dirty: bool, edit: Path) -> dict:
    """Seconds to the first served build, and from saving an edit to seeing it served."""
    url = f"briefs/{slug_of(project / 'seeds', edit)}/"
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    start = time.perf_counter()
    server = subprocess.Popen(command + (["--dirty"] if dirty else []), cwd=project, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + url, edit.read_text(encoding="utf-8").splitlines()[0][:40])
        first = time.perf_counter() - start
        time.sleep(2)  # let the watcher settle
        edited = time.perf_counter()
        edit.write_text(edit.read_text(encoding="utf-8") + f"\n\n{MARKER}\n", encoding="utf-8")
        wait_for(base + url, "zeppelin hangar")
        return {"first_build_s": first, "edit_shown_s": time.perf_counter() - edited}
    finally:
        server.terminate()
        server.wait(timeout=60)


def slug_of(seeds: Path, article: Path) -> str:
    articles, _ = clean_all(read_folder(seeds, 2_000_000).sources)
    slugs = dict(zip((a.source.path for a in articles), brief_slugs(articles)))
    return slugs[article.name]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, text: str, seconds: float = 900) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if text in response.read().decode("utf-8"):
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not show {text!r} within {seconds} s")


if __name__ == "__main__":
    main()
