"""dates: front matter first, else as the text states it, never more precise than stated."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

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
    found = stated_date(make_article("T\n\nOn the 24th, he arrived for talks."))
    assert found.text == "the 24th, month and year not stated" and found.value is None


@pytest.mark.parametrize("lead", [
    "Judy Boynton finally left the firm on 31 December, having spent the time as an adviser.",
    "He arrived on the 24th for talks.",
    "From 1 January, a new law is being introduced to protect consumers.",
    "Mr Brown will deliver the Budget on 16 March, aides said.",
])
def test_a_partial_date_the_story_speaks_of_is_not_its_date(lead):
    found = stated_date(make_article("T\n\nShell is to pay $1m to its former finance chief.\n\n" + lead))
    assert found.text == "not stated" and found.value is None


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


def _above(*header: str, asides: tuple[tuple[int, str], ...] = ()):
    return stated_date(dataclasses.replace(make_article("T\n\nThe talks began.\n\nThey ended late."),
                                           header=header, asides=asides))


def test_numeric_dates_are_read_only_when_their_order_is_plain():
    assert _above("5:45 AM PST 11/19/2019 by Pat Lee").value == date(2019, 11, 19)
    assert _above("19/11/2019 by Pat Lee").value == date(2019, 11, 19)
    assert _above("05/11/2019 by Pat Lee").value is None  # May or November?
    assert _above("By Tim Childers - Contributor 2019-11-19T12:48:14Z Space").value == date(2019, 11, 19)


def test_the_byline_near_the_article_beats_a_picture_caption_and_a_masthead_date():
    caption = ("Rep. Adam Schiff speaks during a media briefing after a closed-door hearing in Washington, "
               "D.C., October 31, 2019.")
    assert _above("By Victor Hanson", "November 19, 2019 6:30 AM", caption).value == date(2019, 11, 19)
    masthead = "November 20, 2019"
    glued = "OPINION Is Football Violence a Crime? NFL assaults have led to lawsuits before. By Randy Lee Nov. 18, 2019 7:04 pm ET"
    assert _above(masthead, "Home World Politics Economy", glued).value == date(2019, 11, 18)
    assert _above("Source: Defense Ministry, October 25, 2019").value is None  # a picture's credit


def test_a_byline_date_inside_a_line_that_runs_on_and_below_the_article():
    menu = ("Banks Hedge Funds Careers Home Opening Bell Author: The Water Coolest Publish date: Nov 18, 2019 "
            "Swift is feuding with a fund, what a time to be alive, and more news from the markets today")
    assert _above(menu).value == date(2019, 11, 18)
    below = dataclasses.replace(make_article("T\n\nThe talks began."), footer=("Written by Ana Silva on 14 November 2019",))
    assert stated_date(below).value == date(2019, 11, 14)


def test_a_date_line_set_aside_between_the_first_paragraphs_dates_the_article():
    assert _above(asides=((1, "Updated : 19 November 2019, 09:01 AM"),)).value == date(2019, 11, 19)


def test_the_copyright_holder_below_the_article_is_its_publisher_when_nothing_else_names_one():
    article = make_article("T\n\nMinisters met.")
    footer = ("Privacy Policy | Terms", "© 2019 The Coastal Courier, Inc. All rights reserved | Terms of Use")
    assert stated_source(dataclasses.replace(article, footer=footer)).name == "The Coastal Courier, Inc"
    assert stated_source(dataclasses.replace(article, footer=("© Copyright Gannett 2018",))).name == "Gannett"
    assert stated_source(dataclasses.replace(article, footer=("© All rights reserved | Terms",))).name == "not stated"
