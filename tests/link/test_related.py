"""related: briefs about the same things are linked both ways, with their shared entities; others are not."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np

from generator.link.related import LIMIT, Profile, background, find_links, find_related, neighbourhood_size
from generator.link.similarity import cosines_within, nearest
from generator.support.text import content_words

RATES = "The central bank raised interest rates again as inflation climbed and mortgage costs rose for borrowers."
RATES_TOO = "Borrowers face higher mortgage costs after the central bank lifted interest rates to curb inflation."
FOOTBALL = "The striker scored twice in the second half and the home team won the cup final before a full stadium."
FOOTBALL_TOO = "A second-half double from the striker won the cup final for the home team in a packed stadium."
VOLCANO = "Lava from the volcano reached the coast overnight, and villagers were evacuated by boat as ash fell."


def profile(slug: str, text: str, entities: tuple[str, ...] = ()) -> Profile:
    return Profile(slug, Counter(content_words(text)), frozenset(entities))


def slugs(related) -> list[str]:
    return [r.slug for r in related]


def test_two_accounts_of_one_story_are_related_both_ways_with_their_shared_entities():
    related = find_related([
        profile("tokyo", RATES, ("bank-of-japan", "japan")),
        profile("osaka", RATES_TOO, ("bank-of-japan", "japan")),
    ])
    assert slugs(related["tokyo"]) == ["osaka"] and slugs(related["osaka"]) == ["tokyo"]
    assert set(related["tokyo"][0].shared) == {"bank-of-japan", "japan"}
    assert related["tokyo"][0].similar_text


def test_unrelated_briefs_are_not_linked_to_fill_a_slot():
    related = find_related([profile("rates", RATES), profile("football", FOOTBALL), profile("volcano", VOLCANO)])
    assert all(found == () for found in related.values())


def test_each_brief_finds_its_own_subject_and_not_the_others():
    related = find_related([
        profile("rates", RATES), profile("rates-too", RATES_TOO),
        profile("football", FOOTBALL), profile("football-too", FOOTBALL_TOO),
        profile("volcano", VOLCANO),
    ])
    assert slugs(related["rates"]) == ["rates-too"]
    assert slugs(related["football-too"]) == ["football"]
    assert related["volcano"] == ()


def test_shared_entities_are_ranked_rarest_first():
    common = tuple(f"everywhere-{n}" for n in range(1))
    profiles = [profile("a", RATES, ("rare", *common)), profile("b", RATES_TOO, ("rare", *common))]
    profiles += [profile(f"filler-{n}", f"{VOLCANO} {n}", common) for n in range(4)]
    shared = find_related(profiles)["a"][0].shared
    assert shared[0] == "rare"


def test_a_single_brief_or_none_has_no_related():
    assert find_related([]) == {}
    assert find_related([profile("alone", RATES)]) == {"alone": ()}


def test_neighbourhood_grows_with_the_corpus_but_stays_under_half_of_it():
    assert neighbourhood_size(2) == 1
    assert neighbourhood_size(5) == 2
    assert neighbourhood_size(100) == 20
    assert neighbourhood_size(10_000) == 200


def test_nearest_gives_exact_cosines_best_first():
    vectors = [{"a": 1.0}, {"a": 0.6, "b": 0.8}, {"b": 1.0}, {"c": 1.0}]
    found = nearest(vectors, 2)
    assert found.index[0].tolist() == [1, 2]
    assert abs(float(found.score[0][0]) - 0.6) < 1e-6
    assert found.pairs == 6
    assert abs(found.mean - (0.6 + 0.8) / 6) < 1e-6


def test_cosines_within_groups_are_every_pair_of_each_group_both_ways():
    vectors = [{"a": 1.0}, {"a": 0.6, "b": 0.8}, {"b": 1.0}, {"c": 0.6, "a": 0.8}]
    first, second = cosines_within(vectors, [[3, 0, 1], [2, 1]])
    assert first.shape == (3, 3) and second.shape == (2, 2)
    assert np.allclose(first, [[1.0, 0.8, 0.48], [0.8, 1.0, 0.6], [0.48, 0.6, 1.0]])
    assert np.allclose(second, [[1.0, 0.8], [0.8, 1.0]])
    assert (first == first.T).all()


def test_a_tiny_corpus_leans_on_the_prior_background_a_large_one_on_itself():
    tiny = nearest([{"a": 1.0}, {"a": 1.0}], 1)
    assert background(tiny)[0] < 0.1  # one identical pair does not make 1.0 the background
    words = [f"w{n}" for n in range(400)]
    rng = random.Random(1)
    large = nearest([dict.fromkeys(rng.sample(words, 25), 0.2) for _ in range(300)], 10)
    assert abs(background(large)[0] - large.mean) < 0.01


def test_random_texts_are_seldom_related():
    rng = random.Random(7)
    vocabulary = [f"word{n}" for n in range(3000)]
    profiles = [Profile(f"b{n}", Counter(rng.choices(vocabulary, k=150)), frozenset()) for n in range(600)]
    related = find_related(profiles)
    assert sum(bool(found) for found in related.values()) < 0.05 * len(profiles)


def test_a_story_told_six_times_lists_its_best_accounts_and_keeps_them_all_in_the_story():
    extra = ["Savers welcomed it.", "Shares fell.", "Economists expected it.", "The pound rose.", "Banks followed.",
             "Ministers said nothing."]
    accounts = [profile(f"rates-{n}", f"{RATES} {RATES_TOO} {extra[n]}", ("bank-of-japan",)) for n in range(6)]
    rng = random.Random(3)
    vocabulary = [f"word{n}" for n in range(3000)]
    fillers = [Profile(f"other-{n}", Counter(rng.choices(vocabulary, k=60)), frozenset()) for n in range(30)]
    links = find_links(accounts + fillers)
    assert all(len(links.related[a.slug]) == LIMIT == 3 for a in accounts)  # the story page lists the rest
    assert [sorted(story) for story in links.stories] == [sorted(a.slug for a in accounts)]
