"""Coreference figures of two partitions of mentions: MUC, B³, CEAF-e, LEA and the CoNLL mean.

Both partitions are given by their overlaps: ``overlap[i, j]`` is the number of mentions that key
(gold) entity ``i`` and response (predicted) entity ``j`` share, with the entities' sizes (a
mention of one side that has no twin on the other is counted in its entity's size and shared
with nothing: the usual treatment of predicted mentions, Pradhan et al. 2014). Entities without
a mention are not entities of a partition and are left out.

Each figure comes as ``(recall numerator, recall denominator, precision numerator, precision
denominator)`` so that documents can be summed before dividing (micro average, as the CoNLL-2012
scorer sums over documents):

* MUC (Vilain et al. 1995): links. Recall ``Σ_k (|k| - |p(k)|) / Σ_k (|k| - 1)``, ``p(k)`` the
  parts the response cuts ``k`` into (a mention without twin is a part of its own).
* B³ (Bagga and Baldwin 1998): ``Σ_k Σ_r |k∩r|² / |k|`` over ``Σ_k |k|``.
* CEAF-e (Luo 2005): the one-to-one entity alignment maximising ``Σ φ4``,
  ``φ4(k, r) = 2|k∩r| / (|k| + |r|)``; recall ``Σφ4 / #key``, precision ``Σφ4 / #response``.
* LEA (Moosavi and Strube 2016): ``Σ_k |k| · Σ_r link(k∩r) / link(k)`` over ``Σ_k |k|``,
  ``link(n) = n(n-1)/2``; a singleton has one self-link, resolved when its mention is a singleton
  of the other side too (as the authors' implementation counts it).

Precision swaps the roles of key and response. The CoNLL score is the mean of the MUC, B³ and
CEAF-e F1.

>>> key = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
>>> response = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]
>>> {name: [round(v, 4) for v in prf] for name, prf in partition_scores(key, response).items()}
{'muc': [0.4, 0.4, 0.4], 'b3': [0.5, 0.4167, 0.4545], 'ceaf_e': [0.4333, 0.65, 0.52], 'lea': [0.3333, 0.2381, 0.2778]}
"""
from __future__ import annotations

from typing import Hashable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from eval.scoring.figures import ratio

#: The coreference figures with precision, recall and F1, in the order of ``detail``.
COREFERENCE = ("muc", "b3", "ceaf_e", "lea")


#: The CoNLL-2012 score averages the F1 of these.
CONLL_PARTS = ("muc", "b3", "ceaf_e")


Counts = tuple[float, float, float, float]  # recall numerator, recall denominator, precision numerator, precision denominator


def coreference_counts(overlap: dict[tuple[int, int], int], key_sizes: Sequence[int], response_sizes: Sequence[int]) -> dict[str, Counts]:
    """The numerators and denominators of every figure of :data:`COREFERENCE`.

    Args:
        overlap: ``{(i, j): n}``, the ``n > 0`` mentions key entity ``i`` and response entity ``j`` share.
        key_sizes: the number of mentions of each key entity (0: not an entity, left out).
        response_sizes: the same for the response entities.

    Every sum runs over the overlapping pairs only: MUC's ``Σ_k (|k| - |p(k)|)`` is the number of
    shared mentions minus the number of overlapping pairs, on either side; LEA's
    ``|k| · link(k∩r) / link(k)`` is ``c (c - 1) / (|k| - 1)``.

    >>> coreference_counts({(0, 0): 2, (1, 1): 1}, [2, 1], [2, 1])["muc"]
    (1.0, 1.0, 1.0, 1.0)
    """
    shared = b3_r = b3_p = lea_r = lea_p = phi4 = 0.0
    rows: set[int] = set()
    cols: set[int] = set()
    for (i, j), c in overlap.items():
        k, r = key_sizes[i], response_sizes[j]
        shared += c
        b3_r += c * c / k
        b3_p += c * c / r
        phi4 += 2 * c / (k + r)
        rows.add(i)
        cols.add(j)
        if k > 1:
            lea_r += c * (c - 1) / (k - 1)
        elif r == 1:  # a singleton's self-link, resolved by a singleton
            lea_r += 1
        if r > 1:
            lea_p += c * (c - 1) / (r - 1)
        elif k == 1:
            lea_p += 1
    if len(rows) < len(overlap) or len(cols) < len(overlap):  # an entity overlaps two: CEAF-e needs the best alignment
        phi4 = _ceaf_e(overlap, key_sizes, response_sizes)
    n_key, n_response = sum(1 for k in key_sizes if k), sum(1 for r in response_sizes if r)
    key_mentions, response_mentions = float(sum(key_sizes)), float(sum(response_sizes))
    links = shared - len(overlap)
    return {
        "muc": (links, key_mentions - n_key, links, response_mentions - n_response),
        "b3": (b3_r, key_mentions, b3_p, response_mentions),
        "ceaf_e": (phi4, float(n_key), phi4, float(n_response)),
        "lea": (lea_r, key_mentions, lea_p, response_mentions),
    }


def _ceaf_e(overlap: dict[tuple[int, int], int], key_sizes: Sequence[int], response_sizes: Sequence[int]) -> float:
    """The largest ``Σ φ4`` of a one-to-one entity alignment (when no entity overlaps two, it is the sum over the overlaps)."""
    matrix = np.zeros((len(key_sizes), len(response_sizes)))
    for (i, j), c in overlap.items():
        matrix[i, j] = 2 * c / (key_sizes[i] + response_sizes[j])
    r, c = linear_sum_assignment(matrix, maximize=True)
    return float(matrix[r, c].sum())


def figure(counts: Counts) -> dict[str, float]:
    """Precision, recall and F1 from summed counts, with the zero-division policy of :mod:`eval.scoring.figures`.

    A denominator of 0 means no unit to find (recall 1.0) or to judge (precision 1.0 when the key
    has none either, else 0.0), as for every other figure.

    >>> figure((1.0, 2.0, 1.0, 1.0))
    {'precision': 1.0, 'recall': 0.5, 'f1': 0.6666666666666666}
    """
    r_num, r_den, p_num, p_den = counts
    p = ratio(p_num, p_den, empty=r_den == 0)
    r = ratio(r_num, r_den, empty=True)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r > 0 else 0.0}


def conll(figures: dict[str, dict[str, float]]) -> dict[str, float]:
    """The CoNLL-2012 score: the mean F1 of MUC, B³ and CEAF-e.

    >>> conll({"muc": {"f1": 0.5}, "b3": {"f1": 0.25}, "ceaf_e": {"f1": 0.75}})
    {'f1': 0.5}
    """
    return {"f1": sum(figures[name]["f1"] for name in CONLL_PARTS) / len(CONLL_PARTS)}


def partition_scores(key: Sequence[set[Hashable]], response: Sequence[set[Hashable]]) -> dict[str, list[float]]:
    """``[precision, recall, f1]`` of every figure for two partitions given as sets of mentions (for tests and examples).

    >>> partition_scores([{1, 2}], [{1, 2}])["lea"]
    [1.0, 1.0, 1.0]
    """
    overlap = {(i, j): len(a & b) for i, a in enumerate(key) for j, b in enumerate(response) if a & b}
    counts = coreference_counts(overlap, [len(a) for a in key], [len(b) for b in response])
    return {name: [figure(counts[name])[x] for x in ("precision", "recall", "f1")] for name in COREFERENCE}
