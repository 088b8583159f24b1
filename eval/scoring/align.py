"""Span similarity and the one optimal alignment every category of the scorer uses.

Two span modes (see ``eval/scoring/METRICS.md``):

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
from typing import Callable, Hashable, Literal, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Mode = Literal["strict", "partial"]
MODES: tuple[Mode, ...] = ("strict", "partial")
PARTIAL_THRESHOLD = 0.5

WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")


class TokenIndex:
    """The word tokens of one text, to turn character spans into token ranges in bulk.

    >>> TokenIndex("NATO chief Jens Stoltenberg").ranges(np.array([[11, 27]])).tolist()
    [[2, 4]]
    """

    def __init__(self, text: str):
        # Split around the tokens: non-word, word, non-word, ..., non-word; the cumulated lengths are
        # the bounds (cheaper than a match object per token).
        parts = _SPLIT.split(text)
        bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
        self.starts = bounds[0:-1:2]
        self.ends = bounds[1::2]

    def ranges(self, spans: np.ndarray) -> np.ndarray:
        """Token ranges ``[i, j)`` of ``spans`` (an ``(n, 2)`` array of character offsets)."""
        out = np.empty((len(spans), 2), dtype=np.int64)
        first, last = out[:, 0], out[:, 1]
        first[:] = np.searchsorted(self.ends, spans[:, 0], side="right")
        last[:] = np.searchsorted(self.starts, spans[:, 1], side="left")
        np.maximum(first, last, out=last)
        # An empty span has no tokens, even inside a word.
        empty = spans[:, 1] <= spans[:, 0]
        last[empty] = first[empty]
        return out


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
    exact = _exact(gold, pred)
    if mode == "strict":
        return exact.astype(np.float64)
    if mode != "partial":
        raise ValueError(f"Unknown mode {mode!r}. Available: {', '.join(MODES)}")
    if tokens is None:
        raise ValueError("partial mode needs the document's TokenIndex")
    return _partial(tokens.ranges(gold), tokens.ranges(pred), exact)


def _exact(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """``(n, m)`` bool: equal offsets. Each span is one integer ``start * 2**32 + end`` (offsets are below 2**31)."""
    g = gold[:, 0] * 2**32 + gold[:, 1]
    p = pred[:, 0] * 2**32 + pred[:, 1]
    return g[:, None] == p[None, :]


def _partial(g: np.ndarray, p: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """Partial-mode similarity from the token ranges ``g`` and ``p`` of the spans and their ``exact`` matrix."""
    g0, g1 = g[:, 0, None], g[:, 1, None]
    p0, p1 = p[:, 0], p[:, 1]
    common = np.minimum(g1, p1) - np.maximum(g0, p0)
    np.maximum(common, 0, out=common)
    # Two spans without tokens have nothing in common: 0 / 1 is their Dice, as 0 / 0 is taken to be.
    dice = 2.0 * common / np.maximum((g1 - g0) + (p1 - p0), 1)
    dice[dice < PARTIAL_THRESHOLD] = 0.0
    dice[exact] = 1.0
    return dice


def similarity_from_ranges(gold: np.ndarray, pred: np.ndarray, gold_ranges: np.ndarray, pred_ranges: np.ndarray) -> dict[str, np.ndarray]:
    """:func:`similarity_matrix` in both modes at once, from the spans' token ranges looked up beforehand.

    The scorer looks up the token ranges (:meth:`TokenIndex.ranges`) of every span of a document
    in one call, then compares the spans of each category with this.

    >>> tokens = TokenIndex("Jens Stoltenberg spoke")
    >>> g, p = as_offsets([(0, 16)]), as_offsets([(5, 16)])
    >>> {m: s.round(3).tolist() for m, s in similarity_from_ranges(g, p, tokens.ranges(g), tokens.ranges(p)).items()}
    {'strict': [[0.0]], 'partial': [[0.667]]}
    """
    exact = _exact(gold, pred)
    return {"strict": exact.astype(np.float64), "partial": _partial(gold_ranges, pred_ranges, exact)}


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


class Alignment:
    """A one-to-one alignment: ``pairs`` of (gold index, predicted index), plus what is left over.

    Args:
        gold, pred: the indices of the aligned pairs, sorted by gold index (lists or int arrays).
        n_gold, n_pred: the numbers of gold and predicted items.
    """

    # Most alignments are only counted and summed over: the tuples are built when first asked for.
    __slots__ = ("_gold", "_pred", "_shape", "_pairs", "_at")

    def __init__(self, gold: Sequence[int] | np.ndarray, pred: Sequence[int] | np.ndarray, n_gold: int, n_pred: int):
        self._gold, self._pred, self._shape = gold, pred, (n_gold, n_pred)
        self._pairs: tuple[tuple[int, int], ...] | None = None
        self._at = (gold, pred) if isinstance(gold, np.ndarray) else None

    @property
    def pairs(self) -> tuple[tuple[int, int], ...]:
        """(gold index, predicted index) of each aligned pair, sorted by gold index."""
        if self._pairs is None:
            g, p = self._gold, self._pred
            self._pairs = tuple(zip(g.tolist(), p.tolist()) if isinstance(g, np.ndarray) else zip(g, p))
        return self._pairs

    @property
    def missed(self) -> tuple[int, ...]:
        """Gold indices left out of the alignment, in order."""
        used = set(self._gold.tolist() if isinstance(self._gold, np.ndarray) else self._gold)
        return tuple(i for i in range(self._shape[0]) if i not in used)

    @property
    def spurious(self) -> tuple[int, ...]:
        """Predicted indices left out of the alignment, in order."""
        used = set(self._pred.tolist() if isinstance(self._pred, np.ndarray) else self._pred)
        return tuple(j for j in range(self._shape[1]) if j not in used)

    def __len__(self) -> int:
        """The number of aligned pairs."""
        return len(self._gold)

    def __repr__(self) -> str:
        return f"Alignment(pairs={self.pairs}, missed={self.missed}, spurious={self.spurious})"

    @property
    def at(self) -> tuple[np.ndarray, np.ndarray]:
        """The gold and the predicted indices of the pairs as int arrays (to index a matrix with)."""
        if self._at is None:
            self._at = (np.array(self._gold, dtype=np.int64), np.array(self._pred, dtype=np.int64))
        return self._at

    def total(self, level: np.ndarray) -> float:
        """Sum of ``level[g, p]`` over the aligned pairs (e.g. the number of pairs of the right type)."""
        if not len(self._gold):
            return 0.0
        picked = level[self.at]
        # Counting a bool level is one C call; a sum goes through the ufunc machinery.
        return float(np.count_nonzero(picked)) if picked.dtype == np.bool_ else float(picked.sum())


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
        self._order: tuple[list[int], list[int], tuple[np.ndarray, np.ndarray], np.ndarray] | None = None
        # Objectives share levels: each is cut to the canonical order once, kept by id with the level
        # itself (so that the id stays its own), with its largest value.
        self._levels: dict[int, tuple[np.ndarray, np.ndarray, float]] = {}
        rows, cols = np.nonzero(valid)  # row-major: sorted by gold index
        if len(set(rows.tolist())) == len(rows) and len(set(cols.tolist())) == len(cols):
            # No item can be aligned to two others: every objective is maximised by taking every valid pair.
            self._trivial = Alignment(rows, cols, n, m)

    @property
    def conflict_free(self) -> bool:
        """Whether every objective has the same optimum: all valid pairs."""
        return self._trivial is not None

    def match(self, levels: Sequence[np.ndarray] | Callable[[], Sequence[np.ndarray]]) -> Alignment:
        """The lexicographic optimum of ``levels`` (see :func:`match`); a function returning them is only called when needed."""
        if self._trivial is not None:
            return self._trivial
        if callable(levels):
            levels = levels()
        if self._order is None:  # the canonical order of the items, shared by every objective
            gold_keys = self._gold_keys() if callable(self._gold_keys) else self._gold_keys
            pred_keys = self._pred_keys() if callable(self._pred_keys) else self._pred_keys
            g_order = sorted(range(len(gold_keys)), key=gold_keys.__getitem__)
            p_order = sorted(range(len(pred_keys)), key=pred_keys.__getitem__)
            sub = np.ix_(g_order, p_order)
            self._order = (g_order, p_order, sub, self.valid[sub])
        g_order, p_order, sub, ok = self._order
        weight = _lexicographic([self._level(lv) for lv in levels])
        rows, cols = linear_sum_assignment(weight, maximize=True)
        keep = ok[rows, cols]
        pairs = sorted(zip([g_order[r] for r in rows[keep].tolist()], [p_order[c] for c in cols[keep].tolist()]))
        return Alignment([g for g, _ in pairs], [p for _, p in pairs], *self.valid.shape)

    def _level(self, level: np.ndarray) -> tuple[np.ndarray, float]:
        """``level`` in the canonical order, 0 outside the valid pairs, and the largest total an alignment can reach on it."""
        known = self._levels.get(id(level))
        if known is None:
            assert self._order is not None
            _, _, sub, ok = self._order
            cut = level[sub] * ok
            # No alignment has more than min(n, m) pairs; the best partner of every row (or column) is a
            # tighter bound, only worth computing when the loose one would not fit a float64 exactly.
            reach = float(cut.max(initial=0.0)) * min(cut.shape)
            if reach > _EXACT**0.25 and cut.size:
                reach = float(min(cut.max(axis=1).sum(), cut.max(axis=0).sum()))
            known = self._levels[id(level)] = (level, cut, reach)
        return known[1], known[2]


#: Past this scale a weight no longer holds every level exactly in a float64 (53-bit mantissa).
_EXACT = 2.0**50


def _lexicographic(levels: Sequence[tuple[np.ndarray, float]]) -> np.ndarray:
    """One weight whose optimum is the lexicographic optimum of ``levels`` (each with the largest total it can reach).

    Each level is scaled above the largest total all lower levels can reach, so one more unit of
    a higher level always outweighs any gain below it. When the scales would outgrow what a
    float64 holds exactly (only with very many items and levels), the lowest levels, the last
    tie-breaks, are dropped rather than let them corrupt the higher ones.
    """
    while True:
        weight = np.zeros(levels[0][0].shape)
        bound = 0.0
        for level, reach in reversed(levels):
            scale = bound + 1.0
            weight += scale * level
            bound += scale * reach
        if bound < _EXACT or len(levels) == 1:
            return weight
        levels = levels[:-1]
