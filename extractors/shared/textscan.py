"""Reading backwards from an offset without copying the text before it.

``text[:end].rstrip()`` copies the whole article up to ``end`` (twice, with the strip): on a long article,
called once per verb, that is quadratic time and a transient copy of the text. These functions give the
same answers from the characters near ``end``. ``str.isspace`` and ``str.rstrip``/``str.split`` use the
same definition of whitespace, so the answers are equal.
"""
from __future__ import annotations


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
