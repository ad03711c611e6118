"""A batch worker's own signal handling, apart from the parent's."""

from __future__ import annotations

import sys

import pytest

from drafter.output import workers


def deferring_in_worker() -> bool:
    """In a worker: whether a stop signal would now be only noted (its handler is ``_note``)."""
    import signal

    with workers.stops_deferred():
        return signal.getsignal(signal.SIGTERM) is workers._note


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pool forks its workers on Linux only")
def test_a_worker_defers_stops_of_its_own():
    # Workers are forked while the parent defers its stops; without their own table of deferred
    # handlers, a stops_deferred block inside a worker (starting LibreOffice) deferred nothing.
    pool = workers.make_pool(1)
    try:
        assert pool.submit(deferring_in_worker).result(timeout=60) is True
    finally:
        pool.shutdown(wait=True)
