"""Entity benchmark: the seeds' entity pages against the gold entities, and suspects elsewhere.

    .venv/bin/python bench/entities.py [--gold tests/gold/seed_entities.yml] [--seeds seeds]
        [--data DIR [--limit N]] [--json OUT]

On the seeds, each entity page is matched to the gold entity whose name or aliases it
carries (name or aliases, case and punctuation ignored):
- precision: pages that match a gold entity of the same kind, over all pages;
- recall: gold entities with such a page, over all gold entities;
- duplicate pages: pages beyond the first for one gold entity;
- junk pages: pages that match no gold entity, match one with the wrong kind, or carry a
  listed junk form.
With --data, a folder without gold (e.g. the BBC articles) is built too and its pages are
screened for suspects that a reader would call junk or duplicates (see `suspects`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.brief.mentions import is_date_or_number  # noqa: E402
from generator.link import link_briefs  # noqa: E402
from generator.model import Entity  # noqa: E402
from generator.pipeline import build  # noqa: E402
from generator.settings import Settings  # noqa: E402
from generator.support.names import name_key, vocabulary  # noqa: E402

POSSESSIVE = re.compile(r"['’‘`´¿]s$|s['’]$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "seed_entities.yml")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--data", type=Path, help="also screen the pages built from this folder")
    parser.add_argument("--limit", type=int, help="with --data: only N articles, taken at even steps")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "bench", help="analysis cache folder")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    args = parser.parse_args()
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    pages = [e for e in build(Settings(args.seeds)).corpus.entities if e.has_page]
    figures = {"seeds": against_gold(pages, gold)}
    if args.data:
        from links import load_briefs

        corpus = link_briefs(load_briefs(args.data, args.cache, args.limit))
        listed = [e for e in corpus.entities if e.listed]
        figures["data"] = {
            "folder": str(args.data),
            "briefs": len(corpus.briefs),
            # what the page threshold chooses between: pages for every name, or for those in 2+ briefs
            "names_listed": len(listed),
            "names_in_2_briefs": sum(len(e.occurrences) > 1 for e in listed),
            **suspects([e for e in corpus.entities if e.has_page]),
        }
    print_report(figures)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


def forms(name: str, aliases: list[str] | tuple[str, ...] = ()) -> set[str]:
    return {name_key(n) for n in [name, *aliases]}


def against_gold(pages: list[Entity], gold: dict) -> dict:
    """Precision, recall, duplicates and junk of the entity pages against the gold entities."""
    entries = gold["entities"]
    junk_forms = forms("", gold.get("junk", [])) - {""}
    matched: dict[str, list[Entity]] = defaultdict(list)
    junk = []
    for page in pages:
        entry = next((g for g in entries if forms(page.name, page.aliases) & forms(g["name"], g.get("aliases", []))),
                     None)
        if entry is None or entry["kind"] != page.kind or name_key(page.name) in junk_forms:
            junk.append(f"{page.name} ({page.kind})")
        else:
            matched[entry["name"]].append(page)
    correct = sum(len(found) for found in matched.values())
    duplicates = {name: [p.name for p in found] for name, found in matched.items() if len(found) > 1}
    return {
        "pages": len(pages),
        "gold": len(entries),
        "precision": round(correct / len(pages), 4) if pages else None,
        "recall": round(len(matched) / len(entries), 4),
        "duplicate_pages": sum(len(found) - 1 for found in matched.values()),
        "junk_pages": len(junk),
        "junk": junk,
        "duplicates": duplicates,
        "missed": [g["name"] for g in entries if g["name"] not in matched],
    }


def suspects(pages: list[Entity]) -> dict:
    """Pages a reader would call junk or duplicates, found by their names alone (no gold needed).

    Junk: a date or number, a possessive, a title before a person's name, a function word
    first ("the", "of"), a role ("Minister").
    Duplicates: two pages whose names are equal once case, punctuation and a trailing "s" are
    ignored, or a one-word person page that is the surname of another person page.
    """
    words = vocabulary()
    junk = [p.name for p in pages if _looks_junk(p, words)]
    keys: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        keys[name_key(page.name).removesuffix("s")].append(page.name)
    same = [names for names in keys.values() if len(names) > 1]
    surnames = {name_key(p.name).split()[-1]: p.name for p in pages if p.kind == "person" and " " in p.name}
    lone = [[p.name, surnames[name_key(p.name)]] for p in pages
            if p.kind == "person" and " " not in p.name and name_key(p.name) in surnames]
    return {
        "pages": len(pages),
        "suspect_junk_pages": len(junk),
        "suspect_duplicate_pages": len(same) + len(lone),
        "junk": sorted(junk),
        "duplicates": sorted(same + lone),
    }


def _looks_junk(page: Entity, words) -> bool:
    key = name_key(page.name)
    titled = page.kind == "person" and any(key.startswith(t + " ") for t in words.titles)
    first = page.name.split()[0]
    return (is_date_or_number(page.name) or bool(POSSESSIVE.search(page.name)) or titled
            or (first[:1].islower() and first in STOP_WORDS) or key in words.title_words)


def print_report(figures: dict) -> None:
    seeds = figures["seeds"]
    print(f"seed entities: {seeds['pages']} pages, {seeds['gold']} gold entities")
    print(f"  precision {seeds['precision']:.3f}  recall {seeds['recall']:.3f}  "
          f"duplicate pages {seeds['duplicate_pages']}  junk pages {seeds['junk_pages']}")
    for label in ("junk", "duplicates", "missed"):
        if seeds[label]:
            print(f"  {label}: {seeds[label]}")
    data = figures.get("data")
    if data:
        print(f"{data['folder']}: {data['briefs']} briefs, {data['pages']} entity pages; "
              f"{data['names_listed']} names listed, {data['names_in_2_briefs']} of them in 2 briefs or more")
        print(f"  suspect junk pages {data['suspect_junk_pages']}  "
              f"suspect duplicate pages {data['suspect_duplicate_pages']}")
        for label in ("junk", "duplicates"):
            if data[label]:
                print(f"  {label}: {data[label][:30]}{' ...' if len(data[label]) > 30 else ''}")


if __name__ == "__main__":
    main()
