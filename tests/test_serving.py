"""The local server the browser tests and the search bench use, compressing as a web host would."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from scripts.browser import serve


def _get(url: str, encoding: str) -> tuple[str | None, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return response.headers.get("Content-Encoding"), response.read()


def test_a_compressing_server_sends_text_gzipped_and_notes_what_it_sent(tmp_path: Path) -> None:
    page = "<!doctype html><title>t</title>" + "<p>the same words again</p>" * 200
    (tmp_path / "brief").mkdir()
    (tmp_path / "brief" / "index.html").write_text(page)
    (tmp_path / "chunk.pf_index").write_bytes(gzip.compress(b"already compressed"))
    sent: list[tuple[str, int]] = []
    with serve(tmp_path, compress=True, sent=sent) as base:
        encoding, body = _get(base + "brief/", "gzip, deflate")
        assert encoding == "gzip" and gzip.decompress(body).decode() == page
        assert sent == [("/brief/", len(body))] and len(body) < len(page) / 5
        # a client that does not accept gzip, and a file that is not text, get the bytes on disk
        assert _get(base + "brief/", "identity") == (None, page.encode())
        assert _get(base + "chunk.pf_index", "gzip") == (None, (tmp_path / "chunk.pf_index").read_bytes())
        # a folder without its slash is redirected first, as by a plain server
        sent.clear()
        encoding, body = _get(base + "brief", "gzip")
        assert encoding == "gzip" and [path for path, _ in sent] == ["/brief", "/brief/"]


def test_a_plain_server_sends_the_bytes_on_disk(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>words</p>" * 100)
    with serve(tmp_path) as base:
        assert _get(base, "gzip") == (None, (tmp_path / "index.html").read_bytes())
