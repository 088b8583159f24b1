"""``extractors.shared.parallel.ordered_map``: input order, bounded read-ahead, errors passed on."""
from __future__ import annotations

from typing import Iterator

import pytest

from extractors.shared.parallel import batched, ordered_map


def square(x: int) -> int:
    return x * x


def fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError(f"bad item {x}")
    return x


def test_results_come_in_input_order() -> None:
    assert list(ordered_map(square, range(50), workers=2)) == [x * x for x in range(50)]


def test_input_is_read_only_a_window_ahead() -> None:
    """A folder of millions of files is never read into memory: at most 2 * workers items are in flight."""
    read: list[int] = []

    def items() -> Iterator[int]:
        for x in range(1000):
            read.append(x)
            yield x

    stream = ordered_map(square, items(), workers=2)
    assert (next(stream), len(read)) == (0, 4)
    stream.close()


def test_a_failure_in_a_worker_is_raised_in_order() -> None:
    stream = ordered_map(fail_on_three, range(10), workers=2)
    assert [next(stream) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="bad item 3"):
        next(stream)


def test_batched_keeps_every_item() -> None:
    assert list(batched(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
