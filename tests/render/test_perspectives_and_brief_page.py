"""perspectives and brief pages, on the seed corpus: each source's account, a brief's parts."""

from __future__ import annotations

import pytest

from generator.model import Corpus
from generator.pipeline import build
from generator.render.brief_page import brief_values
from generator.render.perspectives import MAX_VOICES, voices
from generator.render.templating import SiteInfo
from generator.settings import Settings
from tests.conftest import SEEDS
from tests.test_site import SEED_000, SEED_002


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build(Settings(SEEDS, cache=None)).corpus


def entity_named(corpus: Corpus, name: str):
    return next(e for e in corpus.entities if e.name == name)


def test_each_brief_without_a_stated_source_speaks_for_itself(corpus):
    motegi = entity_named(corpus, "Toshimitsu Motegi")
    found = voices(corpus, motegi)
    assert 2 == len(found) <= MAX_VOICES
    assert {v.label for v in found} == {f"{corpus.brief(s).article.title} (source not stated)" for s in (SEED_000, SEED_002)}
    for voice in found:
        # every sentence shown names the entity; quotes shown are the entity's own
        assert voice.sentences
        for brief, sentence in voice.sentences:
            assert any(corpus.entity_of[(brief.slug, m.name)] == motegi.slug
                       for m in brief.mentions if m.sentence == sentence.index), sentence.text
        assert all(corpus.entity_of.get((b.slug, q.speaker)) == motegi.slug for b, q in voice.quotes)


def test_an_entity_of_one_source_has_no_perspectives(corpus):
    single = next(e for e in corpus.entities if len({o.brief for o in e.occurrences}) == 1)
    assert voices(corpus, single) == ()


def test_a_brief_shows_the_other_summary_sentences_and_links_its_related_brief_with_a_reason(corpus):
    brief = corpus.brief(SEED_002)
    values = brief_values(corpus, brief, SiteInfo("Test"), f"briefs/{SEED_002}.md")
    assert len(values["summary"]) == len(brief.summary.sentences) - 1  # the bottom line stands apart
    assert values["source"] == "not stated" and values["words"] == brief.word_count
    (related,) = values["related"]
    # the two seeds are two events between the same two ministers (a call, a visit): chapters
    assert corpus.story_of(SEED_002) is None and corpus.story_of(SEED_000) is None
    assert SEED_000 in related["link"] and related["reason"].startswith("another chapter; both on Wang Yi, ")
    labels = [group["label"] for group in values["entity_groups"]]
    assert labels == sorted(labels, key=["People", "Organisations", "Places", "Events", "Topics"].index)
    anchors = [p["number"] for p in values["paragraphs"]]
    assert anchors[0].startswith("[1](#p-1)")


def test_a_print_pack_gives_each_brief_its_own_anchors(corpus):
    values = brief_values(corpus, corpus.brief(SEED_000), SiteInfo("Test"), "print/all.md", anchor="b2-p-")
    assert values["paragraphs"][0]["number"].startswith("[1](#b2-p-1)")
    assert "#b2-p-" in values["bottom_line"]


def test_an_entity_page_says_who_it_is_as_the_texts_state_it(corpus):
    from generator.link.corpus import role_as_written
    from generator.render.site import render_entity

    assert entity_named(corpus, "Wang Yi").role == "Chinese Foreign Minister"
    assert entity_named(corpus, "Toshimitsu Motegi").role == "Foreign Minister"
    assert "Foreign Minister" in render_entity(corpus, entity_named(corpus, "Wang Yi")).markdown
    # the affiliation as written goes with the title; the words of the sentence before it do not
    assert role_as_written("Under the leadership of Prime Minister ", "prime minister") == "Prime Minister"
    assert role_as_written("He met Japan's Foreign Minister ", "foreign minister") == "Japan's Foreign Minister"
    assert role_as_written("He met the minister, ", "prime minister") == ""


def test_a_related_briefs_reason_says_what_both_are_on_and_what_differs(corpus):
    from dataclasses import replace
    from datetime import date

    from generator.model import Related, StatedDate, StatedSource
    from generator.render.brief_page import _span, reason

    first, second = corpus.briefs
    # without a shared entity, the words both use most; never a bare "similar wording"
    wordy = reason(corpus, first, Related(second.slug, 0.5, (), True))
    assert wordy.startswith("both on “") and "similar wording" not in wordy
    later = replace(second, publisher=StatedSource("Xinhua", None, "text"),
                    date=StatedDate("2020-05-01", date(2020, 5, 1), "text"))
    earlier = replace(first, date=StatedDate("2020-04-21", date(2020, 4, 21), "text"))
    fake = replace(corpus, briefs=(earlier, later))
    assert reason(fake, earlier, Related(later.slug, 0.5, (), True)).endswith("; from Xinhua; 10 days later")
    assert [_span(d) for d in (1, 10, 21, 200)] == ["1 day", "10 days", "3 weeks", "7 months"]
