"""dates: front matter first, else as the text states it, never more precise than stated."""

from __future__ import annotations

from datetime import date

from generator.brief.stated import stated_date, stated_source
from generator.model import FrontMatter
from tests.conftest import make_article


def test_front_matter_date_and_source():
    article = make_article("T\n\nOn 3 May the talks ended.", front=FrontMatter(date=date(2021, 5, 3), source="AP"))
    assert stated_date(article).value == date(2021, 5, 3)
    assert stated_date(article).origin == "front matter"
    assert stated_source(article).name == "AP"


def test_day_and_month_without_year_are_shown_as_stated():
    found = stated_date(make_article("T\n\nOn 21 April, the ministers spoke."))
    assert found.text == "21 April, year not stated" and found.value is None and found.origin == "text"


def test_day_of_month_alone():
    found = stated_date(make_article("T\n\nHe arrived on the 24th for talks."))
    assert found.text == "the 24th, month and year not stated" and found.value is None


def test_full_date_in_the_text():
    found = stated_date(make_article("T\n\nOn April 21, 2020, the ministers spoke."))
    assert found.value == date(2020, 4, 21) and "from the text" in found.text


def test_no_date_is_not_stated_and_may_the_verb_is_not_a_month():
    found = stated_date(make_article("T\n\nPrices may 10 times rise, officials said."))
    assert found.text == "not stated" and found.value is None


def test_source_from_url_and_from_an_agency_dateline():
    assert stated_source(make_article("T\n\nBody.", front=FrontMatter(url="https://www.bbc.co.uk/news/1"))).name == (
        "www.bbc.co.uk")
    assert stated_source(make_article("T\n\nTOKYO (Reuters) - Ministers met.")).name == "Reuters"
    assert stated_source(make_article("T\n\nMinisters met.")).name == "not stated"


def test_dates_in_capitals_and_numeric_forms():
    assert stated_date(make_article("T\n\nWASHINGTON, OCTOBER 10, 2023 — The talks began.")).value == date(2023, 10, 10)
    assert stated_date(make_article("T\n\nPublished 28.10.2023, 11:35\n\nThe talks began.")).value == date(2023, 10, 28)
    assert stated_date(make_article("T\n\nPosted 2023-11-17 09:07:57\n\nThe talks began.")).value == date(2023, 11, 17)
    assert stated_date(make_article("T\n\nSat, Oct 28, 2023 · 11:35 AM\n\nThe talks began.")).value == date(2023, 10, 28)


def test_a_complete_date_near_the_top_beats_a_partial_one_in_the_lead():
    text = "T\n\nHe arrived on the 24th for talks.\n\nMore text here.\n\nBy Jane Doe, 3 May 2021\n\nThe end."
    assert stated_date(make_article(text)).value == date(2021, 5, 3)


def test_a_browser_tab_title_gives_the_headline_and_the_source():
    copied = "Ministers agree on trade deal - The Daily Example\n\nHome\n\nWorld\n\nMinisters agree on trade deal\n\nThe ministers agreed on Monday."
    article = make_article(copied)
    assert article.title == "Ministers agree on trade deal"
    assert stated_source(article).name == "The Daily Example" and stated_source(article).origin == "text"
    assert "Ministers agree on trade deal" not in [p.text for p in article.paragraphs]  # shown as the title
    # without the headline shown again, the tail belongs to the headline (BBC: "Headline - Speaker")
    own = make_article("Lords wrong on detainees - Straw\n\nJack Straw said the Law Lords were wrong.")
    assert own.title == "Lords wrong on detainees - Straw" and stated_source(own).name == "not stated"


def test_a_source_line_ends_where_the_next_label_begins():
    article = make_article("T\n\nWang Yi met his counterpart in Beijing on Monday.\n\nSource: Xinhua Editor: Zhu Qing")
    assert stated_source(article).name == "Xinhua"
