"""The worker processes of ``drafter batch``: started lean, stopped cleanly however the run ends.

However the run is stopped, no worker, no LibreOffice and no temporary file is left behind:

- Ctrl-C reaches the whole process group; workers ignore it and the parent decides: running
  chunks may finish the file they are on, then the workers are ended;
- SIGTERM or SIGHUP to a worker (the parent ending it, a service manager, a closed terminal)
  raises :class:`~drafter.errors.Stopped` inside the job it is running, so that every
  ``finally`` runs (the temporary file of :func:`drafter.output.files.write_atomic` is removed,
  :mod:`drafter.output.pdf` kills LibreOffice and removes its folders), then the worker leaves;
  an idle worker leaves at once;
- on Linux each worker asks the kernel for SIGTERM when its parent dies (``PR_SET_PDEATHSIG``),
  so a parent killed alone (SIGKILL, a crash) takes its workers down cleanly too;
- in the parent, while the pool is started and waited on, Ctrl-C and the stop signals are only
  noted, and raised where the parent looks for them (:func:`stops_deferred`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

from drafter.errors import Stopped, note_stop, take_noted_stop

_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_state = {"worker": False, "busy": False, "stop": None}
_deferred: dict = {}  # signal -> its handler, while stops are deferred


@contextlib.contextmanager
def stops_deferred():
    """Within the block, Ctrl-C, SIGTERM and SIGHUP are only noted. Each is raised, as its own
    handler would raise it, where the code looks for it (:func:`raise_noted_stop`), and at the end
    of the block at the latest.

    For the time a process pool is started and waited on: Python raises a signal's exception in
    whatever Python code runs next, and around a pool no such place is safe.

    - In logging's after-fork hook, an import's weakref callback or an extension module being
      imported, the exception is reported as ignored, or dropped: the batch ran on as if no Ctrl-C
      had come, waiting for LibreOffice until its time limit.
    - Inside ``concurrent.futures.wait``, it left the lock of a future held: the pool's thread,
      finishing that future, waited for the lock forever, and so did the stop.
    - After a worker was forked but before the pool was returned, it left workers that nobody
      ended (they ignore Ctrl-C): the process waited for them forever on its way out.
    """
    if _deferred:  # within another such block, which raises the stop
        yield
        return
    for number in (signal.SIGINT,) + _STOP_SIGNALS:
        try:
            if callable(signal.getsignal(number)):  # one ignored, or left to end the process, stays so
                _deferred[number] = signal.signal(number, _note)
        except (ValueError, OSError):  # not the main thread, where no signal raises anything
            break
    try:
        yield
    finally:
        handlers = dict(_deferred)
        _deferred.clear()
        for number, handler in handlers.items():
            if signal.getsignal(number) is _note:  # not one a stop's handler set (it ignores the others)
                signal.signal(number, handler)
    raise_noted_stop()


def _note(number, frame) -> None:
    note_stop(number)


def raise_noted_stop() -> None:
    """Raise a stop signal that was noted and not acted on, as its handler would; else nothing."""
    number = take_noted_stop()
    if number:
        handler = _deferred.get(number) or signal.getsignal(number)
        if callable(handler):
            handler(number, None)
        else:  # already ignored: the command line's handler, whose exception was lost, did that
            raise KeyboardInterrupt if number == signal.SIGINT else Stopped(number)


def make_pool(jobs: int) -> ProcessPoolExecutor:
    """The workers, started. A stop that comes meanwhile ends them once they are, and is raised."""
    pool = None
    try:
        with stops_deferred():
            pool = _start_pool(jobs)
    except BaseException:
        if pool is not None:
            previous = ignore_further_interrupts()  # a second Ctrl-C must not leave workers behind
            try:
                terminate(pool)
                pool.shutdown(wait=True, cancel_futures=True)
            finally:
                restore(previous)
        raise
    return pool


def _start_pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing

    # Warm the parent's imports before forking, so that workers start with them loaded (the
    # library itself is loaded already: drafter.api.batch is what calls this). Not python-docx:
    # only a document with pictures needs it (drafter.layout.oxml), and a worker loads it then.
    for module in ("drafter.layout.decree30", "drafter.layout.news", "drafter.layout.text"):
        try:
            __import__(module)
        except Exception:  # noqa: BLE001 - a missing writer is reported per job, later
            pass
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else multiprocessing.get_context()
    stop = context.Event()
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(os.getpid(), stop))
    pool._drafter_stop = stop
    # Start the workers now, while this process is small: forked after a national workbook has
    # been read, each would carry a copy of it.
    pool.submit(os.getpid)
    return pool


def _start(parent: int, stop) -> None:
    try:
        _state["worker"], _state["stop"] = True, stop
        # Forked while the parent defers its stops, a worker inherits its table of deferred handlers
        # and would take every stops_deferred block of its own (starting LibreOffice) for a nested
        # one that defers nothing. The handlers set below are this worker's own.
        _deferred.clear()
        # Ctrl-C reaches the whole process group; only the parent decides how to stop, so that
        # workers finish the file they are writing and report it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for number in _STOP_SIGNALS:
            signal.signal(number, _stop)
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
            except (OSError, AttributeError):
                pass
        if os.getppid() != parent:  # the parent died before the request was made
            raise SystemExit(128 + signal.SIGTERM)
    except SystemExit as leaving:  # the parent gone, or a stop signal (_stop) while this worker starts:
        _leave(leaving.code)  # leave quietly, where the pool would log a failed start, traceback and all


def stopping() -> bool:
    """In a worker: the parent has asked for a stop (Ctrl-C); finish the file at hand, start no other."""
    stop = _state["stop"]
    return stop is not None and stop.is_set()


def ask_to_stop(pool: ProcessPoolExecutor) -> None:
    """Ask the workers to stop after the file each is writing."""
    stop = getattr(pool, "_drafter_stop", None)
    if stop is not None:
        stop.set()


def _stop(number, frame) -> None:
    for other in _STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    if _state["busy"]:
        raise Stopped(number)  # unwinds the job: its finally blocks clean up
    raise SystemExit(128 + number)  # idle: nothing to clean up, leave now


def job(function):
    """A unit of work run by a worker: when a stop signal cuts it short, leave once it has unwound."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        if not _state["worker"]:
            with fewer_collections():
                return function(*args, **kwargs)
        _state["busy"] = True
        try:
            with fewer_collections():
                return function(*args, **kwargs)
        except Stopped as stop:
            _leave(128 + stop.signum)
        finally:
            _state["busy"] = False

    return run


#: How many objects a job may make (net of those freed) before the cycle collector looks at the
#: young ones; Python's default is 700. A document holds some tens of thousands of objects while it
#: is written, which die by their counts when it is done, never in cycles (a batch's only garbage in
#: cycles is summary.xlsx's workbook, at the end): with the default the collector walked each of
#: them several times over and moved them into the older generations, whose walks it then paid for
#: too, 0.65 M instructions a commune's report, 2.5% of a batch (callgrind); 10,000 saved a third of
#: that, 50,000 all of it. A collection still comes when that many objects are kept.
YOUNG_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections():
    """Within the block, the collector's first threshold at least :data:`YOUNG_THRESHOLD`
    (process-wide: the process's own value is put back at the end)."""
    import gc

    previous = gc.get_threshold()
    if previous[0] >= YOUNG_THRESHOLD or previous[0] == 0:  # already as high, or collection turned off
        yield
        return
    gc.set_threshold(YOUNG_THRESHOLD, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _leave(code: int) -> None:
    # What a worker does on its way out (multiprocessing's exit: finalizers, such as the removal of
    # LibreOffice's profile folder), then out at once: the pool must not hand it more work.
    try:
        from multiprocessing import util

        util._exit_function()
    finally:
        os._exit(code)


def ignore_further_interrupts():
    """Ignore Ctrl-C and stop signals (stopping and the summary must not be cut short); returns
    what to restore, or None when signals are not this thread's to change."""
    previous = {}
    for number in (signal.SIGINT,) + _STOP_SIGNALS:
        try:
            previous[number] = signal.signal(number, signal.SIG_IGN)
        except (ValueError, OSError):  # not the main thread
            return None
    return previous


def restore(previous) -> None:
    for number, handler in (previous or {}).items():
        signal.signal(number, handler)


def terminate(pool: ProcessPoolExecutor, wait: float = 5.0) -> None:
    """End the workers: SIGTERM (they clean up and leave), then SIGKILL for any still there."""
    # No public way before Python 3.14 (terminate_workers); a stuck worker must not hang the exit.
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(wait)
        if process.is_alive():
            process.kill()
            process.join(1)
