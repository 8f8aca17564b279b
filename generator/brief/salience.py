"""Salience: how much each sentence carries its article, from general signals of news writing.

The signals (position, length, centrality, overlap with the headline and the opening, names,
numbers, quotation, dependence on the sentence before) are computed here, and small boosted
decision trees weigh them (they can learn that the opening matters more in a long story than in
a short one, which a weighted sum cannot): the trees are in generator/data/summariser.yml,
trained on public news summaries by bench/train_summariser.py with these very functions, so the
two never drift apart. Evaluating them is a few array look-ups in numpy.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from generator.model import EntityMention, Sentence
from generator.support.memo import ONE, memo
from generator.support.resources import load_table
from generator.support.text import NUMBER, WORD, content_words

QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")
ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|according)\b", re.IGNORECASE)
# A sentence that opens with one of these leans on one before it.
DEPENDENT_OPENERS = frozenset(
    "he she it they them his her its their this these those that such also however but "
    "and or so yet still then thus hence therefore meanwhile nevertheless nonetheless "
    "moreover furthermore besides instead otherwise likewise similarly accordingly "
    "after afterwards later earlier previously there here we i you our us my".split()
)
# Centrality counts every word but the commonest function words (NLTK's classic English list):
# reporting verbs and modals ("said", "would") tie a story's sentences together.
FUNCTION_WORDS = frozenset(
    "i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves "
    "he him his himself she she's her hers herself it it's its itself they them their theirs themselves "
    "what which who whom this that that'll these those am is are was were be been being have has had "
    "having do does did doing a an the and but if or because as until while of at by for with about "
    "against between into through during before after above below to from up down in out on off over "
    "under again further then once here there when where why how all any both each few more most other "
    "some such no nor not only own same so than too very s t can will just don don't should should've "
    "now d ll m o re ve y ain aren aren't couldn couldn't didn didn't doesn doesn't hadn hadn't hasn "
    "hasn't haven haven't isn isn't ma mightn mightn't mustn mustn't needn needn't shan shan't shouldn "
    "shouldn't wasn wasn't weren weren't won won't wouldn wouldn't".split()
)
LEAD_SENTENCES = 3  # a news story's lead: where its point is
FEATURES = (
    "opening", "first", "in_lead", "place", "paragraph_opening", "first_in_paragraph", "length",
    "centrality", "centrality_share", "centrality_of_stems", "document_similarity", "headline", "lead_overlap",
    "names", "name_recurrence", "numbers", "quoted", "attributed", "dependent", "question",
)
DAMPING = 0.85  # PageRank's usual damping
ITERATIONS = 30


@dataclass(frozen=True)
class Trees:
    """Boosted regression trees over FEATURES, as flat arrays: row t is tree t, column n its node n.

    A node splits on `feature` (a column of FEATURES; -1 at a leaf): a row whose value is at most
    `threshold` goes to `left`, else to `right`. The logit is `baseline` plus the leaves' values.
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    baseline: float

    def logits(self, rows: np.ndarray) -> np.ndarray:
        """One logit per row, every tree walked at once, one level per step."""
        trees = np.arange(len(self.feature))[:, None]
        node = np.zeros((len(self.feature), len(rows)), dtype=int)
        for _ in range(self.feature.shape[1]):  # no tree is deeper than it has nodes
            feature = self.feature[trees, node]
            if (feature < 0).all():
                break
            values = rows[np.arange(len(rows))[None, :], np.maximum(feature, 0)]
            step = np.where(values <= self.threshold[trees, node], self.left[trees, node], self.right[trees, node])
            node = np.where(feature < 0, node, step)
        logits: np.ndarray = self.baseline + self.value[trees, node].sum(axis=0)
        return logits


@dataclass(frozen=True)
class Model:
    """Salience trees, and how the summary's rank weighs salience: times a power of the sentence's
    length (longer sentences say more), times 1 + `lead_prior` for a sentence of the lead (in
    news the point is at the top: a sentence from deeper down must earn its place)."""

    trees: Trees
    length_weight: float
    lead_prior: float


@memo(ONE)
def load_salience_model() -> Model:
    """The trained trees shipped in generator/data/summariser.yml."""
    table = load_table("summariser")
    if tuple(table["features"]) != FEATURES:  # each split names its feature by position
        raise RuntimeError(f"generator/data/summariser.yml was trained on other salience features: "
                           f"{list(table['features'])}, not {list(FEATURES)}")
    return Model(trees_from_table(table["trees"], float(table["baseline"])), float(table["length_weight"]),
                 float(table["lead_prior"]))


def trees_from_table(rows: Sequence[Sequence[Sequence[float]]], baseline: float) -> Trees:
    """Trees from their table form: per tree, its nodes as [feature, threshold, left, right, value]."""
    width = max(len(tree) for tree in rows)
    table = np.zeros((len(rows), width, 5))
    table[:, :, 0] = -1  # padding nodes are leaves worth nothing
    for t, tree in enumerate(rows):
        table[t, : len(tree)] = tree
    ints = table[:, :, [0, 2, 3]].astype(int)
    return Trees(ints[:, :, 0], table[:, :, 1], ints[:, :, 1], ints[:, :, 2], table[:, :, 4], baseline)


def salience(
    title: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention], model: Model | None = None
) -> list[float]:
    """The model's probability that each sentence belongs in a summary of its article."""
    if not sentences:
        return []
    model = model or load_salience_model()
    logits = model.trees.logits(np.asarray(features(title, sentences, mentions), dtype=float))
    return [float(p) for p in 1.0 / (1.0 + np.exp(-logits))]


def features(title: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]) -> list[list[float]]:
    """One row per sentence: its value of each of FEATURES, in that order."""
    context = _Context.of(title, sentences, mentions)
    rows = [_row(i, sentence, context) for i, sentence in enumerate(sentences)]
    if rows and rows[0].keys() != set(FEATURES):
        raise RuntimeError(f"salience features differ from FEATURES: {sorted(rows[0].keys() ^ set(FEATURES))}")
    return [[row[name] for name in FEATURES] for row in rows]


@dataclass(frozen=True)
class _Context:
    """What a sentence's features are measured against: the rest of its article."""

    stems: list[list[str]]
    centrality: list[float]
    similarity: list[float]
    of_stems: list[float]
    headline: set[str]
    names: Counter[int]  # names in each sentence, by position
    recurrence: list[float]
    openings: list[tuple[int, bool]]

    @classmethod
    def of(cls, title: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]) -> _Context:
        stems = [content_words(s.text) for s in sentences]
        centrality, similarity = _centrality([centrality_words(s.text) for s in sentences])
        # a second view, on stems without stop words, so that "cut" and "cuts" meet
        of_stems, _ = _centrality(stems)
        at = {s.index: i for i, s in enumerate(sentences)}  # mentions name sentences by index
        known = [m for m in mentions if m.sentence in at]
        positions = [at[m.sentence] for m in known]
        return cls(stems, centrality, similarity, of_stems, set(content_words(title)), Counter(positions),
                   _name_recurrence(positions, known, len(sentences)), _paragraph_openings(sentences))


def _row(i: int, sentence: Sentence, context: _Context) -> dict[str, float]:
    """The sentence's value of each feature, by name: the weights are found by name too."""
    words = WORD.findall(sentence.text)
    found, lead = set(context.stems[i]), set(context.stems[0])
    paragraph, opens = context.openings[i]
    return {
        "opening": 1.0 / (1 + i),
        "first": float(i == 0),
        "in_lead": float(i < LEAD_SENTENCES),
        "place": i / max(len(context.stems) - 1, 1),
        "paragraph_opening": 1.0 / (1 + paragraph),
        "first_in_paragraph": float(opens),
        "length": math.log1p(len(words)),
        "centrality": context.centrality[i],
        "centrality_share": context.centrality[i] / (max(context.centrality) or 1.0),
        "centrality_of_stems": context.of_stems[i],
        "document_similarity": context.similarity[i],
        "headline": len(found & context.headline) / (len(context.headline) or 1),
        "lead_overlap": len(found & lead) / (len(lead) or 1) if i else 1.0,
        "names": min(context.names[i], 6) / 6,
        "name_recurrence": context.recurrence[i],
        "numbers": min(len(NUMBER.findall(sentence.text)), 5) / 5,
        "quoted": quoted_share(sentence.text, len(words)),
        "attributed": float(bool(ATTRIBUTION.search(sentence.text))),
        "dependent": float(bool(words) and words[0].lower() in DEPENDENT_OPENERS),
        "question": float("?" in sentence.text),
    }


def centrality_words(text: str) -> list[str]:
    """Lower-cased words without function words, as written: what sentences share."""
    words = (m.lower().replace("’", "'") for m in WORD.findall(text))
    return [w for w in words if w not in FUNCTION_WORDS and len(w) > 1]


def _centrality(bags: list[list[str]]) -> tuple[list[float], list[float]]:
    """PageRank over cosine similarity of word counts (continuous LexRank without idf),
    and each sentence's cosine with the whole document."""
    vocabulary = {word: i for i, word in enumerate({w for bag in bags for w in bag})}
    counts = np.zeros((len(bags), max(len(vocabulary), 1)))
    for row, bag in enumerate(bags):
        for word, count in Counter(bag).items():
            counts[row, vocabulary[word]] = count
    norms = np.linalg.norm(counts, axis=1)
    unit = counts / np.where(norms > 0, norms, 1.0)[:, None]
    similarity = unit @ unit.T
    np.fill_diagonal(similarity, 0.0)
    document = counts.sum(axis=0)
    to_document = unit @ (document / (np.linalg.norm(document) or 1.0))
    return _pagerank(similarity), [float(v) for v in to_document]


def _pagerank(similarity: np.ndarray) -> list[float]:
    """Scores that average 1: a sentence similar to many central sentences is central."""
    size = len(similarity)
    totals = similarity.sum(axis=1, keepdims=True)
    # a sentence like no other hands its weight to all alike
    transition = np.where(totals > 0, similarity / np.where(totals > 0, totals, 1.0), 1.0 / size)
    rank = np.full(size, 1.0 / size)
    for _ in range(ITERATIONS):
        rank = (1 - DAMPING) / size + DAMPING * transition.T @ rank
    return [float(v) * size for v in rank]


def _name_recurrence(positions: list[int], mentions: Sequence[EntityMention], size: int) -> list[float]:
    """Share of the article's name mentions that are of a name in this sentence."""
    by_name = Counter(m.name for m in mentions)
    total = sum(by_name.values()) or 1
    names: list[set[str]] = [set() for _ in range(size)]
    for position, mention in zip(positions, mentions):
        names[position].add(mention.name)
    return [sum(by_name[name] for name in found) / total for found in names]


def _paragraph_openings(sentences: Sequence[Sentence]) -> list[tuple[int, bool]]:
    """For each sentence: its paragraph's rank in the article, and whether it opens it."""
    ranks = {number: rank for rank, number in enumerate(sorted({s.paragraph for s in sentences}))}
    seen: set[int] = set()
    result = []
    for sentence in sentences:
        result.append((ranks[sentence.paragraph], sentence.paragraph not in seen))
        seen.add(sentence.paragraph)
    return result


def quoted_share(text: str, words: int) -> float:
    """How much of the sentence is inside quotation marks."""
    inside = sum(len(WORD.findall(q)) for q in QUOTED.findall(text))
    return min(inside / (words or 1), 1.0)
