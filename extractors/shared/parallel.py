"""Run a pure-Python extractor's per-batch work in worker processes, streaming and in input order.

``concurrent.futures`` and ``multiprocessing.Pool.imap`` read their whole input before the first
result comes back, which for a folder of millions of articles means every text in memory at once.
:func:`ordered_map` keeps at most ``2 * workers`` batches in flight, so memory stays bounded and the
first documents are written while later ones are still being read.

Ctrl-C: a terminal sends SIGINT to every process of the group. Workers ignore it (they are born with
it blocked, so no early signal slips through before they ignore it); the parent alone gets
KeyboardInterrupt and then terminates its workers instead of waiting for them, so the command ends
at once, with no worker traceback and no process left behind.
"""
from __future__ import annotations

import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive items (the last one shorter).

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _start_worker(initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer is not None:
        initializer(*initargs)


def _submit_blocking_sigint(pool: ProcessPoolExecutor, func: Callable[[T], R], item: T) -> Future[R]:
    """Submit the first item: with the fork start method this forks every worker, here, with SIGINT blocked."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(func, item)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a Ctrl-C that came meanwhile is delivered now


def _stop(pool: ProcessPoolExecutor, window: deque[Future[Any]]) -> None:
    """Stop now: cancel what is queued and terminate the workers rather than wait for their batches."""
    for future in window:
        future.cancel()
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle on the workers
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=2)


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``map(func, items)`` computed in ``workers`` processes, yielded in input order.

    Args:
        func: a module-level function (it is pickled by name).
        items: read lazily; at most ``2 * workers`` of them are in flight at any time.
        workers: number of processes (at least 1).
        initializer, initargs: run once in each process before its first item (load lexicons there).

    Raises:
        Whatever ``func`` raised, for the first item that failed, in input order; the remaining work is
        cancelled, and the workers stopped, when the caller stops reading or is interrupted.
    """
    window: deque[Future[R]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(initializer, initargs))
    try:
        for n, item in enumerate(items):
            window.append(_submit_blocking_sigint(pool, func, item) if n == 0 else pool.submit(func, item))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    except BaseException:  # an error, Ctrl-C, or the caller closing the generator early
        _stop(pool, window)
        raise
    pool.shutdown(wait=True)
