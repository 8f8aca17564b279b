"""missed: a name the model found in other briefs is found where it missed it."""

from __future__ import annotations

from generator.link import missed
from generator.link.corpus import link_briefs
from generator.support import lasting
from tests.link.test_link import brief

DEATH = ["Raj Chohan, 59, of Queens, was struck by a car on Friday.", "Police said Raj Chohan died later."]
FOLLOW_UP = ["The driver who killed Raj Chohan was charged on Monday.", "Chohan was a mother of two."]


def names_in(corpus, slug: str) -> list[str]:
    (found,) = [b for b in corpus.briefs if b.slug == slug]
    return [m.name for m in found.mentions]


def test_a_name_the_model_missed_is_found_once_the_corpus_knows_it():
    corpus = link_briefs([brief("death", DEATH, {"Raj Chohan": "PERSON", "Queens": "GPE"}),
                          brief("follow-up", FOLLOW_UP, {"Chohan": "ORG"})])
    assert names_in(corpus, "follow-up") == ["Raj Chohan", "Chohan"]
    people = {e.name: sorted(o.brief for o in e.occurrences) for e in corpus.entities}
    assert people["Raj Chohan"] == ["death", "follow-up"]


def test_the_model_s_shorter_name_inside_a_found_one_gives_way():
    corpus = link_briefs([brief("death", DEATH, {"Raj Chohan": "PERSON"}),
                          brief("follow-up", FOLLOW_UP[:1], {"Chohan": "GPE"})])
    assert names_in(corpus, "follow-up") == ["Raj Chohan"]


def test_a_word_the_texts_also_write_in_lower_case_is_not_looked_for():
    games = ["The Jaguars lost to the Colts.", "Jaguars fans left early."]
    later = ["A jaguars exhibit opened.", "Zoo keepers fed the jaguars at noon.", "Jaguars slept."]
    corpus = link_briefs([brief("games", games, {"Jaguars": "ORG", "Colts": "ORG"}), brief("zoo", later, {})])
    assert names_in(corpus, "zoo") == []


def test_what_a_brief_gains_is_kept_until_it_or_a_name_it_writes_changes(tmp_path, monkeypatch):
    searched: list[str] = []
    search = missed._with_missed
    monkeypatch.setattr(missed, "_with_missed", lambda b, *rest: searched.append(b.slug) or search(b, *rest))

    def build(briefs):
        lasting.restore(tmp_path, "v1")
        corpus = link_briefs(briefs)
        lasting.keep(tmp_path, "v1")
        return corpus

    death = brief("death", DEATH, {"Raj Chohan": "PERSON", "Queens": "GPE"})
    first = build([death, brief("follow-up", FOLLOW_UP, {"Chohan": "ORG"})])
    assert sorted(searched) == ["death", "follow-up"]
    searched.clear()
    again = build([death, brief("follow-up", FOLLOW_UP, {"Chohan": "ORG"})])
    assert searched == [] and again.briefs == first.briefs  # from the cache, the same mentions
    other = ["A protest in Queens followed.", "Marchers walked through Queens."]
    build([death, brief("follow-up", FOLLOW_UP, {"Chohan": "ORG"}), brief("protest", other, {})])
    assert searched == ["protest"]  # the new brief only: no name the others write changed
    searched.clear()
    build([brief("death", DEATH, {"Raj Chohan": "ORG", "Queens": "GPE"}), brief("follow-up", FOLLOW_UP, {"Chohan": "ORG"})])
    assert sorted(searched) == ["death", "follow-up"]  # "Raj Chohan" is of another kind now
