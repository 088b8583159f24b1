"""Run a pure-Python extractor's per-batch work in worker processes, streaming and in input order.

``concurrent.futures`` and ``multiprocessing.Pool.imap`` read their whole input before the first
result comes back, which for a folder of millions of articles means every text in memory at once.
:func:`ordered_map` keeps at most ``2 * workers`` batches in flight, so memory stays bounded and the
first documents are written while later ones are still being read.
"""
from __future__ import annotations

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
        cancelled when the caller stops reading.
    """
    window: deque[Future[R]] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer, initargs=initargs) as pool:
        try:
            for item in items:
                window.append(pool.submit(func, item))
                if len(window) >= 2 * workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for future in window:
                future.cancel()
