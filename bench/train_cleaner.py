"""Train the models of generator/clean/boilerplate.py on copied web pages and their article bodies.

    python bench/train_cleaner.py --data ../shared/bench/webpages [--clean DIR] [--folds 5] [--write]

Every paragraph the cleaner reads from a page's copied text (`text/<id>.txt`, through the very
code a build runs) is labelled by whether the page's reference body holds it: the share of its
4-token shingles found there. A first logistic model learns the label from what the paragraph is,
a second from the first's verdicts on it and its neighbours (trained on out-of-fold verdicts, as
it meets them at run time); the probability threshold is chosen on the training pages for the
benchmark's body F1. `--clean DIR` adds articles that are nothing but their text (a folder of
plain articles) as pages whose every paragraph is the article's. Held-out figures come from
k-fold cross-validation by page, scored with the benchmark's own score.py. `--write` fits on
every page and writes generator/data/cleaner.yml: numbers only, no text of the training data.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from input import load_scorer  # noqa: E402  (bench/input.py)

from generator.clean.article import read_page  # noqa: E402
from generator.clean.boilerplate import (  # noqa: E402
    CONTEXT_FEATURES,
    TEXT_FEATURES,
    Model,
    Models,
    article_paragraphs,
    context_features,
    text_features,
)
from generator.read.files import read_article  # noqa: E402
from generator.support.text import WORD  # noqa: E402

MODEL_FILE = ROOT / "generator" / "data" / "cleaner.yml"
SHINGLE = 4
IN_BODY = 0.5  # a paragraph is the article's when this share of its shingles is in the body
THRESHOLDS = np.round(np.arange(0.2, 0.81, 0.05), 2)
REGULARISATION = 1.0
WEIGHT_POWER = 0.5
TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    key: str
    texts: list[str]
    labels: list[int]
    truth: str | None  # the reference body; None for a clean article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "webpages")
    parser.add_argument("--clean", type=Path, help="a folder of plain articles, every paragraph the article's")
    parser.add_argument("--clean-pages", type=int, default=100, help="how many of them to use")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--worst", type=int, default=0, help="list the pages held out worst")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    score = load_scorer(args.data / "score.py")
    pages = _web_pages(args.data)
    extra = _clean_pages(args.clean, args.clean_pages) if args.clean else []
    predicted: dict[str, str] = {}
    clean_kept: list[float] = []
    groups = np.arange(len(pages))
    for fold, (train, test) in enumerate(GroupKFold(args.folds).split(groups, groups=groups)):
        training = [pages[i] for i in train] + [p for j, p in enumerate(extra) if j % args.folds != fold]
        held_extra = [p for j, p in enumerate(extra) if j % args.folds == fold]
        models = fit(training, score)
        for i in test:
            predicted[pages[i].key] = _body(pages[i], models)
        for page in held_extra:
            kept = article_paragraphs(page.texts, models)
            clean_kept.append(sum(kept) / len(kept))
    truth = {page.key: {"articleBody": page.truth} for page in pages}
    random.seed(0)
    metrics = score.evaluate(truth, {k: {"articleBody": v} for k, v in predicted.items()}, 200)
    print(f"held out by page ({args.folds} folds): F1 {metrics['f1']:.3f} ± {metrics['f1_std']:.3f}, "
          f"precision {metrics['precision']:.3f}, recall {metrics['recall']:.3f}")
    for key in sorted(predicted, key=lambda k: _page_f1(score, truth[k], predicted[k]))[:args.worst]:
        page = next(p for p in pages if p.key == key)
        print(f"  {_page_f1(score, truth[key], predicted[key]):.2f} {key[:12]} {len(page.texts)} paragraphs")
    if clean_kept:
        print(f"plain articles held out: {np.mean(clean_kept):.3f} of paragraphs kept, "
              f"{sum(k == 1 for k in clean_kept)}/{len(clean_kept)} kept whole")
    if args.write:
        models = fit(pages + extra, score)
        MODEL_FILE.write_text(_yaml(models, len(pages), len(extra)), encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(ROOT)}")
    return 0


def _page_f1(score, truth: dict, body: str) -> float:
    return score.evaluate({"page": truth}, {"page": {"articleBody": body}}, 0)["f1"]


def _web_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        body = truth[key]["articleBody"]
        texts = _paragraphs(data / "text" / f"{key}.txt", data / "text")
        shingles = Counter(_shingles(TOKEN.findall(body)))
        pages.append(Page(key, texts, [int(_in_body(t, shingles)) for t in texts], body))
    return pages


def _clean_pages(folder: Path, count: int) -> list[Page]:
    paths = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md"})
    random.Random(0).shuffle(paths)
    pages = []
    for path in paths[:count]:
        texts = _paragraphs(path, folder)
        if len(texts) > 2:
            pages.append(Page(str(path), texts, [1] * len(texts), None))
    return pages


def _paragraphs(path: Path, folder: Path) -> list[str]:
    source, problems = read_article(path, folder, 5_000_000)
    if source is None:
        raise SystemExit(f"{path}: {problems}")
    return [text for text, _ in read_page(source).blocks]


def _shingles(tokens: list[str]) -> list[tuple[str, ...]]:
    if len(tokens) < SHINGLE:
        return [tuple(tokens)] if tokens else []
    return [tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]


def _in_body(text: str, body: Counter) -> bool:
    own = _shingles(TOKEN.findall(text))
    if not own:
        return False
    if len(own[0]) < SHINGLE:  # a line of fewer than four words: is it inside some shingle of the body?
        return any(own[0] == s[:len(own[0])] for s in body)
    return sum(s in body for s in own) / len(own) >= IN_BODY


def fit(pages: list[Page], score) -> Models:
    """The first model on every page, the second on out-of-fold verdicts, then the threshold."""
    text_rows = [text_features(p.texts) for p in pages]
    labels = np.array([label for p in pages for label in p.labels])
    weights = _weights(pages)
    first = _train([r for rows in text_rows for r in rows], TEXT_FEATURES, labels, weights)
    # out-of-fold first verdicts, so the second model learns from verdicts as good as unseen pages get
    oof: list[list[float]] = [[] for _ in pages]
    groups = np.arange(len(pages))
    for train, test in GroupKFold(5).split(groups, groups=groups):
        rows = [r for i in train for r in text_rows[i]]
        model = _train(rows, TEXT_FEATURES, np.array([lab for i in train for lab in pages[i].labels]),
                       _weights([pages[i] for i in train]))
        for i in test:
            oof[i] = [model.logit(r) for r in text_rows[i]]
    context_rows = [r for p, logits in zip(pages, oof) for r in context_features(logits, _sizes(p.texts))]
    second = _train(context_rows, CONTEXT_FEATURES, labels, weights)
    best = max(THRESHOLDS, key=lambda t: _f1(Models(first, second, float(t)), pages, score))
    return Models(first, second, float(best))


def _sizes(texts: list[str]) -> list[int]:
    return [len(WORD.findall(text)) for text in texts]


def _weights(pages: list[Page]) -> np.ndarray:
    """Longer paragraphs weigh more, and every page weighs the same, as in the body F1."""
    rows = []
    for page in pages:
        sizes = np.array([1 + len(TOKEN.findall(t)) ** WEIGHT_POWER for t in page.texts])
        rows.append(sizes * len(page.texts) / sizes.sum())
    return np.concatenate(rows)


def _f1(models: Models, pages: list[Page], score) -> float:
    web = [p for p in pages if p.truth is not None]
    truth = {p.key: {"articleBody": p.truth} for p in web}
    guess = {p.key: {"articleBody": _body(p, models)} for p in web}
    return score.evaluate(truth, guess, 0)["f1"]


def _body(page: Page, models: Models) -> str:
    """The page's article as generator.clean would keep it with these models."""
    return "\n\n".join(t for t, k in zip(page.texts, article_paragraphs(page.texts, models)) if k)


def _train(rows: list[dict], names: tuple[str, ...], labels: np.ndarray, weights: np.ndarray) -> Model:
    matrix = np.array([[row[name] for name in names] for row in rows])
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit((matrix - mean) / scale, labels, sample_weight=weights)
    return Model(dict(zip(names, model.coef_[0].tolist())), float(model.intercept_[0]),
                 dict(zip(names, mean.tolist())), dict(zip(names, scale.tolist())))


def _yaml(models: Models, web: int, clean: int) -> str:
    lines = [
        "# Models of generator/clean/boilerplate.py: logistic weights over its TEXT_FEATURES and",
        "# CONTEXT_FEATURES (each centred by mean and scale) and the probability above which a",
        f"# paragraph is the article's. Trained by bench/train_cleaner.py on {web} copied web pages",
        f"# (the Article Extraction Benchmark's development half) and {clean} plain articles; numbers only.",
        f"threshold: {models.threshold:g}",
    ]
    for name, model in (("text", models.text), ("context", models.context)):
        lines += [f"{name}:", f"  bias: {model.bias:.6g}"]
        for part, values in (("weights", model.weights), ("mean", model.mean), ("scale", model.scale)):
            lines.append(f"  {part}:")
            lines += [f"    {feature}: {value:.6g}" for feature, value in values.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
