"""Events: triggers, types, arguments (identification and classification) and end to end.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple, Sequence

import numpy as np

from eval.scoring.align import Alignment, Matcher, Mode
from eval.scoring.document import PairScoring, alignment_units
from eval.scoring.entities import attribution, entity_key
from eval.scoring.figures import EVENT_TYPES, HEADLINE_MODE, ROLES


class EventAlignments(NamedTuple):
    """What units and errors read of one mode after the figures."""

    events: Alignment  # the event alignment (by trigger, then type): the headline and its errors
    gain: np.ndarray  # per pair: 1 for the right type plus its classified arguments
    typed: np.ndarray  # valid pairs of the same type
    ac: np.ndarray  # per typed pair: arguments with the right role and entity
    entity_map: dict[str, str]  # gold entity id -> predicted entity id of the events' attribution alignment


def score_events(doc: PairScoring) -> None:
    gold, pred = doc.items("events")
    sides = {cat: doc.entity_sides[cat] for cat in ENTITY_CATEGORIES}
    # Each argument as (category, entity position, role position), position -1 for a reference to nothing.
    g_at = {ref: (cat, i) for cat, side in sides.items() for ref, i in side.gold_index.items()}
    p_at = {ref: (cat, j) for cat, side in sides.items() for ref, j in side.pred_index.items()}
    g_args = [[(*g_at.get(a.ref, _NOWHERE), ROLE_INDEX[a.role]) for a in e.arguments] for e in gold]
    p_args = [[(*p_at.get(a.ref, _NOWHERE), ROLE_INDEX[a.role]) for a in e.arguments] for e in pred]
    n_ga, n_pa = sum(map(len, g_args)), sum(map(len, p_args))
    entity_keys = lambda side: {cat: [entity_key(x) for x in doc.items(cat)[side]] for cat in ENTITY_CATEGORIES}  # noqa: E731

    # Canonical keys: an event is its trigger, type, attributes and the entities of its arguments; its
    # id comes last, so it only orders events identical in everything else (a choice no figure sees).
    def keys(side: int) -> list[tuple]:
        events, args, ek = (gold, g_args, entity_keys(0)) if side == 0 else (pred, p_args, entity_keys(1))
        return [(e.trigger.start, e.trigger.end, e.type, e.polarity or "", e.modality or "",
                 tuple(sorted((role, ek[cat][i] if i >= 0 else ()) for cat, i, role in a)), e.id) for e, a in zip(events, args)]

    type_ids = {t: k for k, t in enumerate(EVENT_TYPES)}
    g_types = np.array([type_ids[e.type] for e in gold], dtype=np.int64)
    p_types = np.array([type_ids[e.type] for e in pred], dtype=np.int64)
    types = g_types[:, None] == p_types[None, :]
    g_roles = np.array([role for a in g_args for _, _, role in a], dtype=np.int64)
    p_roles = np.array([role for a in p_args for _, _, role in a], dtype=np.int64)
    g_sizes, p_sizes = [1 + len(a) for a in g_args], [1 + len(a) for a in p_args]

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], EventAlignments]:
        valid = sim > 0
        typed = valid & types
        on_events = Matcher(valid, lambda: keys(0), lambda: keys(1))
        ti = on_events.match([valid, typed, sim])
        events = on_events.match([typed, valid, sim])
        pairs = events.pairs
        typed_pairs = [(g, p) for g, p in pairs if typed[g, p]]
        emap = _attribution(doc, mode, typed_pairs, g_args, p_args)
        mapped = [[(cat, emap[cat].get(i, -2), role) if i >= 0 else (cat, -2, role) for cat, i, role in a] for a in g_args]
        ac = np.zeros(valid.shape)
        ai_strict = ai_lenient = ac_lenient = 0
        roles_right: list[int] = []
        for g, p in pairs:
            ai = _common([(c, i) for c, i, _ in mapped[g]], [(c, i) for c, i, _ in p_args[p]])
            right = _common(mapped[g], p_args[p], roles_right if typed[g, p] else None)
            ai_lenient += ai
            ac_lenient += right
            if typed[g, p]:
                ai_strict += ai
                ac[g, p] = right
        gain = typed + ac
        tc = events.total(typed)
        figures = {
            "trigger_identification": (len(ti), len(gold), len(pred)),
            "trigger_classification": (tc, len(gold), len(pred)),
            "argument_identification": (ai_strict, n_ga, n_pa),
            "argument_classification": (events.total(ac), n_ga, n_pa),
            "argument_identification_lenient": (ai_lenient, n_ga, n_pa),
            "argument_classification_lenient": (ac_lenient, n_ga, n_pa),
            "end_to_end": (tc + events.total(ac), len(gold) + n_ga, len(pred) + n_pa),
            "type_accuracy": (ti.total(typed), len(ti), len(gold) + len(pred)),
            # Values are compared as given: an absent polarity or modality equals only an absent one.
            "polarity_accuracy": (sum(gold[g].polarity == pred[p].polarity for g, p in ti.pairs), len(ti), len(gold) + len(pred)),
            "modality_accuracy": (sum(gold[g].modality == pred[p].modality for g, p in ti.pairs), len(ti), len(gold) + len(pred)),
        }
        figures |= _breakdowns(events, typed, ac, g_types, p_types, g_sizes, p_sizes, roles_right, g_roles, p_roles)
        entity_map = {sides[cat].gold_ids[i]: sides[cat].pred_ids[j] for cat in ENTITY_CATEGORIES for i, j in emap[cat].items()}
        return figures, EventAlignments(events, gain, typed, ac, entity_map)

    by_mode = doc.per_mode("events", run, uses=ENTITY_CATEGORIES)
    doc.record("events", {mode: figures for mode, (figures, _) in by_mode.items()})
    head = by_mode[HEADLINE_MODE][1]
    doc.result.units["events"] = lambda: alignment_units(head.events, head.gain, g_sizes, p_sizes)
    if doc.collect_errors:
        _event_errors(doc, gold, pred, head.events, head.typed, head.ac, head.entity_map)


ENTITY_CATEGORIES = ("actors", "locations")


ROLE_INDEX = {role: k for k, role in enumerate(ROLES)}


_NOWHERE = ("actors", -1)


def _attribution(doc: PairScoring, mode: Mode, typed_pairs: list, g_args: list, p_args: list) -> dict[str, dict[int, int]]:
    """The events' own attribution alignment of actors and of locations: gold position -> predicted position.

    Given the event alignment, it maximises the arguments of typed event pairs whose entity is
    right (AI), then those whose role is right too (AC). Within one event pair distinct gold
    entities go to distinct predicted ones, so the arguments an alignment gets right are the sum
    over entity pairs of these weights: a linear assignment.
    """
    def weights(cat: str) -> list[np.ndarray]:
        side = doc.entity_sides[cat]
        shape = (len(side.gold_ids), len(side.pred_ids))
        ai, ac = np.zeros(shape), np.zeros(shape)
        for g, p in typed_pairs:
            _add_weights(ai, ac, [(i, r) for c, i, r in g_args[g] if c == cat and i >= 0], [(i, r) for c, i, r in p_args[p] if c == cat and i >= 0])
        return [ai, ac]

    return {cat: attribution(doc, cat, mode, lambda cat=cat: weights(cat)) for cat in ENTITY_CATEGORIES}


def _add_weights(ai: np.ndarray, ac: np.ndarray, gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> None:
    """Add one event pair's arguments: entity pairs get min(count in gold, count in prediction), per role for AC."""
    if not gold or not pred:
        return
    g_count = Counter(i for i, _ in gold)
    p_count = Counter(j for j, _ in pred)
    for i, n in g_count.items():
        for j, m in p_count.items():
            ai[i, j] += min(n, m)
    g_role = Counter(gold)
    p_role = Counter(pred)
    for (i, r), n in g_role.items():
        for (j, s), m in p_role.items():
            if r == s:
                ac[i, j] += min(n, m)


def _breakdowns(events: Alignment, typed: np.ndarray, ac: np.ndarray, g_types: np.ndarray, p_types: np.ndarray,
                g_sizes: list[int], p_sizes: list[int], roles_right: list[int], g_roles: np.ndarray, p_roles: np.ndarray) -> dict[str, tuple]:
    """End-to-end units of each event type and classified arguments of each role (headline alignment)."""
    n = len(EVENT_TYPES)
    n_gold = np.bincount(g_types, weights=g_sizes, minlength=n)
    n_pred = np.bincount(p_types, weights=p_sizes, minlength=n)
    tp = np.zeros(n)
    if len(events):
        tp = np.bincount(g_types[events.at[0]], weights=(typed + ac)[events.at] * typed[events.at], minlength=n)
    out = {f"by_type.{t}": (tp[k], n_gold[k], n_pred[k]) for k, t in enumerate(EVENT_TYPES)}
    r_tp = np.bincount(np.array(roles_right, dtype=np.int64), minlength=len(ROLES))
    r_gold, r_pred = np.bincount(g_roles, minlength=len(ROLES)), np.bincount(p_roles, minlength=len(ROLES))
    out |= {f"by_role.{r}": (r_tp[k], r_gold[k], r_pred[k]) for k, r in enumerate(ROLES)}
    return out


def _common(gold: list, pred: list, found: list[int] | None = None) -> int:
    """Size of the multiset intersection of two short lists (arguments of one event pair); ``found`` gets the roles (last field) of the common items."""
    if not gold or not pred:
        return 0
    left = list(pred)
    n = 0
    for item in gold:
        if item in left:
            left.remove(item)
            n += 1
            if found is not None:
                found.append(item[-1])
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
