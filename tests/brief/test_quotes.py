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
