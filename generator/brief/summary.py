"""Summarise: a bottom line, a three-sentence summary and key points, all extractive.

Each sentence's salience comes from brief/salience.py (general signals weighed by a small
trained model); longer sentences say more, so the rank is salience times a power of length.
Sentences are then taken best first, skipping any that repeats one already taken. The bottom
line is the best sentence that reads alone; key points are the most underlinable of the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.brief.quotes import turn_speakers
from generator.brief.salience import (
    DEPENDENT_OPENERS,
    LEAD_SENTENCES,
    Model,
    load_salience_model,
    quoted_share,
    salience,
)
from generator.clean.boilerplate import CLOSERS, QUESTION_TURN, SPEAKER_TURN
from generator.model import Article, EntityMention, Sentence, Summary
from generator.support.text import DIGIT, WORD, content_words, quotation_open

__all__ = [
    "SUMMARY_WORDS", "ScoredSentence", "choose", "is_self_contained", "key_points", "overlap", "rank_sentences",
    "repeats", "score_sentences", "summarise", "summarise_ranked", "within_budget",
]

UNDERLINE = re.compile(
    r"\b(agree[sd]?|agreement|decid\w*|announc\w*|pledg\w*|promis\w*|commit\w*|plan[s]?|will|"
    r"must|vow\w*|sign\w*|approv\w*|reject\w*|oppos\w*|criticis\w*|criticiz\w*|warn\w*|"
    r"refus\w*|den(?:y|ies|ied)|demand\w*|urg\w*|expect\w*|concern\w*|disput\w*|"
    r"percent|%|million|billion|record|first|largest)\b",
    re.IGNORECASE,
)
SUMMARY_SIZE = 3
SUMMARY_WORDS = 75  # the default budget: a summary reads in thirty seconds
MAX_KEY_POINTS = 6
MIN_KEY_POINTS = 3
REDUNDANCY = 0.55  # word overlap above which two sentences say the same thing
# A sentence restates the headline when it has most of its words, and enough of them that
# it cannot be by chance: a headline of three words shares two with many sentences.
RESTATES_HEADLINE = 0.8  # share of the headline's words
RESTATED_WORDS = 5  # and at least this many of them
MIN_WORDS = 6
# Two sentences that open on the same words state the same fact, whatever follows: "Motegi will
# meet Wang Yi, who is visiting Japan, …" and "Motegi met Wang Yi, who is visiting Japan from …".
FRAME_WORDS = 8
SAME_FRAME = 0.75
# A sentence that only says who met or called whom is protocol; the news is what came of it.
PROTOCOL = re.compile(
    r"\b(?:met|meet|meets|spoke|speaks|talked|talks|called|calls|phoned|phone call|telephone|"
    r"hosted|hosts|received|receives|visited|visits|held)\b", re.IGNORECASE)
OUTCOME_WITHIN = 6  # the best sentences where the outcome of a meeting is looked for
# how a readout names the two sides again without their names: "The two leaders agreed …"
BOTH_SIDES = re.compile(r"(?:The|Both) (?:two )?(?:leaders|ministers|presidents|sides|delegations|parties)\b")
# A bottom line is read at a glance: one sentence of at most this many words where there is one.
BOTTOM_LINE_WORDS = 55
# Speech as spoken, not as written: a stage direction ("(Applause.)"), a discourse marker opening
# the sentence ("Well, …", "Look, …") or correcting it ("— I mean, excuse me, …").
STAGE_DIRECTION = re.compile(r"\((?:[a-z]+(?:\s[a-z]+)?\.?|[A-Z][a-z]+(?:\s[a-z]+)?\.)\s*\)")  # not "(HHS)"
NOT_ALONE = DEPENDENT_OPENERS | frozenset("well look okay ok oh yes yeah now anyway folks because".split())
QUOTED_SHARE = 0.5  # of a sentence's words inside quotation marks, for it to be a quotation
SAYS = re.compile(r"\b(?:said|says|told|added|asked|according to)\b", re.IGNORECASE)  # whose the words are
SENTENCE_OPENING = re.compile(r"[\"'‘“(]?[A-Z0-9]")  # a sentence opens on a capital or a figure
APOSTROPHE = re.compile(r"['’]")
FIRST_PERSON = frozenset("i we my our us".split())
SELF_CORRECTION = re.compile(
    r"\b(?:I mean|excuse me|you know|I['’]m sorry|let me say)\b"  # a speaker's repair
    r"|\w-\s+—|^(?:\S+\s+){1,4}—\s+[a-z]",  # a word cut off ("perc- —"), a start taken again ("The wall — the")
    re.IGNORECASE)


@dataclass(frozen=True)
class ScoredSentence:
    sentence: Sentence
    salience: float  # the model's probability that the sentence belongs in a summary
    score: float  # salience weighed by length: the summary's order of preference
    words: frozenset[str]
    underline: float
    restates_headline: bool
    frame: frozenset[str] = frozenset()  # its opening content words
    reads_alone: bool = True  # is_self_contained, knowing who speaks in a transcript


def summarise(article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention],
              words: int = SUMMARY_WORDS) -> Summary:
    """Choose the bottom line, the summary (at most three sentences and `words` words) and the
    key points of one article."""
    return summarise_ranked(score_sentences(article, sentences, mentions), words)


def summarise_ranked(ranked: list[ScoredSentence], words: int = SUMMARY_WORDS) -> Summary:
    """The summary of sentences already scored (score_sentences)."""
    if not ranked:
        raise ValueError("an article without sentences cannot be summarised")
    summary = within_budget(choose(ranked), words)
    return Summary(
        bottom_line=summary[0].sentence,
        sentences=_in_order(summary),
        key_points=_in_order(key_points(ranked, summary)),
    )


def rank_sentences(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention], model: Model | None = None
) -> list[Sentence]:
    """Every sentence, in the order the summary would take them (repeats and fragments last)."""
    ranked = score_sentences(article, sentences, mentions, model)
    chosen = choose(ranked)
    taken = {s.sentence.index for s in chosen}
    rest = [s for s in ranked if s.sentence.index not in taken]
    scored = {s.sentence.index for s in ranked}
    return [s.sentence for s in chosen + rest] + [s for s in sentences if s.index not in scored]


def score_sentences(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[EntityMention], model: Model | None = None,
    floor: Mapping[int, str] | None = None,
) -> list[ScoredSentence]:
    """The sentences that can stand in a summary (not headings, not fragments), best first."""
    if not sentences:
        return []
    model = model or load_salience_model()
    probabilities = dict(zip((s.index for s in sentences), salience(article.title, sentences, mentions, model)))
    title = frozenset(content_words(article.title))
    # where a transcript names who says "I" and "we" (turn_speakers, when the caller has it)
    floor = turn_speakers(article, mentions) if floor is None else floor
    scored = []
    for sentence in _candidates(article, sentences):
        probability = probabilities[sentence.index]
        length = len(WORD.findall(sentence.text))
        underline = 0.3 * len(UNDERLINE.findall(sentence.text)) + (0.3 if DIGIT.search(sentence.text) else 0)
        ordered = content_words(sentence.text)
        words = frozenset(ordered)
        restates = len(words & title) >= max(RESTATES_HEADLINE * len(title), RESTATED_WORDS)
        lead = 1.0 + model.lead_prior * (sentence.index < LEAD_SENTENCES)
        scored.append(ScoredSentence(sentence, probability, probability * max(length, 1) ** model.length_weight * lead,
                                     words, min(underline, 1.2), restates, frozenset(ordered[:FRAME_WORDS]),
                                     is_self_contained(sentence.text, sentence.paragraph in floor)))
    return sorted(scored, key=lambda s: (-s.score, s.sentence.index))


def _candidates(article: Article, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Sentences of the text proper: not sub-headings, not fragments, not questions (a
    transcript's "Q" turns among them), not the middle of someone's quotation (spaCy splits
    quotations into sentences; shown alone, one would read as the brief's own statement),
    unless that is all."""
    headings = {p.index for p in article.paragraphs if p.is_heading}
    asked = {p.index for p in article.paragraphs if QUESTION_TURN.match(p.text)}
    texts = {p.index: p.text for p in article.paragraphs}
    body = [s for s in sentences if s.paragraph not in headings]
    whole = [s for s in body if len(WORD.findall(s.text)) >= MIN_WORDS]
    own = [s for s in whole if not inside_quotation(texts.get(s.paragraph, ""), s.start)
           and s.paragraph not in asked and not s.text.rstrip(CLOSERS + " ").endswith("?")]
    return own or whole or body or list(sentences)


def is_quotation(text: str) -> bool:
    """Whether a sentence is mostly someone's quoted words and does not say whose ("On top of
    that, "both sides will deepen cooperation …""): shown alone, it needs its speaker."""
    words = len(WORD.findall(text))
    return quoted_share(text, words) >= QUOTED_SHARE and not SAYS.search(text)


def inside_quotation(paragraph: str, start: int) -> bool:
    """Whether a quotation opened before this offset of the paragraph is still open there."""
    return quotation_open(paragraph[:start])


def choose(ranked: list[ScoredSentence]) -> list[ScoredSentence]:
    """The bottom line first, then the best sentences that repeat nothing already taken."""
    readable = [s for s in ranked if s.reads_alone] or ranked
    # at a glance: short enough, and written rather than spoken
    readable = [s for s in readable if _at_a_glance(s.sentence.text)] or readable
    # The headline is the editor's own one-line summary: the best sentence that restates it
    # carries the news; without one, the best sentence that reads alone.
    restating = [s for s in readable if s.restates_headline]
    first = (restating or readable)[0]
    return _pick(ranked, len(ranked), chosen=[_outcome_of(first, readable) or first])


def _outcome_of(protocol: ScoredSentence, readable: Sequence[ScoredSentence]) -> ScoredSentence | None:
    """For a bottom line that only says who met or called whom, the best of the next sentences
    that says what they agreed, announced or decided about the same people and things."""
    if not PROTOCOL.search(protocol.sentence.text) or protocol.underline > 0:
        return None
    return next((s for s in readable[:OUTCOME_WITHIN]
                 if s is not protocol and s.underline > 0 and not PROTOCOL.search(s.sentence.text)
                 and (len(s.words & protocol.words) >= 2 or BOTH_SIDES.match(s.sentence.text))), None)


def _at_a_glance(text: str) -> bool:
    """Whether a sentence can be the bottom line: short, and not rambling speech."""
    return (len(text.split()) <= BOTTOM_LINE_WORDS and not STAGE_DIRECTION.search(text)
            and not SELF_CORRECTION.search(text))


def within_budget(chosen: Sequence[ScoredSentence], words: int) -> list[ScoredSentence]:
    """The bottom line, then the next choices that read alone and fit the budget, at most three."""
    taken = [chosen[0]]
    left = words - _words(chosen[0])
    for candidate in chosen[1:]:
        if len(taken) == SUMMARY_SIZE:
            break
        if _words(candidate) <= left and candidate.reads_alone:
            taken.append(candidate)
            left -= _words(candidate)
    return taken


def _words(scored: ScoredSentence) -> int:
    return len(scored.sentence.text.split())


def key_points(ranked: list[ScoredSentence], summary: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """What a reader would underline outside the summary: decisions, numbers, commitments."""
    rest = [s for s in ranked if s not in summary]
    # Key points must read alone; fall back to the rest only when too few do.
    by_underline = sorted(
        rest, key=lambda s: (not s.reads_alone, -(s.underline + s.salience), s.sentence.index)
    )
    wanted = max(MIN_KEY_POINTS, min(MAX_KEY_POINTS, len(ranked) // 4))
    return _pick(by_underline, wanted, chosen=[], avoid=summary)


def is_self_contained(text: str, speaker_known: bool = False) -> bool:
    """Whether a sentence reads alone: no opening pronoun, connective or discourse marker (after
    a transcript's speaker label), quotes balanced. "I" and "we" read alone where the speaker
    is known (a transcript's turn: the brief shows who speaks)."""
    turn = SPEAKER_TURN.match(text)
    spoken = text[turn.end():] if turn else text
    words = WORD.findall(spoken)
    if not SENTENCE_OPENING.match(spoken.lstrip()):
        return False
    opener = APOSTROPHE.split(words[0].lower())[0] if words else ""  # "That’s" opens on "that"
    if len(words) < MIN_WORDS or (opener in NOT_ALONE and not (speaker_known and opener in FIRST_PERSON)):
        return False
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly and text.rstrip()[-1:] in ".!?\"”'’"


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller sentence's words found in the other."""
    return len(a & b) / (min(len(a), len(b)) or 1)


def _pick(
    ranked: list[ScoredSentence], size: int, chosen: list[ScoredSentence], avoid: Sequence[ScoredSentence] = ()
) -> list[ScoredSentence]:
    picked = list(chosen)
    for candidate in ranked:
        if len(picked) >= size:
            break
        if candidate in picked:
            continue
        if not any(repeats(candidate, other) for other in [*picked, *avoid]):
            picked.append(candidate)
    return picked


def repeats(a: ScoredSentence, b: ScoredSentence) -> bool:
    """Whether two sentences say the same thing: most words shared, or the same opening."""
    if overlap(a.words, b.words) >= REDUNDANCY:
        return True
    return min(len(a.frame), len(b.frame)) >= FRAME_WORDS - 2 and overlap(a.frame, b.frame) >= SAME_FRAME


def _in_order(scored: Sequence[ScoredSentence]) -> tuple[Sentence, ...]:
    return tuple(sorted((s.sentence for s in scored), key=lambda s: s.index))
