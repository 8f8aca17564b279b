"""The summary benchmark's data: articles through the real pipeline, with their references.

Shared by bench/summaries.py and bench/train_summariser.py. Reads a folder in the layout of
../shared/bench/bbc/ (articles/NAME.txt: headline, blank line, body; summaries/NAME.txt: the
reference, sentences copied from the article and joined with no space).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from generator.analyse.nlp import analyse, analysis_version
from generator.clean.article import clean
from generator.model import Analysis, Article
from generator.read.files import read_article
from generator.support.cache import AnalysisCache

MAX_BYTES = 2_000_000
# The reference joins sentences without a space: a full stop (maybe closing a quote) right
# before a capital or an opening quote starts a new one. Where exactly a quote mark falls
# does not matter: ROUGE's tokenizer drops punctuation.
REFERENCE_BREAK = re.compile(r"(?<=[.!?])(?=[\"'‘“]?[A-Z])|(?<=[.!?][\"'’”])(?=[A-Z])")
SPACY_TIMING_ARTICLES = 40


@dataclass(frozen=True)
class Item:
    """One benchmark article: as the pipeline sees it, and its reference summary."""

    name: str
    article: Article
    analysis: Analysis
    reference: tuple[str, ...]  # sentences


def article_names(data: Path, limit: int | None) -> list[str]:
    """Article names in the folder; with a limit, evenly spread over the sorted list."""
    names = sorted(p.stem for p in (data / "articles").glob("*.txt"))
    if limit is None or limit >= len(names):
        return names
    return [names[i * len(names) // limit] for i in range(limit)]


def load(data: Path, limit: int | None = None, cache: Path | None = None) -> list[Item]:
    """Read, clean and analyse the articles (spaCy results cached in `cache` if given)."""
    names = article_names(data, limit)
    articles = [read_clean(data, name) for name in names]
    analyses = analyse(articles, 1, AnalysisCache(cache, analysis_version()))
    return [
        Item(name, article, analysis, split_reference(data, name))
        for name, article, analysis in zip(names, articles, analyses)
    ]


def read_clean(data: Path, name: str) -> Article:
    """One article through the pipeline's reader and cleaner: line 1 becomes the title."""
    folder = data / "articles"
    source, problems = read_article(folder / f"{name}.txt", folder, MAX_BYTES)
    if source is None:
        raise SystemExit(f"{name}: {'; '.join(map(str, problems))}")
    return clean(source)


def split_reference(data: Path, name: str) -> tuple[str, ...]:
    """The reference summary's sentences."""
    text = (data / "summaries" / f"{name}.txt").read_text(encoding="utf-8", errors="replace")
    pieces = (piece.strip() for piece in REFERENCE_BREAK.split(text.strip()))
    return tuple(piece for piece in pieces if any(c.isalnum() for c in piece))


def spacy_ms_per_article(items: list[Item]) -> float:
    """The spaCy pass (generator.analyse, one process, no cache) on a sample, per article."""
    sample = [item.article for item in items[:: max(1, len(items) // SPACY_TIMING_ARTICLES)]]
    analyse(sample[:1], 1)  # load the model outside the timing
    start = time.perf_counter()
    analyse(sample, 1)
    return 1000 * (time.perf_counter() - start) / len(sample)
