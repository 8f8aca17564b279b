"""Stories benchmark: do the generator's stories group the briefs that report one event?

    .venv/bin/python bench/stories.py --data ../shared/bench/ecb [--json OUT] [--cache DIR]
        [--copies ../shared/bench/whitehouse/articles ../shared/bench/bbc/articles]

On ECB+ (`articles/` and the gold events of `clusters.json`) the stories are scored by B-cubed
precision and recall, a brief in no story counting as a story of its own (the data's README):
- precision: for each brief, the share of its story's briefs that report its event, averaged;
- recall: for each brief, the share of its event's briefs that are in its story, averaged.
Beside it, the README's baseline in the same run: TF-IDF over each article file's whole text
(scikit-learn, sublinear tf, English stop words), average-linkage clustering on cosine distance
cut at 0.75.

With `--copies`, the copies the generator finds in other folders (one text published twice or
more, made one brief) are listed, so a reader can check that they are copies.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.links import load_briefs  # noqa: E402
from generator.link import link_briefs  # noqa: E402
from generator.model import Brief  # noqa: E402

BASELINE_THRESHOLD = 0.75
TARGET_PRECISION, TARGET_RECALL = 0.92, 0.90


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/bench/ecb")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "bench", help="analysis cache folder")
    parser.add_argument("--copies", type=Path, nargs="*", default=[], help="folders whose copies to list")
    args = parser.parse_args()
    truth = json.loads((args.data / "clusters.json").read_text(encoding="utf-8"))
    briefs = load_briefs(args.data / "articles", args.cache)
    start = time.perf_counter()
    corpus = link_briefs(briefs)
    seconds = time.perf_counter() - start
    stem = {b.slug: Path(b.article.source.path).stem for b in briefs}
    ours = [[stem[slug] for slug in story.briefs] for story in corpus.stories]
    figures: dict = {
        "articles": len(briefs),
        "events": len(set(truth.values())),
        "generator": {**b_cubed(ours, [stem[b.slug] for b in briefs], truth), "stories": len(ours),
                      "link_s": round(seconds, 2)},
        "baseline": b_cubed(baseline(briefs, stem, args.data / "articles"), list(stem.values()), truth),
    }
    if args.copies:
        figures["copies"] = {str(folder): list_copies(folder, args.cache) for folder in args.copies}
    print_table(figures)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


def b_cubed(groups: Sequence[Sequence[str]], items: Sequence[str], truth: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision and recall of `groups` over `items` (an item in no group is alone)."""
    group_of = {item: n for n, group in enumerate(groups) for item in group}
    members: dict[object, list[str]] = {}
    for item in items:
        members.setdefault(group_of.get(item, ("alone", item)), []).append(item)
    event_size: dict[str, int] = {}
    for item in items:
        event_size[truth[item]] = event_size.get(truth[item], 0) + 1
    precision = recall = 0.0
    for item in items:
        group = members[group_of.get(item, ("alone", item))]
        right = sum(truth[other] == truth[item] for other in group)
        precision += right / len(group)
        recall += right / event_size[truth[item]]
    return {"precision": round(precision / len(items), 4), "recall": round(recall / len(items), 4)}


def baseline(briefs: Sequence[Brief], stem: Mapping[str, str], folder: Path) -> list[list[str]]:
    """The data README's baseline: TF-IDF of the files, average linkage on cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [(folder / b.article.source.path).read_text(encoding="utf-8") for b in briefs]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=BASELINE_THRESHOLD).fit_predict(matrix)
    groups: dict[int, list[str]] = {}
    for brief, label in zip(briefs, labels.tolist()):
        groups.setdefault(label, []).append(stem[brief.slug])
    return [g for g in groups.values() if len(g) > 1]


def list_copies(folder: Path, cache: Path) -> list[dict]:
    """The copies the generator finds in a folder: each kept brief's file and its copies' files."""
    corpus = link_briefs(load_briefs(folder, cache))
    return [{"kept": corpus.brief(slug).article.source.path, "copies": [c.article.source.path for c in copies]}
            for slug, copies in sorted(corpus.copies.items())]


def print_table(figures: dict) -> None:
    print(f"stories over {figures['articles']} articles, {figures['events']} events (B-cubed)")
    for system in ("generator", "baseline"):
        f = figures[system]
        extra = f"  {f['stories']} stories, link {f['link_s']} s" if "stories" in f else ""
        print(f"  {system:9}  precision {f['precision']:.3f}  recall {f['recall']:.3f}{extra}")
    print(f"  target     precision {TARGET_PRECISION:.2f}  recall {TARGET_RECALL:.2f}")
    for folder, copies in figures.get("copies", {}).items():
        print(f"copies in {folder}: {len(copies)} texts published more than once")
        for entry in copies:
            print(f"  {entry['kept']}  <- {', '.join(entry['copies'])}")


if __name__ == "__main__":
    main()
