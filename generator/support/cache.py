"""Cache: each article's analysis and brief on disk, keyed by its content and the code's version.

An unchanged article is never analysed or summarised twice. Entries are JSON, never
pickle, so a foreign or corrupt file is only ever data: it is checked, and ignored when
it does not fit the article. Writes are atomic (a temporary file renamed into place).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from generator.model import Analysis, Article, Mention, Sentence
from generator.support.atomic import write_atomically

SCHEMA = 1  # bump when the analysis or its encoding changes

Json = dict[str, Any]  # an entry as JSON data
T = TypeVar("T")


class JsonCache(Generic[T]):
    """A folder of JSON entries under one namespace; `None` as folder keeps nothing."""

    namespace = "entries"

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = f"{SCHEMA}|{version}"
        self.hits = 0
        self.misses = 0  # rejected entries count as misses too
        self.rejected: list[str] = []  # "path: why" of each entry that was there and could not be used

    def key(self, article: Article) -> str:
        """The key of an entry about an article: its text and this cache's version."""
        return self.key_of("\n\n".join(p.text for p in article.paragraphs))

    def key_of(self, text: str) -> str:
        return hashlib.sha256(f"{self.version}\n{text}".encode()).hexdigest()

    def load(self, key: str, decoder: Callable[[Json], T | None]) -> T | None:
        """decoder(data) for the entry of this key, or None when absent, foreign or corrupt.

        An entry that is there and cannot be used is recorded in `rejected`, with the reason,
        so a decoder that fails on every entry shows instead of silently missing for ever.
        """
        value = self._load(key, decoder) if self.folder is not None else None
        self.hits += value is not None
        self.misses += value is None
        return value

    def _load(self, key: str, decoder: Callable[[Json], T | None]) -> T | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            self._reject(path, f"unreadable ({error})")
            return None
        if not isinstance(data, dict) or data.get("version") != self.version:
            self._reject(path, "written by another version")
            return None
        try:
            value = decoder(data)
        except (TypeError, KeyError, IndexError, ValueError) as error:
            self._reject(path, f"does not decode ({type(error).__name__}: {error})")
            return None
        if value is None:
            self._reject(path, "does not fit the article")
        return value

    def _reject(self, path: Path, reason: str) -> None:
        self.rejected.append(f"{path}: {reason}")

    def save(self, key: str, data: Json) -> None:
        """Store an entry atomically; a cache that cannot be written is skipped silently."""
        if self.folder is None:
            return
        path = self._path(key)
        try:
            write_atomically(path, json.dumps({"version": self.version, **data}, separators=(",", ":")).encode())
        except OSError:
            return

    def _path(self, key: str) -> Path:
        assert self.folder is not None  # only called with a folder
        return self.folder / self.namespace / key[:2] / f"{key}.json"


class AnalysisCache(JsonCache[Analysis]):
    """The language model's analysis of each article."""

    namespace = "analysis"

    def get(self, article: Article) -> Analysis | None:
        return self.load(self.key(article), lambda data: decode(data, article))

    def put(self, article: Article, analysis: Analysis) -> None:
        self.save(self.key(article), encode(analysis))


def encode(analysis: Analysis) -> Json:
    """The analysis as JSON data; sentence texts are left out (the article has them)."""
    return {
        "sentences": [[s.paragraph, s.start, s.end] for s in analysis.sentences],
        "mentions": [[m.label, m.sentence, m.start, m.end] for m in analysis.mentions],
    }


def decode(data: Json, article: Article) -> Analysis | None:
    """Rebuild an analysis from JSON data, or None when it does not fit the article."""
    paragraphs = {p.index: p.text for p in article.paragraphs}
    sentences = []
    for index, (paragraph, start, end) in enumerate(data["sentences"]):
        text = paragraphs[paragraph]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            return None
        sentences.append(Sentence(index, paragraph, text[start:end], start, end))
    mentions = []
    for label, sentence, start, end in data["mentions"]:
        if not (isinstance(sentence, int) and 0 <= sentence < len(sentences)):
            return None
        text = sentences[sentence].text
        if not (isinstance(label, str) and isinstance(start, int) and 0 <= start < end <= len(text)):
            return None
        mentions.append(Mention(text[start:end], label, sentence, start, end))
    return Analysis(tuple(sentences), tuple(mentions))
