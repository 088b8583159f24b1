"""Span similarity and the one optimal alignment every category of the scorer uses.

Two span modes (see ``eval/METRICS.md``):

* ``strict``: a gold and a predicted span match when their offsets are equal.
* ``partial``: they match when their offsets are equal, or when the Dice coefficient of their word
  tokens is at least :data:`PARTIAL_THRESHOLD` (0.5). A *word token* is a maximal run of ``\\w``
  characters (Python ``re``, Unicode) of the document text; a span's tokens are the word tokens that
  share at least one character with it. A span without word tokens (punctuation, an empty span)
  matches only with equal offsets.

:func:`match` aligns gold and predicted items one to one with
:func:`scipy.optimize.linear_sum_assignment`, maximising several objectives in strict priority
order (for example: first the number of pairs whose type is right, then the number of pairs,
then the total similarity). Items are put in a canonical order (their keys: offsets, then labels,
then ids) before the assignment, so the alignment does not depend on the order of the inputs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Hashable, Literal, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Mode = Literal["strict", "partial"]
MODES: tuple[Mode, ...] = ("strict", "partial")
PARTIAL_THRESHOLD = 0.5

WORD = re.compile(r"\w+")


class TokenIndex:
    """The word tokens of one text, to turn character spans into token ranges in bulk.

    >>> TokenIndex("NATO chief Jens Stoltenberg").ranges(np.array([[11, 27]])).tolist()
    [[2, 4]]
    """

    def __init__(self, text: str):
        bounds = [m.span() for m in WORD.finditer(text)]
        arr = np.array(bounds, dtype=np.int64).reshape(-1, 2)
        self.starts = arr[:, 0]
        self.ends = arr[:, 1]

    def ranges(self, spans: np.ndarray) -> np.ndarray:
        """Token ranges ``[i, j)`` of ``spans`` (an ``(n, 2)`` array of character offsets)."""
        first = np.searchsorted(self.ends, spans[:, 0], side="right")
        last = np.searchsorted(self.starts, spans[:, 1], side="left")
        # An empty span inside a word would get i > j: it has no tokens.
        return np.stack([first, np.maximum(first, last)], axis=1)


def as_offsets(spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """An ``(n, 2)`` int array of ``(start, end)`` pairs."""
    return np.array(spans, dtype=np.int64).reshape(-1, 2)


def similarity_matrix(
    gold: np.ndarray, pred: np.ndarray, *, mode: Mode, tokens: TokenIndex | None = None
) -> np.ndarray:
    """Similarity of every gold span with every predicted span, 0 where they do not match.

    Args:
        gold: ``(n, 2)`` offsets of the gold spans.
        pred: ``(m, 2)`` offsets of the predicted spans.
        mode: ``strict`` (1.0 for equal offsets, else 0.0) or ``partial`` (token Dice when it is
            at least :data:`PARTIAL_THRESHOLD`, 1.0 for equal offsets, else 0.0).
        tokens: the document's :class:`TokenIndex`; required in partial mode.

    Returns:
        An ``(n, m)`` float array with values in [0, 1]; a pair matches when its value is above 0.

    >>> g = as_offsets([(0, 16)]); p = as_offsets([(5, 16), (0, 4)])
    >>> similarity_matrix(g, p, mode="strict").tolist()
    [[0.0, 0.0]]
    >>> similarity_matrix(g, p, mode="partial", tokens=TokenIndex("Jens Stoltenberg spoke")).round(3).tolist()
    [[0.667, 0.667]]
    """
    exact = (gold[:, None, 0] == pred[None, :, 0]) & (gold[:, None, 1] == pred[None, :, 1])
    if mode == "strict":
        return exact.astype(np.float64)
    if mode != "partial":
        raise ValueError(f"Unknown mode {mode!r}. Available: {', '.join(MODES)}")
    if tokens is None:
        raise ValueError("partial mode needs the document's TokenIndex")
    g, p = tokens.ranges(gold), tokens.ranges(pred)
    g_len = (g[:, 1] - g[:, 0])[:, None]
    p_len = (p[:, 1] - p[:, 0])[None, :]
    common = np.minimum(g[:, None, 1], p[None, :, 1]) - np.maximum(g[:, None, 0], p[None, :, 0])
    common = np.maximum(common, 0)
    total = g_len + p_len
    dice = np.divide(2.0 * common, total, out=np.zeros(common.shape), where=total > 0)
    sim = np.where(dice >= PARTIAL_THRESHOLD, dice, 0.0)
    return np.where(exact, 1.0, sim)


def span_similarity(gold: tuple[int, int], pred: tuple[int, int], *, mode: Mode, text: str) -> float:
    """Similarity of two spans of ``text`` in ``mode``; 0.0 when they do not match.

    >>> text = "NATO chief Jens Stoltenberg said"
    >>> span_similarity((11, 27), (16, 27), mode="partial", text=text)  # 2 * 1 / (2 + 1)
    0.6666666666666666
    >>> span_similarity((11, 27), (16, 27), mode="strict", text=text)
    0.0
    >>> span_similarity((0, 27), (16, 27), mode="partial", text=text)  # 2 * 1 / (4 + 1) < 0.5
    0.0
    """
    tokens = TokenIndex(text) if mode == "partial" else None
    return float(similarity_matrix(as_offsets([gold]), as_offsets([pred]), mode=mode, tokens=tokens)[0, 0])


@dataclass(frozen=True)
class Alignment:
    """A one-to-one alignment: ``pairs`` of (gold index, predicted index), plus what is left over."""

    pairs: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]
    spurious: tuple[int, ...]

    def total(self, level: np.ndarray) -> float:
        """Sum of ``level[g, p]`` over the aligned pairs (e.g. the number of pairs of the right type)."""
        return float(sum(level[g, p] for g, p in self.pairs))


def match(
    valid: np.ndarray,
    levels: Sequence[np.ndarray],
    gold_keys: Sequence[Hashable],
    pred_keys: Sequence[Hashable],
) -> Alignment:
    """Align gold and predicted items one to one, optimally, whatever order they come in.

    Only pairs with ``valid[g, p]`` can be aligned. Among all alignments, the one chosen maximises
    the total of ``levels[0]`` over its pairs, then (among those) the total of ``levels[1]``, and so
    on: the priorities are strict. Every level but the last must hold whole numbers (counts); the
    last may hold similarities. Ties are broken by the canonical order of the items, sorted by their
    keys, so a permutation of the inputs never changes the result.

    Args:
        valid: ``(n, m)`` bool array, the pairs that may be aligned.
        levels: non-negative ``(n, m)`` arrays, highest priority first.
        gold_keys: a sortable key per gold item (e.g. offsets, type, id), unique per interchangeable item.
        pred_keys: a sortable key per predicted item.

    Returns:
        The alignment, pairs sorted by gold index.

    >>> valid = np.array([[True, True], [True, False]])
    >>> match(valid, [valid], ["g0", "g1"], ["p0", "p1"]).pairs  # never greedy: g0-p0 would leave g1 alone
    ((0, 1), (1, 0))
    """
    n, m = valid.shape
    if n == 0 or m == 0 or not valid.any():
        return Alignment((), tuple(range(n)), tuple(range(m)))
    if valid.sum(axis=0).max() <= 1 and valid.sum(axis=1).max() <= 1:
        # No item can be aligned to two others: every objective is maximised by taking every valid pair.
        rows, cols = np.nonzero(valid)
        pairs = sorted(zip(rows.tolist(), cols.tolist()))
    else:
        pairs = _assign(valid, levels, gold_keys, pred_keys)
    used_g = {g for g, _ in pairs}
    used_p = {p for _, p in pairs}
    return Alignment(
        tuple(pairs),
        tuple(i for i in range(n) if i not in used_g),
        tuple(j for j in range(m) if j not in used_p),
    )


def _assign(
    valid: np.ndarray, levels: Sequence[np.ndarray], gold_keys: Sequence[Hashable], pred_keys: Sequence[Hashable]
) -> list[tuple[int, int]]:
    g_order = sorted(range(len(gold_keys)), key=gold_keys.__getitem__)
    p_order = sorted(range(len(pred_keys)), key=pred_keys.__getitem__)
    sub = np.ix_(g_order, p_order)
    ok = valid[sub]
    weight = _lexicographic([lv[sub] * ok for lv in levels], min(ok.shape))
    rows, cols = linear_sum_assignment(weight, maximize=True)
    pairs = [(g_order[r], p_order[c]) for r, c in zip(rows.tolist(), cols.tolist()) if ok[r, c]]
    return sorted(pairs)


def _lexicographic(levels: Sequence[np.ndarray], n_pairs: int) -> np.ndarray:
    """One weight whose optimum is the lexicographic optimum of ``levels``.

    Each level is scaled above the largest total all lower levels can reach (``n_pairs`` pairs at
    most), so one more unit of a higher level always outweighs any gain below it.
    """
    weight = np.zeros(levels[0].shape) if levels else np.zeros((0, 0))
    bound = 0.0
    for level in reversed(levels):
        scale = bound + 1.0
        weight = weight + scale * level
        bound += scale * n_pairs * float(level.max(initial=0.0))
    return weight
