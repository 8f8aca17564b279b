"""Build benchmark: cold, warm and one-change builds of a site from a folder of articles.

    .venv/bin/python bench/build.py --data ../shared/bench/bbc/articles [--scale K] [--json OUT]

The one-change build is measured twice: clean, and incremental (`mkdocs build --dirty` into the
previous build's site, as `make site` builds), whose site is compared with the clean one byte
for byte. Beside the builds, in the same run: `mkdocs build` alone on the generated Markdown
written out as plain files, a bare `nlp.pipe` over the same texts with the same components (the
floor that the two libraries cost), and the analysis stage alone on the process pool and on a
Dask LocalCluster. Prints a table and the targets met or missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURE = Path(__file__).resolve().parent / "_measure_build.py"
LONG_WORD = re.compile(r"\b[a-z]{4,}\b")
MEASURE_ANALYSIS = Path(__file__).resolve().parent / "_measure_analysis.py"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1600000000"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of .txt/.md articles")
    parser.add_argument("--scale", type=int, default=1, help="repeat the corpus K times with changed titles")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as work:
        figures = run(args.data, args.scale, Path(work))
    print_table(figures)
    if args.json:
        write_json(args.json, figures)


def write_json(path: Path, figures: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n")


def run(data: Path, scale: int, work: Path) -> dict:
    # the machine's speed drifts between runs: a scaled run measures the single corpus too
    single = measure(make_project(work / "single", data, 1), work / "site-single") if scale > 1 else None
    project = make_project(work / "project", data, scale)
    cold = measure(project, work / "site-cold")
    warm = measure(project, work / "site-warm")
    # the previous build of an incremental one: a dirty build stages every page the first time
    previous = work / "site-incremental"
    measure(project, previous, dirty=True)
    changed = sorted((project / "seeds").glob("*"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nOne more sentence was added to this article.\n")
    start = time.perf_counter()
    shutil.copytree(previous, work / "site-one", symlinks=True)  # as `make site` copies the previous site
    copy_s = time.perf_counter() - start
    one_change = measure(project, work / "site-one")  # clean, with the same previous site's manifest
    incremental = measure(project, previous, dirty=True)
    built, clean = tree(previous), tree(work / "site-one")
    differing = sorted(name for name in built.keys() | clean.keys() if built.get(name) != clean.get(name))
    mkdocs_only = mkdocs_alone(project, work)
    pipe = bare_nlp_pipe(project / "seeds")
    cluster = analysis_on_cluster(data)
    generator_cold = sum(cold["stages_s"].values())
    words = pipe["words"]
    return {
        "articles": cold["articles"],
        "pages": cold["pages"],
        "words": words,
        "cold_s": cold["total_s"],
        "warm_s": warm["total_s"],
        "one_change_s": one_change["total_s"],
        "incremental_s": incremental["total_s"],  # one changed article, into the previous site
        "incremental_equal": not differing,  # byte for byte the clean build's site
        "incremental_differing": differing[:20],  # the first files that are not, to say why
        "copy_previous_s": copy_s,  # what `make site` adds: copying the previous site aside
        "peak_rss_mib": max(run["peak_rss_mib"] for run in (cold, warm, one_change)),  # PSS summed
        "own_max_rss_mib": max(run["own_max_rss_mib"] for run in (cold, warm, one_change)),
        "stages_s": {**cold["stages_s"], "mkdocs": cold["total_s"] - generator_cold},
        "warm_stages_s": {**warm["stages_s"], "mkdocs": warm["total_s"] - sum(warm["stages_s"].values())},
        "mkdocs_only_s": mkdocs_only,
        "nlp_pipe_s": pipe["seconds"],
        "nlp_pipe_words_per_s": words / pipe["seconds"],
        "analyse_words_per_s": words / cold["stages_s"]["analyse"],
        # the analysis stage alone on the unscaled folder: the process pool and a Dask LocalCluster
        "pool_words_per_s": cluster["words"] / cluster["pool_s"],
        "dask_words_per_s": cluster["words"] / cluster["dask_s"],
        "dask_identical": cluster["identical"],
        "scale": scale,
        **({"single_cold_s": single["total_s"], "single_peak_rss_mib": single["peak_rss_mib"]} if single else {}),
    }


def make_project(project: Path, data: Path, scale: int, count: int | None = None) -> Path:
    """A copy of this project's site with the (first `count`) articles, K times over, as its seeds.

    Each copy marks every fourth long lower-case word with its number ("election" -> "election3")
    and its title with "(Copy 3)", so that no two copies are one text (the pipeline makes copies
    of one text one brief) while the names stay: K times the briefs about the same entities."""
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    articles = sorted(p for p in data.iterdir() if p.suffix in (".txt", ".md"))[:count]
    for copy in range(scale):
        for article in articles:
            text = article.read_text(encoding="utf-8", errors="replace")
            name = article.name if copy == 0 else f"{article.stem}-copy{copy}{article.suffix}"
            (seeds / name).write_text(text if copy == 0 else f"(Copy {copy}) {marked(text, copy)}", encoding="utf-8")
    return project


def marked(text: str, copy: int) -> str:
    """The text with every fourth lower-case word of four letters or more ending in the copy's number."""
    count = 0

    def mark(word: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"{word.group()}{copy}" if count % 4 == 0 else word.group()

    return LONG_WORD.sub(mark, text)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def measure(project: Path, site: Path, dirty: bool = False) -> dict:
    output = subprocess.run(
        [sys.executable, str(MEASURE), str(project / "mkdocs.yml"), str(site), *(["dirty"] if dirty else [])],
        cwd=project, env=ENV, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def mkdocs_alone(project: Path, work: Path) -> float:
    """`mkdocs build` on the generated Markdown written out as plain files, no plugin."""
    plain = work / "plain"
    shutil.copytree(project / "docs", plain / "docs")
    subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(project / "seeds"),
                    "--out", str(plain / "docs"), "--cache", str(project / ".cache")],
                   cwd=ROOT, env=ENV, check=True, capture_output=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - briefing:\n      seeds: seeds\n", "")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(work / "site-plain")],
                   cwd=plain, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def analysis_on_cluster(data: Path, workers: int = 2) -> dict:
    """The analysis stage on a process pool and on a Dask LocalCluster of `workers` processes."""
    output = subprocess.run([sys.executable, str(MEASURE_ANALYSIS), str(data), str(workers)], cwd=ROOT, env=ENV,
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def bare_nlp_pipe(seeds: Path) -> dict:
    """spaCy alone over the article texts, with the generator's components and processes."""
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from generator.analyse.nlp import MULTIPROCESS_MIN_ARTICLES, load_pipeline\n"
        "from generator.support.workers import processes_for\n"
        "texts = [p.read_text(encoding='utf-8', errors='replace') for p in sorted(Path(sys.argv[1]).iterdir())]\n"
        "nlp = load_pipeline()\n"
        "start = time.perf_counter()\n"
        "processes = processes_for(len(texts), MULTIPROCESS_MIN_ARTICLES)\n"
        "for _ in nlp.pipe(texts, batch_size=16, n_process=processes): pass\n"
        "print(json.dumps({'seconds': time.perf_counter() - start, 'words': sum(len(t.split()) for t in texts)}))\n"
    )
    output = subprocess.run([sys.executable, "-c", code, str(seeds)], cwd=ROOT, env=ENV, check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def print_table(f: dict) -> None:
    stages = " · ".join(f"{name} {seconds:.2f}" for name, seconds in f["stages_s"].items())
    warm_generator = sum(v for k, v in f["warm_stages_s"].items() if k != "mkdocs")
    rows = [
        ("articles / pages / words", f"{f['articles']} / {f['pages']} / {f['words']}"),
        ("cold build", f"{f['cold_s']:.1f} s"),
        ("warm build (nothing changed)", f"{f['warm_s']:.1f} s"),
        ("build after one article changed", f"{f['one_change_s']:.1f} s"),
        ("incremental build after one article changed (into the previous site)",
         f"{f['incremental_s']:.1f} s, "
         + ("equal to the clean build; " if f["incremental_equal"]
            else f"DIFFERENT from the clean build ({', '.join(f['incremental_differing'])}); ") +
         f"copying the previous site {f['copy_previous_s']:.1f} s"),
        ("peak memory (all processes, shared pages once)", f"{f['peak_rss_mib']:.0f} MiB"),
        ("peak RSS of the main process", f"{f['own_max_rss_mib']:.0f} MiB"),
        ("cold stages (s)", stages),
        ("mkdocs alone on the Markdown", f"{f['mkdocs_only_s']:.1f} s"),
        ("bare nlp.pipe", f"{f['nlp_pipe_s']:.1f} s, {f['nlp_pipe_words_per_s']:.0f} words/s"),
        ("our analysis", f"{f['analyse_words_per_s']:.0f} words/s"),
        ("analysis alone, unscaled folder: process pool / Dask LocalCluster (2 workers)",
         f"{f['pool_words_per_s']:.0f} / {f['dask_words_per_s']:.0f} words/s"
         f"{'' if f['dask_identical'] else ' (analyses differ!)'}"),
    ]
    for label, value in rows:
        print(f"| {label} | {value} |")
    floor = f["nlp_pipe_s"] + f["mkdocs_only_s"]
    print(f"cold build / (nlp.pipe + mkdocs alone) = {f['cold_s'] / floor:.2f} (target <= 1.25)")
    print(f"analysis / bare nlp.pipe throughput = {f['analyse_words_per_s'] / f['nlp_pipe_words_per_s']:.2f} "
          "(target >= 0.80)")
    print(f"incremental / warm build = {f['incremental_s']:.1f} / {f['warm_s']:.1f} = "
          f"{f['incremental_s'] / f['warm_s']:.2f} (target at x1 <= 0.25; at x8 incremental <= 60 s)")
    print(f"Dask / process pool throughput = {f['dask_words_per_s'] / f['pool_words_per_s']:.2f} (target >= 0.80)")
    print(f"warm: generator {warm_generator:.2f} s / mkdocs {f['warm_stages_s']['mkdocs']:.2f} s = "
          f"{warm_generator / f['warm_stages_s']['mkdocs']:.2f} (target <= 0.10)")
    if "single_cold_s" in f:
        print(f"cold build x{f['scale']} / cold build of the single corpus in this run = "
              f"{f['cold_s']:.1f} / {f['single_cold_s']:.1f} = {f['cold_s'] / f['single_cold_s']:.2f} "
              "(target at x8 <= 9)")
        print(f"peak memory = {f['peak_rss_mib']:.0f} MiB (target at x8 < 2048)")


if __name__ == "__main__":
    main()
