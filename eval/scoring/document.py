"""The scoring of one (gold, prediction) pair: shared spans and similarities, the counts it records and the errors it lists.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from eval.data.models import Argument, Document, Span
from eval.scoring.align import Alignment, TokenIndex, similarity_from_ranges
from eval.scoring.figures import CATEGORIES, ErrorItem, Outcome

#: The figures whose counts are four numbers with fractional numerators (see :class:`PairCounts`).
COREFERENCE_FIGURES = frozenset({"coref.muc", "coref.b3", "coref.ceaf_e", "coref.lea"})


@dataclass
class PairCounts:
    """Counts of one document: ``counts[(category, figure, mode)] = [a, b, c]``.

    For a P/R/F1 figure ``[tp, n_gold, n_pred]``; for an accuracy ``[correct, matched, n_items]``;
    for a coreference figure (``coref.<name>``) ``[recall numerator, recall denominator, precision
    numerator, precision denominator]``, numerators fractional. Breakdowns (``by_type.<T>``,
    ``by_kind.<K>``, ``by_role.<R>``) are recorded in the headline mode only.
    ``units[category]`` gives the headline alignment records ``(tp, n_gold, n_pred)`` when called:
    only the annotation bootstrap of a small set needs them, so a large corpus never builds them.
    """

    counts: dict[tuple[str, str, str], tuple] = field(default_factory=dict)
    units: dict[str, Callable[[], list[tuple[int, int, int]]]] = field(default_factory=lambda: {c: list for c in CATEGORIES})
    errors: list[ErrorItem] = field(default_factory=list)


class PairScoring:
    """One (gold, prediction) pair with lazily built shared state."""

    def __init__(self, gold: Document, pred: Document | None, collect_errors: bool):
        self.gold = gold
        self.pred = pred
        self.doc_id = gold.doc_id
        self.collect_errors = collect_errors
        self.entity_runs: dict[str, dict[str, Any]] = {}  # category -> mode -> EntityAlignments
        self.entity_sides: dict[str, Any] = {}  # category -> EntitySide
        self.result = PairCounts()
        self._offsets: np.ndarray | None = None
        self._sims: tuple[np.ndarray, np.ndarray] | None = None
        self._cuts: list[int] = []

    def spans(self, category: str) -> tuple[slice, slice]:
        """Where the gold and the predicted spans of ``category`` lie: rows and columns of :meth:`_similarities`.

        The spans of every category of both documents are gathered once (and compared once, when
        first needed): one numpy array per document rather than per category.
        """
        self._gather()
        k, n = CATEGORIES.index(category), len(CATEGORIES)
        first = self._cuts[n]  # the predicted spans come after every gold span
        return slice(self._cuts[k], self._cuts[k + 1]), slice(self._cuts[n + k] - first, self._cuts[n + k + 1] - first)

    def _gather(self) -> np.ndarray:
        """The ``(start, end)`` of every span, gold then predicted, by category; ``_cuts`` holds where each group starts."""
        if self._offsets is None:
            flat: list[int] = []
            self._cuts = [0]
            for doc in (self.gold, self.pred):
                for cat in CATEGORIES:
                    for span in SPANS_OF[cat](getattr(doc, cat) if doc is not None else ()):
                        flat += (span.start, span.end)
                    self._cuts.append(len(flat) // 2)
            self._offsets = np.array(flat, dtype=np.int64).reshape(-1, 2)
        return self._offsets

    def per_mode(self, category: str, run: Any, *, uses: Iterable[str] = ()) -> dict[str, Any]:
        """``{mode: run(mode, similarity)}`` for the spans of ``category``; partial reuses strict when no pair would differ.

        Partial mode differs from strict only through pairs that match without equal offsets and,
        for quotes and events, through the entity alignments of the categories they refer to
        (``uses``), so when neither differs its figures and alignments are those of strict mode,
        and computing them again would only cost time.
        """
        at = self.spans(category)
        strict_all, partial_all = self._similarities()
        strict_sim, partial_sim = strict_all[at], partial_all[at]
        out = {"strict": run("strict", strict_sim)}
        same = np.array_equal(partial_sim, strict_sim) and all(self._same_attribution(cat) for cat in uses)
        out["partial"] = out["strict"] if same else run("partial", partial_sim)
        return out

    def _similarities(self) -> tuple[np.ndarray, np.ndarray]:
        """Strict and partial similarity of every gold span with every predicted span, all categories at once.

        Similarities are elementwise, so a category's block of these matrices (:meth:`spans`) is
        exactly what comparing its spans alone gives: one set of numpy calls per document costs less
        than one per category. The pairs across categories cost little where mentions are most of the
        spans (news); at worst (four categories of equal size) the matrices have four times the cells.
        """
        if self._sims is None:
            offsets = self._gather()
            n = self._cuts[len(CATEGORIES)]
            gold, pred = offsets[:n], offsets[n:]
            if len(gold) == 0 or len(pred) == 0:
                self._sims = (np.zeros((len(gold), len(pred))),) * 2
            else:
                ranges = TokenIndex(self.gold.text).ranges(offsets)
                sims = similarity_from_ranges(gold, pred, ranges[:n], ranges[n:])
                self._sims = (sims["strict"], sims["partial"])
        return self._sims

    def _same_attribution(self, category: str) -> bool:
        """Whether every attribution alignment of ``category`` is the same in both modes.

        Attribution alignments are solved over the linked entity pairs, with CEAF phi3 as a tie-break:
        when both are the same, or when the links are the same and no entity has two, so are they.
        """
        strict, partial = self.entity_runs[category]["strict"], self.entity_runs[category]["partial"]
        if strict is partial:
            return True
        if not np.array_equal(strict.linked, partial.linked):
            return False
        both_free = strict.matcher.conflict_free and partial.matcher.conflict_free
        return both_free or np.array_equal(strict.phi, partial.phi)

    def record(self, category: str, figures_by_mode: dict[str, dict[str, tuple]]) -> None:
        """Keep the counts of ``figures_by_mode``; whole counts as ints (sums of floats may be off by rounding)."""
        counts = self.result.counts
        for mode, figures in figures_by_mode.items():
            for figure, values in figures.items():
                if figure in COREFERENCE_FIGURES:
                    counts[(category, figure, mode)] = tuple(map(float, values))
                else:
                    counts[(category, figure, mode)] = (int(values[0] + 0.5), int(values[1]), int(values[2]))

    def items(self, category: str) -> tuple[tuple, tuple]:
        pred = getattr(self.pred, category) if self.pred is not None else ()
        return getattr(self.gold, category), pred

    def error(self, category: str, level: str, outcome: Outcome, reason: str, *, gold: Any = None, pred: Any = None,
              gold_span: Span | None = None, pred_span: Span | None = None, text: str | None = None,
              gold_arg: Argument | None = None, pred_arg: Argument | None = None) -> None:
        if not self.collect_errors:
            return
        span = gold_span or pred_span
        # Validating is cheaper than model_construct here, and a Mention passes as the Span it is.
        self.result.errors.append(
            ErrorItem(
                doc_id=self.doc_id, category=category, level=level, outcome=outcome,
                gold_id=getattr(gold, "id", None), pred_id=getattr(pred, "id", None), gold=gold_span, pred=pred_span,
                text=text if text is not None else (span.text if span is not None else ""), reason=reason,
                gold_arg=gold_arg, pred_arg=pred_arg,
            )
        )


def alignment_units(alignment: Alignment, gains: np.ndarray, gold_sizes: Sequence[int], pred_sizes: Sequence[int]) -> list[tuple[int, int, int]]:
    units = [(int(gains[g, p]), gold_sizes[g], pred_sizes[p]) for g, p in alignment.pairs]
    units += [(0, gold_sizes[g], 0) for g in alignment.missed]
    units += [(0, 0, pred_sizes[p]) for p in alignment.spurious]
    return units


#: The spans each category aligns, in the order of its items (an entity's mentions in order).
SPANS_OF: dict[str, Callable[[Sequence[Any]], Iterable[Span]]] = {
    "actors": lambda items: [m for e in items for m in e.mentions],
    "locations": lambda items: [m for e in items for m in e.mentions],
    "quotes": lambda items: [q.content for q in items],
    "events": lambda items: [e.trigger for e in items],
}
