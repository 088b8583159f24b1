"""Bootstrap confidence intervals of the headline figures: over documents, or over annotation units of a small set.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from eval.scoring.figures import CATEGORIES

CONFIDENCE = 0.95


MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP = 10


#: Said in the results whenever intervals resample annotation units (fewer than 10 documents).
ANNOTATION_CAVEAT = (
    f"fewer than {MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP} documents: the intervals resample annotation units, but units of one "
    "document are correlated (same writer, same topic, same extractor behaviour), so these intervals are too narrow; "
    "read them as a lower bound on the uncertainty"
)


def prf_arrays(sums: np.ndarray) -> np.ndarray:
    """Vectorised :func:`prf` on ``(..., 3)`` sums of ``[tp, n_gold, n_pred]``; returns ``(..., 3)`` P, R, F1."""
    tp, ng, npred = sums[..., 0].astype(float), sums[..., 1], sums[..., 2]
    p = np.divide(tp, npred, out=np.where(ng == 0, 1.0, 0.0), where=npred > 0)
    r = np.divide(tp, ng, out=np.ones_like(tp), where=ng > 0)
    f1 = np.divide(2 * p * r, p + r, out=np.zeros_like(p), where=(p + r) > 0)
    return np.stack([p, r, f1], axis=-1)


def resample_documents(headline: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """``(n_boot, categories, 3)`` P/R/F1 over documents drawn with replacement (rows are in doc_id order).

    Resample ``b`` is the ``b``-th run of ``n_docs`` document indices drawn by the generator; its
    counts summed with the documents' headline counts give its totals. Resamples go through a buffer of
    at most :data:`_BOOTSTRAP_BUFFER` weights, so memory stays flat at any corpus size; the sums
    are of whole numbers below 2**53, exact in float64 whatever the order of the additions.
    """
    rng = np.random.default_rng(seed)
    n_docs = headline.shape[0]
    flat = headline.reshape(n_docs, -1).astype(np.float64)
    chunk = max(1, min(n_boot, _BOOTSTRAP_BUFFER // max(n_docs, 1)))
    weights = np.empty((chunk, n_docs))
    out = np.empty((n_boot, len(CATEGORIES), 3))
    for start in range(0, n_boot, chunk):
        size = min(chunk, n_boot - start)
        # One draw of size * n_docs indices is the same stream as size draws of n_docs.
        drawn = rng.integers(0, n_docs, (size, n_docs))
        drawn += np.arange(0, size * n_docs, n_docs)[:, None]
        weights[:size] = np.bincount(drawn.ravel(), minlength=size * n_docs).reshape(size, n_docs)
        out[start:start + size] = prf_arrays((weights[:size] @ flat).reshape(size, len(CATEGORIES), 3))
    return out


#: Bootstrap weights held at once (8 bytes each, and as many drawn indices): 2 MB, whatever the number of documents.
_BOOTSTRAP_BUFFER = 250_000


def resample_units(units: dict[str, list[tuple[int, int, int]]], n_boot: int, seed: int) -> np.ndarray:
    """``(n_boot, categories, 3)`` P/R/F1 over alignment records drawn with replacement, per category."""
    rng = np.random.default_rng(seed)
    out = np.empty((n_boot, len(CATEGORIES), 3))
    for c, cat in enumerate(CATEGORIES):
        arr = np.array(sorted(units[cat]), dtype=np.int64).reshape(-1, 3)  # sorted: input order never matters
        if len(arr) == 0:
            out[:, c] = prf_arrays(np.zeros((1, 3)))[0]
            continue
        idx = rng.integers(0, len(arr), size=(n_boot, len(arr)))
        out[:, c] = prf_arrays(arr[idx].sum(axis=1))
    return out


def attach_intervals(scores: dict[str, dict[str, Any]], samples: np.ndarray) -> None:
    tail = (1 - CONFIDENCE) / 2 * 100
    names = ("precision", "recall", "f1")
    for c, cat in enumerate(CATEGORIES):
        lo, hi = np.percentile(samples[:, c, :], [tail, 100 - tail], axis=0)
        scores[cat]["ci"] = {k: [float(lo[i]), float(hi[i])] for i, k in enumerate(names)}
    lo, hi = np.percentile(samples.mean(axis=1), [tail, 100 - tail], axis=0)
    scores["overall"]["ci"] = {k: [float(lo[i]), float(hi[i])] for i, k in enumerate(names)}
