"""Scoring a prediction file against a gold index with flat memory: each prediction read, checked, paired, scored and dropped.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from eval.data.fingerprint import Fingerprint
from eval.data.models import Document
from eval.data.parsing import iter_parsed
from eval.exceptions import InvalidInputError, Problem
from eval.gold.index import GoldIndex
from eval.scoring.figures import ErrorItem, Scorecard
from eval.scoring.pairing import (
    GoldRef,
    pairing_problem,
    warn_missing,
)
from eval.scoring.scorer import PairScorer, score


@dataclass(frozen=True)
class StreamedScore:
    """The scorecard of a streamed prediction file, and what the results need to know of the gold."""

    card: Scorecard
    missing: tuple[str, ...]
    n_gold: int
    gold_sha256: str
    gold_source: str


def score_predictions(
    pred: Path,
    gold: GoldIndex,
    *,
    warn: Callable[[Problem], None] | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    collect_errors: bool = True,
    on_error: Callable[[ErrorItem], None] | None = None,
    pair_scorer: PairScorer | None = None,
) -> StreamedScore:
    """Read, check, pair and score a prediction file one document at a time.

    Args:
        pred: the prediction file (JSON Lines).
        gold: the gold index.
        warn: receives findings that do not stop scoring (see :func:`eval.scoring.pairing.read_predictions`).
        n_boot, seed, collect_errors, on_error, pair_scorer: as for :func:`eval.scoring.scorer.score`.

    Raises:
        InvalidInputError: with every problem of the gold, or else of the prediction file.
    """
    warn = warn or (lambda _p: None)
    problems: list[Problem] = []  # of the file itself: syntax, schema, semantics
    pairing: list[Problem] = []  # of the pairing with the gold, listed after those, as read_predictions does
    found: dict[str, str] = {}  # doc_id -> where its prediction was read
    ref = GoldRef(len(gold), gold.source)
    missing: list[str] = []
    fingerprint = Fingerprint() if gold.sha256 is None else None

    def accept(doc: Document) -> bool:
        if fingerprint is not None:
            fingerprint.add(doc)
        return not (problems or pairing or gold.has_problems())

    def pairs() -> Iterator[tuple[Document, Document | None]]:
        for parsed in iter_parsed(pred):
            problems.extend(parsed.problems)
            for w in parsed.warnings:
                warn(w)
            doc = parsed.document
            if doc is None:
                continue
            g = gold.read(doc.doc_id) if doc.doc_id in gold else None
            if g is None and doc.doc_id in gold:
                continue  # a broken gold line: reported with the gold's own problems
            problem = pairing_problem(parsed.label, doc, g.text if g is not None else None, found, ref)
            if problem:
                pairing.append(problem)
                continue
            if accept(g):
                yield g, doc
        missing.extend(d for d in gold.ids if d not in found)
        if not (problems or pairing or gold.has_problems()):
            warn_missing(pred, tuple(missing), len(gold), warn)
        for doc_id in missing:  # read even after a problem: the gold's own problems come first
            g = gold.read(doc_id)
            if g is not None and accept(g):
                yield g, None
        if gold.has_problems():
            raise InvalidInputError(gold.problems)
        if problems or pairing:
            raise InvalidInputError(problems + pairing)

    try:
        card = score(pairs(), n_boot=n_boot, seed=seed, collect_errors=collect_errors, on_error=on_error,
                     pair_scorer=pair_scorer)
    finally:
        gold.close()
    sha = gold.sha256 if fingerprint is None else fingerprint.hexdigest()
    return StreamedScore(card, tuple(missing), len(gold), sha, gold.source)
