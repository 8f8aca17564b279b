"""summarise: a bottom line that reads alone, a summary and key points that never repeat."""

from __future__ import annotations

from generator.analyse.nlp import analyse
from generator.brief.mentions import clean_mentions
from generator.brief.salience import DEPENDENT_OPENERS
from generator.brief.summary import (
    ScoredSentence,
    choose,
    inside_quotation,
    is_self_contained,
    overlap,
    rank_sentences,
    summarise,
)
from generator.clean.article import clean
from generator.model import Article, Sentence, Summary
from generator.read.files import read_article
from generator.support.text import WORD, content_words
from tests.conftest import SEEDS, make_article

BUDGET = """Council approves budget with deep cuts to library services

The city council approved a budget of 240 million pounds on Tuesday that cuts library services by a third across the city.

He said the cuts were painful but there was no other way to balance the books this year.

However, opposition councillors rejected the plan and warned that five libraries would have to close by March.

The council leader, Maria Lopez, said the budget protected social care and schools from any cuts at all.

The city council approved a budget of 240 million pounds on Tuesday, cutting library services by a third across the city.

Library campaigners plan to hold a protest outside the town hall next week and have gathered 12,000 signatures.

Officials said the savings would be reviewed in the autumn if the government increased its grant to the council.

The mayor, who chairs the finance committee, refused to say whether council tax would rise again next year.
"""


def summary_of(body: str) -> tuple[Article, Summary]:
    article = make_article(body)
    (analysis,) = analyse([article])
    return article, summarise(article, analysis.sentences, clean_mentions(analysis))


def seed_summary(name: str) -> Summary:
    source, problems = read_article(SEEDS / name, SEEDS, 2_000_000)
    assert source is not None, problems
    article = clean(source)
    (analysis,) = analyse([article])
    return summarise(article, analysis.sentences, clean_mentions(analysis))


def shown(summary: Summary) -> list:
    """Everything a reader sees: the summary (which opens with the bottom line) and key points."""
    return [*summary.sentences, *summary.key_points]


def test_a_sentence_that_leans_on_another_does_not_read_alone():
    assert not is_self_contained("He said the cuts were painful but there was no other way.")
    assert not is_self_contained("However, opposition councillors rejected the plan on Monday.")
    assert not is_self_contained('The minister said: "We will not back down from this plan')
    assert not is_self_contained("Cuts to libraries.")
    assert is_self_contained("The city council approved a budget of 240 million pounds on Tuesday.")
    assert is_self_contained('The mayor said: "We will not back down from this plan."')


def test_bottom_line_is_one_complete_self_contained_sentence():
    _, summary = summary_of(BUDGET)
    bottom = summary.bottom_line.text
    assert WORD.findall(bottom)[0].lower() not in DEPENDENT_OPENERS
    assert bottom.count('"') % 2 == 0 and bottom.rstrip()[-1] in ".!?\"'"
    assert "budget" in bottom and "library" in bottom
    assert summary.bottom_line in summary.sentences


def test_bottom_line_never_opens_with_a_pronoun_even_when_it_is_the_most_central():
    body = (
        "Rail strike talks collapse\n\n"
        "They said the rail strike talks had collapsed after the union rejected the pay offer from the rail firms.\n\n"
        "The rail union rejected a pay offer of four percent from the rail firms, and the strike will go ahead.\n\n"
        "Passengers were told to expect no trains on most lines during the strike next week."
    )
    _, summary = summary_of(body)
    assert is_self_contained(summary.bottom_line.text)
    assert not summary.bottom_line.text.startswith("They")


def scored(index: int, text: str, score: float, restates_headline: bool = False) -> ScoredSentence:
    """A sentence as the scorer would hand it to the selection, with the score given."""
    sentence = Sentence(index, index + 1, text, 0, len(text))
    return ScoredSentence(sentence, score, score, frozenset(content_words(text)), 0.0, restates_headline,
                          reads_alone=is_self_contained(text))


def test_the_best_sentence_that_reads_alone_is_the_bottom_line_not_the_best_sentence():
    ranked = [
        scored(3, "He said the strike would go ahead on every line next week.", 0.9),
        scored(4, "However, the union said the offer was far too low for its members.", 0.8),
        scored(5, 'The union leader said: "We will not accept a pay offer of four percent', 0.7),
        scored(1, "The rail union rejected a pay offer of four percent on Monday.", 0.6),
        scored(2, "Passengers were told to expect no trains on most lines next week.", 0.5),
    ]
    chosen = choose(ranked)
    assert chosen[0].sentence.index == 1
    assert [s.sentence.index for s in chosen[:3]] == [1, 3, 4]


def test_a_sentence_restating_the_headline_is_the_bottom_line():
    ranked = [
        scored(2, "The minister thanked China for its help and support during the crisis.", 0.9),
        scored(0, "Wang Yi spoke with Toshimitsu Motegi on the phone on 21 April.", 0.2, restates_headline=True),
    ]
    assert choose(ranked)[0].sentence.index == 0


def test_nothing_shown_twice_or_said_twice():
    _, summary = summary_of(BUDGET)
    seen = shown(summary)
    assert len({s.index for s in seen}) == len(seen)
    for i, first in enumerate(seen):
        for second in seen[i + 1 :]:
            assert overlap(frozenset(content_words(first.text)), frozenset(content_words(second.text))) < 0.55
    # the budget is stated twice in the article, in nearly the same words: only one may be shown
    stated = [s for s in seen if "approved a budget of 240 million" in s.text]
    assert len(stated) == 1


def test_summary_and_key_points_in_article_order():
    _, summary = summary_of(BUDGET)
    for part in (summary.sentences, summary.key_points):
        indexes = [s.index for s in part]
        assert indexes == sorted(indexes)


def test_key_points_are_distinct_from_the_summary_and_worth_underlining():
    _, summary = summary_of(BUDGET)
    assert summary.key_points
    assert not {s.index for s in summary.key_points} & {s.index for s in summary.sentences}
    underlined = ("12,000", "refused", "rejected", "240 million", "reviewed")
    assert all(any(word in s.text for word in underlined) for s in summary.key_points[:2])


def test_a_short_article_gives_what_it_has_without_padding():
    _, summary = summary_of("Bridge reopens\n\nThe Tyne bridge reopened to traffic on Monday after two years of repairs.")
    assert [s.text for s in summary.sentences] == [summary.bottom_line.text]
    assert summary.key_points == ()
    _, summary = summary_of(
        "Bridge reopens\n\nThe Tyne bridge reopened to traffic on Monday after two years of repairs.\n\n"
        "Engineers replaced every cable and repainted the whole structure in its original green."
    )
    assert len(summary.sentences) == 2 and summary.key_points == ()


def test_the_ranking_starts_with_the_summary():
    article = make_article(BUDGET)
    (analysis,) = analyse([article])
    mentions = clean_mentions(analysis)
    ranked = rank_sentences(article, analysis.sentences, mentions)
    summary = summarise(article, analysis.sentences, mentions)
    assert ranked[0] == summary.bottom_line
    assert set(ranked[: len(summary.sentences)]) == set(summary.sentences)
    assert sorted(s.index for s in ranked) == [s.index for s in analysis.sentences]


def test_seed_000_bottom_line_says_the_ministers_met_and_will_cooperate_against_the_coronavirus():
    bottom = seed_summary("000_c849e867a50eb21f.txt").bottom_line.text
    assert "Motegi" in bottom and "Wang Yi" in bottom
    assert "meet" in bottom and "closely" in bottom and "coronavirus" in bottom


def test_seed_002_bottom_line_says_the_ministers_spoke_by_phone():
    bottom = seed_summary("002_5fd77ef30633fba7.txt").bottom_line.text
    assert "Wang Yi" in bottom and "Motegi" in bottom and "phone" in bottom


def test_salience_trees_split_on_the_features_they_were_trained_on_and_walk_as_drawn():
    import numpy as np

    from generator.brief import salience

    model = salience.load_salience_model()
    assert tuple(salience.load_table("summariser")["features"]) == salience.FEATURES
    assert model.trees.feature.max() < len(salience.FEATURES) and model.lead_prior >= 0
    # tree 1: feature 0 <= 0.5 ? (feature 1 <= 2 ? 1 : 2) : 3; tree 2, a lone leaf worth 10
    trees = salience.trees_from_table([[[0, 0.5, 1, 2, 0], [1, 2.0, 3, 4, 0], [-1, 0, 0, 0, 3],
                                        [-1, 0, 0, 0, 1], [-1, 0, 0, 0, 2]], [[-1, 0, 0, 0, 10]]], baseline=0.25)
    rows = np.array([[0.0, 1.0], [0.0, 5.0], [0.9, 0.0]])
    assert trees.logits(rows).tolist() == [11.25, 12.25, 13.25]
    article = make_article("Budget vote\n\nThe council voted on the budget on Monday. It passed by 30 votes to 12.")
    sentences = analyse([article])[0].sentences
    rows = salience.features(article.title, sentences, [])
    assert len(rows) == len(sentences) and all(len(row) == len(salience.FEATURES) for row in rows)
    assert rows[0][salience.FEATURES.index("first")] == 1.0 and rows[1][salience.FEATURES.index("first")] == 0.0
    assert rows[1][salience.FEATURES.index("numbers")] > 0  # "30 votes to 12"


def test_the_summary_keeps_to_its_word_budget_and_to_sentences_that_read_alone():
    article = make_article(BUDGET)
    (analysis,) = analyse([article])
    mentions = clean_mentions(analysis)
    roomy = summarise(article, analysis.sentences, mentions, words=200)
    assert len(roomy.sentences) == 3
    for budget in (75, 40, 10):
        summary = summarise(article, analysis.sentences, mentions, words=budget)
        words = [len(s.text.split()) for s in summary.sentences]
        assert 1 <= len(words) <= 3 and summary.bottom_line in summary.sentences
        assert sum(words) <= budget or len(words) == 1  # the bottom line is shown whatever its length
        assert all(is_self_contained(s.text) for s in summary.sentences)
    tight = summarise(article, analysis.sentences, mentions, words=40)
    assert len(tight.sentences) < len(roomy.sentences)


def test_a_sentence_from_inside_someones_quotation_is_never_shown_as_the_briefs_own():
    quoted = BUDGET.replace(
        "The council leader, Maria Lopez, said the budget protected social care and schools from any cuts at all.",
        'The council leader, Maria Lopez, said: "We had to choose. We will cut spending by 12 percent, we pledged '
        '5 million pounds to schools and we promised to review the decision in March."')
    _, summary = summary_of(quoted)
    assert not any(s.text.startswith("We will cut") for s in shown(summary))
    assert inside_quotation('Lopez said: "We had to choose. The budget protects', 30)
    assert not inside_quotation('Lopez said: "We had to choose." The budget protects', 32)


def test_a_fact_restated_on_the_same_opening_words_is_shown_once():
    shown_texts = [s.text for s in shown(seed_summary("000_c849e867a50eb21f.txt"))]
    assert sum(t.startswith("Foreign Minister Motegi") and "Wang Yi" in t for t in shown_texts) == 1, shown_texts


def test_the_outcome_of_a_meeting_is_the_bottom_line_not_the_meeting():
    readout = """Leaders meet in Lisbon for talks on fishing rights

The prime ministers of Portugal and Spain met in Lisbon on Monday for talks on fishing rights in the Atlantic.

The two prime ministers agreed to cut the catch of sardines by a fifth next year and to share a new patrol vessel.

The talks lasted three hours and were held at the foreign ministry, officials of both countries said later.

Fishing groups in both countries said they had not been consulted before the meeting took place this week.
"""
    _, summary = summary_of(readout)
    assert summary.bottom_line.text.startswith("The two prime ministers agreed")


def test_the_outcome_of_a_call_is_found_where_the_readout_names_the_two_sides_again():
    readout = """Readout of President Joseph Miller's Call with President Ana Ramos of Portugal

President Joseph Miller spoke today with President Ana Ramos of Portugal.  They discussed the fishing
season in the Atlantic, in coordination with Spain and Morocco, and the need to preserve stocks more broadly.
The two leaders agreed to share a new patrol vessel and to cut the catch of sardines by a fifth next year.
"""
    _, summary = summary_of(readout)
    assert summary.bottom_line.text.startswith("The two leaders agreed")


def test_questions_and_reporters_turns_are_never_summary_or_key_points():
    transcript = "\n\n".join([
        "Press briefing on the harbour",
        "MS. LOPEZ: Good afternoon. The city council approved the harbour plan on Monday by nine votes to two.",
        "Q Will the harbour plan raise taxes for the families who live near the port next year?",
        "MS. LOPEZ: The plan will not raise taxes, and the port will pay for the new cranes itself.",
        "Q When do the works start and how long will the road to the port stay closed?",
        "MS. LOPEZ: Works start in March and the road stays open, with one lane closed at night.",
        "Why would anyone oppose a plan that pays for itself and creates two hundred jobs?",
    ])
    _, summary = summary_of(transcript)
    assert all(not s.text.startswith("Q ") and not s.text.rstrip().endswith("?") for s in shown(summary))


def test_spoken_fragments_and_unlabelled_first_person_do_not_read_alone():
    assert not is_self_contained("— at the Defense Department and your leadership in just about every theater.")
    assert not is_self_contained("and the road to the port stays open all through the works next year.")
    assert not is_self_contained("Well, General Brown, welcome to the Oval as Chairman of the Joint Chiefs.")
    assert not is_self_contained("That’s why I wanted to convene this meeting of the whole cabinet today.")
    assert not is_self_contained("I’m proud to announce a new rule that bans hidden fees on hotel bills.")
    # in a transcript's turn the page names the speaker, so "I" reads alone there
    assert is_self_contained("I’m proud to announce a new rule that bans hidden fees on hotel bills.", True)
    assert is_self_contained("MS. LOPEZ: We will open the new harbour road to traffic in March.", True)
    assert not is_self_contained("MS. LOPEZ: It does worry me, but the council has the votes to pass it.", True)


def test_rambling_speech_gives_way_to_a_sentence_read_at_a_glance():
    rambling = ("The harbour plan that we fought for — (Applause.) — over all those years, I mean, excuse me, "
                "over the last ten years, is finally going to get done and bring the jobs home.")
    long_winded = " ".join(["The plan"] + ["and the port and the cranes"] * 10 + ["will bring jobs home."])
    ranked = [
        scored(2, rambling, 0.9),
        scored(3, long_winded, 0.8),
        scored(4, "Today I am signing the harbour plan into law, and the works will start in March.", 0.5),
    ]
    assert all(s.reads_alone for s in ranked)
    assert choose(ranked)[0].sentence.index == 4
    # with nothing better, the best sentence that reads alone still leads
    assert choose(ranked[:2])[0].sentence.index == 2
