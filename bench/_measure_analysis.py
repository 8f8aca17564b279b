"""Time the analysis stage alone on a folder of articles, on the process pool and on a Dask
LocalCluster of as many worker processes, and print words per second as JSON (used by build.py).

No cache: both analyse every article. The cluster's workers run with the settings of
generator/data/dask-workers.yml, as the README asks of a real cluster's. The cluster is started
before the clock starts, as a real cluster would be running already; each worker loads the model
on its first task, inside the clock, as the pool's parent loads it before forking.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import dask
from distributed import LocalCluster

from generator.analyse.nlp import analyse
from generator.clean import clean_all
from generator.read.files import read_folder
from generator.support.cluster import worker_settings


def main(folder: str, processes: int) -> None:
    articles, _ = clean_all(read_folder(Path(folder), 2_000_000).sources)
    words = sum(len(p.text.split()) for a in articles for p in a.paragraphs)
    with dask.config.set(worker_settings()), LocalCluster(  # the workers' settings the README gives
            n_workers=processes, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        start = time.perf_counter()
        on_cluster = analyse(articles, scheduler=cluster.scheduler_address)
        dask_s = time.perf_counter() - start
    start = time.perf_counter()
    on_pool = analyse(articles, processes=processes)
    pool_s = time.perf_counter() - start
    print(json.dumps({"articles": len(articles), "words": words, "workers": processes,
                      "pool_s": pool_s, "dask_s": dask_s, "identical": on_cluster == on_pool}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
