"""Search benchmark: what a reader downloads to open one brief and search once, and how soon the
first results show, in headless Chromium against the built site served on localhost.

    .venv/bin/python bench/search.py --data ../shared/bench/bbc/articles [--scale K] [--json OUT]
    .venv/bin/python bench/search.py --site SITE_DIR [--json OUT]     (a site already built)

Each query runs in a fresh browser context (nothing cached): open a brief, wait until the page
is idle, type the query into the search box at once, time until the first result is listed,
wait until the page is idle again. The time is taken in the page (`performance.now()` when the
query's input event comes, and when a mutation observer sees the result count said), so the
test driver's polling does not add to it. The site is served as a web host that compresses
(GitHub Pages) serves it: text gzipped at level 6, Pagefind's index files (compressed already) as
they are. Bytes are what the browser received, and beside them the same files as they are on disk
(what a host that does not compress would send).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import expect  # noqa: E402

from scripts.browser import chromium, serve  # noqa: E402

from build import ENV, make_project  # noqa: E402  (bench/build.py, beside this script)

QUERIES = ("election", "prime minister", "oil", "court", "music")  # common news words, to many pages
TARGET_KB, TARGET_MS = 500, 300
PLACEHOLDER = "Type to start searching"
# in the page, before the query is typed: when its input event comes (listened to before
# search.js's own listener) and when the first result's count replaces the placeholder
CLOCK = """placeholder => {
  window.__typed = window.__shown = null;
  document.addEventListener("input", () => { window.__typed ??= performance.now(); }, true);
  const meta = document.querySelector(".md-search-result__meta");
  new MutationObserver(() => {
    if (meta.textContent !== placeholder) window.__shown ??= performance.now();
  }).observe(meta, { childList: true, characterData: true, subtree: true });
}"""
SHOWN_MS = "() => window.__shown - window.__typed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="folder of articles to build a site from")
    parser.add_argument("--scale", type=int, default=1, help="repeat the corpus K times (bench/build.py)")
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    args = parser.parse_args()
    if not args.site and not args.data:
        parser.error("give --data or --site")
    with tempfile.TemporaryDirectory(prefix="briefing-search-") as work:
        site = args.site or build(args.data, args.scale, Path(work))
        figures = {"scale": args.scale if not args.site else None, **measure(site)}
    print_table(figures)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


def build(data: Path, scale: int, work: Path) -> Path:
    project = make_project(work / "project", data, scale)
    site = work / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=project, env=ENV,
                   check=True, capture_output=True)
    return site


def measure(site: Path) -> dict:
    brief = sorted((site / "briefs").glob("*.html"))[len(list((site / "briefs").glob("*.html"))) // 2]
    pages = sum(1 for _ in site.rglob("*.html"))
    index = site / "pagefind"
    runs = []
    sent: list[tuple[str, int]] = []  # each response's path and body size, as the server sent them
    with serve(site, compress=True, sent=sent) as base, chromium() as browser:
        for query in QUERIES:
            runs.append(one_search(browser, base, sent, site, brief.relative_to(site).as_posix(), query))
    return {
        "pages": pages,
        "index_files": sum(1 for p in index.rglob("*") if p.is_file()),
        "index_mib": round(sum(p.stat().st_size for p in index.rglob("*") if p.is_file()) / 2**20, 2),
        "brief": brief.name,
        "runs": runs,
        "page_view_kb": round(statistics.median(r["page_view_kb"] for r in runs), 1),
        "total_kb": round(max(r["total_kb"] for r in runs), 1),
        "total_gzip_kb": round(max(r["total_gzip_kb"] for r in runs), 1),
        "first_results_ms": round(statistics.median(r["first_results_ms"] for r in runs)),
        "first_results_ms_max": round(max(r["first_results_ms"] for r in runs)),
        "typed_results_ms": round(statistics.median(r["typed_results_ms"] for r in runs)),
        "typed_results_ms_max": round(max(r["typed_results_ms"] for r in runs)),
    }


def one_search(browser, base: str, sent: list[tuple[str, int]], site: Path, brief: str, query: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    sent.clear()
    page = context.new_page()
    page.goto(base + brief)
    page.wait_for_load_state("networkidle")
    viewed = list(sent)
    page.keyboard.press("/")
    field = page.locator("input[data-briefing-search]")
    page.evaluate(CLOCK, PLACEHOLDER)
    field.fill(query)  # at once: Pagefind's engine starts loading only now
    # the count is said once the first result is listed (or that there are none)
    expect(page.locator(".md-search-result__meta")).not_to_have_text(PLACEHOLDER, timeout=60_000)
    shown_ms = page.evaluate(SHOWN_MS)
    page.wait_for_load_state("networkidle")
    results = page.locator(".md-search-result__meta").inner_text()
    context.close()
    received, searched = list(sent), sent[len(viewed):]
    # as a reader searches: the engine starts loading when the box opens (search.js), and has
    # loaded by the time a word is typed; timed from the query to its first result
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + brief)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.evaluate(CLOCK, PLACEHOLDER)
    page.locator("input[data-briefing-search]").fill(query)
    expect(page.locator(".md-search-result__meta")).not_to_have_text(PLACEHOLDER, timeout=60_000)
    typed_ms = page.evaluate(SHOWN_MS)
    context.close()
    return {
        "query": query,
        "results": results,
        "requests": len(received),
        "page_view_kb": sum(_on_disk(site, path) for path, _ in viewed) / 1024,
        "total_kb": sum(_on_disk(site, path) for path, _ in received) / 1024,
        "total_gzip_kb": sum(size for _, size in received) / 1024,
        "search_kb": sum(_on_disk(site, path) for path, _ in searched) / 1024,
        "first_results_ms": shown_ms,
        "typed_results_ms": typed_ms,
    }


def _on_disk(site: Path, served: str) -> int:
    """The size of the file a path served, as a host that does not compress would send it."""
    path = site / unquote(urlsplit(served).path).lstrip("/")
    return (path / "index.html" if path.is_dir() else path).stat().st_size


def print_table(f: dict) -> None:
    print(f"site: {f['pages']} pages; Pagefind index {f['index_files']} files, {f['index_mib']} MiB on disk")
    print("| query | results | requests | page view KB | + search KB | total KB | received gzipped KB | "
          "first results ms, engine loading / loaded |")
    print("|---|---|---|---|---|---|---|---|")
    for r in f["runs"]:
        print(f"| {r['query']} | {r['results']} | {r['requests']} | {r['page_view_kb']:.0f} | {r['search_kb']:.0f} | "
              f"{r['total_kb']:.0f} | {r['total_gzip_kb']:.0f} | {r['first_results_ms']:.0f} / "
              f"{r['typed_results_ms']:.0f} |")
    print(f"largest total {f['total_gzip_kb']:.0f} KB received gzipped, {f['total_kb']:.0f} KB uncompressed "
          f"(target < {TARGET_KB} KB); first results, median (most): {f['first_results_ms']} "
          f"({f['first_results_ms_max']}) ms with the engine loading after the query, {f['typed_results_ms']} "
          f"({f['typed_results_ms_max']}) ms with it loaded as the box opened (target <= {TARGET_MS} ms)")


if __name__ == "__main__":
    main()
