"""clean.headline: a copied page's first line is its title only when it can be a headline."""

from __future__ import annotations

from generator.brief.stated import stated_source
from generator.clean.headline import headline, is_headline
from tests.clean.test_boilerplate import ARTICLE, FOOTER, MENU
from tests.conftest import make_article

HEADLINE = "Harbour bridge to reopen after eight months of repairs"


def page(first_line: str) -> str:
    return "\n\n".join([first_line, *MENU, "Search | Log in | Subscribe", HEADLINE, "By Ana Silva | 14 March 2024",
                       "Share | Facebook | Twitter | Email", *ARTICLE, *FOOTER])


def test_a_date_a_menu_word_or_a_language_switcher_on_the_first_line_gives_way_to_the_headline():
    for first in ("Friday, October 27, 2023", "IMPRINT",
                  "Welcome to the Foreign Affairs Office of the People's Government of Guangdong 简体中文"):
        assert make_article(page(first)).title == HEADLINE, first


def test_the_sites_name_on_the_first_line_is_the_publisher():
    article = make_article(page("The Coastal Courier"))  # its copyright line names it too
    assert article.title == HEADLINE and stated_source(article).name == "The Coastal Courier"
    masthead = make_article(page("U.S. DEPARTMENT OF STATE").replace("© 2024 The Coastal Courier.", "Contact us."))
    assert masthead.title == HEADLINE and stated_source(masthead).name == "U.S. DEPARTMENT OF STATE"


def test_a_headline_on_the_first_line_stays_and_a_line_unlike_the_article_never_replaces_it():
    assert make_article(page(HEADLINE + " | The Coastal Courier")).title == HEADLINE
    assert make_article(page("Bridge works end early")).title == "Bridge works end early"
    # nothing above the article speaks of what it speaks of: the first line stays
    title, _ = headline("IMPRINT", ["View PDF Print Mode", "Contributing Writer"], ARTICLE, [], None)
    assert title == "IMPRINT"


def test_what_cannot_be_a_headline():
    assert not is_headline("Friday, October 27, 2023", set())
    assert not is_headline("By Ana Silva and Joe Bloggs", set())
    assert not is_headline("The Coastal Courier", {"the coastal courier"})
    assert is_headline("Storm hits the coast on 3 May 2021 as thousands flee", set())
