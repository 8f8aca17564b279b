"""clean.boilerplate: the article told from the page around it in copied page text."""

from __future__ import annotations

import dataclasses
from datetime import date

from generator.brief.stated import stated_date, stated_source
from generator.clean.article import clean, read_page
from generator.clean.boilerplate import CONTEXT_FEATURES, TEXT_FEATURES, article_paragraphs, load_models
from generator.read.files import read_article
from tests.conftest import make_article, make_source

ARTICLE = [
    "The harbour bridge will reopen to traffic on Monday after eight months of repairs, the city's "
    "transport department said on Thursday.",
    "Engineers replaced 40 steel cables and resurfaced the whole deck, work that cost the city about "
    "12 million euros, according to figures published by the council.",
    '"The bridge is safer now than on the day it opened," said Marta Reis, the department\'s chief '
    "engineer, who led the inspection last week.",
    "Buses will return to their old routes from Tuesday, and the ferry service that replaced them "
    "during the closure will end at the weekend.",
    "Residents of the northern districts, who faced detours of up to forty minutes, welcomed the news "
    "but asked the council to explain why the work took two months longer than planned.",
]
MENU = ["Home News Sport Business Weather Opinion Subscribe Log in", "News > Local > Transport"]
BYLINE = "By Ana Silva | Published 14 March 2024, 09:12"
FOOTER = [
    "Most read Mayor announces new cycle lanes Storm warning for the weekend Local team wins cup final",
    "Sign up for our newsletter and get the day's news in your inbox every morning.",
    "© 2024 The Coastal Courier. All rights reserved.",
    "Privacy Policy | Terms of Use | Contact Us | Advertise",
]
PAGE = "\n\n".join(["Harbour bridge to reopen after repairs | The Coastal Courier", *MENU,
                    "Harbour bridge to reopen after repairs", BYLINE, *ARTICLE, *FOOTER])


def texts(article):
    return [p.text for p in article.paragraphs]


def test_a_copied_page_keeps_its_article_and_sets_the_page_around_it_aside():
    for page in (PAGE, PAGE.replace("\n\n", "\n").replace("Courier\n", "Courier\n\n", 1)):  # one paragraph a line
        article = make_article(page)
        assert texts(article)[:len(ARTICLE)] == ARTICLE
        assert MENU[0] in article.header and BYLINE in article.header
        assert FOOTER[2] in article.footer and not any("©" in text for text in texts(article))


def test_the_byline_set_aside_above_the_article_still_dates_it_and_the_tab_names_the_source():
    article = make_article(PAGE)
    assert stated_date(article).value == date(2024, 3, 14)
    assert stated_source(article).name == "The Coastal Courier"


def test_dates_on_several_lines_above_the_article_are_a_list_and_date_nothing():
    article = make_article("\n\n".join(["Bridge to reopen", *ARTICLE]))
    related = ("Mayor announces new cycle lanes", "2 March 2024", "Storm warning for the weekend", "9 March 2024")
    assert stated_date(dataclasses.replace(article, header=related)).value is None
    assert stated_date(dataclasses.replace(article, header=related[:2])).value == date(2024, 3, 2)


def test_an_article_extracted_by_a_tool_is_never_trimmed(tmp_path):
    body = "\n\n".join([*MENU, *ARTICLE, *FOOTER])
    assert len(texts(make_article(body))) < len(MENU + ARTICLE + FOOTER)  # copied text: the page around it goes
    (tmp_path / "scraped.md").write_text(f"---\ntitle: Bridge to reopen\n---\n{body}\n", encoding="utf-8")
    source, problems = read_article(tmp_path / "scraped.md", tmp_path, 1_000_000)
    assert source is not None and source.extracted and not problems
    kept = texts(clean(source))  # a scraper wrote front matter: its text stands, line rules aside
    assert kept == [text for text, _ in read_page(source).blocks] and MENU[0] in kept and FOOTER[2] in kept
    saved = dataclasses.replace(make_source(body), extracted=True)
    assert texts(clean(saved)) == [text for text, _ in read_page(saved).blocks]


def test_an_article_without_surroundings_is_kept_whole():
    body = "\n\n".join(["Bridge to reopen", *ARTICLE[:2], "Marta Reis, chief engineer", *ARTICLE[2:]])
    assert texts(make_article(body)) == [*ARTICLE[:2], "Marta Reis, chief engineer", *ARTICLE[2:]]
    assert article_paragraphs(["Home", "Short note."]) == [True, True]


def test_the_shipped_models_weigh_exactly_the_features_the_code_computes():
    models = load_models()
    text, context, threshold = models.text, models.context, models.threshold
    assert set(text.weights) == set(TEXT_FEATURES) and set(context.weights) == set(CONTEXT_FEATURES)
    assert 0 < threshold < 1
