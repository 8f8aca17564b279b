"""The configuration this project's Dask workers are meant to run with (data/dask-workers.yml).

Kept out of analyse/, whose every module is part of the analysis cache's key: these settings
change how fast a worker analyses, not what it finds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

WORKER_CONFIG = Path(__file__).resolve().parent.parent / "data" / "dask-workers.yml"


def worker_settings() -> dict[str, Any]:
    """The settings of data/dask-workers.yml as Dask's dotted keys, each to its value, for
    `dask.config.set` before starting workers from Python (a LocalCluster): each replaces one
    value and leaves the others Dask has."""
    data = yaml.safe_load(WORKER_CONFIG.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{WORKER_CONFIG}: not a Dask configuration")
    return dict(_leaves(data, ""))


def _leaves(tree: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    for key, value in tree.items():
        if isinstance(value, Mapping):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value
