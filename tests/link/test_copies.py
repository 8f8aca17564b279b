"""link.copies: one wire text published by several sites is one brief that names them all."""

from __future__ import annotations

from datetime import date

from generator.analyse.nlp import analyse
from generator.brief import make_brief
from generator.link import link_briefs
from generator.model import FrontMatter
from generator.render.brief_page import brief_values
from generator.render.templating import SiteInfo
from tests.conftest import make_article

WIRE = ("Rescue teams reached the flooded villages of the upper valley on Tuesday after the river burst its banks "
        "overnight, officials said. More than two hundred families spent the night on rooftops and in the school "
        "on the hill, where volunteers handed out blankets, bread and bottled water. The regional governor said the "
        "army would send boats and two helicopters, and that the road to the valley would stay closed until the "
        "water fell. Forecasters expect more rain at the weekend, and the dam upstream is being watched around "
        "the clock by engineers from the water authority.")


def brief_for(slug: str, body: str, source: str, day: date):
    article = make_article(f"Floods cut off valley villages\n\n{body}", path=f"{slug}.txt",
                           front=FrontMatter(date=day, source=source, url=f"https://{slug}.example/floods"))
    return make_brief(slug, article, analyse([article])[0])


def test_copies_of_one_wire_text_become_the_first_published_naming_the_others():
    briefs = [
        brief_for("daily", WIRE + " Follow our live coverage.", "Daily Paper", date(2024, 5, 8)),
        brief_for("wire", WIRE, "Wire Service", date(2024, 5, 7)),
        brief_for("herald", "By Staff Reporter. " + WIRE, "Herald", date(2024, 5, 7)),
        brief_for("other", "The city council approved a new budget for schools and libraries on Tuesday, adding "
                  "money for teachers, books and longer opening hours across the districts.", "Herald",
                  date(2024, 5, 7)),
    ]
    corpus = link_briefs(briefs)
    assert sorted(b.slug for b in corpus.briefs) == ["herald", "other"]  # first published, then longest
    assert [c.slug for c in corpus.copies["herald"]] == ["wire", "daily"]
    values = brief_values(corpus, corpus.brief("herald"), SiteInfo("Test"), "briefs/herald.md")
    assert [c["source"] for c in values["copies"]] == ["Wire Service", "Daily Paper"]
    assert values["copies"][0]["url"] == "https://wire.example/floods"


def test_texts_on_one_subject_in_other_words_are_not_copies():
    reworded = ("Floodwater cut off the upper valley on Tuesday. Two hundred families sheltered on roofs and in a "
                "hillside school overnight; the governor promised army boats and helicopters, and the valley road "
                "stays shut. More rain is forecast for the weekend, and engineers are watching the dam.")
    corpus = link_briefs([brief_for("wire", WIRE, "Wire Service", date(2024, 5, 7)),
                          brief_for("own", reworded, "Herald", date(2024, 5, 7))])
    assert len(corpus.briefs) == 2 and dict(corpus.copies) == {}
