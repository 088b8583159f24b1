"""The scorer: every figure of ``eval/METRICS.md``, computed per document and summed (micro averages).

``score(pairs)`` checks its inputs, scores each (gold, prediction) pair in both span modes, adds up
the counts, and derives precision, recall and F1 from the totals, with 95% bootstrap confidence
intervals for the headline figures and a list of every error of the partial-mode headline
alignments. Scoring is pure: no I/O. Its cost is linear in the number of documents and its memory
holds only running totals, the headline counts of each document (for the bootstrap) and the errors.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

from eval.align import MODES, Alignment, Mode, TokenIndex, as_offsets, match, similarity_matrix
from eval.errors import ScoringError
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
    ``units[category]`` holds the headline alignment records ``(tp, n_gold, n_pred)``.
    """

    counts: dict[tuple[str, str, str], tuple[int, int, int]] = field(default_factory=dict)
    units: dict[str, list[tuple[int, int, int]]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})
    errors: list[ErrorItem] = field(default_factory=list)

    def add(self, category: str, figure: str, mode: str, a: float, b: int, c: int) -> None:
        self.counts[(category, figure, mode)] = (int(round(a)), int(b), int(c))


class _Doc:
    """One (gold, prediction) pair with lazily built shared state."""

    def __init__(self, gold: Document, pred: Document | None, collect_errors: bool):
        self.gold = gold
        self.pred = pred
        self.doc_id = gold.doc_id
        self.collect_errors = collect_errors
        self._tokens: TokenIndex | None = None
        self.entity_map: dict[str, dict[str, str]] = {m: {} for m in MODES}
        self.result = _DocResult()

    def tokens(self) -> TokenIndex:
        if self._tokens is None:
            self._tokens = TokenIndex(self.gold.text)
        return self._tokens

    def similarity(self, gold: np.ndarray, pred: np.ndarray, mode: Mode) -> np.ndarray:
        if len(gold) == 0 or len(pred) == 0:
            return np.zeros((len(gold), len(pred)))
        return similarity_matrix(gold, pred, mode=mode, tokens=self.tokens() if mode == "partial" else None)

    def items(self, category: str) -> tuple[tuple, tuple]:
        pred = getattr(self.pred, category) if self.pred is not None else ()
        return getattr(self.gold, category), pred

    def error(self, category: str, level: str, outcome: Outcome, reason: str, *, gold: Any = None, pred: Any = None,
              gold_span: Span | None = None, pred_span: Span | None = None, text: str | None = None) -> None:
        if not self.collect_errors:
            return
        span = gold_span or pred_span
        self.result.errors.append(
            ErrorItem.model_construct(
                doc_id=self.doc_id, category=category, level=level, outcome=outcome,
                gold_id=getattr(gold, "id", None), pred_id=getattr(pred, "id", None),
                gold=_plain(gold_span), pred=_plain(pred_span),
                text=text if text is not None else (span.text if span is not None else ""), reason=reason,
            )
        )


def _plain(span: Span | None) -> Span | None:
    # Mentions carry a `kind`; the error list keeps only the span itself.
    if span is None or type(span) is Span:
        return span
    return Span.model_construct(start=span.start, end=span.end, text=span.text)


def _units(alignment: Alignment, gains: np.ndarray, gold_sizes: Sequence[int], pred_sizes: Sequence[int]) -> list[tuple[int, int, int]]:
    units = [(int(gains[g, p]), gold_sizes[g], pred_sizes[p]) for g, p in alignment.pairs]
    units += [(0, gold_sizes[g], 0) for g in alignment.missed]
    units += [(0, 0, pred_sizes[p]) for p in alignment.spurious]
    return units


def _spans(spans: Iterable[Span]) -> np.ndarray:
    return as_offsets([(s.start, s.end) for s in spans])


# ---- actors and locations -------------------------------------------------------------------


def _score_entities(doc: _Doc, category: str) -> None:
    gold, pred = doc.items(category)
    g_mentions = [(i, m) for i, e in enumerate(gold) for m in e.mentions]
    p_mentions = [(i, m) for i, e in enumerate(pred) for m in e.mentions]
    g_ent = np.array([i for i, _ in g_mentions], dtype=np.int64)
    p_ent = np.array([i for i, _ in p_mentions], dtype=np.int64)
    g_types = np.array([e.type for e in gold], dtype=object)
    p_types = np.array([e.type for e in pred], dtype=object)
    gm_keys = [(m.start, m.end, gold[i].type, gold[i].id) for i, m in g_mentions]
    pm_keys = [(m.start, m.end, pred[i].type, pred[i].id) for i, m in p_mentions]
    ge_keys = [_entity_key(e) for e in gold]
    pe_keys = [_entity_key(e) for e in pred]
    ng_m, np_m = len(g_mentions), len(p_mentions)
    mention_types = (g_types[g_ent][:, None] == p_types[p_ent][None, :]) if ng_m and np_m else np.zeros((ng_m, np_m), bool)
    entity_types = (g_types[:, None] == p_types[None, :]) if len(gold) and len(pred) else np.zeros((len(gold), len(pred)), bool)
    # Last tie-break: two entities with the same type and mentions are told apart only by the quotes
    # and events that use them, so keeping their ids paired keeps gold against itself at 1.0.
    same_id = np.array([[g.id == p.id for p in pred] for g in gold], dtype=bool).reshape(len(gold), len(pred))
    g_spans = _spans(m for _, m in g_mentions)
    p_spans = _spans(m for _, m in p_mentions)
    add = doc.result.add
    for mode in MODES:
        sim = doc.similarity(g_spans, p_spans, mode)
        valid = sim > 0
        typed = valid & mention_types
        mentions = match(valid, [valid, typed, sim], gm_keys, pm_keys)
        add(category, "mention", mode, len(mentions.pairs), ng_m, np_m)
        add(category, "mention_typed", mode, match(valid, [typed, valid, sim], gm_keys, pm_keys).total(typed), ng_m, np_m)
        add(category, "mention_type_accuracy", mode, mentions.total(typed), len(mentions.pairs), ng_m + np_m)

        phi = _phi(valid, g_ent, p_ent, len(gold), len(pred))
        linked = phi > 0
        right = linked & entity_types
        entities = match(linked, [linked, right, phi, same_id], ge_keys, pe_keys)
        headline = match(linked, [right, linked, phi, same_id], ge_keys, pe_keys)
        ceaf = match(linked, [phi, same_id], ge_keys, pe_keys)
        add(category, "entity", mode, len(entities.pairs), len(gold), len(pred))
        add(category, "entity_typed", mode, headline.total(right), len(gold), len(pred))
        add(category, "entity_type_accuracy", mode, entities.total(right), len(entities.pairs), len(gold) + len(pred))
        add(category, "ceaf_m", mode, ceaf.total(phi), ng_m, np_m)
        doc.entity_map[mode].update({gold[g].id: pred[p].id for g, p in entities.pairs})
        if mode == HEADLINE_MODE:
            doc.result.units[category] = _units(headline, right, [1] * len(gold), [1] * len(pred))
            if doc.collect_errors:
                _entity_errors(doc, category, gold, pred, headline, right)
                _mention_errors(doc, category, g_mentions, p_mentions, gold, pred, mentions)


def _entity_key(entity: Any) -> tuple:
    return (entity.type, tuple(sorted((m.start, m.end) for m in entity.mentions)), entity.id)


def _phi(valid: np.ndarray, g_ent: np.ndarray, p_ent: np.ndarray, n_gold: int, n_pred: int) -> np.ndarray:
    """CEAF's phi3 for every entity pair: the most mentions of the two that can be aligned one to one."""
    phi = np.zeros((n_gold, n_pred))
    if not valid.any():
        return phi
    rows, cols = np.nonzero(valid)
    for a, b in sorted(set(zip(g_ent[rows].tolist(), p_ent[cols].tolist()))):
        block = valid[np.ix_(np.flatnonzero(g_ent == a), np.flatnonzero(p_ent == b))]
        keys_g, keys_p = range(block.shape[0]), range(block.shape[1])
        phi[a, b] = len(match(block, [block], list(keys_g), list(keys_p)).pairs)
    return phi


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
    g_keys = [(q.content.start, q.content.end, q.kind, q.speaker or "", q.id) for q in gold]
    p_keys = [(q.content.start, q.content.end, q.kind, q.speaker or "", q.id) for q in pred]
    g_spans, p_spans = _spans(q.content for q in gold), _spans(q.content for q in pred)
    kinds = np.array([[gq.kind == pq.kind for pq in pred] for gq in gold], dtype=bool).reshape(len(gold), len(pred))
    add = doc.result.add
    for mode in MODES:
        sim = doc.similarity(g_spans, p_spans, mode)
        valid = sim > 0
        emap = doc.entity_map[mode]
        speaker = np.zeros(valid.shape, dtype=bool)
        for g, p in zip(*np.nonzero(valid)):
            speaker[g, p] = _same_speaker(gold[g].speaker, pred[p].speaker, emap)
        right = valid & speaker
        content = match(valid, [valid, right, sim], g_keys, p_keys)
        e2e = match(valid, [right, valid, sim], g_keys, p_keys)
        add("quotes", "content", mode, len(content.pairs), len(gold), len(pred))
        add("quotes", "end_to_end", mode, e2e.total(right), len(gold), len(pred))
        add("quotes", "speaker_accuracy", mode, content.total(right), len(content.pairs), len(gold) + len(pred))
        add("quotes", "kind_accuracy", mode, content.total(kinds), len(content.pairs), len(gold) + len(pred))
        for kind in QUOTE_KINDS:
            gi = [i for i, q in enumerate(gold) if q.kind == kind]
            pi = [j for j, q in enumerate(pred) if q.kind == kind]
            sub = np.ix_(gi, pi)
            al = match(valid[sub], [right[sub], valid[sub], sim[sub]], [g_keys[i] for i in gi], [p_keys[j] for j in pi])
            add("quotes", f"by_kind.{kind}", mode, al.total(right[sub]), len(gi), len(pi))
        if mode == HEADLINE_MODE:
            doc.result.units["quotes"] = _units(e2e, right, [1] * len(gold), [1] * len(pred))
            if doc.collect_errors:
                _quote_errors(doc, gold, pred, e2e, right, kinds)


def _same_speaker(gold: str | None, pred: str | None, entity_map: dict[str, str]) -> bool:
    """Attribution is right when the predicted speaker is the actor aligned to the gold speaker, or both are null."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return entity_map.get(gold) == pred


def _quote_errors(doc: _Doc, gold: Sequence, pred: Sequence, al: Alignment, right: np.ndarray, kinds: np.ndarray) -> None:
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
        if not kinds[g, p]:
            doc.error("quotes", "quote", "wrong_kind", f"kind {pq.kind!r}, gold {gq.kind!r}", **kw)


# ---- events ---------------------------------------------------------------------------------


def _score_events(doc: _Doc) -> None:
    gold, pred = doc.items("events")
    g_keys = [(e.trigger.start, e.trigger.end, e.type, e.id) for e in gold]
    p_keys = [(e.trigger.start, e.trigger.end, e.type, e.id) for e in pred]
    g_spans, p_spans = _spans(e.trigger for e in gold), _spans(e.trigger for e in pred)
    types = np.array([[ge.type == pe.type for pe in pred] for ge in gold], dtype=bool).reshape(len(gold), len(pred))
    g_args = [len(e.arguments) for e in gold]
    p_args = [len(e.arguments) for e in pred]
    n_ga, n_pa = sum(g_args), sum(p_args)
    add = doc.result.add
    for mode in MODES:
        sim = doc.similarity(g_spans, p_spans, mode)
        valid = sim > 0
        typed = valid & types
        ai, ac = np.zeros(valid.shape), np.zeros(valid.shape)
        for g, p in zip(*np.nonzero(valid)):
            ai[g, p], ac[g, p] = _argument_matches(gold[g], pred[p], doc.entity_map[mode])
        e2e_gain = typed + ac
        ti = match(valid, [valid, typed, sim], g_keys, p_keys)
        add("events", "trigger_identification", mode, len(ti.pairs), len(gold), len(pred))
        add("events", "trigger_classification", mode, match(valid, [typed, valid, sim], g_keys, p_keys).total(typed), len(gold), len(pred))
        add("events", "argument_identification", mode, match(valid, [ai, valid, sim], g_keys, p_keys).total(ai), n_ga, n_pa)
        add("events", "argument_classification", mode, match(valid, [ac, valid, sim], g_keys, p_keys).total(ac), n_ga, n_pa)
        e2e = match(valid, [e2e_gain, valid, sim], g_keys, p_keys)
        add("events", "end_to_end", mode, e2e.total(e2e_gain), len(gold) + n_ga, len(pred) + n_pa)
        add("events", "type_accuracy", mode, ti.total(typed), len(ti.pairs), len(gold) + len(pred))
        if mode == HEADLINE_MODE:
            sizes_g = [1 + n for n in g_args]
            sizes_p = [1 + n for n in p_args]
            doc.result.units["events"] = _units(e2e, e2e_gain, sizes_g, sizes_p)
            if doc.collect_errors:
                _event_errors(doc, gold, pred, e2e, typed, doc.entity_map[mode])


def _argument_matches(gold: Any, pred: Any, entity_map: dict[str, str]) -> tuple[int, int]:
    """Arguments of a gold and a predicted event that are identified (entity aligned) and classified (role too)."""
    mapped = [(a.role, entity_map.get(a.ref)) for a in gold.arguments]
    g_ids = Counter(ref for _, ref in mapped if ref is not None)
    g_roles = Counter((role, ref) for role, ref in mapped if ref is not None)
    p_ids = Counter(a.ref for a in pred.arguments)
    p_roles = Counter((a.role, a.ref) for a in pred.arguments)
    return sum((g_ids & p_ids).values()), sum((g_roles & p_roles).values())


def _event_errors(doc: _Doc, gold: Sequence, pred: Sequence, al: Alignment, typed: np.ndarray, entity_map: dict[str, str]) -> None:
    for g in al.missed:
        doc.error("events", "event", "missed", f"{gold[g].type} event not predicted", gold=gold[g], gold_span=gold[g].trigger)
    for p in al.spurious:
        doc.error("events", "event", "spurious", f"predicted {pred[p].type} event matches no gold event", pred=pred[p], pred_span=pred[p].trigger)
    for g, p in al.pairs:
        ge, pe = gold[g], pred[p]
        kw = {"gold": ge, "pred": pe, "gold_span": ge.trigger, "pred_span": pe.trigger}
        if (ge.trigger.start, ge.trigger.end) != (pe.trigger.start, pe.trigger.end):
            doc.error("events", "event", "partial", f"trigger {pe.trigger.text!r} for gold {ge.trigger.text!r}", **kw)
        if not typed[g, p]:
            doc.error("events", "event", "wrong_type", f"type {pe.type}, gold {ge.type}", **kw)
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
        doc.result.errors.insert(0, ErrorItem.model_construct(
            doc_id=gold.doc_id, category="document", level="document", outcome="missed", gold_id=None, pred_id=None,
            gold=None, pred=None, text="", reason="no prediction for this document: every gold item is a miss"))
    return doc.result


# ---------------------------------------------------------------------------------------------
# Checking, aggregating, bootstrapping


def check_pairs(pairs: Sequence[tuple[Document, Document | None]]) -> None:
    """Raise ScoringError unless every pair is (gold, prediction or None) of the same document and text.

    >>> check_pairs([])
    Traceback (most recent call last):
    ...
    eval.errors.ScoringError: nothing to score: no (gold, prediction) pairs
    """
    if len(pairs) == 0:
        raise ScoringError("nothing to score: no (gold, prediction) pairs")
    seen: set[str] = set()
    for i, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], Document)):
            raise ScoringError(f"pair {i} is not a (gold Document, prediction Document or None) tuple: {type(pair).__name__}")
        gold, pred = pair
        if gold.doc_id in seen:
            raise ScoringError(f"gold document {gold.doc_id!r} appears twice")
        seen.add(gold.doc_id)
        if pred is None:
            continue
        if not isinstance(pred, Document):
            raise ScoringError(f"prediction for {gold.doc_id!r} is a {type(pred).__name__}, not a Document or None")
        if pred.doc_id != gold.doc_id:
            raise ScoringError(f"prediction {pred.doc_id!r} is paired with gold document {gold.doc_id!r}")
        if pred.text != gold.text:
            raise ScoringError(f"prediction for {gold.doc_id!r} has a text that differs from the gold text")


def score(
    pairs: Sequence[tuple[Document, Document | None]],
    *,
    n_boot: int = 1000,
    seed: int = 0,
    collect_errors: bool = True,
) -> Scorecard:
    """Score predictions against gold: every figure of ``eval/METRICS.md``, with bootstrap CIs.

    Args:
        pairs: ``(gold, prediction)`` per document; a prediction of None means the extractor gave
            nothing for that document, so every gold item there is a miss.
        n_boot: bootstrap resamples for the confidence intervals (0: no intervals).
        seed: seed of the bootstrap's random generator (same seed, same intervals).
        collect_errors: build the per-item error list (off for benchmarks that only want figures).

    Raises:
        ScoringError: no pairs, a prediction paired with another document or another text.

    >>> from eval.schema import Document
    >>> doc = Document(doc_id="d", text="NATO met.", actors=[{"id": "a", "name": "NATO", "type": "ORG",
    ...     "mentions": [{"start": 0, "end": 4, "text": "NATO"}]}])
    >>> card = score([(doc, doc)], n_boot=0)
    >>> card.scores["actors"]["f1"], card.scores["overall"]["f1"]
    (1.0, 1.0)
    >>> score([(doc, None)], n_boot=0).scores["actors"]["recall"]
    0.0
    """
    check_pairs(pairs)
    totals: dict[tuple[str, str, str], np.ndarray] = {}
    ordered = sorted(range(len(pairs)), key=lambda i: pairs[i][0].doc_id)
    headline = np.zeros((len(pairs), len(CATEGORIES), 3), dtype=np.int64)
    keep_units = len(pairs) < MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP
    units: dict[str, list[tuple[int, int, int]]] = {c: [] for c in CATEGORIES}
    errors: list[ErrorItem] = []
    for row, i in enumerate(ordered):
        gold, pred = pairs[i]
        result = _score_document(gold, pred, collect_errors)
        for key, counts in result.counts.items():
            if key in totals:
                totals[key] += counts
            else:
                totals[key] = np.array(counts, dtype=np.int64)
        for c, cat in enumerate(CATEGORIES):
            headline[row, c] = result.counts[(cat, HEADLINE[cat], HEADLINE_MODE)]
            if keep_units:
                units[cat] += result.units[cat]
        errors += result.errors
    scores = _assemble(totals)
    bootstrap = {"unit": "document" if not keep_units else "annotation", "n_resamples": n_boot, "seed": seed,
                 "confidence": CONFIDENCE, "method": "percentile"}
    if n_boot > 0:
        samples = _resample_document(headline, n_boot, seed) if not keep_units else _resample_units(units, n_boot, seed)
        _attach_ci(scores, samples)
    return Scorecard.model_construct(scores=scores, bootstrap=bootstrap, errors=errors)


def _assemble(totals: dict[tuple[str, str, str], np.ndarray]) -> dict[str, dict[str, Any]]:
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
    """``(n_boot, categories, 3)`` P/R/F1 over documents drawn with replacement (rows are in doc_id order)."""
    rng = np.random.default_rng(seed)
    n_docs = headline.shape[0]
    flat = headline.reshape(n_docs, -1).astype(np.float64)
    chunk = max(1, min(n_boot, 4_000_000 // max(n_docs, 1)))
    out = []
    for start in range(0, n_boot, chunk):
        size = min(chunk, n_boot - start)
        weights = np.stack([np.bincount(rng.integers(0, n_docs, n_docs), minlength=n_docs) for _ in range(size)])
        out.append(_prf_arrays((weights @ flat).reshape(size, len(CATEGORIES), 3)))
    return np.concatenate(out)


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
