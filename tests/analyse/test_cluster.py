"""analyse on a Dask cluster: the same analyses as on this machine, from a LocalCluster's workers."""

from __future__ import annotations

import os

import pytest

from generator.analyse.nlp import analyse
from generator.support.cluster import worker_settings
from tests.conftest import make_article

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

TEXTS = [f"Report {n}\n\nAngela Merkel met Emmanuel Macron in Paris on day {n}. They discussed trade with Berlin."
         for n in range(5)]


def test_a_local_cluster_analyses_the_articles_as_this_machine_does():
    articles = [make_article(text, path=f"a{n}.txt") for n, text in enumerate(TEXTS)]
    with dask.config.set(worker_settings()), distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_cluster = analyse(articles, scheduler=cluster.scheduler_address.replace("tcp://", "dask://"))
        assert "analyse_batch" in cluster.scheduler.task_prefixes  # the workers did the analysis
        with distributed.Client(cluster) as client:  # started as data/dask-workers.yml asks
            environments = client.run(lambda: dict(os.environ))
    assert on_cluster == analyse(articles, processes=1)
    assert all(a.sentences for a in on_cluster)
    for environment in environments.values():
        assert environment["MALLOC_MMAP_THRESHOLD_"] == "33554432"
        assert environment["MALLOC_TRIM_THRESHOLD_"] == "65536"  # Dask's own settings stay
