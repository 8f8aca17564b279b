"""Cache: each article's analysis on disk, keyed by its content and the pipeline's versions.

An unchanged article is never analysed twice. Entries are JSON, never pickle, so a
foreign or corrupt file is only ever data: it is checked, and ignored when it does not
fit the article. Writes are atomic (a temporary file renamed into place).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .model import Analysis, Article, Mention, Sentence

SCHEMA = 1  # bump when the analysis or its encoding changes


class AnalysisCache:
    """A folder of analyses; `None` as folder keeps nothing (every lookup misses)."""

    def __init__(self, folder: Path | None, pipeline_version: str) -> None:
        self.folder = folder
        self.version = f"{SCHEMA}|{pipeline_version}"
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        text = "\n\n".join(p.text for p in article.paragraphs)
        return hashlib.sha256(f"{self.version}\n{text}".encode()).hexdigest()

    def get(self, article: Article) -> Analysis | None:
        """The cached analysis of this article, or None when absent, foreign or corrupt."""
        if self.folder is None:
            return None
        path = self._path(self.key(article))
        try:
            analysis = decode(json.loads(path.read_text(encoding="utf-8")), article, self.version)
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            analysis = None
        if analysis is None:
            self.misses += 1
        else:
            self.hits += 1
        return analysis

    def put(self, article: Article, analysis: Analysis) -> None:
        """Store an analysis atomically; a cache that cannot be written is skipped silently."""
        if self.folder is None:
            return
        path = self._path(self.key(article))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(encode(analysis, self.version), stream, separators=(",", ":"))
            os.replace(temporary, path)
        except OSError:
            return

    def _path(self, key: str) -> Path:
        return self.folder / "analysis" / key[:2] / f"{key}.json"


def encode(analysis: Analysis, version: str) -> dict:
    """The analysis as JSON data; sentence texts are left out (the article has them)."""
    return {
        "version": version,
        "sentences": [[s.paragraph, s.start, s.end] for s in analysis.sentences],
        "mentions": [[m.label, m.sentence, m.start, m.end] for m in analysis.mentions],
    }


def decode(data: dict, article: Article, version: str) -> Analysis | None:
    """Rebuild an analysis from JSON data, or None when it does not fit the article."""
    if not isinstance(data, dict) or data.get("version") != version:
        return None
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
