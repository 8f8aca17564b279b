"""Reading a built site as a reader's browser would: text, links, anchors, elements."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class ParsedPage:
    text: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # the text of inline <script> elements
    classed: list[tuple[frozenset[str], list[str]]] = field(default_factory=list)  # (classes, text)

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())

    def tag_count(self, tag: str) -> int:
        return sum(name == tag for name, _ in self.tags)

    def text_of(self, css_class: str) -> list[str]:
        """The text of every element with this class."""
        return [" ".join("".join(text).split()) for classes, text in self.classed if css_class in classes]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._skip = 0
        self._open: list[tuple[str, list[str] | None]] = []  # open elements, and the text of classed ones

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.page.tags.append((tag, attributes))
        if tag not in VOID:
            text = None
            if attributes.get("class"):
                text = []
                self.page.classed.append((frozenset(attributes["class"].split()), text))
            self._open.append((tag, text))
        if tag == "script":
            self.page.scripts.append("")
        if tag in ("script", "style"):
            self._skip += 1
        if attributes.get("id"):
            self.page.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href") is not None:
            self.page.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._open and self._open[-1][0] == "script":
            self.page.scripts[-1] += data
        if not self._skip:
            self.page.text.append(data)
            for _, text in self._open:
                if text is not None:
                    text.append(data)


def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def main_content(path: Path) -> ParsedPage:
    """Only the article part of a page (what is inside <article>), without theme chrome."""
    html = path.read_text(encoding="utf-8")
    start, end = html.find("<article"), html.rfind("</article>")
    parser = _Parser()
    parser.feed(html[start:end] if start >= 0 else html)
    return parser.page


def broken_links(site: Path) -> list[str]:
    """Every internal link of the site whose page or anchor does not exist."""
    # 404.html is served at any address, so its links are absolute to the site root
    pages = {path: parse(path) for path in site.rglob("*.html") if path.name != "404.html"}
    broken = []
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(site)}: {href} (no such anchor)")
    return broken
