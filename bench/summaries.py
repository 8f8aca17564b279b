"""Benchmark: our summaries beside the classic extractive summarisers, scored with ROUGE.

    python bench/summaries.py --data ../shared/bench/bbc [--limit N] [--json OUT] [--cache DIR]

Every system ranks the same spaCy sentences (see _summary_systems.py) and is scored at two
budgets: its 3 best sentences, and 100 words (best sentences first, the last one cut at the
100th word), both shown in article order; ours at 3 sentences is the summary a brief shows (at
most three sentences, within its 75-word budget). The mean words of each system's summaries are
reported beside its scores. ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (rouge-score,
Porter stemming on) are averaged over the articles; ms_per_article is the time a system takes
to choose, given the sentences (the spaCy pass, shared by all, is timed apart).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _summary_corpus import Item, load, spacy_ms_per_article
from _summary_systems import Ranker, briefing_three, systems
from rouge_score import rouge_scorer

from generator.model import Sentence

BUDGETS = ("3_sentences", "100_words")
MEASURES = ("rouge1", "rouge2", "rougeLsum")
NAMES = {"lead": "Lead-3", "textrank": "TextRank (summa)", "lexrank": "LexRank (sumy)",
         "lsa": "LSA (sumy)", "luhn": "Luhn (sumy)", "briefing": "briefing (ours)"}
WORD_BUDGET = 100
Results = dict[str, dict[str, dict[str, float]]]


def main(argv: list[str] | None = None) -> int:
    """Run every system at both budgets, print the table, optionally write JSON."""
    options = parse_args(argv)
    items = load(options.data, options.limit, options.cache)
    if not items:
        raise SystemExit(f"no articles in {options.data / 'articles'}")
    results = run(items)
    spacy_ms = spacy_ms_per_article(items)
    print(table(results, len(items)))
    print(f"\nspaCy pass (generator.analyse, 1 process): {spacy_ms:.1f} ms per article; "
          f"summarising (clean_mentions + summarise): "
          f"{results['briefing']['3_sentences']['ms_per_article']:.2f} ms per article")
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with articles/ and summaries/")
    parser.add_argument("--limit", type=int, help="only N articles, spread evenly over the folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--cache", type=Path, help="keep spaCy analyses here between runs")
    return parser.parse_args(argv)


def run(items: list[Item]) -> Results:
    """ROUGE F1 and time of every system at every budget, averaged over the articles."""
    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    results: Results = {}
    for name, ranker in systems().items():
        choosers: dict[str, Callable[[Item], list[Sentence]]] = {
            "3_sentences": briefing_three if name == "briefing" else _top(ranker, 3),
            "100_words": _top(ranker, None),
        }
        results[name] = {budget: _score(items, choosers[budget], budget, scorer) for budget in BUDGETS}
        print(f"{name}: done", file=sys.stderr)
    return results


def _top(ranker: Ranker, count: int | None) -> Callable[[Item], list[Sentence]]:
    return lambda item: ranker(item)[:count]


def _score(items: list[Item], choose: Callable[[Item], list[Sentence]], budget: str, scorer) -> dict:
    totals = dict.fromkeys(MEASURES, 0.0)
    seconds = words = 0.0
    choose(items[0])  # loading a model or its tables is not choosing: keep it out of the timing
    for item in items:
        start = time.perf_counter()
        chosen = choose(item)
        seconds += time.perf_counter() - start
        texts = cut_to_words(chosen, WORD_BUDGET) if budget == "100_words" else [s.text for s in chosen]
        words += sum(len(text.split()) for text in texts)
        scores = scorer.score("\n".join(item.reference), "\n".join(texts))
        for measure in MEASURES:
            totals[measure] += scores[measure].fmeasure
    count = len(items)
    figures = {measure: round(100 * total / count, 2) for measure, total in totals.items()}
    figures["ms_per_article"] = round(1000 * seconds / count, 3)
    figures["words"] = round(words / count, 1)
    return figures


def cut_to_words(ranked: list[Sentence], budget: int) -> list[str]:
    """Best sentences until the budget is spent, the last cut at it; shown in article order."""
    kept: list[tuple[int, str]] = []
    left = budget
    for sentence in ranked:
        if left <= 0:
            break
        words = sentence.text.split()
        kept.append((sentence.index, " ".join(words[:left])))
        left -= len(words)
    return [text for _, text in sorted(kept)]


def table(results: Results, count: int) -> str:
    """The results as a Markdown table, one row a system."""
    head = ["system"] + [f"{m} {b}" for b in ("3 sent.", "100 w.") for m in ("R-1", "R-2", "R-Lsum", "words", "ms")]
    lines = [f"{count} articles; ROUGE F1 × 100 (rouge-score, stemming on); ms = per article", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, budgets in results.items():
        cells = [NAMES.get(name, name)]
        for budget in BUDGETS:
            figures = budgets[budget]
            cells += [f"{figures[m]:.2f}" for m in MEASURES] + [f"{figures['words']:.0f}",
                                                                 f"{figures['ms_per_article']:.2f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
