"""documents: Pagefind reads each page cut to its body, kept across builds while the page is."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.mkdocs import documents
from generator.mkdocs.documents import SearchDocuments, search_document
from generator.mkdocs.search import ARTICLE, holds_its_name, index_site, searchable

CHROME = "<nav>" + " ".join(f'<a href="p{i}.html">Menu entry {i}</a>' for i in range(50)) + "</nav>"


# what the templates mark as not to index: a list of briefs (nested), a label, a block holding metadata
IGNORED = ('<p class="back-link" data-pagefind-ignore=""><a href="index.html">All briefs</a></p>'
           '<div data-pagefind-ignore="data-pagefind-ignore"><ul><li><div><p>Listed elsewhere</p></div></li></ul>'
           '<div><p>Also listed</p></div></div>')
HOLDING_METADATA = '<div data-pagefind-ignore><span data-pagefind-meta="kind">Brief</span></div>'


def page(title: str, text: str) -> str:
    body = searchable(f"{ARTICLE}<h1 id='top'>{title}</h1>{IGNORED}<p>{text}</p><h2 id='more'>More</h2>"
                      f"<p><span data-pagefind-ignore>Label</span> {text}</p>{HOLDING_METADATA}</article>",
                      f"Summary of {title}", ("another name",))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - Briefing</title>'
            f"<link rel=stylesheet href=x.css></head><body>{CHROME}{body}<footer>Made with mkdocs</footer></body></html>")


def indexed(pages: dict[str, str], site: Path, folder: Path) -> dict[str, bytes]:
    """Each file of the search index of these pages (name: text), made into `site`."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(page(name.removesuffix(".html").title(), text), encoding="utf-8")
    index_site(site, folder)
    output = site / "pagefind"
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}


def test_a_document_is_the_page_without_what_surrounds_its_body():
    document = search_document(page("Wang Yi calls Motegi", "On COVID-19."))
    assert document is not None
    assert '<html lang="en">' in document and "<title>Wang Yi calls Motegi - Briefing</title>" in document
    assert "<article data-pagefind-body" in document and "On COVID-19." in document
    assert "Menu entry" not in document and "footer" not in document
    assert "All briefs" not in document and "listed" not in document and "Label" not in document
    assert HOLDING_METADATA in document  # Pagefind reads its metadata: it stays
    assert search_document("<html><body>404</body></html>") is None


def test_pagefind_indexes_the_documents_as_it_indexes_the_pages(tmp_path):
    site, documents = tmp_path / "site", SearchDocuments(tmp_path / "documents")
    for number in range(12):
        html = page(f"Brief {number}", f"Talks number {number} on trade, tariffs and the budget.")
        (site / "briefs").mkdir(parents=True, exist_ok=True)
        (site / "briefs" / f"b{number}.html").write_text(html, encoding="utf-8")
        documents.write(f"briefs/b{number}.html", html)
    (site / "404.html").write_text("<html><body>Not found</body></html>", encoding="utf-8")

    def index(folder: Path, output: Path) -> dict[str, bytes]:
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path", str(output),
                        "--force-language", "en", "--keep-index-url", "--silent"], check=True)
        return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}

    from_pages = index(site, tmp_path / "from-pages")
    assert len([name for name in from_pages if name.startswith("fragment/")]) == 12
    assert index(documents.folder, tmp_path / "from-documents") == from_pages


def test_a_page_not_rendered_keeps_its_document_while_its_file_is_unchanged(tmp_path):
    site, folder = tmp_path / "site", tmp_path / "documents"
    pages = {"a.html": page("Alpha", "first"), "b.html": page("Beta", "second"), "c.html": page("Gamma", "third")}
    site.mkdir()
    first = SearchDocuments(folder)
    for name, html in pages.items():
        (site / name).write_text(html, encoding="utf-8")
        first.write(name, html)
    first.complete(site, pages)

    # the next build renders none of them; b's file changes behind its back, c leaves the site
    (folder / "a.html").write_text("kept, not cut again", encoding="utf-8")
    (site / "b.html").write_text(page("Beta", "second, edited"), encoding="utf-8")
    stat = (site / "b.html").stat()
    os.utime(site / "b.html", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    (site / "c.html").unlink()
    SearchDocuments(folder).complete(site, ["a.html", "b.html"])

    assert (folder / "a.html").read_text() == "kept, not cut again"
    assert "second, edited" in (folder / "b.html").read_text()
    assert not (folder / "c.html").exists()


def test_a_page_whose_file_is_unknown_is_cut_from_the_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text(page("Alpha", "first"), encoding="utf-8")
    (site / "plain.html").write_text("<html><body>no body to index</body></html>", encoding="utf-8")
    documents = SearchDocuments(tmp_path / "documents")  # an empty folder: a site restored without its cache
    documents.complete(site, ["a.html", "plain.html"])
    assert (documents.folder / "a.html").read_text() == search_document(page("Alpha", "first"))
    assert not (documents.folder / "plain.html").exists()


def test_pagefind_over_the_previous_index_leaves_what_it_makes_from_nothing(tmp_path):
    def index(pages: dict[str, str], site: Path) -> dict[str, bytes]:
        return indexed(pages, site, tmp_path / "documents")

    before = {f"b{n}.html": f"Talks number {n} on trade and tariffs." for n in range(8)}
    after = {**{f"b{n}.html": f"Talks number {n} on trade and tariffs." for n in range(1, 8)},
             "b3.html": "Talks resumed on fisheries instead.", "b9.html": "A new brief on the budget."}
    previous = index(before, tmp_path / "site")
    again = index(after, tmp_path / "site")
    assert again == index(after, tmp_path / "fresh")
    assert set(previous) - set(again)  # the gone and changed pages' fragments, at least
    assert len([name for name in again if name.startswith("fragment/")]) == 8  # the gone pages' fragments left

    meta = next((tmp_path / "site" / "pagefind").glob("*.pf_meta"))
    meta.write_bytes(b"not an index")  # unreadable: made again whole
    assert index(after, tmp_path / "site") == again


def test_a_file_kept_under_the_name_of_new_content_makes_the_index_again(tmp_path):
    # Pagefind names a file by a short prefix of its content's hash and keeps a file that
    # exists: an old file under the name a new one gets (a collision) must not stay
    def index(pages: dict[str, str], site: Path) -> dict[str, bytes]:
        return indexed(pages, site, tmp_path / "documents")

    before = {f"b{n}.html": f"Talks number {n} on trade and tariffs." for n in range(4)}
    after = {**before, "b9.html": "A new brief on the budget."}
    previous = index(before, tmp_path / "site")
    fresh = index(after, tmp_path / "fresh")
    assert all(holds_its_name(tmp_path / "fresh" / "pagefind" / name) for name in fresh
               if name.startswith(("fragment/", "index/")) or name.endswith(".pf_meta"))
    new_fragment = next(name for name in fresh if name.startswith("fragment/") and name not in previous)
    old_fragment = next(name for name in previous if name.startswith("fragment/"))
    planted = tmp_path / "site" / "pagefind" / new_fragment
    planted.write_bytes(previous[old_fragment])  # another page's fragment, under the new one's name
    assert not holds_its_name(planted)
    assert index(after, tmp_path / "site") == fresh


def test_documents_cut_by_another_version_of_the_cutter_are_cut_again(tmp_path, monkeypatch):
    site, folder = tmp_path / "site", tmp_path / "documents"
    site.mkdir()
    (site / "a.html").write_text(page("Alpha", "first"), encoding="utf-8")
    SearchDocuments(folder).complete(site, ["a.html"])
    (folder / "a.html").write_text("cut the old way", encoding="utf-8")
    SearchDocuments(folder).complete(site, ["a.html"])
    assert (folder / "a.html").read_text() == "cut the old way"  # the same cutter: kept
    monkeypatch.setattr(documents, "_cut_version", lambda: "another")
    SearchDocuments(folder).complete(site, ["a.html"])
    assert "first" in (folder / "a.html").read_text()
