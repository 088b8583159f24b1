"""The scorer: every figure of ``eval/scoring/METRICS.md``, computed per document and summed (micro averages).

``score(pairs)`` checks its inputs, scores each (gold, prediction) pair in both span modes, adds up
the counts, and derives precision, recall and F1 from the totals, with 95% bootstrap confidence
intervals for the headline figures and a list of every error of the partial-mode headline
alignments. Scoring is pure: no I/O. Its cost is linear in the number of documents and its memory
holds only running totals, the headline counts of each document (for the bootstrap) and the errors.
"""
from __future__ import annotations

import gc
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np

from eval.data.models import Document
from eval.exceptions import ScoringError
from eval.scoring.align import MODES
from eval.scoring.bootstrap import (
    ANNOTATION_CAVEAT,
    CONFIDENCE,
    MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP,
    attach_intervals,
    resample_documents,
    resample_units,
)
from eval.scoring.coreference import CONLL_PARTS, conll
from eval.scoring.coreference import figure as coref_figure
from eval.scoring.document import PairCounts, PairScoring
from eval.scoring.entities import score_entities
from eval.scoring.events import score_events
from eval.scoring.figures import (
    BREAKDOWNS,
    CATEGORIES,
    HEADLINE,
    HEADLINE_MODE,
    ErrorItem,
    Scorecard,
    accuracy,
    prf,
)
from eval.scoring.quotes import score_quotes


#: Scores checked pairs in their order, yielding ``(doc_id, counts)``: ``score_pair`` here, or on a cluster.
PairScorer = Callable[[Iterator[tuple[Document, Document | None]], bool], Iterator[tuple[str, PairCounts]]]


def score_pair(gold: Document, pred: Document | None, collect_errors: bool) -> PairCounts:
    doc = PairScoring(gold, pred, collect_errors)
    score_entities(doc, "actors")
    score_entities(doc, "locations")
    score_quotes(doc)
    score_events(doc)
    if pred is None and collect_errors:
        doc.result.errors.insert(0, ErrorItem(
            doc_id=gold.doc_id, category="document", level="document", outcome="missed",
            text="", reason="no prediction for this document: every gold item is a miss"))
    return doc.result


def check_pairs(pairs: Sequence[tuple[Document, Document | None]]) -> None:
    """Raise ScoringError unless every pair is (gold, prediction or None) of the same document and text.

    >>> check_pairs([])
    Traceback (most recent call last):
    ...
    eval.exceptions.ScoringError: nothing to score: no (gold, prediction) pairs
    """
    if len(pairs) == 0:
        raise ScoringError(_NOTHING)
    seen: set[str] = set()
    for i, pair in enumerate(pairs):
        check_pair(i, pair, seen)


_NOTHING = "nothing to score: no (gold, prediction) pairs"


def check_pair(i: int, pair: Any, seen: set[str]) -> tuple[Document, Document | None]:
    """Check pair number ``i`` (see :func:`check_pairs`) and add its ``doc_id`` to ``seen``."""
    if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], Document)):
        raise ScoringError(f"pair {i} is not a (gold Document, prediction Document or None) tuple: {type(pair).__name__}")
    gold, pred = pair
    if gold.doc_id in seen:
        raise ScoringError(f"gold document {gold.doc_id!r} appears twice")
    seen.add(gold.doc_id)
    if pred is None:
        return pair
    if not isinstance(pred, Document):
        raise ScoringError(f"prediction for {gold.doc_id!r} is a {type(pred).__name__}, not a Document or None")
    if pred.doc_id != gold.doc_id:
        raise ScoringError(f"prediction {pred.doc_id!r} is paired with gold document {gold.doc_id!r}")
    if pred.text != gold.text:
        raise ScoringError(f"prediction for {gold.doc_id!r} has a text that differs from the gold text")
    return pair


def score(
    pairs: Iterable[tuple[Document, Document | None]],
    *,
    n_boot: int = 1000,
    seed: int = 0,
    collect_errors: bool = True,
    on_error: Callable[[ErrorItem], None] | None = None,
    pair_scorer: PairScorer | None = None,
) -> Scorecard:
    """Score predictions against gold: every figure of ``eval/scoring/METRICS.md``, with bootstrap CIs.

    Pairs are scored one at a time as they come (a generator streaming a large corpus is fine):
    only each document's headline counts are kept, for the bootstrap, so memory stays flat.

    Args:
        pairs: ``(gold, prediction)`` per document, in any order; a prediction of None means the
            extractor gave nothing for that document, so every gold item there is a miss.
        n_boot: bootstrap resamples for the confidence intervals (0: no intervals).
        seed: seed of the bootstrap's random generator (same seed, same intervals).
        collect_errors: build the per-item error list (off for benchmarks that only want figures).
        on_error: when given, each error is passed to it as soon as its document is scored (in the
            order the pairs come) instead of being kept in ``Scorecard.errors``, so a large
            corpus's errors can be streamed to a file. ``Scorecard.errors`` is in ``doc_id`` order.
        pair_scorer: where the per-document counts are computed (default: :func:`score_pair` in this
            process; :func:`eval.scoring.ray_score.ray_pair_scorer` on Ray); they are summed here.

    Raises:
        ScoringError: no pairs, a prediction paired with another document or another text. A
            stream is checked as it is read, so errors of earlier pairs may have gone to ``on_error``.

    >>> from eval.schema import Document
    >>> doc = Document(doc_id="d", text="NATO met.", actors=[{"id": "a", "name": "NATO", "type": "ORG",
    ...     "mentions": [{"start": 0, "end": 4, "text": "NATO"}]}])
    >>> card = score([(doc, doc)], n_boot=0)
    >>> card.scores["actors"]["f1"], card.scores["overall"]["f1"]
    (1.0, 1.0)
    >>> score([(doc, None)], n_boot=0).scores["actors"]["recall"]
    0.0
    """
    if isinstance(pairs, Sequence):
        check_pairs(pairs)  # a whole list is checked before any error is reported
    # The cyclic garbage collector would rescan every loaded document again and again while the
    # scorer allocates small objects, which makes scoring a large corpus superlinear. It is paused
    # and restored as it was; a cycle made meanwhile (if any) is collected once it runs again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _score(pairs, n_boot, seed, collect_errors, on_error, pair_scorer or local_pairs)
    finally:
        if collecting:
            gc.enable()


class _Totals:
    """Running sums of every count, and each document's headline counts (for the bootstrap).

    Every document has the same figures (``keys``, fixed by the first one). Their counts wait in
    ``_pending`` and are added up :data:`_FLUSH` documents at a time by numpy: one sum per batch
    costs less than a Python addition per figure and document, and memory stays flat. The
    fractional numerators of the coreference figures are summed in fixed point (units of
    :data:`_FIXED`), so that, like every other sum, they do not depend on the order of the documents.
    """

    _FLUSH = 1024

    def __init__(self) -> None:
        self.keys: tuple[tuple[str, str, str], ...] = ()
        self.coref_keys: tuple[tuple[str, str, str], ...] = ()
        self._sums = np.zeros((0, 3), dtype=np.int64)
        self._coref = np.zeros((0, 4), dtype=np.int64)
        self._head: list[int] = []  # positions of the headline figures in ``keys``
        self._pending: list[list[tuple[int, int, int]]] = []
        self._pending_coref: list[list[tuple[float, ...]]] = []
        self.doc_ids: list[str] = []
        self.headline = np.zeros((64, len(CATEGORIES), 3), dtype=np.int64)
        self.units: dict[str, list[tuple[int, int, int]]] | None = {c: [] for c in CATEGORIES}

    def add(self, doc_id: str, result: PairCounts) -> None:
        if not self.keys:
            self.keys = tuple(k for k in result.counts if not k[1].startswith("coref."))
            self.coref_keys = tuple(k for k in result.counts if k[1].startswith("coref."))
            self._sums = np.zeros((len(self.keys), 3), dtype=np.int64)
            self._coref = np.zeros((len(self.coref_keys), 4), dtype=np.int64)
            self._head = [self.keys.index((cat, HEADLINE[cat], HEADLINE_MODE)) for cat in CATEGORIES]
        if len(result.counts) != len(self.keys) + len(self.coref_keys):
            raise AssertionError(f"document {doc_id!r} has figures {sorted(result.counts)}, not {sorted(self.keys + self.coref_keys)}")
        counts = result.counts
        self._pending.append([counts[key] for key in self.keys])
        self._pending_coref.append([counts[key] for key in self.coref_keys])
        self.doc_ids.append(doc_id)
        if len(self._pending) == self._FLUSH:
            self._flush()
        if self.units is not None:
            # Alignment records are only needed for the annotation-unit bootstrap of a small set.
            if len(self.doc_ids) < MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP:
                for cat in CATEGORIES:
                    self.units[cat] += result.units[cat]()
            else:
                self.units = None

    def _flush(self) -> None:
        if not self._pending:
            return
        batch = np.array(self._pending, dtype=np.int64).reshape(len(self._pending), len(self.keys), 3)
        self._sums += batch.sum(axis=0)
        coref = np.array(self._pending_coref, dtype=np.float64).reshape(len(self._pending), len(self.coref_keys), 4)
        self._coref += np.rint(coref * _FIXED).astype(np.int64).sum(axis=0)
        start, end = len(self.doc_ids) - len(batch), len(self.doc_ids)
        while end > len(self.headline):
            self.headline = np.concatenate([self.headline, np.zeros_like(self.headline)])
        self.headline[start:end] = batch[:, self._head]
        self._pending, self._pending_coref = [], []

    @property
    def counts(self) -> dict[tuple[str, str, str], list[float]]:
        """``{(category, figure, mode): [a, b, c]}`` (four numbers for a coreference figure) summed over every document added."""
        self._flush()
        out: dict[tuple[str, str, str], list[float]] = {key: [int(v) for v in sums] for key, sums in zip(self.keys, self._sums.tolist())}
        out |= {key: [v / _FIXED for v in sums] for key, sums in zip(self.coref_keys, self._coref.tolist())}
        return out

    def headline_by_doc_id(self) -> np.ndarray:
        self._flush()
        order = sorted(range(len(self.doc_ids)), key=self.doc_ids.__getitem__)
        return self.headline[order]


#: Fixed-point unit of the coreference sums: 2**-32 per document, far below the 1e-9 they are checked to.
_FIXED = float(2**32)


def _score(
    pairs: Iterable[tuple[Document, Document | None]],
    n_boot: int,
    seed: int,
    collect_errors: bool,
    on_error: Callable[[ErrorItem], None] | None,
    pair_scorer: PairScorer,
) -> Scorecard:
    totals = _Totals()
    seen: set[str] = set()
    errors: list[ErrorItem] = []
    checked = (check_pair(i, pair, seen) for i, pair in enumerate(pairs))
    for doc_id, result in pair_scorer(checked, collect_errors):
        totals.add(doc_id, result)
        if on_error is None:
            errors += result.errors
        else:
            for error in result.errors:
                on_error(error)
    if not seen:
        raise ScoringError(_NOTHING)
    errors.sort(key=lambda e: e.doc_id)  # stable: each document's errors keep their order
    scores, breakdowns = _assemble(totals.counts)
    keep_units = totals.units is not None
    bootstrap = {"unit": "document" if not keep_units else "annotation", "n_resamples": n_boot, "seed": seed,
                 "confidence": CONFIDENCE, "method": "percentile"}
    if keep_units:
        bootstrap["caveat"] = ANNOTATION_CAVEAT
    if n_boot > 0:
        if totals.units is None:
            samples = resample_documents(totals.headline_by_doc_id(), n_boot, seed)
        else:
            samples = resample_units(totals.units, n_boot, seed)
        attach_intervals(scores, samples)
    return Scorecard.model_construct(scores=scores, bootstrap=bootstrap, errors=errors, breakdowns=breakdowns)


def local_pairs(
    pairs: Iterator[tuple[Document, Document | None]], collect_errors: bool
) -> Iterator[tuple[str, PairCounts]]:
    """The default :data:`PairScorer`: each pair scored in this process, in order."""
    for gold, pred in pairs:
        yield gold.doc_id, score_pair(gold, pred, collect_errors)


def _assemble(totals: dict[tuple[str, str, str], list[float]]) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    scores: dict[str, dict[str, Any]] = {}
    breakdowns: dict[str, dict[str, Any]] = {}
    for cat in CATEGORIES:
        detail: dict[str, Any] = {}
        parts: dict[str, dict[str, Any]] = {}
        for (c, figure, mode), values in sorted(totals.items()):
            if c != cat:
                continue
            if figure.startswith("coref."):
                detail.setdefault(figure.split(".", 1)[1], {})[mode] = coref_figure(values)
            elif figure.startswith(("by_type.", "by_kind.", "by_role.")):
                key, label = figure.split(".", 1)
                parts.setdefault(key, {})[label] = prf(*values)
            else:
                detail.setdefault(figure, {})[mode] = accuracy(*values) if figure.endswith("accuracy") else prf(*values)
        if "muc" in detail:
            detail["conll"] = {mode: conll({name: detail[name][mode] for name in CONLL_PARTS}) for mode in MODES}
        head = detail[HEADLINE[cat]][HEADLINE_MODE]
        scores[cat] = {**head, "headline": f"{HEADLINE[cat]}/{HEADLINE_MODE}", "detail": detail}
        breakdowns[cat] = _breakdown(cat, parts)
    scores["overall"] = {
        k: float(np.mean([scores[c][k] for c in CATEGORIES])) for k in ("precision", "recall", "f1")
    } | {
        "headline": "mean of the four category headline figures",
        "detail": {
            mode: {k: float(np.mean([scores[c]["detail"][HEADLINE[c]][mode][k] for c in CATEGORIES])) for k in ("precision", "recall", "f1")}
            for mode in MODES
        },
    }
    return scores, breakdowns


def _breakdown(category: str, parts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The category's breakdowns in the inventory's order, and the macro average of the first.

    The macro average is the unweighted mean of precision, recall and F1 over the labels that
    occur in the gold or the prediction (its tp, fp and fn are their sums); with none, it is the
    figure of nothing against nothing (1.0).
    """
    out: dict[str, Any] = {}
    for key, (_, inventory) in BREAKDOWNS[category].items():
        out[key] = {label: parts[key][label] for label in inventory}
    first = out[next(iter(BREAKDOWNS[category]))]
    present = [m for m in first.values() if m["tp"] + m["fn"] + m["fp"] > 0]
    if not present:
        out["macro"] = prf(0, 0, 0)
    else:
        out["macro"] = {k: float(np.mean([m[k] for m in present])) for k in ("precision", "recall", "f1")} | {
            k: int(sum(m[k] for m in present)) for k in ("tp", "fp", "fn")}
    return out
