"""Brief cache: what one article says on its own (summary, quotes, mentions, date, source).

Keyed by the article's text and the version of the whole generator package, so any code
or data change recomputes every brief (cheap) while the spaCy analysis stays cached.
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple
from datetime import date
from importlib.resources import files
from pathlib import Path

from generator.analyse.nlp import model_version
from generator.model import (
    Analysis,
    Article,
    Brief,
    EntityMention,
    Quote,
    StatedDate,
    StatedSource,
    Summary,
)
from generator.support.cache import Json, JsonCache
from generator.support.memo import ONE, memo


@memo(ONE)
def code_version() -> str:
    """A digest of every module, template and data file of the generator package, in any
    sub-folder, and of the spaCy version and model whose analysis the briefs are made from."""
    digest = hashlib.sha256(model_version().encode())
    package = Path(str(files("generator")))
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix not in (".pyc", ".pyo")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


QUOTE_TYPES = (str, (str, type(None)), int)
MENTION_TYPES = (str, str, int, int, int, str, bool, str, bool)
SPEAKER_TYPES = (int, str)


def _fits(row: object, types: tuple[object, ...]) -> bool:
    return (isinstance(row, list) and len(row) == len(types)
            and all(isinstance(value, kind) for value, kind in zip(row, types)))  # type: ignore[arg-type]


class BriefCache(JsonCache[Brief]):
    namespace = "briefs"

    def get(self, slug: str, article: Article, analysis: Analysis) -> Brief | None:
        return self.load(self.key(article), lambda data: decode_brief(data, slug, article, analysis))

    def put(self, brief: Brief) -> None:
        self.save(self.key(brief.article), encode_brief(brief))


def encode_brief(brief: Brief) -> Json:
    """The parts of a brief that are not its article or analysis, as JSON data."""
    summary = brief.summary
    return {
        "date": [brief.date.text, brief.date.value.isoformat() if brief.date.value else None, brief.date.origin],
        "source": list(astuple(brief.publisher)),
        "summary": [summary.bottom_line.index, [s.index for s in summary.sentences],
                    [s.index for s in summary.key_points], [list(pair) for pair in summary.speakers]],
        "quotes": [list(astuple(q)) for q in brief.quotes],
        "mentions": [list(astuple(m)) for m in brief.mentions],
        "words": brief.word_count,
        "vocabulary": brief.vocabulary,
        "sketch": list(brief.sketch),
    }


def decode_brief(data: Json, slug: str, article: Article, analysis: Analysis) -> Brief | None:
    """Rebuild a brief from JSON data, or None when it does not fit the analysis."""
    sentences = analysis.sentences
    count = len(sentences)
    bottom, summary, points, speakers = data["summary"]
    if not all(_fits(row, SPEAKER_TYPES) for row in speakers):
        return None
    indices = [bottom, *summary, *points, *(i for i, _ in speakers)]
    vocabulary, sketch = data["vocabulary"], data["sketch"]
    if not (all(_fits(row, QUOTE_TYPES) for row in data["quotes"])
            and all(_fits(row, MENTION_TYPES) for row in data["mentions"])
            and isinstance(sketch, list) and all(type(n) is int for n in sketch)
            and isinstance(vocabulary, dict) and all(type(n) is int for n in vocabulary.values())):
        return None
    quotes = tuple(Quote(*row) for row in data["quotes"])
    mentions = tuple(EntityMention(*row) for row in data["mentions"])
    indices += [q.sentence for q in quotes] + [m.sentence for m in mentions]
    if not all(isinstance(i, int) and 0 <= i < count for i in indices):
        return None
    text, value, origin = data["date"]
    return Brief(
        slug=slug,
        article=article,
        analysis=analysis,
        date=StatedDate(text, date.fromisoformat(value) if value else None, origin),
        publisher=StatedSource(*data["source"]),
        summary=Summary(sentences[bottom], tuple(sentences[i] for i in summary), tuple(sentences[i] for i in points),
                        tuple((i, name) for i, name in speakers)),
        quotes=quotes,
        mentions=mentions,
        word_count=int(data["words"]),
        vocabulary=vocabulary,
        sketch=tuple(sketch),
    )
