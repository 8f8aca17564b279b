"""Run one `mkdocs build` in this process and print what it cost as JSON (used by build.py)."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(config_file: str, site_dir: str) -> None:
    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    total = time.perf_counter() - start
    plugin = config.plugins.get("briefing")
    last = getattr(plugin, "last_build", None) or {"seconds": {}, "briefs": 0}
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "total_s": total,
        "stages_s": last["seconds"],
        "peak_rss_mib": own + children,  # worker processes of spaCy run beside this one
        "pages": sum(1 for _ in Path(site_dir).rglob("index.html")),
        "articles": last["briefs"],
    }))


if __name__ == "__main__":
    main(*sys.argv[1:3])
