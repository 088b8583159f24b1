"""Paired significance tests of a difference in F1 between two systems scored on the same units.

Pure statistics, no I/O. A *unit* is what is resampled (a document, or one annotation unit): each
system has ``[tp, n_gold, n_pred]`` counts per unit and per category, as arrays of shape
``(n_units, n_categories, 3)`` whose rows are the same units for both systems. F1 is computed from
the summed counts (micro average, the scorer's zero-division policy), so a test of F1 resamples or
permutes units and recomputes F1 from the sums, never averages per-unit F1.

* :func:`bootstrap_differences`: the paired bootstrap. Units are drawn with replacement, the same
  draw for both systems, and F1(a) - F1(b) recomputed on each resample.
* :func:`randomised_differences`: approximate randomisation. In each round every unit's counts of
  the two systems are swapped with probability 1/2, and F1(a) - F1(b) recomputed; under the null
  hypothesis that the systems are interchangeable every such swap is as likely as the observed one.
* :func:`two_sided_p`: the p-value of either, ``(1 + #{as extreme}) / (1 + rounds)``, so never 0.

Both functions take a numpy ``Generator`` so that a seed gives the same figures, and work through a
buffer of bounded size, so memory stays flat with many units.

>>> a = np.array([[[1, 1, 1]], [[1, 1, 1]], [[0, 1, 0]]])  # 3 units, 1 category
>>> f1_difference(a, a).tolist()
[0.0]
>>> p = two_sided_p(f1_difference(a, a), randomised_differences(a, a, 100, np.random.default_rng(0)))
>>> p.tolist()
[1.0]
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from eval.exceptions import ScoringError
from eval.scoring.bootstrap import prf_arrays

#: Numbers of floats held at once by a test (8 bytes each): 2 MB, whatever the number of units.
BUFFER = 250_000

#: Two differences closer than this are equal (sums of F1 ratios carry rounding in the last bits).
TOLERANCE = 1e-12


def _f1(sums: np.ndarray) -> np.ndarray:
    return prf_arrays(sums)[..., 2]


def f1_difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """F1 of ``a``'s summed counts minus F1 of ``b``'s, per category: shape ``(n_categories,)``.

    >>> a = np.array([[[2, 2, 2]]]); b = np.array([[[1, 2, 1]]])
    >>> f1_difference(a, b).round(4).tolist()  # 1.0 - 0.6667
    [0.3333]
    """
    _check(a, b)
    return _f1(a.sum(axis=0)) - _f1(b.sum(axis=0))


def bootstrap_differences(a: np.ndarray, b: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``(n_boot, n_categories)`` F1 differences over paired resamples of the units.

    Resample ``r`` draws ``n_units`` unit indices with replacement (one draw serves both systems and
    every category); the units' counts summed with those weights give each system's totals.

    >>> a = np.array([[[1, 1, 1]], [[1, 1, 1]]]); b = np.array([[[0, 1, 0]], [[0, 1, 0]]])
    >>> bootstrap_differences(a, b, 3, np.random.default_rng(0)).tolist()  # a is right on every unit
    [[1.0], [1.0], [1.0]]
    """
    _check(a, b)
    n = len(a)

    def weights(size: int) -> np.ndarray:
        drawn = rng.integers(0, n, (size, n)) + np.arange(0, size * n, n)[:, None]
        return np.bincount(drawn.ravel(), minlength=size * n).reshape(size, n).astype(np.float64)

    return _rounds(a, b, n_boot, weights, swap=False)


def randomised_differences(a: np.ndarray, b: np.ndarray, rounds: int, rng: np.random.Generator) -> np.ndarray:
    """``(rounds, n_categories)`` F1 differences after swapping each unit's counts with probability 1/2.

    >>> a = np.array([[[1, 1, 1]]]); b = np.array([[[0, 1, 0]]])
    >>> sorted(set(randomised_differences(a, b, 50, np.random.default_rng(0))[:, 0].tolist()))  # kept or swapped
    [-1.0, 1.0]
    """
    _check(a, b)
    n = len(a)
    return _rounds(a, b, rounds, lambda size: rng.integers(0, 2, (size, n)).astype(np.float64), swap=True)


def _rounds(a: np.ndarray, b: np.ndarray, rounds: int, draw: Callable[[int], np.ndarray], *, swap: bool) -> np.ndarray:
    """F1 differences of ``rounds`` rounds, each a row of per-unit weights from ``draw(size)``.

    Without ``swap`` the weights multiply both systems' counts (bootstrap); with it a weight of 1
    moves a unit's counts from one system to the other (randomisation): ``a + w (b - a)`` and
    ``b - w (b - a)``. The sums are of whole numbers below 2**53, exact in float64.
    """
    n, k = a.shape[0], a.shape[1]
    out = np.zeros((rounds, k))
    if n == 0 or rounds == 0:  # nothing to resample: both systems' figures are their empty-set figures
        out[:] = f1_difference(a, b)
        return out
    flat_a = a.reshape(n, -1).astype(np.float64)
    flat_b = b.reshape(n, -1).astype(np.float64)
    gap = flat_b - flat_a
    chunk = max(1, min(rounds, BUFFER // n))
    for start in range(0, rounds, chunk):
        size = min(chunk, rounds - start)
        w = draw(size)
        if swap:
            moved = w @ gap
            sums_a, sums_b = flat_a.sum(axis=0) + moved, flat_b.sum(axis=0) - moved
        else:
            sums_a, sums_b = w @ flat_a, w @ flat_b
        out[start:start + size] = _f1(sums_a.reshape(size, k, 3)) - _f1(sums_b.reshape(size, k, 3))
    return out


def two_sided_p(observed: np.ndarray, null: np.ndarray) -> np.ndarray:
    """Per category, ``(1 + #{rounds at least as far from 0 as observed}) / (1 + rounds)``.

    ``null`` holds differences drawn under the null hypothesis (randomisation rounds, or bootstrap
    differences centred on the observed one: see :func:`bootstrap_p`).

    >>> two_sided_p(np.array([0.5]), np.array([[0.1], [-0.6], [0.2]])).tolist()
    [0.5]
    """
    extreme = np.abs(null) >= np.abs(observed) - TOLERANCE
    return (1 + extreme.sum(axis=0)) / (1 + len(null))


def bootstrap_p(observed: np.ndarray, resampled: np.ndarray) -> np.ndarray:
    """The paired bootstrap's two-sided p-value: resampled differences shifted to a mean of 0 under the null.

    A resample counts when it lies as far from the observed difference as the observed difference
    lies from 0 (Efron and Tibshirani's shift of the bootstrap distribution to the null).

    >>> bootstrap_p(np.array([0.0]), np.zeros((9, 1))).tolist()  # identical systems
    [1.0]
    """
    return two_sided_p(observed, resampled - observed)


def percentile_interval(resampled: np.ndarray, confidence: float) -> np.ndarray:
    """``(2, n_categories)`` percentile interval of the resampled differences.

    >>> percentile_interval(np.arange(101, dtype=float)[:, None], 0.9).round(6).tolist()
    [[5.0], [95.0]]
    """
    tail = (1 - confidence) / 2 * 100
    return np.percentile(resampled, [tail, 100 - tail], axis=0)


def _check(a: np.ndarray, b: np.ndarray) -> None:
    if a.shape != b.shape or a.ndim != 3 or a.shape[2] != 3:
        raise ScoringError(f"paired counts need equal shapes (units, categories, 3); got {a.shape} and {b.shape}")


def paired_tests(
    blocks: list[tuple[np.ndarray, np.ndarray]], n_boot: int, rounds: int, seed: int, confidence: float
) -> dict[str, np.ndarray]:
    """Both tests for every category and for their mean ("overall"), position 0 of each array.

    ``blocks`` are ``(a, b)`` count arrays; the categories of a block share its units (documents hold
    every category), and blocks are resampled independently (annotation units of each category).
    Their categories, in order, make positions 1.. of the results; the overall difference is the mean
    of the category differences, tested on the same resamples and rounds.

    Returns:
        ``{"f1_a", "f1_b", "difference", "p_bootstrap", "p_randomisation"}`` of shape ``(1 + n,)`` and
        ``"interval"`` of shape ``(2, 1 + n)``.

    >>> a = np.array([[[1, 1, 1], [1, 1, 1]]] * 4); b = a.copy()
    >>> out = paired_tests([(a, b)], 200, 200, 0, 0.95)
    >>> out["difference"].tolist(), out["p_bootstrap"].tolist(), out["p_randomisation"].tolist()
    ([0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0])
    """
    boot_rng, swap_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    f1_a = np.concatenate([_f1(a.sum(axis=0)) for a, _ in blocks])
    f1_b = np.concatenate([_f1(b.sum(axis=0)) for _, b in blocks])
    boot = np.hstack([bootstrap_differences(a, b, n_boot, boot_rng) for a, b in blocks])
    swaps = np.hstack([randomised_differences(a, b, rounds, swap_rng) for a, b in blocks])

    def with_overall(x: np.ndarray) -> np.ndarray:
        return np.concatenate([x.mean(axis=-1, keepdims=True), x], axis=-1)

    observed = with_overall(f1_a - f1_b)
    boot, swaps = with_overall(boot), with_overall(swaps)
    return {
        "f1_a": with_overall(f1_a),
        "f1_b": with_overall(f1_b),
        "difference": observed,
        "interval": percentile_interval(boot, confidence) if n_boot else np.full((2, len(observed)), np.nan),
        "p_bootstrap": bootstrap_p(observed, boot) if n_boot else np.full(len(observed), np.nan),
        "p_randomisation": two_sided_p(observed, swaps) if rounds else np.full(len(observed), np.nan),
    }
