"""aliases: names within an article and across the corpus resolve to one entity each."""

from __future__ import annotations

import os
import subprocess
import sys

from generator.link.aliases import initials, resolve
from generator.model import EntityMention


def mention(name: str, kind: str = "person", title: str = "", sentence: int = 0) -> EntityMention:
    return EntityMention(name, kind, sentence, 0, len(name), title)


def entity_names(resolution, brief: str, *names: str) -> list[str]:
    by_slug = {e.slug: e for e in resolution.entities}
    return [by_slug[resolution.slug_of[(brief, n)]].name for n in names]


def test_surname_and_full_name_in_one_article_are_one_person():
    found = resolve([("a", [mention("Toshimitsu Motegi"), mention("Motegi", title="foreign minister")])])
    assert entity_names(found, "a", "Motegi", "Toshimitsu Motegi") == ["Toshimitsu Motegi"] * 2
    assert len(found.entities) == 1 and found.entities[0].aliases == ("Motegi",)


def test_a_misspelt_surname_with_the_same_title_is_the_same_person():
    mentions = [mention("Motegi", title="foreign minister"), mention("Motegi", title="foreign minister"),
                mention("Mogi", title="minister")]
    found = resolve([("a", mentions)])
    assert entity_names(found, "a", "Mogi") == ["Motegi"]


def test_a_different_person_is_not_taken_for_a_misspelling():
    found = resolve([("a", [mention("Motegi", title="minister"), mention("Mori", title="president")])])
    assert len(found.entities) == 2


def test_a_surname_in_one_brief_joins_the_full_name_of_another():
    found = resolve([("a", [mention("Motegi", title="minister")]), ("b", [mention("Toshimitsu Motegi")])])
    assert entity_names(found, "a", "Motegi") == ["Toshimitsu Motegi"]


def test_a_lone_surname_joins_the_full_name_that_dominates_it():
    briefs = [(f"t{n}", [mention("Tony Blair")]) for n in range(4)]
    briefs += [("c", [mention("Cherie Blair")]), ("x", [mention("Blair", title="mr")])]
    found = resolve(briefs)
    assert entity_names(found, "x", "Blair") == ["Tony Blair"]
    assert entity_names(found, "c", "Cherie Blair") == ["Cherie Blair"]


def test_a_lone_surname_shared_by_equals_stays_apart():
    found = resolve([("a", [mention("Ed Miliband")]), ("b", [mention("David Miliband")]),
                     ("x", [mention("Miliband", title="mr")])])
    assert entity_names(found, "x", "Miliband") == ["Miliband"]


def test_a_lone_given_name_is_not_a_usable_name():
    found = resolve([("a", [mention("Charles Kennedy")]), ("b", [mention("Charles", title="prince")])])
    charles = next(e for e in found.entities if e.name == "Charles")
    assert not charles.listed


def test_acronym_and_expansion_are_one_across_the_corpus():
    found = resolve([
        ("a", [mention("National Audit Office", "organisation"), mention("NAO", "organisation")]),
        ("b", [mention("NAO", "organisation")]),
    ])
    assert entity_names(found, "b", "NAO") == ["National Audit Office"]


def test_curated_aliases_are_one_entity_with_the_curated_name():
    found = resolve([("a", [mention("TPP", "organisation"), mention("new coronavirus", "topic")]),
                     ("b", [mention("Trans-Pacific Partnership Agreement", "topic"), mention("COVID-19", "topic")])])
    assert entity_names(found, "a", "TPP", "new coronavirus") == ["Trans-Pacific Partnership", "COVID-19"]
    assert entity_names(found, "b", "Trans-Pacific Partnership Agreement") == ["Trans-Pacific Partnership"]
    tpp = next(e for e in found.entities if e.name == "Trans-Pacific Partnership")
    assert tpp.kind == "topic" and set(tpp.aliases) == {"TPP", "Trans-Pacific Partnership Agreement"}


def test_a_legal_suffix_or_a_plural_does_not_make_another_organisation():
    found = resolve([("a", [mention("Vodafone Group", "organisation")]), ("b", [mention("Vodafone", "organisation")]),
                     ("c", [mention("Greens", "organisation")]), ("d", [mention("Green", "organisation")])])
    assert entity_names(found, "b", "Vodafone") == ["Vodafone Group"]
    assert entity_names(found, "d", "Green") == ["Greens"]


def test_british_and_american_spellings_are_one():
    found = resolve([("a", [mention("World Meteorological Organisation", "organisation")]),
                     ("b", [mention("World Meteorological Organization", "organisation")])])
    assert len(found.entities) == 1


def test_the_kind_most_mentions_give_wins_and_firms_taken_for_people_are_fixed():
    found = resolve([("a", [mention("Yukos"), mention("Yukos")]), ("b", [mention("Yukos", "organisation")])])
    assert [(e.name, e.kind, e.listed) for e in found.entities] == [("Yukos", "organisation", True)]


def test_a_single_word_person_without_title_or_full_name_is_not_listed():
    found = resolve([("a", [mention("Baikal")])])
    assert not found.entities[0].listed


def test_common_words_are_kept_but_not_listed():
    found = resolve([("a", [mention("Bank", "organisation")])], not_names={"Bank"})
    assert not found.entities[0].listed


def test_slugs_are_unique_and_stable():
    briefs = [("a", [mention("Georgia", "place"), mention("Georgia Smith")]), ("b", [mention("Georgia", "place")])]
    first, second = resolve(briefs), resolve(list(reversed(briefs)))
    assert sorted(e.slug for e in first.entities) == sorted(e.slug for e in second.entities)
    assert len({e.slug for e in first.entities}) == len(first.entities)


def test_initials_skip_minor_words():
    assert initials("Regional Comprehensive Economic Partnership") == "RCEP"
    assert initials("Bank of England") == "BE"


def test_names_written_in_other_cases_are_listed_in_one_order_whatever_the_hash_seed():
    # a set of names sorted by lower case alone kept ties in the set's order, which changes
    # with the interpreter's hash seed: the same corpus built two ways
    script = (
        "from generator.link.aliases import resolve\n"
        "from generator.model import EntityMention\n"
        "names = ['Labour Party', 'labour', 'Labour', 'LABOUR', 'Labour party']\n"
        "found = resolve([(str(n), [EntityMention(name, 'organisation', 0, 0, len(name), '')])\n"
        "                 for n, name in enumerate(names)])\n"
        "print([e.aliases for e in found.entities])\n"
    )
    runs = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout for seed in range(6)}
    assert len(runs) == 1, runs


def test_one_persons_full_names_however_written_are_one_entity():
    found = resolve([("a", [mention("Joe Biden")]), ("b", [mention("Joseph R. Biden")]),
                     ("c", [mention("Joseph R. Biden Jr")]), ("d", [mention("Kishida Fumio")]),
                     ("e", [mention("Fumio Kishida")])])
    assert len(set(entity_names(found, "a", "Joe Biden") + entity_names(found, "b", "Joseph R. Biden")
                   + entity_names(found, "c", "Joseph R. Biden Jr"))) == 1
    assert entity_names(found, "d", "Kishida Fumio") == entity_names(found, "e", "Fumio Kishida")


def test_father_and_son_stay_two_people():
    found = resolve([("a", [mention("George W. Bush")]), ("b", [mention("George H. W. Bush")]),
                     ("c", [mention("Joseph Biden Sr")]), ("d", [mention("Joseph Biden Jr")]), ("e", [mention("Joe Biden")])])
    assert entity_names(found, "a", "George W. Bush") != entity_names(found, "b", "George H. W. Bush")
    assert entity_names(found, "c", "Joseph Biden Sr") != entity_names(found, "d", "Joseph Biden Jr")


def test_a_titled_surname_joins_the_one_full_name_that_bears_the_title():
    briefs = [(f"p{n}", [mention("Joe Biden", title="President"), mention("Biden", title="President")]) for n in range(3)]
    briefs += [(f"j{n}", [mention("Jill Biden", title="First Lady")]) for n in range(3)]
    briefs += [("lone", [mention("Biden", title="President")])]
    found = resolve(briefs)
    assert entity_names(found, "lone", "Biden") == ["Joe Biden"]


def test_a_full_name_of_a_known_given_name_is_a_person_when_the_model_says_so_often_enough():
    lohan = [mention("Lindsay Lohan", "organisation"), mention("Lindsay Lohan", "organisation"),
             mention("Lindsay Lohan", "person")]
    valley = [mention("Jordan Valley", "place")] * 3
    found = resolve([("a", lohan), ("b", valley)])
    kinds = {e.name: e.kind for e in found.entities}
    assert kinds == {"Lindsay Lohan": "person", "Jordan Valley": "place"}


def test_a_full_name_the_model_mostly_calls_a_person_stays_one_though_some_call_it_a_firm():
    cheeks = [mention("Maurice Cheeks")] * 3 + [mention("Maurice Cheeks", "organisation")] * 2
    found = resolve([("a", cheeks)])
    assert [(e.name, e.kind) for e in found.entities] == [("Maurice Cheeks", "person")]


def test_a_full_name_the_text_treats_as_a_persons_is_one_whatever_its_given_name():
    cued = EntityMention("Zurana Horton", "organisation", 0, 0, 13, "", True)  # "Zurana Horton, who …"
    found = resolve([("a", [cued, mention("Zurana Horton", "organisation"), mention("Zurana Horton")])])
    assert [(e.name, e.kind) for e in found.entities] == [("Zurana Horton", "person")]
    # without the cue, a name of no known given name that the model mostly calls a firm stays one
    found = resolve([("a", [mention("Zurana Horton", "organisation")] * 2 + [mention("Zurana Horton")])])
    assert [e.kind for e in found.entities] == ["organisation"]


def test_a_team_named_with_or_without_its_place_is_one_unless_two_places_share_the_name():
    found = resolve([("a", [mention("New Orleans Saints", "organisation"), mention("New Orleans", "place")]),
                     ("b", [mention("Saints", "organisation")])])
    assert entity_names(found, "b", "Saints") == ["New Orleans Saints"]
    found = resolve([("a", [mention("Texas Rangers", "organisation"), mention("Texas", "place")]),
                     ("b", [mention("Glasgow Rangers", "organisation"), mention("Glasgow", "place")]),
                     ("c", [mention("Rangers", "organisation")])])
    assert entity_names(found, "c", "Rangers") == ["Rangers"]


def test_a_full_name_misspelt_by_a_letter_in_another_brief_is_the_same_person():
    found = resolve([("a", [mention("Duncan Rait")]), ("b", [mention("Duncan Raite")]),
                     ("c", [mention("Jermayne Timmons")]), ("d", [mention("Jerymayne Timmons")]),
                     ("e", [mention("Mark Kelly")]), ("f", [mention("Mary Kelly")])])
    assert len({e.slug for e in found.entities if "Rait" in e.name}) == 1
    assert len({e.slug for e in found.entities if "Timmons" in e.name}) == 1
    assert {e.name for e in found.entities if "Kelly" in e.name} == {"Mark Kelly", "Mary Kelly"}


def test_initials_with_or_without_dots_are_one_name():
    found = resolve([("a", [mention("U.S. Geological Survey", "organisation")]),
                     ("b", [mention("US Geological Survey", "organisation")])])
    assert len(found.entities) == 1


def test_a_country_under_its_iso_names_is_one_place_but_a_person_of_that_name_is_not():
    found = resolve([("a", [mention("People's Republic of China", "place"), mention("Russian Federation", "place")]),
                     ("b", [mention("China", "place"), mention("Russia", "place")]),
                     ("c", [mention("Michael Jordan")]), ("d", [mention("Jordan", "place")])])
    assert len({e.slug for e in found.entities if "China" in e.name}) == 1
    assert len({e.slug for e in found.entities if "Russia" in e.name}) == 1
    assert {e.kind for e in found.entities if "Jordan" in e.name} == {"person", "place"}


def test_a_name_in_capitals_throughout_is_not_the_canonical_form_when_another_is_written():
    found = resolve([("a", [mention("JODIE HAYDON"), mention("JODIE HAYDON"), mention("Jodie Haydon")])])
    assert [e.name for e in found.entities] == ["Jodie Haydon"]


def test_an_acronym_is_the_one_organisation_of_the_corpus_with_its_initials():
    energy, doe = mention("Department of Energy", "organisation"), mention("DOE", "organisation")
    hp, packard = mention("HP", "organisation"), mention("Hewlett-Packard", "organisation")
    found = resolve([("a", [energy, mention("Ohio", "place")]), ("b", [doe, energy]), ("c", [doe]),
                     ("d", [packard, hp]), ("e", [hp]),
                     ("f", [mention("Central Bank", "organisation"), mention("Conservative Board", "organisation"),
                            mention("CB", "organisation")]),
                     ("g", [mention("Civic Executive Committee", "organisation")]), ("h", [mention("CEC", "organisation")])])
    assert entity_names(found, "c", "DOE") == ["Department of Energy"]
    assert entity_names(found, "e", "HP") == ["Hewlett-Packard"]
    assert entity_names(found, "f", "CB") == ["CB"]  # two organisations have those initials
    assert entity_names(found, "h", "CEC") == ["CEC"]  # no brief names both


def test_a_lone_surname_is_the_person_whose_other_briefs_name_what_its_brief_names():
    briefs = [
        ("rule", [mention("George W. Bush"), mention("Endangered Species Act", "topic"),
                  mention("Interior Department", "organisation"), mention("Dirk Kempthorne")]),
        ("game", [mention("Reggie Bush"), mention("New Orleans Saints", "organisation"),
                  mention("Drew Brees"), mention("Superdome", "place")]),
        ("rule-later", [mention("Bush"), mention("Endangered Species Act", "topic"),
                        mention("Interior Department", "organisation")]),
        ("game-later", [mention("Bush"), mention("New Orleans Saints", "organisation"), mention("Drew Brees")]),
        ("neither", [mention("Bush"), mention("Texas", "place")]),
    ]
    briefs += [(f"filler{n}", [mention(f"Person Number{n}")]) for n in range(40)]
    found = resolve(briefs)
    assert entity_names(found, "rule-later", "Bush") == ["George W. Bush"]
    assert entity_names(found, "game-later", "Bush") == ["Reggie Bush"]
    assert entity_names(found, "neither", "Bush") == ["Bush"]  # nothing says which Bush


def test_of_two_people_of_one_surname_the_first_named_takes_it():
    found = resolve([("a", [mention("Kimani Gray"), mention("Mahnefah Gray"), mention("Gray")])])
    assert entity_names(found, "a", "Gray") == ["Kimani Gray"]


def test_an_acronym_after_the_name_it_opens_is_that_organisation_everywhere():
    found = resolve([("a", [mention("ATI Technologies", "organisation"), mention("ATI", "organisation")]),
                     ("b", [mention("ATI", "organisation")])])
    assert entity_names(found, "b", "ATI") == ["ATI Technologies"]
    # before the longer name, the acronym is its own: "NFL" is not the "NFL Network"
    found = resolve([("a", [mention("NFL", "organisation"), mention("NFL Network", "organisation")])])
    assert len(found.entities) == 2


def test_a_surname_standing_for_a_full_name_votes_for_a_person():
    briefs = [(f"b{n}", [mention("Phil Ford")] + [mention("Ford", "organisation")] * 4) for n in range(2)]
    found = resolve(briefs)
    assert [(e.name, e.kind) for e in found.entities] == [("Phil Ford", "person")]


def by_name(resolution) -> dict:
    return {e.name: e for e in resolution.entities}


def test_a_name_after_an_article_is_a_things_not_a_persons():
    rose = [EntityMention("Rose Garden", "person", 0, 0, 11, determined=True),
            EntityMention("Rose Garden", "place", 1, 0, 11)]
    second = [EntityMention("Second Gentleman", "person", 0, 0, 16, determined=True)]
    found = by_name(resolve([("a", rose), ("b", second), ("c", [mention("Rose Garden")])]))
    assert (found["Rose Garden"].kind, found["Rose Garden"].listed) == ("place", True)
    assert not found["Second Gentleman"].listed  # nothing says what it is: no page
    # a title or a person's cue outweighs the article ("the Tony Blair I knew" aside)
    titled = [EntityMention("Rose Adams", "person", 0, 0, 10, "Senator", determined=True)]
    assert by_name(resolve([("a", titled)]))["Rose Adams"].kind == "person"


def test_a_name_opening_on_a_common_word_is_no_persons_unless_it_is_a_given_name():
    briefs = [("a", [mention("Head Start"), mention("Registered Apprenticeships"), mention("Mark Price")])]
    found = by_name(resolve(briefs, not_names=["Head", "Registered", "Mark", "Price"]))
    assert not found["Head Start"].listed and not found["Registered Apprenticeships"].listed
    assert found["Mark Price"].kind == "person" and found["Mark Price"].listed  # Mark is a given name


def test_an_initial_and_surname_join_the_full_name_with_that_initial():
    found = resolve([("a", [mention("Antony J. Blinken", title="Secretary")]), ("b", [mention("J. Blinken")]),
                     ("c", [mention("Antony J. Blinken")])])
    assert entity_names(found, "b", "J. Blinken") == ["Antony J. Blinken"]


def test_a_surname_with_an_office_is_the_person_of_that_surname_who_holds_it():
    briefs = [("visit", [mention("Jill Biden", title="First Lady"), mention("Biden", title="president")]),
              ("call", [mention("Joseph R. Biden", title="president"), mention("Biden", title="president")]),
              ("speech", [mention("Joseph R. Biden", title="president")])]
    found = resolve(briefs)
    assert entity_names(found, "visit", "Biden", "Jill Biden") == ["Joseph R. Biden", "Jill Biden"]
    # a form of address is no office: "Mr Blair" is the Tony Blair the article names
    found = resolve([("a", [mention("Tony Blair"), mention("Blair", title="Mr")]),
                     ("b", [mention("Cherie Blair", title="Mrs")])])
    assert entity_names(found, "a", "Blair") == ["Tony Blair"]


def test_a_family_name_with_particles_is_the_person_the_article_names_in_full():
    # the source writes the particles in capitals when the family name stands alone
    found = resolve([("shell", [mention("Walter van der Vijver"), mention("Van de Vijver", title="Mr"),
                                mention("Philip Watts")])])
    assert entity_names(found, "shell", "Van de Vijver") == ["Walter van der Vijver"]
    assert len(found.entities) == 2
    # hyphens as spaces: the source wrote the name both ways
    found = resolve([("ukip", [mention("Robert Kilroy Silk"), mention("Kilroy-Silk", title="mr")])])
    assert entity_names(found, "ukip", "Kilroy-Silk") == ["Robert Kilroy Silk"]
    # a name of particles and a word is not a person's full name, that others would join
    found = resolve([("a", [mention("Van de Vijver", title="Mr")]), ("b", [mention("Anna de Vijver")])])
    assert entity_names(found, "a", "Van de Vijver") == ["Van de Vijver"]


def test_forms_of_address_are_no_offices_however_the_model_ran_into_them():
    from generator.link.aliases import is_form_of_address

    assert all(map(is_form_of_address, ["Mr", "mrs", "Sir", "Said Mr", "Dr.", "His Majesty"]))
    assert not any(map(is_form_of_address, ["Foreign Minister", "President", "Mayor", "First Lady"]))


def test_a_country_is_named_as_the_texts_write_it_most():
    found = resolve([("a", [mention("State of Israel", "place"), mention("Israel", "place")]),
                     ("b", [mention("Israel", "place")]), ("c", [mention("Russian Federation", "place")]),
                     ("d", [mention("Russia", "place"), mention("Russia", "place")])])
    assert entity_names(found, "a", "State of Israel") == ["Israel"]
    assert entity_names(found, "c", "Russian Federation") == ["Russia"]
