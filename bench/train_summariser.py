"""Train the salience model of generator/brief/salience.py on public extractive summaries.

    python bench/train_summariser.py --data ../shared/bench/bbc ../shared/bench/cnn [--test DIR]
                                     [--folds 5] [--cache DIR] [--write]

Each sentence of each article is labelled by whether the reference copies it or the article's
greedy ROUGE oracle takes it
(the sentences a perfect extractive summariser would choose for the reference: the reference's
own sentences where it copies them, as BBC's does; the closest ones where journalists wrote it,
as CNN's highlights are). Several corpora may be fitted on together (`--data A B`), each corpus
weighing the same however many articles it has, and `--test C` reports a model fitted on them on
another corpus. Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier) learn that
label from generator.brief.salience.features (the very code the pipeline runs); the length
weight and the lead prior are chosen on the training articles only. Held-out figures come from
k-fold cross-validation by article (no article is ever in its own training set) and run the real
selection (generator.brief.summary). `--write` fits on every article and writes the trees to
generator/data/summariser.yml: numbers only, no text of the training data.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from _summary_corpus import Item, load
from nltk.stem import porter
from rouge_score import rouge_scorer, tokenize
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold
from summaries import MEASURES, WORD_BUDGET, cut_to_words

import generator.brief.salience as salience_module
from generator.brief.mentions import clean_mentions
from generator.brief.salience import FEATURES, Model, Trees, features, trees_from_table
from generator.brief.summary import (
    SUMMARY_WORDS,
    choose,
    rank_sentences,
    score_sentences,
    within_budget,
)
from generator.model import EntityMention, Sentence

MODEL_FILE = Path(__file__).resolve().parent.parent / "generator" / "data" / "summariser.yml"
LENGTH_WEIGHTS = (0.625, 0.75, 0.875)
LEAD_PRIORS = (0.0, 0.3, 0.6)
TREES, DEPTH, LEARNING_RATE = 200, 3, 0.05  # small trees, slowly: a few hundred kilobytes at most
SEED = 0
ORACLE_SIZE = 3  # sentences the labelling oracle may take


@dataclass(frozen=True)
class Table:
    """Every sentence of every article: its features, its label, its article."""

    rows: np.ndarray
    labels: np.ndarray
    article: np.ndarray  # index into the items
    weight: np.ndarray  # of each sentence: every corpus weighs the same
    corpus: tuple[str, ...]  # of each article


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, report held-out figures, and write the model when asked."""
    options = parse_args(argv)
    _remembered_features()
    corpora = {folder.name: load(folder, options.limit, options.cache) for folder in options.data}
    items = [item for found in corpora.values() for item in found]
    corpus = [name for name, found in corpora.items() for _ in found]
    table = build_table(items, corpus)
    print(f"{len(items)} articles, {len(table.labels)} sentences, {table.labels.mean():.1%} chosen by the oracle")
    if options.test:
        # fitted on one corpus, tested on another: how well the model travels
        test = load(options.test, options.limit, options.cache)
        model = fit(items, table, np.arange(len(items)))
        print(f"fitted on {', '.join(corpora)}, tested on {options.test.name}")
        print(report(evaluate(test, model), 0, len(test)))
        return 0
    held_out = cross_validate(items, table, options.folds, corpus) if options.folds else {}
    for name, figures in held_out.items():
        print(f"\n{name}:\n" + report(figures, options.folds, len(corpora.get(name, items))))
    if options.write:
        model = fit(items, table, np.arange(len(items)))
        MODEL_FILE.write_text(to_yaml(model, list(corpora), len(items), len(table.labels)), encoding="utf-8")
        print(f"wrote {MODEL_FILE}")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", required=True,
                        help="folders with articles/ and summaries/, fitted on together")
    parser.add_argument("--test", type=Path, help="fit on every --data article and test on this folder instead")
    parser.add_argument("--limit", type=int, help="only N articles, spread evenly over the folder")
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation by article (0: none)")
    parser.add_argument("--cache", type=Path, help="keep spaCy analyses here between runs")
    parser.add_argument("--write", action="store_true", help="fit on all articles and write the model file")
    return parser.parse_args(argv)


def _remembered_features() -> None:
    """Make the pipeline's salience features computed once per article for the whole run: every
    candidate model is scored on the same articles, and the features do not depend on the model."""
    computed = salience_module.features
    known: dict[tuple[str, int], list[list[float]]] = {}

    def remembered(title: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]) -> list[list[float]]:
        key = (title, id(sentences))  # the items hold their sentences for the whole run
        if key not in known:
            known[key] = computed(title, sentences, mentions)
        return known[key]

    salience_module.features = remembered


def build_table(items: list[Item], corpus: list[str]) -> Table:
    """Features from the pipeline's own code; the label: is the sentence in the reference?"""
    rows, labels, article = [], [], []
    articles_in = Counter(corpus)
    for number, item in enumerate(items):
        sentences = item.analysis.sentences
        rows += features(item.article.title, sentences, clean_mentions(item.analysis))
        chosen = oracle(item.reference, [s.text for s in sentences])
        copied = f" {' '.join(_normal(r) for r in item.reference)} "
        labels += [i in chosen or f" {_normal(s.text)} " in copied for i, s in enumerate(sentences)]
        article += [number] * len(sentences)
    share = np.asarray([len(items) / (len(articles_in) * articles_in[name]) for name in corpus])
    numbers = np.asarray(article)
    return Table(np.asarray(rows, dtype=float), np.asarray(labels), numbers, share[numbers], tuple(corpus))


def oracle(reference: tuple[str, ...], sentences: list[str]) -> set[int]:
    """The sentences a perfect extractive summariser would take: greedily, the one that adds most
    to ROUGE-1 + ROUGE-2 against the reference, until none adds (at most ORACLE_SIZE). Copied
    references (BBC) give back their own sentences; written ones (CNN highlights) the closest."""
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < ORACLE_SIZE:
        gains = [(_rouge12(reference, [sentences[j] for j in sorted([*chosen, i])]), i)
                 for i in range(len(sentences)) if i not in chosen]
        if not gains:
            break
        score, index = max(gains)
        if score <= best:
            break
        best, chosen = score, [*chosen, index]
    return set(chosen)


def _rouge12(reference: tuple[str, ...], summary: list[str]) -> float:
    return _rouge_n(reference, summary, 1) + _rouge_n(reference, summary, 2)


def fit(items: list[Item], table: Table, train: np.ndarray) -> Model:
    """A model fitted on the training articles, its length weight and lead prior chosen on them too."""
    mask = np.isin(table.article, train)
    boosted = HistGradientBoostingClassifier(max_iter=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE,
                                             early_stopping=False, random_state=SEED)
    boosted.fit(table.rows[mask], table.labels[mask], sample_weight=table.weight[mask])
    trees = as_trees(boosted)
    candidates = [Model(trees, w, prior) for w in LENGTH_WEIGHTS for prior in LEAD_PRIORS]
    by_corpus: dict[str, list[Item]] = {}
    for i in train:
        by_corpus.setdefault(table.corpus[i], []).append(items[i])
    # every corpus counts the same here too, however many articles it has
    return max(candidates, key=lambda model: sum(_mean_rouge2(found, model) for found in by_corpus.values()))


def as_trees(boosted: HistGradientBoostingClassifier) -> Trees:
    """The fitted trees in the pipeline's own form (generator.brief.salience.Trees)."""
    return trees_from_table(tree_table(boosted), float(np.ravel(boosted._baseline_prediction)[0]))


def tree_table(boosted: HistGradientBoostingClassifier) -> list[list[list[float]]]:
    """Per tree, its nodes as [feature, threshold, left, right, value] (feature -1 at a leaf)."""
    return [[[-1 if node["is_leaf"] else int(node["feature_idx"]), float(node["num_threshold"]),
              int(node["left"]), int(node["right"]), float(node["value"])] for node in predictor.nodes]
            for (predictor,) in boosted._predictors]


def cross_validate(items: list[Item], table: Table, folds: int, corpus: list[str]) -> dict[str, dict]:
    """Held-out ROUGE of the real selection, per corpus, and held-out AUC of the model, over k folds."""
    held: list[dict[str, list[str]]] = [{} for _ in items]
    probabilities = np.zeros(len(table.labels))
    splits = KFold(folds, shuffle=True, random_state=SEED).split(np.arange(len(items)))
    for fold, (train, test) in enumerate(splits, start=1):
        model = fit(items, table, train)
        print(f"fold {fold}: length weight {model.length_weight}, lead prior {model.lead_prior}", file=sys.stderr)
        mask = np.isin(table.article, test)
        probabilities[mask] = 1 / (1 + np.exp(-model.trees.logits(table.rows[mask])))
        for i in test:
            held[i] = _summaries(items[i], model)
    results = {}
    for name in dict.fromkeys(corpus):
        members = [i for i, c in enumerate(corpus) if c == name]
        results[name] = _rouge([items[i] for i in members], [held[i] for i in members])
        mask = np.isin(table.article, members)
        results[name]["auc"] = {"sentence": 100 * roc_auc_score(table.labels[mask], probabilities[mask])}
    return results


def evaluate(items: list[Item], model: Model) -> dict:
    return _rouge(items, [_summaries(item, model) for item in items])


def _rouge(items: list[Item], summaries: list[dict[str, list[str]]]) -> dict:
    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    totals: dict = {budget: dict.fromkeys([*MEASURES, "words"], 0.0) for budget in ("3_sentences", "100_words")}
    for item, summary in zip(items, summaries):
        for budget, texts in summary.items():
            scores = scorer.score("\n".join(item.reference), "\n".join(texts))
            for measure in MEASURES:
                totals[budget][measure] += 100 * scores[measure].fmeasure / len(items)
            totals[budget]["words"] += sum(len(t.split()) for t in texts) / len(items)
    return totals


def _summaries(item: Item, model: Model) -> dict[str, list[str]]:
    """What the pipeline would show at each budget, with this model."""
    mentions = clean_mentions(item.analysis)
    ranked = score_sentences(item.article, item.analysis.sentences, mentions, model)
    three = sorted((s.sentence for s in within_budget(choose(ranked), SUMMARY_WORDS)), key=lambda s: s.index)
    ordered = rank_sentences(item.article, item.analysis.sentences, mentions, model)
    return {"3_sentences": [s.text for s in three], "100_words": cut_to_words(ordered, WORD_BUDGET)}


def _mean_rouge2(items: list[Item], model: Model) -> float:
    """ROUGE-2 F1 of the three-sentence summaries, a quick count of shared bigrams."""
    total = 0.0
    for item in items:
        mentions = clean_mentions(item.analysis)
        chosen = within_budget(choose(score_sentences(item.article, item.analysis.sentences, mentions, model)),
                               SUMMARY_WORDS)
        total += _rouge_n(item.reference, [s.sentence.text for s in chosen], 2)
    return total / max(len(items), 1)


_TOKENS: dict[str, list[str]] = {}
_STEMMER = porter.PorterStemmer()


def _rouge_n(reference: tuple[str, ...], summary: list[str], n: int) -> float:
    """ROUGE-n F1, a quick count of shared n-grams of rouge-score's own tokens."""
    ref, got = _tokens(reference), _tokens(summary)
    ref_grams, got_grams = Counter(zip(*(ref[k:] for k in range(n)))), Counter(zip(*(got[k:] for k in range(n))))
    shared = sum((ref_grams & got_grams).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(got_grams.values()), shared / sum(ref_grams.values())
    return 2 * precision * recall / (precision + recall)


def _tokens(texts: Sequence[str]) -> list[str]:
    """rouge-score's own tokens (Porter stems), kept: the same sentences come back often."""
    for text in texts:
        if text not in _TOKENS:
            _TOKENS[text] = tokenize.tokenize(text, _STEMMER)
    return [token for text in texts for token in _TOKENS[text]]


def report(held_out: dict[str, dict[str, float]], folds: int, count: int) -> str:
    """The held-out figures as Markdown."""
    how = f"held out ({folds}-fold cross-validation by article" if folds else "(another corpus"
    auc = f": sentence AUC {held_out['auc']['sentence']:.2f}" if "auc" in held_out else ""
    lines = [f"{how}, {count} articles){auc}", "",
             "| budget | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | words |", "|---|---|---|---|---|"]
    for budget in ("3_sentences", "100_words"):
        figures = held_out[budget]
        lines.append(f"| {budget} | " + " | ".join(f"{figures[m]:.2f}" for m in MEASURES)
                     + f" | {figures['words']:.0f} |")
    return "\n".join(lines)


def to_yaml(model: Model, corpora: list[str], articles: int, sentences: int) -> str:
    """The model file: a comment saying where it comes from, then the numbers."""
    lines = ["# Salience model of generator/brief/salience.py: boosted trees over its FEATURES, the power of",
             "# sentence length and the lead prior the summary's rank multiplies salience by.",
             f"# Trained by bench/train_summariser.py on {articles} articles ({sentences} sentences) of the",
             f"# public summary sets {' and '.join(corpora)} (labels: sentences the reference copies or its greedy",
             "# ROUGE oracle takes); numbers only. Regenerate with `--write`.",
             f"features: [{', '.join(FEATURES)}]",
             f"baseline: {model.trees.baseline:.8g}", f"length_weight: {model.length_weight}",
             f"lead_prior: {model.lead_prior}",
             "# per tree, its nodes: [feature (-1: a leaf), threshold, left, right, value]",
             "trees:"]
    for t in range(len(model.trees.feature)):
        nodes = [[int(model.trees.feature[t, n]), float(model.trees.threshold[t, n]), int(model.trees.left[t, n]),
                  int(model.trees.right[t, n]), float(model.trees.value[t, n])]
                 for n in range(model.trees.feature.shape[1])]
        while len(nodes) > 1 and nodes[-1] == [-1, 0.0, 0, 0, 0.0]:  # padding of the arrays
            nodes.pop()
        lines.append("  - [" + ", ".join(f"[{f}, {h:.8g}, {left}, {right}, {v:.8g}]"
                                         for f, h, left, right, v in nodes) + "]")
    return "\n".join(lines) + "\n"


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


if __name__ == "__main__":
    sys.exit(main())
