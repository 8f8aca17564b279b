"""The built site in a real browser: served on localhost, opened in Debian's headless Chromium.

Shared by `make pdf`, `make screenshots` and tests/test_browser.py, so the PDFs people get and
the PDFs the tests check are printed the same way. Playwright drives the system's Chromium
over the DevTools protocol; it never downloads a browser of its own.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# This machine has no network: nothing in Chromium may try to reach one, and root needs no sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PAPERS = ("A4", "Letter")
# The running footer of `make pdf`: the page's title, outside the content. "Page N of M" is the
# site's own (print.css), so the Print button's paper has it too.
FOOTER = (
    '<div style="font: 7pt sans-serif; color: #444; width: 100%; margin: 0 16mm;"><span class="title"></span></div>'
)


class _Server(http.server.ThreadingHTTPServer):
    # A browser opens several connections at once; on two busy cores the default backlog of 5
    # can refuse some, which the page would report as failed loads.
    request_queue_size = 64


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    sent: list[tuple[str, int]] | None = None  # where to note each response's path and body size

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would bury the test and make output

    def send_header(self, keyword: str, value: str) -> None:
        if keyword == "Content-Length" and self.sent is not None:
            self.sent.append((self.path, int(value)))
        super().send_header(keyword, value)


# What a web host that compresses (GitHub Pages, as the workflow publishes) sends gzipped: text.
# Pagefind's index files are compressed already and are sent as they are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _CompressingHandler(_QuietHandler):
    """Sends text gzipped (level 6) to a client that accepts it, as a compressing host would."""

    def send_head(self):  # type: ignore[no-untyped-def]  (http.server's own signature)
        path = Path(self.translate_path(self.path))
        if path.is_dir():  # without its slash, the parent's redirect comes first
            path = path / "index.html" if urlsplit(self.path).path.endswith("/") else path
        kind = self.guess_type(str(path))
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or not kind.startswith(
                COMPRESSED_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(folder: Path, compress: bool = False, sent: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port, in a thread; yields the base URL. With
    `compress`, text goes gzipped to a client that accepts it, as from a web host that compresses;
    each response's path and the size of the body sent are appended to `sent` if given."""
    kind = _CompressingHandler if compress else _QuietHandler
    handler = functools.partial(type("_Handler", (kind,), {"sent": sent}), directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium, closed afterwards; Playwright gives it a fresh temporary profile."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def print_pdf(page: Page, path: Path, paper: str = "A4", footer: bool = True) -> Path:
    """Print the open page to `path` as the browser's own Print would, on the given paper."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.emulate_media(media="print")
    page.pdf(
        path=str(path), format=paper, print_background=False, prefer_css_page_size=False,
        display_header_footer=footer, header_template="<span></span>", footer_template=FOOTER,
    )
    page.emulate_media(media="screen")
    return path
