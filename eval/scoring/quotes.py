"""Quotes: content alignment, attribution to the aligned speaker, kinds.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from eval.scoring.align import Alignment, Matcher, Mode, match
from eval.scoring.document import PairScoring, alignment_units
from eval.scoring.figures import HEADLINE_MODE, QUOTE_KINDS


def score_quotes(doc: PairScoring) -> None:
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
    doc.result.units["quotes"] = lambda: alignment_units(e2e, right, [1] * len(gold), [1] * len(pred))
    if doc.collect_errors:
        _quote_errors(doc, gold, pred, e2e, right)


def _same_speaker(gold: str | None, pred: str | None, entity_map: dict[str, str]) -> bool:
    """Attribution is right when the predicted speaker is the actor aligned to the gold speaker, or both are null."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return entity_map.get(gold) == pred


def _quote_errors(doc: PairScoring, gold: Sequence, pred: Sequence, al: Alignment, right: np.ndarray) -> None:
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
