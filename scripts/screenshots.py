"""`make screenshots`: pictures of the site for the README, taken from a fresh build.

The site is built aside with SOURCE_DATE_EPOCH set to the last commit's time, so the pictures
change only when the project does, not every time they are taken.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Page

from scripts.browser import chromium, print_pdf, serve

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def build_site(site: Path) -> None:
    """`mkdocs build --strict` into `site`, dated by the last commit."""
    commit_time = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                                 text=True, check=False).stdout.strip()
    env = {**os.environ, "SOURCE_DATE_EPOCH": commit_time or "0", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


def take(browser: Browser, base: str, out: Path) -> list[Path]:
    """Home, the newest brief, an entity of its bottom line, the brief on a phone and on paper."""
    page = browser.new_page(viewport=DESKTOP)
    page.goto(base)
    shots = [_shot(page, out / "home.png")]
    brief = base + page.locator(".md-content dt a[href^='briefs/']").first.get_attribute("href")
    page.goto(brief)
    shots.append(_shot(page, out / "brief.png"))
    page.locator(".bottom-line a[href*='entities/']").first.click()
    page.wait_for_load_state()
    shots.append(_shot(page, out / "entity.png"))
    phone = browser.new_page(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    phone.goto(brief)
    shots.append(_shot(phone, out / "brief-phone.png"))
    page.goto(brief)
    shots.append(_printed(page, out / "brief-printed.png"))
    return shots


def _shot(page: Page, path: Path) -> Path:
    page.screenshot(path=str(path))
    return path


def _printed(page: Page, path: Path) -> Path:
    """The first sheet of the brief printed on A4, as the PDF shows it (pdftoppm)."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = print_pdf(page, Path(folder) / "brief.pdf", "A4")
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(path.with_suffix(""))], check=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNG files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-site-") as site:
        build_site(Path(site))
        with serve(Path(site)) as base, chromium() as browser:
            for shot in take(browser, base, args.out):
                print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
