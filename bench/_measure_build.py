"""Run one `mkdocs build` in this process and print what it cost as JSON (used by build.py).

Peak memory is what the build's processes hold at once, sampled from /proc: the sum of
their proportional set sizes, so pages that forked workers share with this process count
once. (The sum of each process's own peak RSS counts them again in every worker.)
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SAMPLE_SECONDS = 0.2


def main(config_file: str, site_dir: str, dirty: str = "") -> None:
    """One build; with `dirty` ("dirty"), into the previous site (`mkdocs build --dirty`)."""
    results = _record_pipeline_results()
    sampler = MemorySampler()
    sampler.start()
    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=bool(dirty))
    try:
        build(config, dirty=bool(dirty))
    finally:
        config.plugins.on_shutdown()
    total = time.perf_counter() - start
    sampler.stop()
    last = results[-1] if results else None
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "total_s": total,
        "stages_s": dict(last.seconds) if last else {},
        "peak_rss_mib": sampler.peak_mib,  # all processes, shared pages counted once
        "own_max_rss_mib": own,
        "child_max_rss_mib": children,  # the largest worker, shared pages included
        "pages": sum(p.name != "404.html" for p in Path(site_dir).rglob("*.html")),
        "articles": len(last.corpus.briefs) if last else 0,
    }))


def _record_pipeline_results() -> list:
    """The pipeline's own result of each build the plugin runs in this process, in order."""
    from generator.mkdocs import plugin

    results, run = [], plugin.build

    def recorded(settings):
        result = run(settings)
        results.append(result)
        return result

    plugin.build = recorded
    return results


class MemorySampler(threading.Thread):
    """Samples the summed PSS of this process and its children until stopped."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mib = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_SECONDS):
            self.sample()

    def stop(self) -> None:
        self._done.set()
        self.join()
        self.sample()

    def sample(self) -> None:
        pids = [os.getpid(), *_children(os.getpid())]
        self.peak_mib = max(self.peak_mib, sum(_pss_kib(pid) for pid in pids) / 1024)


def _children(parent: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    main(*sys.argv[1:4])
