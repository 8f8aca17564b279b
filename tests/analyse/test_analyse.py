"""analyse: sentences and entities with offsets that point back into the paragraphs."""

from __future__ import annotations

from generator.analyse.nlp import UNUSED_COMPONENTS, analyse, load_pipeline
from tests.conftest import make_article


def test_sentences_stay_inside_paragraphs_and_offsets_match():
    article = make_article("Title\n\nThe first paragraph ends here without a stop\n\nThe Second one. It has two.")
    (analysis,) = analyse([article])
    paragraphs = {p.index: p.text for p in article.paragraphs}
    assert [s.paragraph for s in analysis.sentences] == [1, 2, 2]
    for sentence in analysis.sentences:
        assert paragraphs[sentence.paragraph][sentence.start : sentence.end] == sentence.text
    assert [s.index for s in analysis.sentences] == list(range(len(analysis.sentences)))


def test_entities_point_into_their_sentences():
    (analysis,) = analyse([make_article("Title\n\nAngela Merkel met Emmanuel Macron in Paris on Monday.")])
    for mention in analysis.mentions:
        assert analysis.sentences[mention.sentence].text[mention.start : mention.end] == mention.text
    assert {"Angela Merkel", "Emmanuel Macron", "Paris"} <= {m.text for m in analysis.mentions}


def test_curated_names_are_found_even_when_the_model_misses_them():
    (analysis,) = analyse([make_article("Title\n\nMeasures against the new coronavirus were agreed.")])
    assert ("new coronavirus", "TOPIC") in {(m.text, m.label) for m in analysis.mentions}


def test_only_the_components_needed_are_loaded():
    names = load_pipeline().pipe_names
    assert "senter" in names and "ner" in names
    assert not set(UNUSED_COMPONENTS) & set(names)


def test_results_come_back_in_input_order():
    articles = [make_article(f"T{n}\n\nText number {n} mentions Berlin.") for n in range(5)]
    analyses = analyse(articles)
    assert [a.sentences[0].text for a in analyses] == [f"Text number {n} mentions Berlin." for n in range(5)]


def test_worker_processes_give_the_same_analyses_in_order():
    texts = [f"Title {n}\n\nAngela Merkel spoke in Berlin on day {n}. Paris replied.\n\nA second paragraph."
             for n in range(20)]
    articles = [make_article(text) for text in texts]
    assert analyse(articles, processes=2) == analyse(articles, processes=1)


def test_a_long_paragraph_is_read_in_pieces_with_offsets_kept():
    sentence = "Officials in Tokyo said the talks would continue next week. "
    article = make_article("Title\n\n" + sentence * 200)
    (analysis,) = analyse([article])
    text = article.paragraphs[0].text
    assert len(text) > 3 * 3000
    for found in analysis.sentences:
        assert text[found.start : found.end] == found.text
    assert sum(m.text == "Tokyo" for m in analysis.mentions) == 200


def test_a_sentence_split_inside_a_quotation_is_joined_again():
    article = make_article('Police chase ends in a crash\n\nThe officer said: "The suspect was placed in the ambulance '
                           'and transported so quickly. We did not even see him leave." The road reopened at noon.'
                           '\n\nA witness said: "It was fast. Very fast. Too fast. Far too fast. Nobody saw it.')
    (analysis,) = analyse([article])
    texts = [s.text for s in analysis.sentences]
    assert texts[:2] == ['The officer said: "The suspect was placed in the ambulance and transported so quickly. '
                         'We did not even see him leave."', "The road reopened at noon."]
    # a quotation left open joins a few sentences at most, not the rest of the paragraph
    assert len(texts) > 3
    for sentence in analysis.sentences:
        paragraph = next(p.text for p in article.paragraphs if p.index == sentence.paragraph)
        assert paragraph[sentence.start:sentence.end] == sentence.text
