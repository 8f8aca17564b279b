"""The ECB+ entity scorer on sites made by hand.

    .venv/bin/python -m pytest tests/bench/test_ecb_entities.py -q
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import ecb_entities as ecb  # noqa: E402

ECB = ROOT.parent / "shared" / "bench" / "ecb"


@dataclass(frozen=True)
class FakeOccurrence:
    brief: str


@dataclass(frozen=True)
class FakeEntity:
    """Entity-like: what the scorer reads of generator.model.Entity."""

    name: str
    kind: str
    briefs: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    has_page: bool = True
    occurrences: tuple[FakeOccurrence, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "occurrences", tuple(FakeOccurrence(b) for b in self.briefs))


def site(*entities: FakeEntity) -> list[ecb.Page]:
    """The pages of fake entities whose brief slugs are the article stems themselves."""
    stems = {b for e in entities for b in e.briefs}
    return ecb.pages_from_entities(entities, {s: s for s in stems})


def gold(name: str, kind: str | None, articles: list[str], names: dict[str, int] | None = None,
         type_: str = "HUMAN_PART_PER", same_as: tuple[str, ...] = ()) -> dict:
    return {"id": f"{name}-{articles[0]}", "descriptor": name, "type": type_, "kind": kind, "name": name,
            "names": names or {name: 1}, "articles": articles, "mentions": {a: [name] for a in articles},
            "same_as": list(same_as)}


def test_a_perfect_site_scores_full_marks() -> None:
    """One page per instance (per same_as group: Turkmenistan is one place), named as the gold names it,
    listing exactly its articles, in its group."""
    if not (ECB / "entities.json").exists():
        pytest.skip("no ECB+ data in ../shared/bench/ecb")
    instances = ecb.instances_from_json(json.loads((ECB / "entities.json").read_text(encoding="utf-8")))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ECB / "articles").glob("*.txt")}
    by_id = {i.id: ecb.scored_instance(i, texts) for i in instances if i.kind in ecb.SCORED_KINDS}
    golds = [g for g in by_id.values() if len(g.articles) >= ecb.MIN_ARTICLES]
    entities, done = [], set()
    for g in golds:
        group = [g, *(by_id[i] for i in g.instance.same_as if i in by_id)]
        if g.instance.id in done:
            continue
        done.update(x.instance.id for x in group)
        names = list(dict.fromkeys(n for x in group for n in x.names))
        articles = sorted(set().union(*(x.articles for x in group)))
        entities.append(FakeEntity(names[0], g.instance.kind or "", tuple(articles), tuple(names[1:])))
    figures = ecb.score(site(*entities), instances, texts)
    assert figures["scored"] == len(golds) > 80
    assert (figures["united"], figures["mostly_united"], figures["any"]) == (1.0, 1.0, 1.0)
    assert (figures["split"], figures["merged"], figures["kind_right"]) == (0, 0, 1.0), figures
    assert set(figures["kind_right_by_kind"].values()) == {1.0}


TEXTS = {
    "t01a_1": "Tara Reid checked into rehab.",
    "t01a_2": "Actress Tara Reid is in rehab, Reid's rep said.",
    "t01a_3": "TARA REID left the clinic. Reid was seen in Malibu.",
    "t09b_1": "President Bush weakened the act.",
    "t09b_2": "The Bush administration's rules.",
    "t25a_1": "Reggie Bush ran for two touchdowns.",
    "t25a_2": "Bush and the Saints won.",
    "t27a_1": "Microsoft patched Internet Explorer; reid is no word here.",
    "t45a_1": "Laci Peterson was missing. Scott Peterson was charged.",
    "t45a_2": "Peterson's trial: Laci Peterson's family spoke.",
}
REID = gold("Tara Reid", "person", ["t01a_1", "t01a_2", "t01a_3"])
BUSHES = [gold("Bush", "person", ["t09b_1", "t09b_2"]), gold("Bush", "person", ["t25a_1", "t25a_2"])]


def score(entries: list[dict], *entities: FakeEntity) -> dict:
    return ecb.score(site(*entities), ecb.instances_from_json(entries), TEXTS)


def test_one_page_for_two_instances_is_merged() -> None:
    figures = score(BUSHES, FakeEntity("Bush", "person", ("t09b_1", "t09b_2", "t25a_1", "t25a_2")))
    assert figures["merged"] == 1  # the page, once, for both Bushes: the name they share does not count
    assert figures["merges"][0]["instances"] == {"Bush (t09b)": ["t25a_1", "t25a_2"],
                                                 "Bush (t25a)": ["t09b_1", "t09b_2"]}
    assert figures["united"] == 1.0 and figures["split"] == 0


def test_an_extra_article_is_merged_only_when_it_has_nothing_of_the_instance() -> None:
    unrelated = FakeEntity("Tara Reid", "person", ("t01a_1", "t01a_2", "t01a_3", "t45a_1"))
    assert score([REID], unrelated)["merged"] == 1  # t45a_1 writes no Reid
    lower_case_only = FakeEntity("Tara Reid", "person", ("t01a_1", "t01a_2", "t01a_3", "t27a_1"))
    assert score([REID], lower_case_only)["merges"][0]["instances"] == {"Tara Reid (t01a)": ["t27a_1"]}
    two_bushes = [FakeEntity("Bush", "person", ("t09b_1", "t09b_2", "t25a_2")),
                  FakeEntity("Reggie Bush", "person", ("t25a_1", "t25a_2"))]
    assert score(BUSHES[:1], *two_bushes)["merged"] == 0  # t25a_2 writes Bush, and is no other instance's


def test_two_pages_for_one_instance_are_split() -> None:
    figures = score([REID], FakeEntity("Tara Reid", "person", ("t01a_1", "t01a_2")),
                    FakeEntity("Reid", "organisation", ("t01a_3",)))
    assert figures["split"] == 1 and figures["merged"] == 0
    assert figures["splits"][0]["pages"] == ["Tara Reid (person, 2)", "Reid (organisation, 1)"]
    assert (figures["united"], figures["mostly_united"], figures["any"]) == (0.0, 0.0, 1.0)
    assert figures["ununited"] == [{"instance": "Tara Reid (t01a)", "articles": 3,
                                    "best_page": "Tara Reid (person)", "missing": ["t01a_3"]}]
    assert figures["kind_right"] == 1.0  # the best page: most of its articles


def test_a_loose_match_with_another_instances_name_is_no_split() -> None:
    laci = gold("Laci Peterson", "person", ["t45a_1", "t45a_2"], {"Laci Peterson": 2, "Laci": 1})
    scott = gold("Peterson", "person", ["t45a_1", "t45a_2"], {"Peterson": 2, "Scott Peterson": 1})
    pages = [FakeEntity("Laci Peterson", "person", ("t45a_1", "t45a_2"), ("Laci",)),
             FakeEntity("Peterson", "person", ("t45a_1", "t45a_2"), ("Scott Peterson",))]
    figures = score([laci, scott], *pages)
    # "Peterson" matches Laci Peterson loosely (a surname), but is the other instance's very name
    assert (figures["united"], figures["split"], figures["merged"], figures["kind_right"]) == (1.0, 0, 0, 1.0)


def test_wrong_group_and_unscored_instances() -> None:
    few = gold("Malibu", "place", ["t01a_3", "t27a_1"], type_="LOC_GEO")  # written in one article only
    figures = score([REID, few], FakeEntity("Tara Reid", "organisation", ("t01a_1", "t01a_2", "t01a_3")))
    assert figures["scored"] == 1 and figures["skipped"] == ["Malibu (t01a+t27a)"]
    assert figures["kind_right"] == 0.0 and figures["kind_right_by_kind"]["person"] == 0.0
    assert figures["wrong_kind"] == [{"instance": "Tara Reid (t01a)", "kind": "person",
                                      "page": "Tara Reid", "page_kind": "organisation"}]


@pytest.mark.parametrize(("page", "gold_name", "kind", "expected"), [
    ("Mr. Obama", "Barack Obama", "person", True),  # a title, then the surname alone
    ("Lohan's", "Lindsay Lohan", "person", True),
    ("Reid", "Tara Reid", "organisation", False),  # a surname alone names a person only
    ("USGS", "U.S. Geological Survey", "organisation", True),
    ("U.S. Geological Survey", "USGS", "organisation", True),
    ("Survey", "U.S. Geological Survey", "organisation", False),
    ("Promises Treatment Centre", "Promises Treatment Center", "place", True),
    ("Central Commission for Elections", "Central Commission for Elections and Referenda", "organisation", True),
    ("Central Commission", "Central Commission for Elections and Referenda", "organisation", False),
    ("Geological Survey U.S.", "U.S. Geological Survey", "organisation", True),
    ("Yida", "Yida Refugee Camp", "place", False),
])
def test_names_match(page: str, gold_name: str, kind: str, expected: bool) -> None:
    assert ecb.names_match(page, gold_name, kind) is expected


def test_single_word_names_match_with_a_qualifier() -> None:
    assert ecb.names_match("Indian Navy", "Navy", "organisation", single_words=True)
    assert not ecb.names_match("Indian Navy", "Navy", "organisation", single_words=False)


def test_an_instances_names_leave_out_what_only_the_annotators_linked() -> None:
    entry = gold("AMD", "organisation", ["t43a_1", "t43a_2"], type_="HUMAN_PART_ORG",
                 names={"AMD": 28, "Advanced Micro Devices": 6, "Advanced Micro Devices Inc": 1, "Andrew Feldman": 1})
    (instance,) = ecb.instances_from_json([entry])
    assert ecb.instance_names(instance) == ("AMD", "Advanced Micro Devices", "Advanced Micro Devices Inc")


def test_not_a_name() -> None:
    texts = {"a": "Police used a taser. The Ukrainian champion.", "b": "Taser use."}
    pages = site(FakeEntity("Taser", "place", ("a", "b")), FakeEntity("Ukrainian", "place", ("a", "b")),
                 FakeEntity("Aceh province", "place", ("a", "b")), FakeEntity("Tara Reid", "person", ("a", "b")),
                 FakeEntity("President Obama", "person", ("a", "b")), FakeEntity("2010", "event", ("a", "b")),
                 FakeEntity("Israel and Gaza", "place", ("a", "b")),
                 FakeEntity("Fish and Wildlife Service", "organisation", ("a", "b")))
    listed = ecb.not_a_name(pages, ecb.instances_from_json([REID]), texts, frozenset({"ukrainian"}))
    assert listed == [
        {"page": "Taser (place)", "why": "written in lower case too"},
        {"page": "Ukrainian (place)", "why": "a demonym"},
        {"page": "Aceh province (place)", "why": "a lower-case word"},
        {"page": "President Obama (person)", "why": "a title first"},
        {"page": "2010 (event)", "why": "digits only"},
        {"page": "Israel and Gaza (place)", "why": "X and Y"},
    ]
