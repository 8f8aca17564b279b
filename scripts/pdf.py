"""`make pdf`: every brief of a built site as its own PDF, and the print pack as one PDF.

Printed by headless Chromium from the site served on localhost, so a PDF is exactly what a
reader gets from the Print button (see scripts/browser.py for why Chromium).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pypdf import PdfReader

from scripts.browser import PAPERS, chromium, print_pdf, serve

PACK = "print/all.html"


def brief_paths(site: Path) -> list[str]:
    """The address of every brief page of the site (briefs/<slug>.html), by slug."""
    return sorted(f"briefs/{page.name}" for page in (site / "briefs").glob("*.html") if page.name != "index.html")


def make_pdfs(site: Path, out: Path, paper: str) -> list[Path]:
    """Print each brief to out/briefs/<slug>.pdf and the pack to out/pack.pdf."""
    targets = [(path, out / "briefs" / f"{Path(path).stem}.pdf") for path in brief_paths(site)]
    if (site / PACK).exists():
        targets.append((PACK, out / "pack.pdf"))
    written = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for path, pdf in targets:
            page.goto(base + path, wait_until="load")
            written.append(print_pdf(page, pdf, paper))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--out", type=Path, default=Path("build/pdf"), help="folder for the PDFs")
    parser.add_argument("--paper", choices=PAPERS, default="A4")
    args = parser.parse_args(argv)
    if not (args.site / "briefs").is_dir():
        print(f"{args.site} holds no built site: run `make site` first", file=sys.stderr)
        return 1
    written = make_pdfs(args.site, args.out, args.paper)
    for pdf in written:
        print(f"{pdf}: {len(PdfReader(pdf).pages)} pages on {args.paper}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
