"""quotes: direct quotations with the speaker the text names, or none."""

from __future__ import annotations

from generator.analyse.nlp import analyse
from generator.brief.mentions import clean_mentions
from generator.brief.quotes import find_quotes
from tests.conftest import make_article


def quotes_of(body: str):
    article = make_article("Title\n\n" + body)
    analysis = analyse([article])[0]
    return find_quotes(article, analysis.sentences, clean_mentions(analysis))


def test_speaker_named_before_the_quote():
    (quote,) = quotes_of('At the meeting, Angela Merkel said, "We will work together on the climate plan."')
    assert quote.text == "We will work together on the climate plan."
    assert quote.speaker == "Angela Merkel"


def test_speaker_named_after_the_quote():
    (quote,) = quotes_of('"Prices will keep rising through the winter months," Janet Yellen said on Monday.')
    assert quote.speaker == "Janet Yellen"


def test_pronoun_refers_to_the_last_person_named():
    quotes = quotes_of(
        'Boris Johnson arrived in Paris on Monday.\n\nLater, he said, "The talks went better than expected today."'
    )
    assert [q.speaker for q in quotes] == ["Boris Johnson"]


def test_short_scare_quotes_are_not_quotations():
    assert quotes_of('The so-called "China siege network" was discussed by the ministers.') == ()


def test_unattributed_quotation_has_no_speaker():
    (quote,) = quotes_of('The report warned that "the risks are rising across the whole region".')
    assert quote.speaker is None


def test_an_outlet_or_an_organisation_speaks_when_no_person_does():
    (quote,) = quotes_of('The newspaper "Global Times" said, "It is an extremely important and necessary visit."')
    assert quote.speaker == "Global Times"


def test_transcript_turns_are_their_speakers_words_and_questions_are_not_quotes():
    quotes = quotes_of("John Kirby briefed reporters at the White House on Tuesday afternoon.\n\n"
                       "Q Will the talks resume next week in Geneva?\n\n"
                       "MR. KIRBY: We expect the talks to resume next week, and we are ready for them.\n\n"
                       "THE PRESIDENT: I am sorry, you are breaking up. Can you say that again?")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("John Kirby", "We expect the talks to resume next week, and we are ready for them."),
        ("The President", "I am sorry, you are breaking up. Can you say that again?")]


def test_a_paragraph_after_one_that_ends_said_colon_is_the_speakers():
    (quote,) = quotes_of("Foreign Secretary David Cameron said:\n\n"
                         "The United Kingdom will double its humanitarian aid to the region this year.")
    assert quote.speaker == "David Cameron" and quote.text.startswith("The United Kingdom will double")


def test_at_most_five_quotes_those_with_a_speaker_first():
    said = [f'"We will open school number {n} in the north of the city," Mayor Anna Berg said.' for n in range(7)]
    quotes = quotes_of("\n\n".join(['Officials noted that "the budget remains tight for all of next year".', *said]))
    assert len(quotes) == 5 and all(q.speaker == "Anna Berg" for q in quotes)


def test_a_transcripts_shown_sentences_carry_their_speaker_on_the_brief():
    from generator.brief import make_brief

    article = make_article("\n\n".join([
        "Press briefing on the harbour",
        "MS. LOPEZ: Good afternoon. The city council approved the harbour plan on Monday by nine votes to two.",
        "The plan will not raise taxes, and the port will pay for the new cranes from its own reserves.",
        "Q Will the works close the road to the port for the families who live near it next year?",
        "MR. BERG: Works start in March and the road stays open, with one lane closed at night only.",
    ]))
    (analysis,) = analyse([article])
    brief = make_brief("harbour", article, analysis)
    speakers = dict(brief.summary.speakers)
    paragraph = {s.index: s.paragraph for s in analysis.sentences}
    for sentence in (*brief.summary.sentences, *brief.summary.key_points):
        expected = {1: "Ms. Lopez", 2: "Ms. Lopez", 4: "Mr. Berg"}.get(paragraph[sentence.index])
        assert speakers.get(sentence.index) == expected, sentence.text


def brief_of(*paragraphs: str):
    """The brief the pipeline makes of an article of these paragraphs (the first is the title)."""
    from generator.brief import make_brief

    article = make_article("\n\n".join(paragraphs))
    (analysis,) = analyse([article])
    return make_brief("harbour", article, analysis)


def test_a_shown_sentence_that_is_someones_quotation_carries_its_speaker_or_is_not_shown():
    from generator.brief.summary import is_quotation

    brief = brief_of(
        "Harbour plan approved after a long debate",
        "The city council approved the harbour plan on Monday by nine votes to two after a long debate.",
        'The mayor, Maria Lopez, said: "The harbour will bring two hundred jobs to the city by next spring."',
        '"The new cranes will be paid for by the port itself and not by the families of this city."',
        '"Every family in the city will pay less for the harbour than they pay for parking."',
        "Opposition councillors said the plan would cost far more than the council had promised.",
        "Work on the new port road will start in March and will take two years to finish.",
    )
    speakers = dict(brief.summary.speakers)
    shown = [*brief.summary.sentences, *brief.summary.key_points]
    quoted = [s for s in shown if is_quotation(s.text)]
    assert quoted, "the quotations were expected among the shown sentences"
    assert all(speakers.get(s.index) == "Maria Lopez" for s in quoted)
    assert is_quotation('"The new cranes will be paid for by the port itself."')
    assert not is_quotation('The mayor said: "The new cranes will be paid for by the port itself."')


def test_a_quotation_whose_speaker_the_text_never_names_is_never_a_summary_sentence_or_key_point():
    from generator.brief.summary import is_quotation

    brief = brief_of(
        "Harbour plan approved after a long debate",
        '"The harbour will bring two hundred jobs to the city by next spring, and many more after that."',
        '"The new cranes will be paid for by the port itself and not by the families of this city."',
        "The city council approved the harbour plan on Monday by nine votes to two after a long debate.",
        "Work on the new port road will start in March and will take two years to finish.",
    )
    assert not any(is_quotation(s.text) for s in (*brief.summary.sentences, *brief.summary.key_points))


def test_a_turns_label_is_resolved_by_the_headline_when_the_body_does_not_name_the_speaker():
    from generator.brief.quotes import turn_speakers

    article = make_article("Press Briefing by Press Secretary Karine Jean-Pierre and Director Lael Brainard\n\n"
                           "MS. JEAN-PIERRE: Good afternoon, everyone, and welcome to the briefing room today.\n\n"
                           "MS. BRAINARD: Inflation has come down faster than forecasters expected a year ago.\n\n"
                           "SECRETARY BLINKEN: We will travel to the region again next week.")
    (analysis,) = analyse([article])
    floor = turn_speakers(article, clean_mentions(analysis))
    assert list(floor.values()) == ["Karine Jean-Pierre", "Lael Brainard", "Secretary Blinken"]
