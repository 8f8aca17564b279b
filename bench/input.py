"""Input benchmark: does the generator find the article, its title and its date in real pages?

    .venv/bin/python bench/input.py --data ../shared/bench/webpages [--json OUT]

On the saved web pages of the Article Extraction Benchmark (development half), in both forms:
the HTML as saved and the text a person copies out of the browser. What the generator reads
(`python -m generator read`, the same code as a build) is scored with the benchmark's own
`score.py` (body F1 over 4-token shingles, macro-averaged over pages), side by side with
trafilatura and jusText on the HTML and with the whole copied text. Title and date are compared
with trafilatura's reading of the HTML (`metadata.json`, a competitor's answer, not truth):
agreement, and how often a date the generator states is a different date (and one more than a
day away: a day's difference is mostly a time zone, or published against updated).

The copied text's figure uses the cleaner's model as shipped, which was fitted on these very
pages: bench/train_cleaner.py gives the held-out figure (cross-validated by page).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import read_records  # noqa: E402

BOOTSTRAP = 200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "webpages")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    score = load_scorer(args.data / "score.py")
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    metadata = json.loads((args.data / "metadata.json").read_text(encoding="utf-8"))
    figures: dict[str, dict] = {}
    for form in ("html", "text"):
        start = time.perf_counter()
        records = read_records(args.data / form)
        seconds = (time.perf_counter() - start) / len(records)
        bodies = {key: {"articleBody": records.get(key, {}).get("body") or ""} for key in truth}
        figures[f"generator, {form}"] = _body(score, truth, bodies) | {"ms_per_page": 1000 * seconds}
        figures[f"generator, {form}"] |= _metadata(records, metadata)
    whole = {key: {"articleBody": (args.data / "text" / f"{key}.txt").read_text(encoding="utf-8")} for key in truth}
    figures["whole copied text"] = _body(score, truth, whole)
    figures |= _competitors(score, truth, args.data / "html")
    _print(figures)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def load_scorer(path: Path):
    """The benchmark's own score.py, imported from its folder."""
    spec = importlib.util.spec_from_file_location("aeb_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _body(score, truth: dict, prediction: dict) -> dict:
    random.seed(0)  # the bootstrap's ± repeats
    metrics = score.evaluate(truth, prediction, BOOTSTRAP)
    return {name: metrics[name] for name in ("f1", "f1_std", "precision", "recall", "accuracy")}


def _metadata(records: dict, metadata: dict) -> dict:
    """Title and date against trafilatura's reading of the HTML."""
    titles = dates = stated = differ = far = sources = same_source = 0
    for key, theirs in metadata.items():
        ours = records.get(key, {})
        titles += _same_title(ours.get("title"), theirs.get("title"))
        if ours.get("source"):
            sources += 1
            same_source += _same_source(str(ours["source"]), theirs.get("sitename"))
        if ours.get("date"):
            stated += 1
            if theirs.get("date"):
                dates += ours["date"] == theirs["date"]
                differ += ours["date"] != theirs["date"]
                far += abs((date.fromisoformat(ours["date"]) - date.fromisoformat(theirs["date"])).days) > 1
    dated = sum(1 for m in metadata.values() if m.get("date"))
    return {"title_agreement": titles / len(metadata), "date_agreement": dates / dated,
            "dates_stated": stated / len(metadata), "stated_date_differs": differ / stated if stated else 0.0,
            "stated_date_differs_by_more_than_a_day": far / stated if stated else 0.0,
            "sources_stated": sources / len(metadata), "source_agreement": same_source / len(metadata)}


def _same_source(ours: str, theirs: str | None) -> bool:
    """The same publisher, however written: "The Associated Press" and "AP News" are not matched,
    "The Hollywood Reporter" and "Hollywood Reporter" are."""
    def key(text: str) -> str:
        words = [w for w in "".join(c if c.isalnum() else " " for c in text.casefold()).split()
                 if w not in ("the", "inc", "llc", "ltd", "com", "www")]
        return " ".join(words)
    return bool(theirs) and bool(key(ours)) and (key(ours) in key(theirs) or key(theirs) in key(ours))


def _same_title(ours: str | None, theirs: str | None) -> bool:
    """The same headline, a site's name after it aside ("Headline | The Site" is "Headline")."""
    def key(text: str | None) -> str:
        return " ".join((text or "").casefold().split())
    def bare(text: str) -> str:
        for separator in (" | ", " - ", " – ", " — ", " :: ", " : "):
            head, found, tail = text.rpartition(separator)
            if found and len(tail.split()) <= 5:
                return head
        return text
    ours, theirs = key(ours), key(theirs)
    return bool(ours) and (ours in (theirs, bare(theirs)) or bare(ours) == theirs)



def _competitors(score, truth: dict, html: Path) -> dict:
    import justext
    import trafilatura

    pages = {key: (html / f"{key}.html").read_text(encoding="utf-8") for key in truth}
    found = {key: {"articleBody": trafilatura.extract(page, include_comments=False) or ""}
             for key, page in pages.items()}
    stoplist = justext.get_stoplist("English")
    jus = {key: {"articleBody": "\n\n".join(p.text for p in justext.justext(page.encode(), stoplist)
                                            if not p.is_boilerplate)} for key, page in pages.items()}
    return {"trafilatura, html": _body(score, truth, found), "jusText, html": _body(score, truth, jus)}


def _print(figures: dict) -> None:
    columns = ("title", "date", "dated", "differs", ">1 day", "source", "sourced", "ms/page")
    print(f"{'':24} {'F1':>13} {'precision':>9} {'recall':>7}  " + " ".join(f"{c:>5}" for c in columns))
    for name, f in figures.items():
        extra = (f"  {f['title_agreement']:5.2f} {f['date_agreement']:5.2f} {f['dates_stated']:5.2f} "
                 f"{f['stated_date_differs']:7.2f} {f['stated_date_differs_by_more_than_a_day']:6.2f} "
                 f"{f['source_agreement']:6.2f} {f['sources_stated']:7.2f} "
                 f"{f['ms_per_page']:7.1f}") if "title_agreement" in f else ""
        print(f"{name:24} {f['f1']:.3f} ± {f['f1_std']:.3f} {f['precision']:9.3f} {f['recall']:7.3f}{extra}")


if __name__ == "__main__":
    sys.exit(main())
