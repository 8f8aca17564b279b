"""The seeds built end to end: the entity pages and related briefs the issue asks for, no junk."""

from __future__ import annotations

from functools import cache

import yaml

from generator.brief.mentions import is_date_or_number
from generator.pipeline import build
from generator.settings import Settings
from generator.support.names import name_key
from tests.conftest import ROOT

GOLD = yaml.safe_load((ROOT / "tests" / "gold" / "seed_entities.yml").read_text(encoding="utf-8"))


@cache
def seed_build():
    return build(Settings(ROOT / "seeds"))


def pages():
    return [e for e in seed_build().corpus.entities if e.has_page]


def forms(entry: dict) -> set[str]:
    return {name_key(n) for n in [entry["name"], *entry.get("aliases", [])]}


def pages_for(entry: dict):
    """Pages whose name is one of the gold entity's forms."""
    return [e for e in pages() if name_key(e.name) in forms(entry)]


def test_each_required_entity_has_exactly_one_page_of_its_kind():
    for entry in (e for e in GOLD["entities"] if e.get("required")):
        found = pages_for(entry)
        assert [(e.kind) for e in found] == [entry["kind"]], entry["name"]


def test_no_gold_entity_has_two_pages():
    for entry in GOLD["entities"]:
        by_alias = [e for e in pages() if forms(entry) & {name_key(a) for a in [e.name, *e.aliases]}]
        assert len(by_alias) <= 1, (entry["name"], [e.name for e in by_alias])


def test_motegi_wang_covid_china_and_japan_list_both_briefs():
    gold = {e["name"]: e for e in GOLD["entities"]}
    both = {b.slug for b in seed_build().corpus.briefs}
    for name in GOLD["in_both"]:
        (page,) = pages_for(gold[name])
        assert {o.brief for o in page.occurrences} == both, name


def test_each_brief_lists_the_other_as_related_with_the_reason():
    corpus = seed_build().corpus
    first, second = (b.slug for b in corpus.briefs)
    for slug, other in ((first, second), (second, first)):
        (related,) = corpus.related[slug]
        assert related.slug == other
        shared = {corpus.entity(s).name for s in related.shared}
        assert {"Toshimitsu Motegi", "Wang Yi", "COVID-19"} <= shared
    brief_page = next(p for p in seed_build().pages if p.uri == f"briefs/{first}.md").markdown
    assert "both on Wang Yi, Toshimitsu Motegi" in brief_page


def test_no_page_for_junk_forms_dates_numbers_or_a_virus_as_a_person():
    junk = {name_key(j) for j in GOLD["junk"]}
    for page in pages():
        assert name_key(page.name) not in junk, page.name
        assert not is_date_or_number(page.name), page.name
        assert not (page.name == "COVID-19" and page.kind == "person")


def test_entity_pages_show_kind_aliases_briefs_and_perspectives():
    page = next(p for p in seed_build().pages if p.uri == "entities/toshimitsu-motegi.md").markdown
    assert "**Person**" in page and "Mogi" in page and "Motegi" in page
    assert page.count("#p-") >= 2  # each brief's sentence links to its paragraph
    assert "## Perspectives" in page  # two accounts of the same minister, side by side
