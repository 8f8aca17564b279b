"""analyse.early: a few changed articles are analysed by the worker that loaded the model early,
the same as this process would; with none or many to analyse, the worker is stopped unused."""

from __future__ import annotations

from generator.analyse.early import EarlyModel
from generator.analyse.nlp import analyse, load_pipeline
from generator.support.cache import AnalysisCache
from generator.support.memo import clear_all
from tests.conftest import make_article

ARTICLES = [make_article(f"Talks {n}\n\nAngela Merkel met Emmanuel Macron in Paris on day {n}. They spoke of trade.")
            for n in range(3)]


def test_the_early_worker_analyses_a_few_articles_as_this_process_would(tmp_path):
    expected = analyse(ARTICLES)
    clear_all()  # this process has no model loaded: the analyses can only come from the worker
    early = EarlyModel()
    try:
        assert analyse(ARTICLES, cache=AnalysisCache(tmp_path, "v1"), early=early) == expected
        assert load_pipeline.cache_info().currsize == 0
    finally:
        early.stop()


def test_with_nothing_to_analyse_the_worker_is_stopped(tmp_path):
    analyse(ARTICLES, cache=AnalysisCache(tmp_path, "v1"))
    early = EarlyModel()
    assert analyse(ARTICLES, cache=AnalysisCache(tmp_path, "v1"), early=early) == analyse(ARTICLES)
    assert early.pool is None
