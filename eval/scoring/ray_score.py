"""Scoring on Ray (``newsbench score --engine ray``): per-document counts on the cluster, summed on the driver.

The driver reads, checks and pairs the predictions exactly as :func:`eval.scoring.stream.score_predictions`
does and ships each (gold, prediction) pair; Ray tasks run :func:`eval.scoring.scorer.score_pair` on
them and send the counts back in input order, where the scorer's own aggregation adds them up. The
figures, intervals and error lists are therefore those of the streaming scorer, figure for figure.
"""
from __future__ import annotations

import pickle
from functools import partial
from typing import Any, Iterator

from eval.data.models import Document
from eval.extraction.ray_engine import ordered_map
from eval.scoring.bootstrap import MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP
from eval.scoring.document import PairCounts
from eval.scoring.figures import CATEGORIES
from eval.scoring.scorer import PairScorer, score_pair

#: Pairs per Ray task.
BATCH = 64


def _score_batch(batch: dict[str, Any]) -> dict[str, list[Any]]:
    """Score pickled pairs; each result travels pickled, its alignment records built when asked for."""
    results = []
    for blob, keep_units in zip(batch["pair"], batch["keep_units"], strict=True):
        gold, pred, collect_errors = pickle.loads(blob)
        result = score_pair(gold, pred, collect_errors)
        # The records are closures over the alignment: built here when the scorer will need them
        # (the annotation bootstrap of a small set), left out otherwise.
        result.units = {c: partial(list, result.units[c]() if keep_units else ()) for c in CATEGORIES}
        results.append(pickle.dumps(result))
    return {"doc_id": list(batch["doc_id"]), "result": results}


def ray_pair_scorer(workers: int = 2) -> PairScorer:
    """A ``pair_scorer`` for :func:`eval.scoring.scorer.score` that runs on ``workers`` Ray tasks at a time.

    Needs a Ray session (:func:`eval.extraction.ray_engine.ray_session`).
    """

    def scorer(pairs: Iterator[tuple[Document, Document | None]], collect_errors: bool) -> Iterator[tuple[str, PairCounts]]:
        rows = ({"doc_id": gold.doc_id, "pair": pickle.dumps((gold, pred, collect_errors)),
                 "keep_units": i < MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP}
                for i, (gold, pred) in enumerate(pairs))
        for row in ordered_map(rows, _score_batch, workers=workers, batch_size=BATCH):
            yield str(row["doc_id"]), pickle.loads(row["result"])

    return scorer
