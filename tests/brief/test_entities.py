"""entities: the model's raw mentions become clean names with a kind; junk is dropped."""

from __future__ import annotations

from collections import Counter

import pytest

from generator.brief.mentions import clean_mentions, is_date_or_number
from generator.link.corpus import common_words
from generator.model import Analysis, Mention, Sentence


def analysed(sentence: str, *spans: tuple[str, str]) -> Analysis:
    """One sentence with the given (text, label) spans, as the model would report them."""
    mentions, position = [], 0
    for text, label in spans:
        start = sentence.index(text, position)
        mentions.append(Mention(text, label, 0, start, start + len(text)))
        position = start + 1
    return Analysis((Sentence(0, 1, sentence, 0, len(sentence)),), tuple(mentions))


def names(sentence: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    return [(m.name, m.kind) for m in clean_mentions(analysed(sentence, *spans))]


def test_titles_and_words_taken_for_names_are_dropped():
    assert names("State Councilor Wang Yi spoke by Phone.", ("Councilor", "PERSON"), ("Phone", "ORG")) == []


def test_title_prefixes_are_stripped_and_kept_as_the_title():
    mentions = clean_mentions(analysed("Spokesperson Zhao Lijian said so.", ("Spokesperson Zhao Lijian", "PERSON")))
    assert [(m.name, m.title) for m in mentions] == [("Zhao Lijian", "Spokesperson")]


def test_a_title_before_the_name_is_remembered():
    mentions = clean_mentions(analysed("At first, Minister Mogi said this.", ("Mogi", "PERSON")))
    assert [(m.name, m.title) for m in mentions] == [("Mogi", "minister")]


def test_titles_inside_organisation_names_stay():
    assert names("General Motors cut jobs.", ("General Motors", "ORG")) == [("General Motors", "organisation")]


@pytest.mark.parametrize("span, name", [
    ("Wang Yi's", "Wang Yi"),
    ("Blair’s", "Blair"),
    ("Blair¿s", "Blair"),  # the mojibake of a curly apostrophe
])
def test_possessives_are_removed(span, name):
    assert names(f"It was {span} visit.", (span, "PERSON")) == [(name, "person")]


def test_a_plural_possessive_keeps_its_s():
    assert names("It was General Motors' plan.", ("General Motors'", "ORG")) == [("General Motors", "organisation")]


def test_headline_verbs_are_cut_from_names():
    assert names("Wang Yi Speaks by Phone with Motegi", ("Wang Yi Speaks", "PERSON")) == [("Wang Yi", "person")]


def test_function_words_run_on_by_the_model_are_cut():
    assert names("Manchester United through the years.", ("United through", "ORG")) == [("United", "organisation")]


def test_known_names_get_their_kind_whatever_the_model_says():
    found = names("The fight against COVID-19 goes on.", ("COVID-19", "PERSON"))
    assert found == [("COVID-19", "topic")]
    assert names("The Tories won.", ("Tories", "NORP")) == [("Tories", "organisation")]


def test_acronyms_only_match_in_capitals():
    assert names("Asked who was there, WHO said nothing.", ("WHO", "ORG")) == [("WHO", "organisation")]


@pytest.mark.parametrize("span", ["21 April", "the 24th", "2020", "Monday", "15"])
def test_dates_and_numbers_are_not_entities(span):
    assert names(f"It happened on {span} here.", (span, "PERSON")) == []
    assert is_date_or_number(span.removeprefix("the "))


def test_people_need_a_name_shaped_name():
    assert names("The h5n1 strain spread.", ("h5n1", "PERSON")) == []


def test_words_the_texts_write_in_lower_case_are_common_words():
    texts = ["The bank raised rates. Another bank did not.", "Bank said so. Apple and the bank agreed."]
    assert common_words(texts, Counter({"Bank": 1, "Apple": 1})) == {"Bank"}


def test_titles_with_their_qualifiers_are_stripped():
    sentence = "Japanese Minister for Foreign Affairs Toshimitsu Motegi thanked China."
    span = "Japanese Minister for Foreign Affairs Toshimitsu Motegi"
    mentions = clean_mentions(analysed(sentence, (span, "PERSON")))
    assert [(m.name, m.title) for m in mentions] == [("Toshimitsu Motegi", "Japanese Minister for Foreign Affairs")]


def test_a_surname_that_is_a_title_word_stays():
    assert names("John Sergeant reported.", ("John Sergeant", "PERSON")) == [("John Sergeant", "person")]


def test_a_list_the_model_took_for_one_name_is_cut_at_the_comma():
    found = names("Exports rose in the Czech Republic, South Africa and Chile.", ("Czech Republic, South Africa", "GPE"))
    assert found == [("Czech Republic", "place")]


def test_a_name_after_a_spaced_dash_is_the_name():
    assert names("Thank you, Greg — Greg Jackson, for that.", ("Greg — Greg Jackson", "PERSON")) == [
        ("Greg Jackson", "person")]
    assert names("The host, Showrunner - Kal Penn, spoke.", ("Showrunner - Kal Penn", "PERSON")) == [
        ("Kal Penn", "person")]
    assert names("The Biden-Harris plan was announced.", ("Biden-Harris", "ORG")) == [("Biden-Harris", "organisation")]


def test_a_who_clause_an_age_or_kin_after_a_name_marks_it_as_a_persons():
    cued = {m.name: m.person_cue for m in clean_mentions(analysed(
        "Zurana Horton, who had 12 children, Raj Chohan, 59, and Kimani Gray's mother met Acme Corp, which rose.",
        ("Zurana Horton", "ORG"), ("Raj Chohan", "ORG"), ("Kimani Gray", "ORG"), ("Acme Corp", "ORG")))}
    assert cued == {"Zurana Horton": True, "Raj Chohan": True, "Kimani Gray": True, "Acme Corp": False}


def test_a_nickname_inside_a_name_is_dropped():
    assert names("Police shot Kimani (Kiki) Gray on Saturday.", ("Kimani (Kiki) Gray", "PERSON")) == [
        ("Kimani Gray", "person")]


def test_a_score_run_into_a_team_name_is_cut_with_its_offsets():
    sentence = "Creighton beat Evansville 51-50 on Sunday."
    (found,) = clean_mentions(analysed(sentence, ("Evansville 51-50", "ORG")))
    assert (found.name, sentence[found.start:found.end]) == ("Evansville", "Evansville")


def test_common_words_run_on_after_a_place_are_cut():
    assert names("Floods hit the Aceh province again.", ("Aceh province", "GPE")) == [("Aceh", "place")]
    assert names("Voting ended in Ashgabat city-15 polls.", ("Ashgabat city-15", "GPE")) == [("Ashgabat", "place")]


def test_a_plural_title_is_a_role_but_a_place_may_bear_one():
    assert names("MPs voted against it.", ("MPs", "ORG")) == []
    assert names("She lived in Queens for years.", ("Queens", "GPE")) == [("Queens", "place")]


def test_an_event_word_makes_an_event_only_as_the_name_s_head():
    assert names("The Central Commission for Elections met.", ("Central Commission for Elections", "ORG")) == [
        ("Central Commission for Elections", "organisation")]
    assert names("The Summer Olympics 2012 opened.", ("Summer Olympics 2012", "ORG")) == [
        ("Summer Olympics 2012", "event")]


@pytest.mark.parametrize(("sentence", "span", "expected"), [
    ("They met in the Rose Garden.", "Rose Garden", True),
    ("She praised the Pell Grant and the loans.", "Pell Grant", True),
    ("Under the Saddam Hussein regime, they fled.", "Saddam Hussein", False),
    ("He signed the Matthew Shepard and James Byrd Act.", "Matthew Shepard", False),
    ("Rose Adams spoke.", "Rose Adams", False),
])
def test_a_name_after_an_article_that_ends_its_phrase_is_marked(sentence, span, expected):
    [found] = clean_mentions(analysed(sentence, (span, "PERSON")))
    assert found.determined is expected


def test_a_given_name_the_model_left_out_before_an_initial_is_taken_back():
    sentence = "The Honorable Antony J. Blinken, Secretary of State, spoke. When J. Blinken spoke"
    mentions = clean_mentions(analysed(sentence, ("J. Blinken", "PERSON"), ("J. Blinken", "PERSON")))
    assert [m.name for m in mentions] == ["Antony J. Blinken", "J. Blinken"]  # "When" is no given name


def test_a_title_the_models_span_opened_inside_is_kept_whole():
    mentions = clean_mentions(analysed("Today First Lady Jill Biden spoke.", ("Lady Jill Biden", "PERSON")))
    assert [(m.name, m.title) for m in mentions] == [("Jill Biden", "First Lady")]


def test_a_name_is_cut_at_a_bracket_the_model_left_open():
    sentence = "The U.S. Agency for International Development (USAID) said so."
    assert names(sentence, ("International Development (USAID", "ORG")) == [("International Development", "organisation")]


@pytest.mark.parametrize("sentence, spans, expected", [
    # the model cut the family name at its particles and took the rest for another name
    ("He met Ursula von der Leyen in Brussels.", (("Ursula von der", "PERSON"), ("Leyen", "GPE")),
     [("Ursula von der Leyen", "person")]),
    ("Walter van der Vijver resigned.", (("Walter van", "PERSON"), ("der Vijver", "PRODUCT")),
     [("Walter van der Vijver", "person")]),
    ("Luiz Inácio Lula da Silva won.", (("Luiz Inácio Lula", "PERSON"),),
     [("Luiz Inácio Lula da Silva", "person")]),
])
def test_a_family_name_is_carried_over_its_particles(sentence, spans, expected):
    assert names(sentence, *spans) == expected


def test_a_lower_case_word_that_is_no_particle_ends_the_name():
    assert names("Tony Blair de facto led.", ("Tony Blair", "PERSON")) == [("Tony Blair", "person")]
    assert names("Anna Smith and the Board met.", ("Anna Smith", "PERSON")) == [("Anna Smith", "person")]


def test_a_form_of_address_makes_a_person_of_what_the_model_took_for_a_body():
    mentions = clean_mentions(analysed("Mr Van de Vijver left Shell.", ("Mr Van de Vijver", "ORG")))
    assert [(m.name, m.kind, m.title) for m in mentions] == [("Van de Vijver", "person", "Mr")]
    mentions = clean_mentions(analysed("Then Mr Kilroy-Silk left.", ("Kilroy-Silk", "ORG")))
    assert [(m.name, m.kind, m.title) for m in mentions] == [("Kilroy-Silk", "person", "mr")]
    # an office opens the names of bodies, and stays theirs
    assert names("General Motors cut jobs.", ("General Motors", "ORG")) == [("General Motors", "organisation")]


@pytest.mark.parametrize("sentence, spans, expected", [
    ("Ursula von der Leyen spoke.", (("Leyen", "GPE"),), [("Ursula von der Leyen", "person")]),
    ("PRESIDENT VON DER LEYEN: Thank you.", (("LEYEN", "GPE"),), [("VON DER LEYEN", "person")]),
    ("Ursula von der Leyen spoke.", (("Ursula von der", "PERSON"), ("Leyen", "GPE")),
     [("Ursula von der Leyen", "person")]),
    # particles in a place's name, after no given name or title
    ("They flew to Rio de Janeiro.", (("Janeiro", "GPE"),), [("Janeiro", "place")]),
])
def test_a_family_name_after_its_particles_takes_the_given_name_or_title_before_them(sentence, spans, expected):
    assert names(sentence, *spans) == expected


def test_a_name_ending_in_a_bodys_suffix_is_an_organisation_whatever_the_label():
    sentence = "He cared more for the Robert Kilroy-Silk Party than for Acme Holdings."
    assert names(sentence, ("Robert Kilroy-Silk Party", "FAC"), ("Acme Holdings", "PERSON")) == [
        ("Robert Kilroy-Silk Party", "organisation"), ("Acme Holdings", "organisation")]
