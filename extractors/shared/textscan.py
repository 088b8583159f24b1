"""Reading backwards from an offset without copying the text before it, and good places to cut a text.

``text[:end].rstrip()`` copies the whole article up to ``end`` (twice, with the strip): on a long article,
called once per verb, that is quadratic time and a transient copy of the text. These functions give the
same answers from the characters near ``end``. ``str.isspace`` and ``str.rstrip``/``str.split`` use the
same definition of whitespace, so the answers are equal.
"""
from __future__ import annotations

import bisect
import re


def stripped_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip())``: where the text before ``end`` ends once trailing whitespace is dropped.

    >>> stripped_end("Ana Ruiz,  said", 11)
    9
    """
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def ends_with_comma(text: str, end: int) -> bool:
    """``text[:end].rstrip().endswith(",")``.

    >>> ends_with_comma("Ruiz , who", 7), ends_with_comma("Ruiz who", 5)
    (True, False)
    """
    stop = stripped_end(text, end)
    return stop > 0 and text[stop - 1] == ","


def last_word(text: str, end: int) -> str:
    """``(text[:end].split() or [""])[-1]``: the last whitespace-separated word before ``end``.

    >>> last_word("the old  lighthouse ", 20), last_word("  ", 2)
    ('lighthouse', '')
    """
    stop = stripped_end(text, end)
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:stop]


class Overlaps:
    """Whether a span overlaps one of a list of spans (any order, overlapping or not), by binary search:
    the spans sorted by start once, and the furthest end among those that start before each one. A scan
    of the whole list for every candidate made an article's cost grow with its square.

    >>> taken = Overlaps([(10, 20), (2, 4)])
    >>> taken.any(3, 5), taken.any(4, 10), taken.any(19, 30), taken.any(20, 30)
    (True, False, True, False)
    """

    def __init__(self, spans: list[tuple[int, int]]):
        pairs = sorted(spans)
        self._starts = [s for s, _ in pairs]
        self._reach: list[int] = []
        for _, end in pairs:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def any(self, start: int, end: int) -> bool:
        """``any(s < end and start < e for s, e in spans)``."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start

    def covers(self, start: int, end: int) -> bool:
        """``any(s <= start and end <= e for s, e in spans)``: ``start:end`` lies within one of them.

        >>> Overlaps([(0, 5)]).covers(1, 3), Overlaps([(0, 5)]).covers(4, 7)
        (True, False)
        """
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end


# Where a text may be cut, best first: a blank line, a line break, a sentence end, a space.
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"), re.compile(r"\s+"))


def last_break(text: str, lo: int, hi: int) -> int:
    """The end of the last good break in ``text[lo:hi]`` (paragraph, line, sentence, then word); else ``hi``.

    >>> last_break("One. Two.\\n\\nThree. Four.", 5, 16), last_break("abcdef", 1, 4)
    (11, 4)
    """
    for pattern in BREAKS:
        ends = [m.end() for m in pattern.finditer(text, lo, hi)]
        if ends:
            return ends[-1]
    return hi
