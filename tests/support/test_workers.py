"""workers: how many processes a stage uses, and a pool that hands workers the parent's state."""

from __future__ import annotations

import os

from generator.support import workers

_state: dict = {}


def _adopt(value: str) -> None:
    _state["value"] = value


def _tagged(item: int) -> tuple[int, str, int]:
    return item, _state["value"], os.getpid()


def test_small_batches_stay_in_one_process_and_requests_win():
    assert workers.processes_for(10, minimum=100) == 1
    assert 1 <= workers.processes_for(1000, minimum=100) <= workers.MAX_PROCESSES
    assert workers.processes_for(10, minimum=100, requested=3) == 3


def test_a_pool_keeps_order_and_gives_every_worker_the_initial_state():
    with workers.pool(2, _adopt, ("shared",)) as pool:
        results = list(pool.imap(_tagged, range(40), chunksize=4))
    assert [item for item, _, _ in results] == list(range(40))
    assert {value for _, value, _ in results} == {"shared"}
    assert os.getpid() not in {pid for _, _, pid in results}
    assert "value" not in _state  # the parent's own state is untouched
