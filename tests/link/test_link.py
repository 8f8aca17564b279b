"""link: briefs joined into a corpus: one entity per name across briefs, pages by a rule, related briefs."""

from __future__ import annotations

from datetime import date

from generator.brief import make_brief
from generator.link.corpus import SMALL_CORPUS, link_briefs, page_threshold
from generator.model import Analysis, FrontMatter, Mention, Sentence
from tests.conftest import make_article


def brief(slug: str, paragraphs: list[str], spans: dict[str, str], when: date | None = None):
    """A brief whose analysis finds each span (text -> spaCy label) wherever it is written."""
    article = make_article("Title of " + slug + "\n\n" + "\n\n".join(paragraphs), f"{slug}.txt",
                           FrontMatter(date=when))
    sentences, mentions = [], []
    for paragraph in article.paragraphs:
        number = len(sentences)
        sentences.append(Sentence(number, paragraph.index, paragraph.text, 0, len(paragraph.text)))
        for text, label in spans.items():
            start = paragraph.text.find(text)
            if start >= 0:
                mentions.append(Mention(text, label, number, start, start + len(text)))
    return make_brief(slug, article, Analysis(tuple(sentences), tuple(mentions)))


MEETING = [
    "Foreign Minister Toshimitsu Motegi met Wang Yi in Tokyo to discuss COVID-19 and trade.",
    "Motegi said Japan and China must cooperate against COVID-19 in the region.",
]
CALL = [
    "Wang Yi spoke with Motegi by phone about COVID-19 and the recovery of trade.",
    "Wang said China would help Japan with medical supplies against COVID-19.",
]
SPANS = {"Toshimitsu Motegi": "PERSON", "Motegi": "PERSON", "Wang Yi": "PERSON", "Wang": "PERSON",
         "Tokyo": "GPE", "Japan": "GPE", "China": "GPE", "COVID-19": "ORG"}


def corpus(min_briefs: int | None = None):
    return link_briefs([brief("meeting", MEETING, SPANS, date(2020, 11, 24)), brief("call", CALL, SPANS, date(2020, 4, 21))],
                min_briefs)


def by_name(result):
    return {e.name: e for e in result.entities}


def test_one_entity_per_person_across_briefs_with_both_briefs():
    entities = by_name(corpus())
    motegi = entities["Toshimitsu Motegi"]
    assert [o.brief for o in motegi.occurrences] == ["meeting", "call"]  # newest brief first
    assert motegi.aliases == ("Motegi",)
    assert "Motegi" not in entities and "Wang" not in entities


def test_each_occurrence_is_the_first_sentence_naming_the_entity_in_its_paragraph():
    covid = by_name(corpus())["COVID-19"]
    assert covid.kind == "topic"
    assert [(o.brief, o.paragraph) for o in covid.occurrences] == [("meeting", 1), ("call", 1)]
    assert covid.occurrences[1].text.startswith("Wang Yi spoke")


def test_first_and_last_dates_seen():
    wang = by_name(corpus())["Wang Yi"]
    assert (wang.first_seen, wang.last_seen) == (date(2020, 4, 21), date(2020, 11, 24))


def test_companions_are_the_entities_sharing_most_briefs():
    result = corpus()
    companions = dict(by_name(result)["Wang Yi"].companions)
    assert companions[by_name(result)["Toshimitsu Motegi"].slug] == 2
    assert companions[by_name(result)["Tokyo"].slug] == 1


def test_on_a_small_site_every_entity_has_a_page():
    assert all(e.has_page for e in corpus().entities)


def test_with_a_higher_threshold_an_entity_of_one_brief_stays_text():
    entities = by_name(corpus(min_briefs=2))
    assert not entities["Tokyo"].has_page and entities["Tokyo"].listed
    assert entities["Wang Yi"].has_page


def test_the_page_threshold_rises_with_the_size_of_the_site():
    assert page_threshold(SMALL_CORPUS - 1) == 1
    assert page_threshold(SMALL_CORPUS) == 2
    assert page_threshold(10, min_briefs=3) == 3


def test_the_two_accounts_are_related_with_their_shared_entities():
    result = corpus()
    (related,) = result.related["meeting"]
    assert related.slug == "call"
    shared = {result.entity(slug).name for slug in related.shared}
    assert {"Toshimitsu Motegi", "Wang Yi", "COVID-19", "China", "Japan"} <= shared


def test_a_common_word_gets_no_page_even_on_a_small_site():
    texts = ["The bank raised rates again.", "Bank officials said the bank would wait."]
    result = link_briefs([brief("a", texts[:1], {"Bank": "ORG"}), brief("b", texts[1:], {"Bank": "ORG"})])
    (bank,) = result.entities
    assert not bank.listed and not bank.has_page


def test_a_form_of_address_is_no_role_and_the_name_with_its_particles_is_the_entitys():
    shell = ["Walter van der Vijver, head of exploration, resigned from Shell on Monday.",
             "Mr Van de Vijver said the reserves had been overstated for years."]
    spans = {"Walter van": "PERSON", "der Vijver": "PRODUCT", "Mr Van de Vijver": "ORG", "Shell": "ORG"}
    entities = by_name(link_briefs([brief("shell", shell, spans)]))
    person = entities["Walter van der Vijver"]
    assert person.kind == "person" and person.aliases == ("Van de Vijver",)
    assert person.role == ""
