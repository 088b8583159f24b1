"""Measuring a block of work: wall time and peak resident memory.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; elsewhere the peak so far)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Measurement:
    """Wall time and peak resident memory of a block of work."""

    runtime_s: float = 0.0
    peak_memory_mb: float = 0.0
    _peak: float = field(default=0.0, repr=False)


@contextmanager
def measure(interval_s: float = 0.01) -> Iterator[Measurement]:
    """Measure wall time and the process's peak resident memory while the block runs.

    Peak memory is sampled every ``interval_s`` by a thread, because tracemalloc misses memory
    allocated by C extensions (spaCy, numpy), which is most of an extractor's memory.
    """
    m = Measurement(_peak=_rss_mb())
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(interval_s):
            m._peak = max(m._peak, _rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    try:
        yield m
    finally:
        m.runtime_s = time.perf_counter() - start
        stop.set()
        sampler.join()
        m.peak_memory_mb = round(max(m._peak, _rss_mb()), 1)
        m.runtime_s = round(m.runtime_s, 4)


def traced(work: Callable[[], Any]) -> tuple[int, int, Any]:
    """``(peak, kept, result)`` of ``work()``: the peak of its Python allocations and what stays, in bytes.

    tracemalloc sees the allocations of Python objects only (not C extensions' own memory), which is
    what a document costs; :func:`measure` gives the process's resident memory.

    >>> peak, kept, data = traced(lambda: bytes(10_000))
    >>> kept >= 10_000 and peak >= kept
    True
    """
    import tracemalloc

    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        result = work()
        kept, peak = tracemalloc.get_traced_memory()
        return peak - base, kept - base, result
    finally:
        tracemalloc.stop()
