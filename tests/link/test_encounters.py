"""link.encounters: a call and a meeting between the same people are two events."""

from __future__ import annotations

import pytest

from generator.analyse.nlp import analyse
from generator.brief import make_brief
from generator.link.encounters import encounter
from tests.conftest import make_article


def brief_of(title: str, body: str):
    article = make_article(f"{title}\n\n{body}")
    return make_brief("b", article, analyse([article])[0])


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Wang Yi Speaks by Phone with Japanese Foreign Minister", "The two ministers spoke about trade.", "remote"),
    ("Readout of President Biden's Call with Prime Minister Sunak", "The leaders discussed Ukraine.", "remote"),
    ("Foreign Ministers' Meeting in Tokyo", "The two ministers agreed to cooperate.", "in person"),
    ("Statement on trade", "The minister met his counterpart, who is visiting Japan, for an hour.", "in person"),
    ("Statement on trade", "The ministry announced new tariffs on steel.", None),
    ("Leaders hold a virtual meeting", "They spoke by video link.", "remote"),
])
def test_the_headline_or_lead_says_how_the_people_met(title, body, expected):
    assert encounter(brief_of(title, body)) == expected
