"""Clean cache: each source's cleaned article, so an unchanged file is not cleaned again.

Keyed by everything cleaning reads of a source (its path, text, front matter and whether a
tool extracted it) and the version of the generator package; the entry holds what cleaning
made (title, paragraphs, what was set aside), checked on load like every cache entry.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from generator.model import Article, Paragraph, Source
from generator.support.cache import Json, JsonCache


class CleanCache(JsonCache[Article]):
    namespace = "articles"

    def key_of_source(self, source: Source) -> str:
        front = json.dumps(asdict(source.front), default=str, sort_keys=True)
        return self.key_of(f"{source.path}\n{source.extracted}\n{front}\n{source.body}")

    def get(self, source: Source) -> Article | None:
        return self.load(self.key_of_source(source), lambda data: decode_article(data, source))

    def put(self, article: Article) -> None:
        self.save(self.key_of_source(article.source), encode_article(article))


def encode_article(article: Article) -> Json:
    """What cleaning made of a source, as JSON data (the source itself is not kept)."""
    return {
        "title": [article.title, article.title_inferred, article.site_name],
        "paragraphs": [[p.index, p.text, p.is_heading] for p in article.paragraphs],
        "header": list(article.header), "footer": list(article.footer),
        "asides": [list(aside) for aside in article.asides],
    }


def decode_article(data: Json, source: Source) -> Article | None:
    """The article again from JSON data, or None when the data is not one."""
    title, inferred, site_name = data["title"]
    rows, asides = data["paragraphs"], data["asides"]
    texts = [*data["header"], *data["footer"], *(text for _, text in asides)]
    if not (isinstance(title, str) and isinstance(inferred, bool) and isinstance(site_name, str | None)
            and all(isinstance(row, list) and len(row) == 3 and type(row[0]) is int and isinstance(row[1], str)
                    and isinstance(row[2], bool) for row in rows)
            and all(isinstance(text, str) for text in texts) and all(type(n) is int for n, _ in asides)):
        return None
    return Article(source, title, inferred, tuple(Paragraph(*row) for row in rows), site_name,
                   tuple(data["header"]), tuple(data["footer"]), tuple((n, text) for n, text in asides))
