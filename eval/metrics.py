"""The scorer: every figure of ``eval/METRICS.md``, computed per document and summed (micro averages).

``score(pairs)`` checks its inputs, scores each (gold, prediction) pair in both span modes, adds up
the counts, and derives precision, recall and F1 from the totals, with 95% bootstrap confidence
intervals for the headline figures and a list of every error of the partial-mode headline
alignments. Scoring is pure: no I/O. Its cost is linear in the number of documents and its memory
holds only running totals, the headline counts of each document (for the bootstrap) and the errors.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Literal, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

from eval.align import MODES, Alignment, Matcher, Mode, TokenIndex, match, similarity_from_ranges
from eval.exceptions import ScoringError
from eval.schema import Document, Span

CATEGORIES = ("actors", "locations", "quotes", "events")
QUOTE_KINDS = ("direct", "indirect", "mixed")
HEADLINE_MODE: Mode = "partial"
#: The figure of each category that gives ``scores.<category>.precision/recall/f1`` (in partial mode).
HEADLINE = {"actors": "entity_typed", "locations": "entity_typed", "quotes": "end_to_end", "events": "end_to_end"}
#: Zero-division policy. Recall with no gold units is 1.0 (nothing to find, nothing missed).
#: Precision with no predicted units is 1.0 when there is no gold unit either, else 0.0 (an empty
#: answer to a non-empty question is not precise). An accuracy over no matched pair follows the
#: precision rule. F1 is 0.0 when P + R is 0. So gold against itself is 1.0 even where it is empty,
#: removing a prediction never raises recall and adding a wrong one never raises precision.
ZERO_DIVISION = {
    "recall": "1.0 when there is no gold unit",
    "precision": "1.0 when there is neither a predicted nor a gold unit, 0.0 when only the prediction is empty",
    "accuracy": "like precision, over matched pairs",
    "f1": "0.0 when precision + recall is 0",
}
CONFIDENCE = 0.95
MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP = 10

Outcome = Literal["missed", "spurious", "partial", "wrong_type", "wrong_speaker", "wrong_kind", "wrong_role"]


class ErrorItem(BaseModel):
    """One error of a prediction: a miss, a spurious item, a partial match or a wrong label."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    category: str
    level: str  # mention, entity, quote, event or argument
    outcome: Outcome
    gold_id: str | None = None
    pred_id: str | None = None
    gold: Span | None = None
    pred: Span | None = None
    text: str
    reason: str


class Scorecard(BaseModel):
    """The scores (contract section 3), how the confidence intervals were made, and the error list."""

    model_config = ConfigDict(frozen=True)

    scores: dict[str, dict[str, Any]]
    bootstrap: dict[str, Any]
    errors: list[ErrorItem]


# ---------------------------------------------------------------------------------------------
# Ratios


def ratio(num: float, den: float, *, empty: bool) -> float:
    """``num / den``, or, when ``den`` is 0, 1.0 if ``empty`` (nothing was there to get) else 0.0.

    >>> ratio(1, 2, empty=False), ratio(0, 0, empty=True), ratio(0, 0, empty=False)
    (0.5, 1.0, 0.0)
    """
    if den == 0:
        return 1.0 if empty else 0.0
    return num / den


def prf(tp: int, n_gold: int, n_pred: int) -> dict[str, float | int]:
    """Precision, recall, F1 and the counts, from true positives and the numbers of gold and predicted units.

    >>> prf(2, 4, 3)
    {'precision': 0.6666666666666666, 'recall': 0.5, 'f1': 0.5714285714285715, 'tp': 2, 'fp': 1, 'fn': 2}
    >>> prf(0, 0, 0)["f1"]
    1.0
    """
    tp, n_gold, n_pred = int(tp), int(n_gold), int(n_pred)
    p = ratio(tp, n_pred, empty=n_gold == 0)
    r = ratio(tp, n_gold, empty=True)
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": int(tp), "fp": int(n_pred - tp), "fn": int(n_gold - tp)}


def accuracy(correct: int, matched: int, n_items: int) -> dict[str, float | int]:
    """Share of matched pairs whose label is right; ``n_items`` (gold + predicted) decides 0/0.

    >>> accuracy(3, 4, 9)
    {'accuracy': 0.75, 'correct': 3, 'matched': 4}
    """
    correct, matched = int(correct), int(matched)
    return {"accuracy": ratio(correct, matched, empty=n_items == 0), "correct": int(correct), "matched": int(matched)}


# ---------------------------------------------------------------------------------------------
# Per-document scoring


@dataclass
class _DocResult:
    """Counts of one document: ``counts[(category, figure, mode)] = [a, b, c]``.

    For a P/R/F1 figure ``[tp, n_gold, n_pred]``; for an accuracy ``[correct, matched, n_items]``.
    ``units[category]`` gives the headline alignment records ``(tp, n_gold, n_pred)`` when called:
    only the annotation bootstrap of a small set needs them, so a large corpus never builds them.
    """

    counts: dict[tuple[str, str, str], tuple[int, int, int]] = field(default_factory=dict)
    units: dict[str, Callable[[], list[tuple[int, int, int]]]] = field(default_factory=lambda: {c: list for c in CATEGORIES})
    errors: list[ErrorItem] = field(default_factory=list)


class _Doc:
    """One (gold, prediction) pair with lazily built shared state."""

    def __init__(self, gold: Document, pred: Document | None, collect_errors: bool):
        self.gold = gold
        self.pred = pred
        self.doc_id = gold.doc_id
        self.collect_errors = collect_errors
        self.entity_map: dict[str, dict[str, str]] = {m: {} for m in MODES}
        self.result = _DocResult()
        self._offsets: np.ndarray | None = None
        self._ranges: np.ndarray | None = None
        self._cuts: list[int] = []

    def spans(self, category: str) -> tuple[slice, slice]:
        """Where the gold and the predicted spans of ``category`` lie in ``_offsets``.

        The spans of every category of both documents are gathered once (and their token ranges
        looked up once, when first needed): one numpy array per document rather than per category.
        """
        if self._offsets is None:
            flat: list[int] = []
            self._cuts = [0]
            for doc in (self.gold, self.pred):
                for cat in CATEGORIES:
                    for span in _SPANS[cat](getattr(doc, cat) if doc is not None else ()):
                        flat += (span.start, span.end)
                    self._cuts.append(len(flat) // 2)
            self._offsets = np.array(flat, dtype=np.int64).reshape(-1, 2)
        k, n = CATEGORIES.index(category), len(CATEGORIES)
        return slice(self._cuts[k], self._cuts[k + 1]), slice(self._cuts[n + k], self._cuts[n + k + 1])

    def per_mode(self, category: str, run: Any, *, uses_entities: Iterable[str] = ()) -> dict[str, Any]:
        """``{mode: run(mode, similarity)}`` for the spans of ``category``; partial reuses strict when no pair would differ.

        Partial mode differs from strict only through pairs that match without equal offsets and,
        for quotes and events, through the alignment of the gold entities they use
        (``uses_entities``), so when neither differs its figures and alignments are those of
        strict mode, and computing them again would only cost time.
        """
        g, p = self.spans(category)
        assert self._offsets is not None
        gold, pred = self._offsets[g], self._offsets[p]
        if len(gold) == 0 or len(pred) == 0:
            strict_sim = partial_sim = np.zeros((len(gold), len(pred)))
        else:
            if self._ranges is None:
                self._ranges = TokenIndex(self.gold.text).ranges(self._offsets)
            sims = similarity_from_ranges(gold, pred, self._ranges[g], self._ranges[p])
            strict_sim, partial_sim = sims["strict"], sims["partial"]
        out = {"strict": run("strict", strict_sim)}
        strict_map, partial_map = self.entity_map["strict"], self.entity_map["partial"]
        same = np.array_equal(partial_sim, strict_sim) and all(
            strict_map.get(ref) == partial_map.get(ref) for ref in uses_entities
        )
        out["partial"] = out["strict"] if same else run("partial", partial_sim)
        return out

    def record(self, category: str, figures_by_mode: dict[str, dict[str, tuple]]) -> None:
        for mode, figures in figures_by_mode.items():
            for figure, (a, b, c) in figures.items():
                self.result.counts[(category, figure, mode)] = (int(round(a)), int(b), int(c))

    def items(self, category: str) -> tuple[tuple, tuple]:
        pred = getattr(self.pred, category) if self.pred is not None else ()
        return getattr(self.gold, category), pred

    def error(self, category: str, level: str, outcome: Outcome, reason: str, *, gold: Any = None, pred: Any = None,
              gold_span: Span | None = None, pred_span: Span | None = None, text: str | None = None) -> None:
        if not self.collect_errors:
            return
        span = gold_span or pred_span
        # Validating is cheaper than model_construct here, and a Mention passes as the Span it is.
        self.result.errors.append(
            ErrorItem(
                doc_id=self.doc_id, category=category, level=level, outcome=outcome,
                gold_id=getattr(gold, "id", None), pred_id=getattr(pred, "id", None), gold=gold_span, pred=pred_span,
                text=text if text is not None else (span.text if span is not None else ""), reason=reason,
            )
        )


def _units(alignment: Alignment, gains: np.ndarray, gold_sizes: Sequence[int], pred_sizes: Sequence[int]) -> list[tuple[int, int, int]]:
    units = [(int(gains[g, p]), gold_sizes[g], pred_sizes[p]) for g, p in alignment.pairs]
    units += [(0, gold_sizes[g], 0) for g in alignment.missed]
    units += [(0, 0, pred_sizes[p]) for p in alignment.spurious]
    return units


#: The spans each category aligns, in the order of its items (an entity's mentions in order).
_SPANS: dict[str, Callable[[Sequence[Any]], Iterable[Span]]] = {
    "actors": lambda items: [m for e in items for m in e.mentions],
    "locations": lambda items: [m for e in items for m in e.mentions],
    "quotes": lambda items: [q.content for q in items],
    "events": lambda items: [e.trigger for e in items],
}


# ---- actors and locations -------------------------------------------------------------------


def _score_entities(doc: _Doc, category: str) -> None:
    gold, pred = doc.items(category)
    g_mentions = [(i, m) for i, e in enumerate(gold) for m in e.mentions]
    p_mentions = [(i, m) for i, e in enumerate(pred) for m in e.mentions]
    g_ent = np.array([i for i, _ in g_mentions], dtype=np.int64)
    p_ent = np.array([i for i, _ in p_mentions], dtype=np.int64)
    ng_m, np_m = len(g_mentions), len(p_mentions)
    type_ids = {t: k for k, t in enumerate(sorted({e.type for e in (*gold, *pred)}))}
    g_types = np.array([type_ids[e.type] for e in gold], dtype=np.int64)
    p_types = np.array([type_ids[e.type] for e in pred], dtype=np.int64)
    mention_types = g_types[g_ent][:, None] == p_types[p_ent][None, :]
    entity_types = g_types[:, None] == p_types[None, :]
    # Last tie-break: two entities with the same type and mentions are told apart only by the quotes
    # and events that use them, so keeping their ids paired keeps gold against itself at 1.0.
    same_id = np.zeros((len(gold), len(pred)), dtype=bool)
    pred_at: dict[str, list[int]] = {}
    for j, p in enumerate(pred):
        pred_at.setdefault(p.id, []).append(j)
    same = [(i, j) for i, g in enumerate(gold) for j in pred_at.get(g.id, ())]
    same_id[[i for i, _ in same], [j for _, j in same]] = True

    gm_keys = lambda: [(m.start, m.end, gold[i].type, gold[i].id) for i, m in g_mentions]  # noqa: E731
    pm_keys = lambda: [(m.start, m.end, pred[i].type, pred[i].id) for i, m in p_mentions]  # noqa: E731
    ge_keys = lambda: [_entity_key(e) for e in gold]  # noqa: E731
    pe_keys = lambda: [_entity_key(e) for e in pred]  # noqa: E731

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], tuple]:
        valid = sim > 0
        typed = valid & mention_types
        on_mentions = Matcher(valid, gm_keys, pm_keys)
        mentions = on_mentions.match([valid, typed, sim])
        phi = _phi(valid, g_ent, p_ent, len(gold), len(pred), crowded=not on_mentions.conflict_free)
        linked = phi > 0
        right = linked & entity_types
        on_entities = Matcher(linked, ge_keys, pe_keys)
        entities = on_entities.match([linked, right, phi, same_id])
        headline = on_entities.match([right, linked, phi, same_id])
        figures = {
            "mention": (len(mentions), ng_m, np_m),
            "mention_typed": (on_mentions.match([typed, valid, sim]).total(typed), ng_m, np_m),
            "mention_type_accuracy": (mentions.total(typed), len(mentions), ng_m + np_m),
            "entity": (len(entities), len(gold), len(pred)),
            "entity_typed": (headline.total(right), len(gold), len(pred)),
            "entity_type_accuracy": (entities.total(right), len(entities), len(gold) + len(pred)),
            "ceaf_m": (on_entities.match([phi, same_id]).total(phi), ng_m, np_m),
        }
        return figures, (entities, mentions, headline, linked, right, phi)

    by_mode = doc.per_mode(category, run)
    doc.record(category, {mode: figures for mode, (figures, _) in by_mode.items()})
    strict = by_mode["strict"][1][0].pairs
    attribution = {"strict": strict, "partial": strict}
    if by_mode["partial"] is not by_mode["strict"]:
        _, _, _, linked, right, phi = by_mode["partial"][1]
        attribution["partial"] = _extend(strict, linked, lambda: [linked, right, phi, same_id], ge_keys, pe_keys)
    for mode, pairs in attribution.items():
        doc.entity_map[mode].update({gold[g].id: pred[p].id for g, p in pairs})
    _, mentions, headline, _, right, _ = by_mode[HEADLINE_MODE][1]
    doc.result.units[category] = lambda: _units(headline, right, [1] * len(gold), [1] * len(pred))
    if doc.collect_errors:
        _entity_errors(doc, category, gold, pred, headline, right)
        _mention_errors(doc, category, g_mentions, p_mentions, gold, pred, mentions)


def _extend(
    pairs: tuple[tuple[int, int], ...],
    valid: np.ndarray,
    levels: Callable[[], list[np.ndarray]],
    gold_keys: Callable[[], list],
    pred_keys: Callable[[], list],
) -> list[tuple[int, int]]:
    """``pairs`` plus the optimal alignment of the items they leave out (partial-mode attribution).

    Quotes and events see entities through this alignment: in partial mode it keeps every strict
    pair and adds pairs that only partial matching finds, so partial mode only ever adds credit.
    The levels and keys (functions returning them) are only computed when the assignment has to be solved.
    """
    g_free = sorted(set(range(valid.shape[0])) - {g for g, _ in pairs})
    p_free = sorted(set(range(valid.shape[1])) - {p for _, p in pairs})
    sub = np.ix_(g_free, p_free)
    on_free = Matcher(valid[sub], _picked(gold_keys, g_free), _picked(pred_keys, p_free))
    extra = on_free.match([] if on_free.conflict_free else [lv[sub] for lv in levels()])  # levels unused without conflicts
    return list(pairs) + [(g_free[i], p_free[j]) for i, j in extra.pairs]


def _picked(keys: Callable[[], list], at: list[int]) -> Callable[[], list]:
    """A function returning the keys at positions ``at`` of those ``keys()`` returns (computed once per call)."""

    def picked() -> list:
        every = keys()
        return [every[i] for i in at]

    return picked


def _entity_key(entity: Any) -> tuple:
    return (entity.type, tuple(sorted((m.start, m.end) for m in entity.mentions)), entity.id)


def _phi(valid: np.ndarray, g_ent: np.ndarray, p_ent: np.ndarray, n_gold: int, n_pred: int, *, crowded: bool = True) -> np.ndarray:
    """CEAF's phi3 for every entity pair: the most mentions of the two that can be aligned one to one.

    The count of valid mention pairs between two entities is phi3 unless a mention has two valid
    partners in the other entity; only such entity pairs need an assignment. ``crowded=False``
    says that no mention has two valid partners at all.
    """
    rows, cols = np.nonzero(valid)
    if len(rows) == 0:
        return np.zeros((n_gold, n_pred))
    ge, pe = g_ent[rows], p_ent[cols]
    phi = np.bincount(ge * n_pred + pe, minlength=n_gold * n_pred).reshape(n_gold, n_pred).astype(np.float64)
    if not crowded:
        return phi
    mask = _repeated(rows * n_pred + pe) | _repeated(cols * n_gold + ge)
    for a, b in sorted(set(zip(ge[mask].tolist(), pe[mask].tolist()))):
        block = valid[np.ix_(np.flatnonzero(g_ent == a), np.flatnonzero(p_ent == b))]
        phi[a, b] = len(match(block, [block], range(block.shape[0]), range(block.shape[1])).pairs)
    return phi


def _repeated(keys: np.ndarray) -> np.ndarray:
    """Mask of the entries of ``keys`` (non-negative integers) that occur more than once."""
    return np.bincount(keys)[keys] > 1


def _first(entity: Any) -> Span | None:
    return min(entity.mentions, key=lambda m: (m.start, m.end)) if entity.mentions else None


def _entity_errors(doc: _Doc, category: str, gold: Sequence, pred: Sequence, al: Alignment, right: np.ndarray) -> None:
    for g in al.missed:
        e = gold[g]
        doc.error(category, "entity", "missed", f"gold {e.type} {e.name!r} ({len(e.mentions)} mentions) has no predicted counterpart",
                  gold=e, gold_span=_first(e), text=e.name)
    for p in al.spurious:
        e = pred[p]
        doc.error(category, "entity", "spurious", f"predicted {e.type} {e.name!r} matches no gold entity",
                  pred=e, pred_span=_first(e), text=e.name)
    for g, p in al.pairs:
        if not right[g, p]:
            ge, pe = gold[g], pred[p]
            doc.error(category, "entity", "wrong_type", f"{ge.name!r} is {ge.type}, predicted {pe.type}",
                      gold=ge, pred=pe, gold_span=_first(ge), pred_span=_first(pe), text=ge.name)


def _mention_errors(doc: _Doc, category: str, g_mentions: list, p_mentions: list, gold: Sequence, pred: Sequence, al: Alignment) -> None:
    for g in al.missed:
        i, m = g_mentions[g]
        doc.error(category, "mention", "missed", f"mention of {gold[i].name!r} not predicted", gold=gold[i], gold_span=m)
    for p in al.spurious:
        i, m = p_mentions[p]
        doc.error(category, "mention", "spurious", f"predicted mention of {pred[i].name!r} matches no gold mention", pred=pred[i], pred_span=m)
    for g, p in al.pairs:
        (i, gm), (j, pm) = g_mentions[g], p_mentions[p]
        if (gm.start, gm.end) != (pm.start, pm.end):
            doc.error(category, "mention", "partial", f"predicted {pm.text!r} [{pm.start}, {pm.end}) for gold {gm.text!r} [{gm.start}, {gm.end})",
                      gold=gold[i], pred=pred[j], gold_span=gm, pred_span=pm)


# ---- quotes ---------------------------------------------------------------------------------


def _score_quotes(doc: _Doc) -> None:
    gold, pred = doc.items("quotes")
    g_keys = lambda: [(q.content.start, q.content.end, q.kind, q.speaker or "", q.id) for q in gold]  # noqa: E731
    p_keys = lambda: [(q.content.start, q.content.end, q.kind, q.speaker or "", q.id) for q in pred]  # noqa: E731
    g_kinds, p_kinds = [QUOTE_KINDS.index(q.kind) for q in gold], [QUOTE_KINDS.index(q.kind) for q in pred]
    by_kind = [
        (kind, [i for i, x in enumerate(g_kinds) if x == k], [j for j, x in enumerate(p_kinds) if x == k])
        for k, kind in enumerate(QUOTE_KINDS)
    ]

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], tuple]:
        emap = doc.entity_map[mode]
        rows, cols = np.nonzero(sim)  # the valid pairs (similarities are never negative)
        r, c = rows.tolist(), cols.tolist()
        said = [_same_speaker(gold[g].speaker, pred[p].speaker, emap) for g, p in zip(r, c)]
        right = np.zeros(sim.shape, dtype=bool)
        right[rows, cols] = said
        valid = sim > 0
        on_quotes = Matcher(valid, g_keys, p_keys)
        content = on_quotes.match([valid, right, sim])
        e2e = on_quotes.match([right, valid, sim])
        figures = {
            "content": (len(content), len(gold), len(pred)),
            "end_to_end": (e2e.total(right), len(gold), len(pred)),
            "speaker_accuracy": (content.total(right), len(content), len(gold) + len(pred)),
            "kind_accuracy": (content.total(np.equal.outer(g_kinds, p_kinds)), len(content), len(gold) + len(pred)),
        }
        for k, (kind, gi, pi) in enumerate(by_kind):
            if on_quotes.conflict_free:  # the restriction of a conflict-free alignment is optimal too
                tp = sum(1 for g, p in e2e.pairs if g_kinds[g] == k and p_kinds[p] == k and right[g, p])
            else:
                sub = np.ix_(gi, pi)
                keys_g, keys_p = g_keys(), p_keys()
                al = match(valid[sub], [right[sub], valid[sub], sim[sub]], [keys_g[i] for i in gi], [keys_p[j] for j in pi])
                tp = al.total(right[sub])
            figures[f"by_kind.{kind}"] = (tp, len(gi), len(pi))
        return figures, (e2e, right)

    speakers = {q.speaker for q in gold if q.speaker is not None}
    by_mode = doc.per_mode("quotes", run, uses_entities=speakers)
    doc.record("quotes", {mode: figures for mode, (figures, _) in by_mode.items()})
    e2e, right = by_mode[HEADLINE_MODE][1]
    doc.result.units["quotes"] = lambda: _units(e2e, right, [1] * len(gold), [1] * len(pred))
    if doc.collect_errors:
        _quote_errors(doc, gold, pred, e2e, right)


def _same_speaker(gold: str | None, pred: str | None, entity_map: dict[str, str]) -> bool:
    """Attribution is right when the predicted speaker is the actor aligned to the gold speaker, or both are null."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return entity_map.get(gold) == pred


def _quote_errors(doc: _Doc, gold: Sequence, pred: Sequence, al: Alignment, right: np.ndarray) -> None:
    for g in al.missed:
        doc.error("quotes", "quote", "missed", f"{gold[g].kind} quote not predicted", gold=gold[g], gold_span=gold[g].content)
    for p in al.spurious:
        doc.error("quotes", "quote", "spurious", "predicted quote matches no gold quote", pred=pred[p], pred_span=pred[p].content)
    for g, p in al.pairs:
        gq, pq = gold[g], pred[p]
        kw = {"gold": gq, "pred": pq, "gold_span": gq.content, "pred_span": pq.content}
        if (gq.content.start, gq.content.end) != (pq.content.start, pq.content.end):
            doc.error("quotes", "quote", "partial", f"content [{pq.content.start}, {pq.content.end}) for gold [{gq.content.start}, {gq.content.end})", **kw)
        if not right[g, p]:
            doc.error("quotes", "quote", "wrong_speaker", f"speaker {pq.speaker!r} is not the actor aligned to gold speaker {gq.speaker!r}", **kw)
        if gq.kind != pq.kind:
            doc.error("quotes", "quote", "wrong_kind", f"kind {pq.kind!r}, gold {gq.kind!r}", **kw)


# ---- events ---------------------------------------------------------------------------------


def _score_events(doc: _Doc) -> None:
    gold, pred = doc.items("events")
    g_keys = lambda: [(e.trigger.start, e.trigger.end, e.type, e.id) for e in gold]  # noqa: E731
    p_keys = lambda: [(e.trigger.start, e.trigger.end, e.type, e.id) for e in pred]  # noqa: E731
    type_ids = {t: k for k, t in enumerate(sorted({e.type for e in (*gold, *pred)}))}
    types = np.array([type_ids[e.type] for e in gold], dtype=np.int64)[:, None] == np.array(
        [type_ids[e.type] for e in pred], dtype=np.int64
    )[None, :]
    g_args = [len(e.arguments) for e in gold]
    p_args = [len(e.arguments) for e in pred]
    n_ga, n_pa = sum(g_args), sum(p_args)
    pred_roles = [[(a.role, a.ref) for a in e.arguments] for e in pred]
    pred_refs = [[a.ref for a in e.arguments] for e in pred]

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], tuple]:
        valid = sim > 0
        typed = valid & types
        emap = doc.entity_map[mode]
        gold_roles = [[(a.role, emap[a.ref]) for a in e.arguments if a.ref in emap] for e in gold]
        gold_refs = [[ref for _, ref in roles] for roles in gold_roles]
        rows, cols = np.nonzero(valid)
        r, c = rows.tolist(), cols.tolist()
        ai_at = [_common(gold_refs[g], pred_refs[p]) for g, p in zip(r, c)]
        ac_at = [_common(gold_roles[g], pred_roles[p]) for g, p in zip(r, c)]
        ac = np.zeros(valid.shape)
        ac[rows, cols] = ac_at
        gain = typed + ac
        ai = np.zeros(valid.shape)
        ai[rows, cols] = ai_at
        on_events = Matcher(valid, g_keys, p_keys)
        ti = on_events.match([valid, typed, sim])
        e2e = on_events.match([gain, valid, sim])
        figures = {
            "trigger_identification": (len(ti), len(gold), len(pred)),
            "trigger_classification": (on_events.match([typed, valid, sim]).total(typed), len(gold), len(pred)),
            "argument_identification": (on_events.match([ai, valid, sim]).total(ai), n_ga, n_pa),
            "argument_classification": (on_events.match([ac, valid, sim]).total(ac), n_ga, n_pa),
            "end_to_end": (e2e.total(gain), len(gold) + n_ga, len(pred) + n_pa),
            "type_accuracy": (ti.total(typed), len(ti), len(gold) + len(pred)),
        }
        return figures, (e2e, gain, typed, ac, emap)

    refs = {a.ref for e in gold for a in e.arguments}
    by_mode = doc.per_mode("events", run, uses_entities=refs)
    doc.record("events", {mode: figures for mode, (figures, _) in by_mode.items()})
    e2e, gain, typed, ac, emap = by_mode[HEADLINE_MODE][1]
    doc.result.units["events"] = lambda: _units(e2e, gain, [1 + n for n in g_args], [1 + n for n in p_args])
    if doc.collect_errors:
        _event_errors(doc, gold, pred, e2e, typed, ac, emap)


def _common(gold: list, pred: list) -> int:
    """Size of the multiset intersection of two short lists (arguments of one event pair)."""
    if not gold or not pred:
        return 0
    if gold == pred:
        return len(gold)
    left = list(pred)
    n = 0
    for item in gold:
        if item in left:
            left.remove(item)
            n += 1
    return n


def _event_errors(
    doc: _Doc, gold: Sequence, pred: Sequence, al: Alignment, typed: np.ndarray, ac: np.ndarray, entity_map: dict[str, str]
) -> None:
    for g in al.missed:
        doc.error("events", "event", "missed", f"{gold[g].type} event not predicted", gold=gold[g], gold_span=gold[g].trigger)
    for p in al.spurious:
        doc.error("events", "event", "spurious", f"predicted {pred[p].type} event matches no gold event", pred=pred[p], pred_span=pred[p].trigger)
    pairs = al.pairs
    at = ([g for g, _ in pairs], [p for _, p in pairs])
    for (g, p), is_typed, n_args in zip(pairs, typed[at].tolist(), ac[at].tolist()):
        ge, pe = gold[g], pred[p]
        gt, pt = ge.trigger, pe.trigger
        # Every argument found (as many as either side has) leaves nothing to report about them.
        args_right = n_args == len(ge.arguments) == len(pe.arguments)
        if is_typed and args_right and gt.start == pt.start and gt.end == pt.end:
            continue
        kw = {"gold": ge, "pred": pe, "gold_span": gt, "pred_span": pt}
        if (gt.start, gt.end) != (pt.start, pt.end):
            doc.error("events", "event", "partial", f"trigger {pt.text!r} for gold {gt.text!r}", **kw)
        if not is_typed:
            doc.error("events", "event", "wrong_type", f"type {pe.type}, gold {ge.type}", **kw)
        if not args_right:
            _argument_errors(doc, ge, pe, entity_map, kw)


def _argument_errors(doc: _Doc, ge: Any, pe: Any, entity_map: dict[str, str], kw: dict[str, Any]) -> None:
    # Sorted, so that the order of the arguments never changes which one is reported how.
    pending = sorted((a.role, a.ref) for a in pe.arguments)
    gold_args = sorted((a.role, a.ref, entity_map.get(a.ref)) for a in ge.arguments)
    unmatched = []
    for role, ref, target in gold_args:
        if (role, target) in pending:
            pending.remove((role, target))
        else:
            unmatched.append((role, ref, target))
    wrong_role: list[tuple[str, str, str]] = []
    missed: list[tuple[str, str]] = []
    for role, ref, target in unmatched:
        other = next((r for r, t in pending if t == target), None) if target is not None else None
        if other is None:
            missed.append((role, ref))
        else:
            pending.remove((other, target))
            wrong_role.append((role, other, ref))
    for gold_role, pred_role, ref in wrong_role:
        doc.error("events", "argument", "wrong_role", f"argument {ref!r} has role {pred_role!r}, gold {gold_role!r}", **kw)
    for role, ref in missed:
        doc.error("events", "argument", "missed", f"{role} argument {ref!r} not predicted (or its entity is not aligned)", **kw)
    for role, ref in pending:
        doc.error("events", "argument", "spurious", f"predicted {role} argument {ref!r} matches no gold argument", **kw)


def _score_document(gold: Document, pred: Document | None, collect_errors: bool) -> _DocResult:
    doc = _Doc(gold, pred, collect_errors)
    _score_entities(doc, "actors")
    _score_entities(doc, "locations")
    _score_quotes(doc)
    _score_events(doc)
    if pred is None and collect_errors:
        doc.result.errors.insert(0, ErrorItem(
            doc_id=gold.doc_id, category="document", level="document", outcome="missed",
            text="", reason="no prediction for this document: every gold item is a miss"))
    return doc.result


# ---------------------------------------------------------------------------------------------
# Checking, aggregating, bootstrapping


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
) -> Scorecard:
    """Score predictions against gold: every figure of ``eval/METRICS.md``, with bootstrap CIs.

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
        return _score(pairs, n_boot, seed, collect_errors, on_error)
    finally:
        if collecting:
            gc.enable()


class _Totals:
    """Running sums of every count, and each document's headline counts (for the bootstrap).

    Every document has the same figures (``keys``, fixed by the first one). Their counts wait in
    ``_pending`` and are added up :data:`_FLUSH` documents at a time by numpy: one sum per batch
    costs less than a Python addition per figure and document, and memory stays flat.
    """

    _FLUSH = 1024

    def __init__(self) -> None:
        self.keys: tuple[tuple[str, str, str], ...] = ()
        self._sums = np.zeros((0, 3), dtype=np.int64)
        self._head: list[int] = []  # positions of the headline figures in ``keys``
        self._pending: list[list[tuple[int, int, int]]] = []
        self.doc_ids: list[str] = []
        self.headline = np.zeros((64, len(CATEGORIES), 3), dtype=np.int64)
        self.units: dict[str, list[tuple[int, int, int]]] | None = {c: [] for c in CATEGORIES}

    def add(self, doc_id: str, result: _DocResult) -> None:
        if not self.keys:
            self.keys = tuple(result.counts)
            self._sums = np.zeros((len(self.keys), 3), dtype=np.int64)
            self._head = [self.keys.index((cat, HEADLINE[cat], HEADLINE_MODE)) for cat in CATEGORIES]
        if len(result.counts) != len(self.keys):
            raise AssertionError(f"document {doc_id!r} has figures {sorted(result.counts)}, not {sorted(self.keys)}")
        self._pending.append([result.counts[key] for key in self.keys])
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
        start, end = len(self.doc_ids) - len(batch), len(self.doc_ids)
        while end > len(self.headline):
            self.headline = np.concatenate([self.headline, np.zeros_like(self.headline)])
        self.headline[start:end] = batch[:, self._head]
        self._pending = []

    @property
    def counts(self) -> dict[tuple[str, str, str], list[int]]:
        """``{(category, figure, mode): [a, b, c]}`` summed over every document added."""
        self._flush()
        return {key: [int(v) for v in sums] for key, sums in zip(self.keys, self._sums.tolist())}

    def headline_by_doc_id(self) -> np.ndarray:
        self._flush()
        order = sorted(range(len(self.doc_ids)), key=self.doc_ids.__getitem__)
        return self.headline[order]


def _score(
    pairs: Iterable[tuple[Document, Document | None]],
    n_boot: int,
    seed: int,
    collect_errors: bool,
    on_error: Callable[[ErrorItem], None] | None,
) -> Scorecard:
    totals = _Totals()
    seen: set[str] = set()
    errors: list[ErrorItem] = []
    for i, pair in enumerate(pairs):
        gold, pred = check_pair(i, pair, seen)
        result = _score_document(gold, pred, collect_errors)
        totals.add(gold.doc_id, result)
        if on_error is None:
            errors += result.errors
        else:
            for error in result.errors:
                on_error(error)
    if not seen:
        raise ScoringError(_NOTHING)
    errors.sort(key=lambda e: e.doc_id)  # stable: each document's errors keep their order
    scores = _assemble(totals.counts)
    keep_units = totals.units is not None
    bootstrap = {"unit": "document" if not keep_units else "annotation", "n_resamples": n_boot, "seed": seed,
                 "confidence": CONFIDENCE, "method": "percentile"}
    if n_boot > 0:
        if totals.units is None:
            samples = _resample_document(totals.headline_by_doc_id(), n_boot, seed)
        else:
            samples = _resample_units(totals.units, n_boot, seed)
        _attach_ci(scores, samples)
    return Scorecard.model_construct(scores=scores, bootstrap=bootstrap, errors=errors)


def _assemble(totals: dict[tuple[str, str, str], list[int]]) -> dict[str, dict[str, Any]]:
    scores: dict[str, dict[str, Any]] = {}
    for cat in CATEGORIES:
        detail: dict[str, Any] = {}
        for (c, figure, mode), (a, b, n) in sorted(totals.items()):
            if c != cat:
                continue
            value = accuracy(a, b, n) if figure.endswith("accuracy") else prf(a, b, n)
            if figure.startswith("by_kind."):
                detail.setdefault("by_kind", {}).setdefault(figure.split(".", 1)[1], {})[mode] = value
            else:
                detail.setdefault(figure, {})[mode] = value
        head = detail[HEADLINE[cat]][HEADLINE_MODE]
        scores[cat] = {**head, "headline": f"{HEADLINE[cat]}/{HEADLINE_MODE}", "detail": detail}
    scores["overall"] = {
        k: float(np.mean([scores[c][k] for c in CATEGORIES])) for k in ("precision", "recall", "f1")
    } | {
        "headline": "mean of the four category headline figures",
        "detail": {
            mode: {k: float(np.mean([scores[c]["detail"][HEADLINE[c]][mode][k] for c in CATEGORIES])) for k in ("precision", "recall", "f1")}
            for mode in MODES
        },
    }
    return scores


def _prf_arrays(sums: np.ndarray) -> np.ndarray:
    """Vectorised :func:`prf` on ``(..., 3)`` sums of ``[tp, n_gold, n_pred]``; returns ``(..., 3)`` P, R, F1."""
    tp, ng, npred = sums[..., 0].astype(float), sums[..., 1], sums[..., 2]
    p = np.divide(tp, npred, out=np.where(ng == 0, 1.0, 0.0), where=npred > 0)
    r = np.divide(tp, ng, out=np.ones_like(tp), where=ng > 0)
    f1 = np.divide(2 * p * r, p + r, out=np.zeros_like(p), where=(p + r) > 0)
    return np.stack([p, r, f1], axis=-1)


def _resample_document(headline: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
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
        out[start:start + size] = _prf_arrays((weights[:size] @ flat).reshape(size, len(CATEGORIES), 3))
    return out


#: Bootstrap weights held at once (8 bytes each, and as many drawn indices): 2 MB, whatever the number of documents.
_BOOTSTRAP_BUFFER = 250_000


def _resample_units(units: dict[str, list[tuple[int, int, int]]], n_boot: int, seed: int) -> np.ndarray:
    """``(n_boot, categories, 3)`` P/R/F1 over alignment records drawn with replacement, per category."""
    rng = np.random.default_rng(seed)
    out = np.empty((n_boot, len(CATEGORIES), 3))
    for c, cat in enumerate(CATEGORIES):
        arr = np.array(sorted(units[cat]), dtype=np.int64).reshape(-1, 3)  # sorted: input order never matters
        if len(arr) == 0:
            out[:, c] = _prf_arrays(np.zeros((1, 3)))[0]
            continue
        idx = rng.integers(0, len(arr), size=(n_boot, len(arr)))
        out[:, c] = _prf_arrays(arr[idx].sum(axis=1))
    return out


def _attach_ci(scores: dict[str, dict[str, Any]], samples: np.ndarray) -> None:
    tail = (1 - CONFIDENCE) / 2 * 100
    names = ("precision", "recall", "f1")
    for c, cat in enumerate(CATEGORIES):
        lo, hi = np.percentile(samples[:, c, :], [tail, 100 - tail], axis=0)
        scores[cat]["ci"] = {k: [float(lo[i]), float(hi[i])] for i, k in enumerate(names)}
    lo, hi = np.percentile(samples.mean(axis=1), [tail, 100 - tail], axis=0)
    scores["overall"]["ci"] = {k: [float(lo[i]), float(hi[i])] for i, k in enumerate(names)}
