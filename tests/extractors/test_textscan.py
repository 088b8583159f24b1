"""The backward reads of :mod:`extractors.shared.textscan` give what the copies they replace gave."""
from __future__ import annotations

import random

from extractors.shared.textscan import ends_with_comma, last_word, stripped_end

_PIECES = ["Ana", "Ruiz", ",", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "said", "é", ";", ".", "\u2028"]


def test_they_equal_the_copies_they_replace() -> None:
    rng = random.Random(15)
    for _ in range(2_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 12)))
        for end in range(len(text) + 1):
            head = text[:end]
            assert stripped_end(text, end) == len(head.rstrip()), (text, end)
            assert ends_with_comma(text, end) == head.rstrip().endswith(","), (text, end)
            assert last_word(text, end) == (head.split() or [""])[-1], (text, end)
