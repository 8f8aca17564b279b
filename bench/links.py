"""Related-briefs benchmark: are the links the generator draws between briefs right?

    .venv/bin/python bench/links.py --data ../shared/bench/bbc/articles [--limit N]
        [--sample 100 --samples 10 --seed 0] [--json OUT] [--cache DIR]

The category of an article is its file name's prefix (`business_001.txt` -> business), or,
with `--clusters FILE` (ECB+: `{stem: event}`), the real event it reports. A related-brief
link is right when it joins two briefs of one category:
- precision: the share of all related-brief links (each brief's list) that are right;
- recall: the share of pairs of briefs of one category linked in either direction;
- coverage: the share of briefs with at least one related brief.
Measured on the whole folder and on random mixed samples of it, each sample built as a
site of its own; beside a plain TF-IDF nearest-neighbour baseline in the same run (word
tokens of two letters or more, sublinear tf, smoothed idf, each brief linked to its
BASELINE_K nearest by cosine).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.nlp import analyse, analysis_version  # noqa: E402
from generator.brief import make_briefs  # noqa: E402
from generator.brief.cache import BriefCache, code_version  # noqa: E402
from generator.clean import clean_all  # noqa: E402
from generator.link import link_briefs  # noqa: E402
from generator.link.similarity import nearest  # noqa: E402
from generator.model import Brief  # noqa: E402
from generator.read.files import read_folder  # noqa: E402
from generator.support.cache import AnalysisCache  # noqa: E402

BASELINE_K = 3
TOKEN = re.compile(r"(?u)\b\w\w+\b")
TARGET_PRECISION, TARGET_COVERAGE = 0.95, 0.85  # BBC: by section
TARGET_EVENT_PRECISION, TARGET_EVENT_RECALL = 0.90, 0.85  # with --clusters (ECB+): by real event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/bench/bbc/articles")
    parser.add_argument("--limit", type=int, help="only N articles, taken at even steps (all categories)")
    parser.add_argument("--sample", type=int, default=100, help="articles in each random sample (0: none)")
    parser.add_argument("--samples", type=int, default=10, help="how many random samples")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first sample; the others follow")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "bench", help="analysis cache folder")
    parser.add_argument("--clusters", type=Path, help="JSON {file stem: event}: the truth instead of file prefixes")
    args = parser.parse_args()
    if args.clusters:
        TRUTH.update(json.loads(args.clusters.read_text(encoding="utf-8")))
    briefs = load_briefs(args.data, args.cache, args.limit)
    figures = {"articles": len(briefs), "whole": measure(briefs)}
    if args.sample and args.sample < len(briefs):
        runs = [measure(random.Random(seed).sample(briefs, args.sample))
                for seed in range(args.seed, args.seed + args.samples)]
        figures["samples"] = {"size": args.sample, "seeds": [args.seed, args.seed + args.samples - 1],
                              **summarise_runs(runs)}
    print_table(figures)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


def load_briefs(data: Path, cache: Path | None, limit: int | None = None) -> list[Brief]:
    """The briefs of a folder of articles, as the pipeline makes them (analyses cached)."""
    read = read_folder(data, 2_000_000)
    articles, _ = clean_all(read.sources)
    if limit and limit < len(articles):
        step = len(articles) / limit
        articles = [articles[int(i * step)] for i in range(limit)]
    analyses = analyse(articles, 0, AnalysisCache(cache, analysis_version()))
    briefs, _ = make_briefs(articles, analyses, BriefCache(cache, code_version()))
    return briefs


TRUTH: dict[str, str] = {}  # file stem -> event, when --clusters gives it


def category(brief: Brief) -> str:
    name = Path(brief.article.source.path)
    return TRUTH.get(name.stem) or name.name.split("_")[0]


def measure(briefs: Sequence[Brief]) -> dict:
    """Precision and coverage of the generator's related briefs and of the baseline."""
    start = time.perf_counter()
    corpus = link_briefs(briefs)
    seconds = time.perf_counter() - start
    ours = {b.slug: [r.slug for r in corpus.related.get(b.slug, ())] for b in briefs}
    return {
        "generator": {**score(briefs, ours), "link_s": round(seconds, 2)},
        "baseline": score(briefs, baseline(briefs)),
    }


def baseline(briefs: Sequence[Brief], k: int = BASELINE_K) -> dict[str, list[str]]:
    """Each brief's k nearest briefs by plain TF-IDF cosine."""
    texts = [" ".join([b.article.title, *(p.text for p in b.article.paragraphs)]) for b in briefs]
    counts = [Counter(TOKEN.findall(text.lower())) for text in texts]
    df = Counter(w for c in counts for w in c)
    n = len(briefs)
    vectors = []
    for c in counts:
        weights = {w: (1 + math.log(x)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, x in c.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        vectors.append({w: v / norm for w, v in weights.items()})
    found = nearest(vectors, min(k, n - 1))
    return {b.slug: [briefs[j].slug for j in row] for b, row in zip(briefs, found.index.tolist())}


def score(briefs: Sequence[Brief], related: dict[str, list[str]]) -> dict:
    of = {b.slug: category(b) for b in briefs}
    links = [(a, b) for a, others in related.items() for b in others]
    right = sum(of[a] == of[b] for a, b in links)
    linked = {frozenset(link) for link in links if of[link[0]] == of[link[1]]}
    sizes = Counter(of.values())
    pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    return {
        "precision": round(right / len(links), 4) if links else None,
        "recall": round(len(linked) / pairs, 4) if pairs else None,
        "coverage": round(sum(bool(related.get(b.slug)) for b in briefs) / len(briefs), 4),
        "links_per_brief": round(len(links) / len(briefs), 2),
    }


def summarise_runs(runs: list[dict]) -> dict:
    """Mean, minimum and maximum of each figure over the samples."""
    out: dict = {}
    for system in ("generator", "baseline"):
        out[system] = {}
        for figure in ("precision", "recall", "coverage", "links_per_brief"):
            values = [r[system][figure] for r in runs if r[system][figure] is not None]
            out[system][figure] = {"mean": round(statistics.mean(values), 4), "min": min(values), "max": max(values)}
    return out


def print_table(figures: dict) -> None:
    print(f"related briefs over {figures['articles']} articles (precision: links within one category)")
    print(f"{'':40}{'precision':>10}{'recall':>10}{'coverage':>10}{'links/brief':>13}")
    whole, samples = figures["whole"], figures.get("samples")
    for system in ("generator", "baseline"):
        print(_row(f"whole set, {system}", whole[system]))
    if samples:
        count = samples["seeds"][1] - samples["seeds"][0] + 1
        for system in ("generator", "baseline"):
            row = samples[system]
            means = {figure: values["mean"] for figure, values in row.items()}
            spread = (f"   precision {row['precision']['min']:.3f}-{row['precision']['max']:.3f},"
                      f" coverage {row['coverage']['min']:.3f}-{row['coverage']['max']:.3f}")
            print(_row(f"{count} samples of {samples['size']}, {system} (mean)", means) + spread)
    print(f"link stage on the whole set: {whole['generator']['link_s']:.1f} s")
    checks = [("whole set", whole["generator"])]
    if samples:
        checks.append(("samples (mean)", {f: v["mean"] for f, v in samples["generator"].items()}))
    for label, row in checks:
        if TRUTH:
            met = row["precision"] >= TARGET_EVENT_PRECISION and row["recall"] >= TARGET_EVENT_RECALL
            target = f"precision >= {TARGET_EVENT_PRECISION} with recall >= {TARGET_EVENT_RECALL}"
        else:
            met = row["precision"] >= TARGET_PRECISION and row["coverage"] >= TARGET_COVERAGE
            target = f"precision >= {TARGET_PRECISION} with coverage >= {TARGET_COVERAGE}"
        print(f"target {target}, {label}: {'met' if met else 'missed'}")


def _row(label: str, row: dict) -> str:
    return (f"{label:40}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['coverage']:>10.3f}"
            f"{row['links_per_brief']:>13.2f}")


if __name__ == "__main__":
    main()
