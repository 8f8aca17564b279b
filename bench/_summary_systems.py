"""The summarisers compared in bench/summaries.py, all given the same sentences.

Every system ranks the sentences spaCy found (generator.analyse, the pipeline's own split);
none splits the text itself, so only the choice of sentences differs between them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from _summary_corpus import Item

from generator.brief.mentions import clean_mentions
from generator.brief.summary import rank_sentences, summarise
from generator.model import Sentence

Ranker = Callable[[Item], list[Sentence]]  # every sentence, best first
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class WordTokenizer:
    """What sumy asks of a tokenizer; sentences are never split here, only words."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(TOKEN.findall(sentence))


def lead(item: Item) -> list[Sentence]:
    """Lead: the body's sentences in order."""
    return list(item.analysis.sentences)


def textrank(item: Item) -> list[Sentence]:
    """TextRank as `summa` computes it, on the given sentences instead of its own split."""
    from summa import summarizer
    from summa.commons import build_graph, remove_unreachable_nodes
    from summa.pagerank_weighted import pagerank_weighted_scipy
    from summa.preprocessing import textcleaner

    sentences = item.analysis.sentences
    texts = [s.text for s in sentences]
    textcleaner.init_textcleanner("english", None)
    units = textcleaner.merge_syntactic_units(texts, textcleaner.filter_words(texts))
    graph = build_graph([unit.token for unit in units])
    summarizer._set_graph_edge_weights(graph)
    remove_unreachable_nodes(graph)
    scores = pagerank_weighted_scipy(graph) if graph.nodes() else {}
    ranked = sorted(units, key=lambda unit: -scores.get(unit.token, 0.0))
    order = [unit.index for unit in ranked]
    ranked_at = set(order)  # sentences summa drops (no content word left) come last
    return [sentences[i] for i in order] + [s for i, s in enumerate(sentences) if i not in ranked_at]


def sumy_ranker(name: str) -> Ranker:
    """A sumy summariser (LexRank, LSA, Luhn) as a ranking of the given sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.utils import get_stop_words

    summarizer = {"lexrank": LexRankSummarizer, "lsa": LsaSummarizer, "luhn": LuhnSummarizer}[name](
        Stemmer("english")
    )
    summarizer.stop_words = get_stop_words("english")
    tokenizer = WordTokenizer()

    def rank(item: Item) -> list[Sentence]:
        sentences = item.analysis.sentences
        document = ObjectDocumentModel(
            [Paragraph([SumySentence(s.text, tokenizer) for s in sentences])]
        )
        ranking: list = []

        def keep_all(infos: Sequence) -> Sequence:
            ranking.extend(infos)  # sumy hands over every sentence, best first
            return infos

        summarizer(document, keep_all)
        return [sentences[info.order] for info in ranking]

    return rank


def briefing_three(item: Item) -> list[Sentence]:
    """Ours at three sentences: the summary the pipeline shows."""
    mentions = clean_mentions(item.analysis)
    return list(summarise(item.article, item.analysis.sentences, mentions).sentences)


def briefing(item: Item) -> list[Sentence]:
    """Ours, every sentence best first: the summary's order of choice, then the rest."""
    mentions = clean_mentions(item.analysis)
    return rank_sentences(item.article, item.analysis.sentences, mentions)


def systems() -> dict[str, Ranker]:
    """Every system by the name the results use."""
    return {
        "lead": lead,
        "textrank": textrank,
        "lexrank": sumy_ranker("lexrank"),
        "lsa": sumy_ranker("lsa"),
        "luhn": sumy_ranker("luhn"),
        "briefing": briefing,
    }
