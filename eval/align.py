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
from functools import cached_property
from typing import Callable, Hashable, Literal, Sequence

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
        # An empty span has no tokens, even inside a word.
        last = np.where(spans[:, 1] > spans[:, 0], np.maximum(first, last), first)
        return np.stack([first, last], axis=1)


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
    return _partial(gold, pred, tokens, exact)


def _partial(gold: np.ndarray, pred: np.ndarray, tokens: TokenIndex, exact: np.ndarray) -> np.ndarray:
    g, p = tokens.ranges(gold), tokens.ranges(pred)
    g_len = (g[:, 1] - g[:, 0])[:, None]
    p_len = (p[:, 1] - p[:, 0])[None, :]
    common = np.minimum(g[:, None, 1], p[None, :, 1]) - np.maximum(g[:, None, 0], p[None, :, 0])
    common = np.maximum(common, 0)
    total = g_len + p_len
    dice = np.divide(2.0 * common, total, out=np.zeros(common.shape), where=total > 0)
    sim = np.where(dice >= PARTIAL_THRESHOLD, dice, 0.0)
    return np.where(exact, 1.0, sim)


def similarity_matrices(gold: np.ndarray, pred: np.ndarray, tokens: TokenIndex) -> dict[str, np.ndarray]:
    """:func:`similarity_matrix` in both modes at once, sharing the comparison of offsets."""
    exact = (gold[:, None, 0] == pred[None, :, 0]) & (gold[:, None, 1] == pred[None, :, 1])
    return {"strict": exact.astype(np.float64), "partial": _partial(gold, pred, tokens, exact)}


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

    @cached_property
    def _index(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array([g for g, _ in self.pairs], dtype=np.int64), np.array([p for _, p in self.pairs], dtype=np.int64)

    def total(self, level: np.ndarray) -> float:
        """Sum of ``level[g, p]`` over the aligned pairs (e.g. the number of pairs of the right type)."""
        return float(level[self._index].sum()) if self.pairs else 0.0


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
    return Matcher(valid, gold_keys, pred_keys).match(levels)


class Matcher:
    """:func:`match` for several objectives over the same valid pairs, sharing the work they have in common.

    When no item can be aligned to two others (the usual case: spans rarely overlap), every
    objective is maximised by taking every valid pair, so the assignment is not solved at all.

    Args:
        valid: ``(n, m)`` bool array, the pairs that may be aligned.
        gold_keys: sortable keys of the gold items, or a function returning them (called only when needed).
        pred_keys: the same for the predicted items.
    """

    def __init__(
        self,
        valid: np.ndarray,
        gold_keys: Sequence[Hashable] | Callable[[], Sequence[Hashable]],
        pred_keys: Sequence[Hashable] | Callable[[], Sequence[Hashable]],
    ):
        self.valid = valid
        self._gold_keys = gold_keys
        self._pred_keys = pred_keys
        n, m = valid.shape
        self._trivial: Alignment | None = None
        rows, cols = np.nonzero(valid)
        r, c = rows.tolist(), cols.tolist()
        if len(set(r)) == len(r) and len(set(c)) == len(c):
            # No item can be aligned to two others: every objective is maximised by taking every valid pair.
            self._trivial = _alignment(list(zip(r, c)), n, m)

    @property
    def conflict_free(self) -> bool:
        """Whether every objective has the same optimum: all valid pairs."""
        return self._trivial is not None

    def match(self, levels: Sequence[np.ndarray]) -> Alignment:
        """The lexicographic optimum of ``levels`` (see :func:`match`)."""
        if self._trivial is not None:
            return self._trivial
        gold_keys = self._gold_keys() if callable(self._gold_keys) else self._gold_keys
        pred_keys = self._pred_keys() if callable(self._pred_keys) else self._pred_keys
        return _alignment(_assign(self.valid, levels, gold_keys, pred_keys), *self.valid.shape)


def _alignment(pairs: list[tuple[int, int]], n: int, m: int) -> Alignment:
    pairs.sort()
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
    return [(g_order[r], p_order[c]) for r, c in zip(rows.tolist(), cols.tolist()) if ok[r, c]]


def _lexicographic(levels: Sequence[np.ndarray], n_pairs: int) -> np.ndarray:
    """One weight whose optimum is the lexicographic optimum of ``levels``.

    Each level is scaled above the largest total all lower levels can reach (``n_pairs`` pairs at
    most), so one more unit of a higher level always outweighs any gain below it.
    """
    weight = np.zeros(levels[0].shape)
    bound = 0.0
    for level in reversed(levels):
        scale = bound + 1.0
        weight = weight + scale * level
        bound += scale * n_pairs * float(level.max(initial=0.0))
    return weight
