"""Events: triggers, types, arguments (identification and classification) and end to end.
"""
from __future__ import annotations

from typing import Any, NamedTuple, Sequence

import numpy as np

from eval.scoring.align import Alignment, Matcher, Mode
from eval.scoring.document import PairScoring, alignment_units
from eval.scoring.figures import HEADLINE_MODE


class EventAlignments(NamedTuple):
    """What units and errors read of one mode after the figures."""

    e2e: Alignment  # the end-to-end alignment (headline)
    gain: np.ndarray  # typed trigger plus argument classification credit of every pair
    typed: np.ndarray  # valid pairs of the same type
    ac: np.ndarray  # arguments with the right role and entity, per pair
    entity_map: dict[str, str]  # gold entity id -> predicted entity id in this mode


def score_events(doc: PairScoring) -> None:
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

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], EventAlignments]:
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
        return figures, EventAlignments(e2e, gain, typed, ac, emap)

    refs = {a.ref for e in gold for a in e.arguments}
    by_mode = doc.per_mode("events", run, uses_entities=refs)
    doc.record("events", {mode: figures for mode, (figures, _) in by_mode.items()})
    head = by_mode[HEADLINE_MODE][1]
    doc.result.units["events"] = lambda: alignment_units(head.e2e, head.gain, [1 + n for n in g_args], [1 + n for n in p_args])
    if doc.collect_errors:
        _event_errors(doc, gold, pred, head.e2e, head.typed, head.ac, head.entity_map)


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
    doc: PairScoring, gold: Sequence, pred: Sequence, al: Alignment, typed: np.ndarray, ac: np.ndarray, entity_map: dict[str, str]
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


def _argument_errors(doc: PairScoring, ge: Any, pe: Any, entity_map: dict[str, str], kw: dict[str, Any]) -> None:
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
