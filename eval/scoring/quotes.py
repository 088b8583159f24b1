"""Quotes: content alignment, attribution of speakers through the quotes' own alignment of actors, kinds.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from eval.scoring.align import Alignment, Matcher, Mode
from eval.scoring.document import PairScoring, alignment_units
from eval.scoring.entities import attribution, breakdown
from eval.scoring.figures import HEADLINE_MODE, QUOTE_KINDS


def score_quotes(doc: PairScoring) -> None:
    gold, pred = doc.items("quotes")
    side = doc.entity_sides["actors"]
    g_speakers = [side.gold_index.get(q.speaker, -1) if q.speaker is not None else -1 for q in gold]
    p_speakers = [side.pred_index.get(q.speaker, -1) if q.speaker is not None else -1 for q in pred]

    # Canonical keys: a speaker is named by its entity's key (type, mentions, name), and a quote's id
    # comes last, so it only orders quotes identical in everything else (a choice no figure sees).
    def keys(which: int) -> list[tuple]:
        quotes, speakers, entity = (gold, g_speakers, side.gold_keys) if which == 0 else (pred, p_speakers, side.pred_keys)
        return [(q.content.start, q.content.end, q.kind, entity[s] if s >= 0 else (), q.id) for q, s in zip(quotes, speakers)]

    g_kinds, p_kinds = [QUOTE_KINDS.index(q.kind) for q in gold], [QUOTE_KINDS.index(q.kind) for q in pred]
    same_kind = np.equal.outer(g_kinds, p_kinds).reshape(len(gold), len(pred))

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], tuple]:
        rows, cols = np.nonzero(sim)  # the valid pairs (similarities are never negative)
        r, c = rows.tolist(), cols.tolist()
        valid = sim > 0
        on_quotes = Matcher(valid, lambda: keys(0), lambda: keys(1))

        # The quotes' own attribution alignment of actors: it maximises the pairs of the quotes' alignment
        # by content alone whose speakers it pairs. Counting every overlapping pair instead lets quotes that
        # overlap several others outvote the pairs an alignment can hold (a gold scored against itself fell
        # below 1); one alignment first, then the speakers, is how events attribute their arguments too.
        def said() -> list[np.ndarray]:
            weight = np.zeros((len(side.gold_index), len(side.pred_index)))
            for g, p in on_quotes.match([valid, sim]).pairs:
                if g_speakers[g] >= 0 and p_speakers[p] >= 0:
                    weight[g_speakers[g], p_speakers[p]] += 1
            return [weight]

        emap = attribution(doc, "actors", mode, said)
        right = np.zeros(sim.shape, dtype=bool)
        right[rows, cols] = [_same_speaker(g_speakers[g], p_speakers[p], emap) for g, p in zip(r, c)]
        content = on_quotes.match([valid, right, sim])
        e2e = on_quotes.match([right, valid, sim])
        figures = {
            "content": (len(content), len(gold), len(pred)),
            "end_to_end": (e2e.total(right), len(gold), len(pred)),
            "speaker_accuracy": (content.total(right), len(content), len(gold) + len(pred)),
            "kind_accuracy": (content.total(same_kind), len(content), len(gold) + len(pred)),
        }
        return figures, (e2e, right, on_quotes)

    by_mode = doc.per_mode("quotes", run, uses=("actors",))
    doc.record("quotes", {mode: figures for mode, (figures, _) in by_mode.items()})
    e2e, right, on_quotes = by_mode[HEADLINE_MODE][1]
    # Kinds are not part of the headline, so its alignment may pair a quote with one of another kind while one
    # of its own kind was there: the breakdown takes the alignment that holds the most right pairs of one kind.
    # Those pairs never join two kinds, so this is each kind scored on its own, and removing a prediction can
    # never raise a kind's recall.
    same = right & same_kind
    by_kind = on_quotes.match([same])
    found = [(gold[g].kind, 1) for (g, _), ok in zip(by_kind.pairs, same[by_kind.at].tolist()) if ok]
    doc.record("quotes", {HEADLINE_MODE: breakdown("by_kind", QUOTE_KINDS, found, [(q.kind, 1) for q in gold], [(q.kind, 1) for q in pred])})
    doc.result.units["quotes"] = lambda: alignment_units(e2e, right, [1] * len(gold), [1] * len(pred))
    if doc.collect_errors:
        _quote_errors(doc, gold, pred, e2e, right)


def _same_speaker(gold: int, pred: int, entity_map: dict[int, int]) -> bool:
    """Attribution is right when the predicted speaker is the actor aligned to the gold speaker, or both are null (-1)."""
    if gold < 0 or pred < 0:
        return gold == pred
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
