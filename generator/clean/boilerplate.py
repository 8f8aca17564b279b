"""Which paragraphs of a page are the article, and which are the page around it.

A copied web page holds the article among menus, share rows, related-link lists, newsletter
boxes and footers. Like jusText, each paragraph is judged by what text it is (length, function
word density, sentence punctuation, link-like runs) and then again in the light of its
neighbours: a short line between two stretches of prose is the article's, one among menus is
not. Two small logistic models make those two judgements; their weights are data
(generator/data/cleaner.yml), trained by bench/train_cleaner.py with these very functions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from generator.support.memo import ONE, memo
from generator.support.resources import load_table
from generator.support.text import WORD

TERMINAL = (".", "!", "?", "…", "。", "！", "？", ":", ";")
CLOSERS = "\"'”’»)]"
SEPARATOR = re.compile(r"[|•·»›]|\s[>/]\s")  # the runs of menus, breadcrumbs and share rows
ADDRESS = re.compile(r"https?://|www\.|\S+@\S+\.\w+|@\w{2,}|\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)]*(?:\s|$)")
GLUED = re.compile(r"[a-z][A-Z]")  # inline links run together: "HomeSPORT", "Ocasio-CortezAlexandria"
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
# A transcript turn opens with its speaker's label: "Q" or a name in capitals and a colon.
SPEAKER_TURN = re.compile(r"(?:Q\s|(?:[A-Z][A-Z.'’-]*\s){0,3}[A-Z][A-Z.'’-]*:\s)")
QUESTION_TURN = re.compile(r"Q[\s.:]")  # a reporter's question
# The first judgement's logit below which a paragraph is surely not the article's; a text with
# fewer than MIN_SURE_BOILERPLATE of them is an article on its own, as written or as extracted.
SURE_BOILERPLATE = -2.0
MIN_SURE_BOILERPLATE = 2  # one odd line does not make a text a page; a menu or a footer has more
MIN_PAGE_PARAGRAPHS = 6  # a shorter text is a note or an excerpt, not a page with a menu and a footer
PROSE_WORDS = 10  # a paragraph of this many words that ends a sentence reads as prose
WINDOW = 3  # neighbours on each side the second judgement looks at closely
FAR_WINDOW = 10  # and from afar

TEXT_FEATURES = (
    "log_words", "few_words", "short", "long", "function_words", "ends_sentence", "capitalised",
    "digits", "separators", "mean_word_length", "address", "copyright", "quoted", "commas",
    "speaker_turn", "repeated", "position", "position_squared", "page_prose", "log_paragraphs",
    "short_capitalised", "short_unended", "prose_function_words", "topical", "sentences", "glued", "clock",
)
CONTEXT_FEATURES = (
    "self", "previous", "next", "before", "after", "far_before", "far_after",
    "prose_before", "prose_after", "inside", "gap", "below_best",
)


@dataclass(frozen=True)
class Model:
    """A logistic model over named features: weights, bias, and the features' centring."""

    weights: Mapping[str, float]
    bias: float
    mean: Mapping[str, float]
    scale: Mapping[str, float]

    def logit(self, row: Mapping[str, float]) -> float:
        return self.bias + sum(
            w * (row[name] - self.mean[name]) / self.scale[name] for name, w in self.weights.items()
        )


@dataclass(frozen=True)
class Models:
    """The two judgements and the probability above which a paragraph is the article's."""

    text: Model
    context: Model
    threshold: float


@memo(ONE)
def load_models() -> Models:
    """The models as shipped in generator/data/cleaner.yml."""
    table = load_table("cleaner")
    text, context = (Model(t["weights"], t["bias"], t["mean"], t["scale"]) for t in (table["text"], table["context"]))
    return Models(text, context, float(table["threshold"]))


def text_features(texts: Sequence[str]) -> list[dict[str, float]]:
    """What each paragraph is, on its own and as a share of its page."""
    words = [WORD.findall(text) for text in texts]
    prose = [_is_prose(text, w) for text, w in zip(texts, words)]
    seen = Counter(" ".join(text.casefold().split()) for text in texts)
    page_prose = sum(prose) / len(texts) if texts else 0.0
    last = max(len(texts) - 1, 1)
    # the page's topic: the words of its prose paragraphs
    topic = Counter(w.lower() for found, is_prose in zip(words, prose) if is_prose
                    for w in found if w.lower() not in STOP_WORDS)
    rows = []
    for i, (text, found) in enumerate(zip(texts, words)):
        n = max(len(found), 1)
        position = i / last
        short = float(len(found) < PROSE_WORDS)
        capitalised = sum(w[0].isupper() for w in found) / n
        ends = float(text.rstrip(CLOSERS + " ").endswith(TERMINAL))
        function_words = sum(w.lower() in STOP_WORDS for w in found) / n
        content = [w.lower() for w in found if w.lower() not in STOP_WORDS]
        rows.append({
            "log_words": math.log1p(len(found)),
            "few_words": float(len(found) <= 3),
            "short": short,
            "long": float(len(found) >= 40),
            "function_words": function_words,
            "ends_sentence": ends,
            "capitalised": capitalised,
            "digits": sum(c.isdigit() for c in text) / max(len(text), 1),
            "separators": min(len(SEPARATOR.findall(text)), 5) / 5,
            "mean_word_length": min(sum(map(len, found)) / n, 15) / 15,
            "address": float(bool(ADDRESS.search(text))),
            "copyright": float("©" in text or "copyright" in text.casefold()),
            "quoted": float(any(q in text for q in "\"“”")),
            "commas": min(text.count(",") / n, 0.5),
            "speaker_turn": float(bool(SPEAKER_TURN.match(text))),
            "repeated": float(seen[" ".join(text.casefold().split())] > 1),
            "position": position,
            "position_squared": position * position,
            "page_prose": page_prose,
            "log_paragraphs": math.log1p(len(texts)),
            "short_capitalised": short * capitalised,
            "short_unended": short * (1 - ends),
            "prose_function_words": (1 - short) * function_words,
            "sentences": min(len(SENTENCE_END.findall(text)) / n, 0.5),
            "glued": min(len(GLUED.findall(text)) / n, 0.5),
            "clock": float(bool(CLOCK.search(text))),
            "topical": sum(topic[w] > 1 for w in content) / max(len(content), 1),
        })
    return rows


def context_features(logits: Sequence[float], sizes: Sequence[int]) -> list[dict[str, float]]:
    """Each paragraph's first judgement beside its neighbours' and where the prose lies
    (`sizes`: the paragraphs' words)."""
    content = [w if logit > 0 else 0 for w, logit in zip(sizes, logits)]
    total = sum(content) or 1
    positive = [i for i, logit in enumerate(logits) if logit > 0]
    rows, before = [], 0
    best = max(logits, default=0.0)
    for i, logit in enumerate(logits):
        after = total - before - content[i]
        gap = min((abs(i - j) for j in positive if j != i), default=FAR_WINDOW)
        rows.append({
            "self": logit,
            "previous": logits[i - 1] if i else -5.0,
            "next": logits[i + 1] if i + 1 < len(logits) else -5.0,
            "before": _mean(logits[max(i - WINDOW, 0):i]),
            "after": _mean(logits[i + 1:i + 1 + WINDOW]),
            "far_before": _mean(logits[max(i - FAR_WINDOW, 0):max(i - WINDOW, 0)]),
            "far_after": _mean(logits[i + 1 + WINDOW:i + 1 + FAR_WINDOW]),
            "prose_before": before / total,
            "prose_after": after / total,
            "inside": float(before > 0 and after > 0),
            "gap": math.log1p(min(gap, FAR_WINDOW)),
            "below_best": best - logit,  # the page's most article-like paragraph sets its scale
        })
        before += content[i]
    return rows


def article_paragraphs(texts: Sequence[str], models: Models | None = None) -> list[bool]:
    """For each paragraph, whether it is the article's; never none of them. `models`: the
    shipped ones unless given (bench/train_cleaner.py gives those it is fitting)."""
    if len(texts) < MIN_PAGE_PARAGRAPHS:
        return [True] * len(texts)
    models = models or load_models()
    first = [models.text.logit(row) for row in text_features(texts)]
    if sum(logit < SURE_BOILERPLATE for logit in first) < MIN_SURE_BOILERPLATE:
        return [True] * len(texts)  # next to nothing is clearly not the article's: it is all article
    sizes = [len(WORD.findall(text)) for text in texts]
    second = [models.context.logit(row) for row in context_features(first, sizes)]
    return decide([_probability(logit) for logit in second], sizes, models.threshold)


def decide(probabilities: Sequence[float], sizes: Sequence[int], threshold: float) -> list[bool]:
    """The article is one stretch of the page: the run of paragraphs whose evidence, each
    paragraph's probability above the threshold weighed by its length, adds up the most.
    Inside it, the paragraphs above the threshold are the article's."""
    gains = [(p - threshold) * (1 + size ** 0.5) for p, size in zip(probabilities, sizes)]
    best, start, end = 0.0, 0, 0
    running, run_start = 0.0, 0
    for i, gain in enumerate(gains):
        if running <= 0:
            running, run_start = 0.0, i
        running += gain
        if running > best:
            best, start, end = running, run_start, i + 1
    keep = [start <= i < end and p >= threshold for i, p in enumerate(probabilities)]
    return keep if any(keep) else [True] * len(probabilities)


def _is_prose(text: str, words: Sequence[str]) -> bool:
    return len(words) >= PROSE_WORDS and text.rstrip(CLOSERS + " ").endswith(TERMINAL)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else -5.0


def _probability(logit: float) -> float:
    return 1 / (1 + math.exp(-max(min(logit, 30.0), -30.0)))
