"""Entity benchmark: the seeds' entity pages against the gold entities, and suspects elsewhere.

    .venv/bin/python bench/entities.py [--gold tests/gold/seed_entities.yml] [--seeds seeds]
        [--data DIR [--limit N]] [--ecb DIR] [--json OUT]

On the seeds, each entity page is matched to the gold entity whose name or aliases it
carries (name or aliases, case and punctuation ignored):
- precision: pages that match a gold entity of the same kind, over all pages;
- recall: gold entities with such a page, over all gold entities;
- duplicate pages: pages beyond the first for one gold entity;
- junk pages: pages that match no gold entity, match one with the wrong kind, or carry a
  listed junk form.
With --data, a folder without gold (e.g. the BBC articles) is built too and its pages are
screened for suspects that a reader would call junk or duplicates (see `suspects`).
With --ecb (e.g. ../shared/bench/ecb), the site built from DIR/articles is scored against the
ECB+ gold entities of DIR/entities.json by the rules of DIR/README.md (see bench/ecb_entities.py).
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

import ecb_entities  # noqa: E402

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
    parser.add_argument("--limit", type=int, help="with --data or --ecb: only N articles, taken at even steps")
    parser.add_argument("--ecb", type=Path, help="also score the pages built from DIR/articles against ECB+ gold")
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
    if args.ecb:
        figures["ecb"] = against_ecb(args.ecb, args.cache, args.limit)
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


def against_ecb(folder: Path, cache: Path, limit: int | None) -> dict:
    """The ECB+ entity figures (bench/ecb_entities.py) of the site built from folder/articles."""
    from links import load_briefs

    corpus = link_briefs(load_briefs(folder / "articles", cache, limit))
    stem_of = {b.slug: Path(b.article.source.path).stem for b in corpus.briefs}
    texts = {stem_of[b.slug]: b.article.source.body for b in corpus.briefs}  # the article as written
    demonyms = {m.text for b in corpus.briefs for m in b.analysis.mentions if m.label == "NORP"}
    gold = ecb_entities.instances_from_json(json.loads((folder / "entities.json").read_text(encoding="utf-8")))
    pages = ecb_entities.pages_from_entities(corpus.entities, stem_of)
    return {"folder": str(folder), "briefs": len(corpus.briefs),
            **ecb_entities.score(pages, gold, texts, demonyms)}


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
    if "ecb" in figures:
        print_ecb(figures["ecb"])


def print_ecb(ecb: dict) -> None:
    by_kind = ", ".join(f"{kind} {count}" for kind, count in ecb["pages_by_kind"].items())
    print(f"ECB+ {ecb['folder']}: {ecb['briefs']} briefs, {ecb['pages']} entity pages ({by_kind})")
    print(f"  {ecb['scored']} of {ecb['instances']} instances scored ({len(ecb['skipped'])} with fewer than 2 "
          f"articles)  united {_share(ecb['united'])}  mostly united {_share(ecb['mostly_united'])}  "
          f"any {_share(ecb['any'])}  split {ecb['split']}  merged {ecb['merged']}")
    right = ecb["kind_right_by_kind"]
    print(f"  kind right {_share(ecb['kind_right'])} of {ecb['kind_checked']} (people {_share(right['person'])}, "
          f"organisations {_share(right['organisation'])}, places {_share(right['place'])})")
    lists = {
        "split": [f"{s['instance']}: {', '.join(s['pages'])}" for s in ecb["splits"]],
        "merged": [f"{m['page']} for " + ", ".join(f"{i} ({' '.join(a)})" for i, a in m["instances"].items())
                   for m in ecb["merges"]],
        "wrong kind": [f"{w['instance']} {w['kind']} as {w['page']} ({w['page_kind']})" for w in ecb["wrong_kind"]],
        "not united": [f"{u['instance']}: best {u['best_page']}, missing {' '.join(u['missing'])}"
                       for u in ecb["ununited"]],
        "not a name": [f"{n['page']}: {n['why']}" for n in ecb["not_a_name"]],
    }
    for label, items in lists.items():
        if items:
            print(f"  {label}: " + "; ".join(items))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
