"""clean: boilerplate, breadcrumbs, broken paragraphs, whitespace and titles."""

from __future__ import annotations

from generator.clean.article import clean, is_heading_like, normalise_space
from generator.model import FrontMatter
from tests.conftest import SEEDS, make_article, make_source


def texts(article):
    return [p.text for p in article.paragraphs]


def test_breadcrumb_and_share_links_are_removed_and_title_is_the_first_real_line():
    article = make_article(
        "Home > World News\nTalks resume in Geneva\n\nDiplomats met on Monday.\n\nPrint\n\n<Suggest to a friend>\n"
    )
    assert article.title == "Talks resume in Geneva"
    assert article.title_inferred
    assert texts(article) == ["Diplomats met on Monday."]


def test_front_matter_title_wins():
    article = make_article("First line\n\nBody.", front=FrontMatter(title="Given title"))
    assert article.title == "Given title" and not article.title_inferred
    assert texts(article) == ["First line", "Body."]


def test_paragraphs_broken_mid_sentence_are_rejoined():
    body = "Title\n\nForeign Minister Motegi\n\n\nmet with Wang Yi,\n\nwho is visiting\n\n, at the hall.\n\nNext one."
    assert texts(make_article(body)) == ["Foreign Minister Motegi met with Wang Yi, who is visiting, at the hall.",
                                         "Next one."]


def test_whitespace_is_normalised_including_non_breaking_spaces():
    assert normalise_space("a\u00a0 b\u2009c\u200bd\t e") == "a b cd e"


def test_short_lines_without_a_full_stop_are_sub_headings():
    assert is_heading_like("The aim of visiting Japan is ...")
    assert is_heading_like('Spokesperson Zhao Lijian "I want to promote relations"')
    assert not is_heading_like("The minister arrived on Monday.")


def test_markdown_headings_and_links_become_text():
    article = make_article("# A title\n\n## Section\n\nSee [the report](https://example.org) now.")
    assert article.title == "A title"
    assert [(p.text, p.is_heading) for p in article.paragraphs] == [("Section", True),
                                                                     ("See the report now.", False)]


def test_seed_002_title_and_text():
    source = (SEEDS / "002_5fd77ef30633fba7.txt").read_text(encoding="utf-8")
    article = clean(make_source(source))
    assert article.title == "Wang Yi Speaks by Phone with Japanese Foreign Minister Toshimitsu Motegi"
    assert all("Suggest to a friend" not in p.text and "China News" not in p.text for p in article.paragraphs)


def test_a_single_long_line_gives_a_short_title_and_keeps_its_text():
    article = make_article("word " * 100)
    assert len(article.title.split()) <= 13 and article.title.endswith("…")
    assert len(article.paragraphs) == 1


def test_markup_escaped_with_backslashes_and_nothing_else_is_dropped():
    article = make_article("Title\n\nThe council met on Monday.\n\n\\###\n\n\\* \\* \\*\n\n--- kept as written")
    assert [p.text for p in article.paragraphs] == ["The council met on Monday.", "--- kept as written"]


def test_one_paragraph_a_line_is_split_and_hard_wrapped_lines_are_joined():
    one_a_line = make_article("Title\n\nThe council met on Monday.\nIt approved the budget.\nThe mayor spoke.\nNobody objected.")
    assert [p.text for p in one_a_line.paragraphs] == [
        "The council met on Monday.", "It approved the budget.", "The mayor spoke.", "Nobody objected."]
    wrapped = make_article("Title\n\nThe council of the city met on Monday to\ndiscuss the budget that the Mayor\n"
                           "Karl Weber had proposed in the spring.")
    assert [p.text for p in wrapped.paragraphs] == [
        "The council of the city met on Monday to discuss the budget that the Mayor Karl Weber had proposed in the spring."]


def test_transcript_turns_stay_apart_even_after_a_dash():
    text = ("Title\n\nTHE PRESIDENT: We have built and created —\n\nTHE PRESIDENT: I'm sorry, you're breaking up.\n\n"
            "Q Israel's war in Gaza —\n\nMR. KIRBY: We are watching it closely.")
    paragraphs = [p.text for p in make_article(text).paragraphs]
    assert paragraphs == ["THE PRESIDENT: We have built and created —", "THE PRESIDENT: I'm sorry, you're breaking up.",
                          "Q Israel's war in Gaza —", "MR. KIRBY: We are watching it closely."]


def test_lines_too_wide_to_be_wrapped_are_paragraphs_but_a_long_link_address_is_not_width():
    long = "The council of the city met on Monday and talked about the budget for the coming year " * 2
    block = make_article(f"Title\n\nLatest news\n{long.strip()}\nMost read")
    assert [p.text for p in block.paragraphs] == ["Latest news", long.strip(), "Most read"]
    address = "https://example.org/" + "a" * 150
    wrapped = make_article(f"Title\n\nThe mayor opened the [new\nlibrary]({address}) on the\nsquare on Monday.")
    assert [p.text for p in wrapped.paragraphs] == ["The mayor opened the new library on the square on Monday."]
