"""Events: triggers, types, arguments of typed events (identification and classification, and lenient variants), attributes and end to end.
"""
from __future__ import annotations

from typing import Any, NamedTuple, Sequence

import numpy as np

from eval.data.models import Argument
from eval.scoring.align import Alignment, Matcher, Mode
from eval.scoring.document import PairScoring, alignment_units
from eval.scoring.entities import attribution, breakdown
from eval.scoring.figures import EVENT_TYPES, HEADLINE_MODE, ROLES


class EventAlignments(NamedTuple):
    """What units and errors read of one mode after the figures."""

    events: Alignment  # the event alignment (by trigger, then type): the headline and its errors
    gain: np.ndarray  # per pair: 1 for the right type plus its classified arguments
    typed: np.ndarray  # valid pairs of the same type
    ac: np.ndarray  # per typed pair: arguments with the right role and entity
    entity_map: dict[str, dict[int, int]]  # the events' attribution alignment: category -> gold position -> predicted position
    roles_right: list[int]  # the role of each classified argument of the headline


def score_events(doc: PairScoring) -> None:
    gold, pred = doc.items("events")
    sides = {cat: doc.entity_sides[cat] for cat in ENTITY_CATEGORIES}
    # Each argument as (category, entity position, role position), position -1 for a reference to nothing.
    g_at = {ref: (cat, i) for cat, side in sides.items() for ref, i in side.gold_index.items()}
    p_at = {ref: (cat, j) for cat, side in sides.items() for ref, j in side.pred_index.items()}
    g_args = [[(*g_at.get(a.ref, _NOWHERE), ROLE_INDEX[a.role]) for a in e.arguments] for e in gold]
    p_args = [[(*p_at.get(a.ref, _NOWHERE), ROLE_INDEX[a.role]) for a in e.arguments] for e in pred]
    n_ga, n_pa = sum(map(len, g_args)), sum(map(len, p_args))
    entity_keys = lambda side: {cat: sides[cat].gold_keys if side == 0 else sides[cat].pred_keys for cat in ENTITY_CATEGORIES}  # noqa: E731

    # Canonical keys: an event is its trigger, type, attributes and the entities of its arguments; its
    # id comes last, so it only orders events identical in everything else (a choice no figure sees).
    def keys(side: int) -> list[tuple]:
        events, args, ek = (gold, g_args, entity_keys(0)) if side == 0 else (pred, p_args, entity_keys(1))
        return [(e.trigger.start, e.trigger.end, e.type, e.subtype or "", e.polarity or "", e.modality or "",
                 tuple(sorted((role, ek[cat][i] if i >= 0 else ()) for cat, i, role in a)), e.id) for e, a in zip(events, args)]

    type_ids = {t: k for k, t in enumerate(EVENT_TYPES)}
    g_types = np.array([type_ids[e.type] for e in gold], dtype=np.int64)
    p_types = np.array([type_ids[e.type] for e in pred], dtype=np.int64)
    types = g_types[:, None] == p_types[None, :]
    g_sizes, p_sizes = [1 + len(a) for a in g_args], [1 + len(a) for a in p_args]

    def align(sim: np.ndarray) -> tuple:
        valid = sim > 0
        typed = valid & types
        on_events = Matcher(valid, lambda: keys(0), lambda: keys(1))
        ti = on_events.match([valid, typed, sim])
        events = on_events.match([typed, valid, sim])
        pairs = events.pairs
        flags = typed[events.at].tolist() if pairs else []
        return valid, typed, ti, events, pairs, flags, [pair for pair, ok in zip(pairs, flags) if ok]

    # The first (strict) run's similarities, event alignments, attribution alignments and result. Partial
    # mode runs again when an entity alignment differs, yet its event alignments depend only on the
    # similarities and its figures only on those and the attribution alignments: what is equal is reused.
    first: list[tuple[np.ndarray, tuple, dict, tuple]] = []

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], EventAlignments]:
        same_sim = bool(first) and np.array_equal(first[0][0], sim)
        aligned = first[0][1] if same_sim else align(sim)
        valid, typed, ti, events, pairs, flags, typed_pairs = aligned
        maps = _attributions(doc, mode, typed_pairs, pairs, g_args, p_args)
        if same_sim and maps == first[0][2]:
            return first[0][3]
        # Each argument figure counts under its own attribution alignment; figures that share one share the counting.
        counts: dict[str, int] = {}
        ac = np.zeros(valid.shape)
        roles_right: list[int] = []
        # Figures whose alignments are equal (not only the same object: different objectives often agree) count once.
        groups: list[tuple[dict[str, dict[int, int]], list[str]]] = []
        for figure in FIGURES:
            same = next((members for emap, members in groups if emap == maps[figure]), None)
            if same is None:
                groups.append((maps[figure], [figure]))
            else:
                same.append(figure)
        for emap, members in groups:
            with_ac = "ac" in members
            got = dict.fromkeys(FIGURES, 0)
            for (g, p), ok in zip(pairs, flags):
                mapped = [(cat, emap[cat].get(i, -2) if i >= 0 else -2, role) for cat, i, role in g_args[g]]
                ai, right = _common(mapped, p_args[p], roles_right if ok and with_ac else None)
                got["ai_lenient"] += ai
                got["ac_lenient"] += right
                if ok:
                    got["ai"] += ai
                    got["ac"] += right
                    if with_ac:
                        ac[g, p] = right
            counts |= {figure: got[figure] for figure in members}
        gain = typed + ac
        tc = len(typed_pairs)
        # Values are compared as given: an absent polarity, modality or subtype equals only an absent one.
        polarity = modality = 0
        for g, p in ti.pairs:
            polarity += gold[g].polarity == pred[p].polarity
            modality += gold[g].modality == pred[p].modality
        # A subtype refines its type, so it is judged only where the type is right (the TC pairs).
        subtype = sum(gold[g].subtype == pred[p].subtype for g, p in typed_pairs)
        figures = {
            "trigger_identification": (len(ti), len(gold), len(pred)),
            "trigger_classification": (tc, len(gold), len(pred)),
            "argument_identification": (counts["ai"], n_ga, n_pa),
            "argument_classification": (counts["ac"], n_ga, n_pa),
            "argument_identification_lenient": (counts["ai_lenient"], n_ga, n_pa),
            "argument_classification_lenient": (counts["ac_lenient"], n_ga, n_pa),
            "end_to_end": (tc + len(roles_right), len(gold) + n_ga, len(pred) + n_pa),
            "type_accuracy": (ti.total(typed), len(ti), len(gold) + len(pred)),
            "polarity_accuracy": (polarity, len(ti), len(gold) + len(pred)),
            "modality_accuracy": (modality, len(ti), len(gold) + len(pred)),
            "subtype_accuracy": (subtype, tc, len(gold) + len(pred)),
        }
        result = figures, EventAlignments(events, gain, typed, ac, maps["ac"], roles_right)
        if not first:
            first.append((sim, aligned, maps, result))
        return result

    by_mode = doc.per_mode("events", run, uses=ENTITY_CATEGORIES)
    doc.record("events", {mode: figures for mode, (figures, _) in by_mode.items()})
    head = by_mode[HEADLINE_MODE][1]
    doc.record("events", {HEADLINE_MODE: _breakdowns(head, gold, pred, g_args, p_args)})
    doc.result.units["events"] = lambda: alignment_units(head.events, head.gain, g_sizes, p_sizes)
    if doc.collect_errors:
        ids = {sides[cat].gold_ids[i]: sides[cat].pred_ids[j] for cat in ENTITY_CATEGORIES for i, j in head.entity_map[cat].items()}
        _event_errors(doc, gold, pred, head.events, head.typed, head.ac, ids)


ENTITY_CATEGORIES = ("actors", "locations")


ROLE_INDEX = {role: k for k, role in enumerate(ROLES)}


_NOWHERE = ("actors", -1)


FIGURES = ("ai", "ac", "ai_lenient", "ac_lenient")


def _attributions(doc: PairScoring, mode: Mode, typed_pairs: list, pairs: Sequence, g_args: list,
                  p_args: list) -> dict[str, dict[str, dict[int, int]]]:
    """The attribution alignment of each argument figure: figure -> category -> gold position -> predicted position.

    Given the event alignment, the alignment of AI maximises the arguments whose entity it pairs
    (of typed event pairs; of every pair for the lenient figure), then those whose role is right
    too; that of AC the other way round. Within one event pair distinct gold entities go to
    distinct predicted ones, so the arguments an alignment gets right are a sum over entity pairs
    of these weights: a linear assignment. When no entity of a category has two links, every
    figure gets the same alignment (all linked pairs) and no weight is computed.
    """
    out: dict[str, dict[str, dict[int, int]]] = {figure: {} for figure in FIGURES}
    for cat in ENTITY_CATEGORIES:
        if doc.entity_runs[cat][mode].matcher.conflict_free:
            every = attribution(doc, cat, mode, list)
            for figure in FIGURES:
                out[figure][cat] = every
            continue
        side = doc.entity_sides[cat]
        shape = (len(side.gold_index), len(side.pred_index))
        w = {name: np.zeros(shape) for name in FIGURES}
        for which, event_pairs in (("", typed_pairs), ("_lenient", pairs)):
            for g, p in event_pairs:
                _add_weights(w["ai" + which], w["ac" + which], [(i, r) for c, i, r in g_args[g] if c == cat and i >= 0],
                             [(i, r) for c, i, r in p_args[p] if c == cat and i >= 0])
        for figure in FIGURES:
            other = figure.replace("ai", "xx").replace("ac", "ai").replace("xx", "ac")
            out[figure][cat] = attribution(doc, cat, mode, lambda f=figure, o=other: [w[f], w[o]])
    return out


def _add_weights(ai: np.ndarray, ac: np.ndarray, gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> None:
    """Add one event pair's arguments ``(entity, role)``: entity pairs get min(count in gold, count in prediction), per role for AC."""
    if not gold or not pred:
        return
    for weight, g_items, p_items in ((ai, [i for i, _ in gold], [j for j, _ in pred]), (ac, gold, pred)):
        g_count: dict = {}
        p_count: dict = {}
        for item in g_items:
            g_count[item] = g_count.get(item, 0) + 1
        for item in p_items:
            p_count[item] = p_count.get(item, 0) + 1
        for g, n in g_count.items():
            for p, m in p_count.items():
                if weight is ai:
                    ai[g, p] += min(n, m)
                elif g[1] == p[1]:  # the same role
                    ac[g[0], p[0]] += min(n, m)


def _breakdowns(head: EventAlignments, gold: Sequence, pred: Sequence, g_args: list, p_args: list) -> dict[str, tuple]:
    """End-to-end units of each event type, and classified arguments of each role, on the headline alignment."""
    typed, ac = head.typed[head.events.at].tolist(), head.ac[head.events.at].tolist()
    found = [(gold[g].type, 1 + n) for (g, _), ok, n in zip(head.events.pairs, typed, ac) if ok]
    out = breakdown("by_type", EVENT_TYPES, found, [(e.type, 1 + len(a)) for e, a in zip(gold, g_args)],
                    [(e.type, 1 + len(a)) for e, a in zip(pred, p_args)])
    roles = lambda args: [(ROLES[r], 1) for a in args for _, _, r in a]  # noqa: E731
    return out | breakdown("by_role", ROLES, [(ROLES[r], 1) for r in head.roles_right], roles(g_args), roles(p_args))


def _common(gold: list[tuple], pred: list[tuple], found: list[int] | None = None) -> tuple[int, int]:
    """Arguments of one event pair identified (same entity) and classified (same entity and role), as multisets.

    Arguments are ``(category, entity, role)``; ``found`` gets the role of each classified one.
    """
    if not gold or not pred:
        return 0, 0
    left = list(pred)
    classified = 0
    unmatched = []
    for item in gold:
        if item in left:
            left.remove(item)
            classified += 1
            if found is not None:
                found.append(item[2])
        else:
            unmatched.append(item)
    # Identification on what classification left: the same entity with another role.
    entities = [(c, i) for c, i, _ in left]
    identified = classified
    for c, i, _ in unmatched:
        if (c, i) in entities:
            entities.remove((c, i))
            identified += 1
    return identified, classified


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
    wrong_role: list[tuple[str, str, str, str]] = []
    missed: list[tuple[str, str]] = []
    for role, ref, target in unmatched:
        other = next((r for r, t in pending if t == target), None) if target is not None else None
        if other is None:
            missed.append((role, ref))
        else:
            pending.remove((other, target))
            wrong_role.append((role, other, ref, target))
    for gold_role, pred_role, ref, target in wrong_role:
        doc.error("events", "argument", "wrong_role", f"argument {ref!r} has role {pred_role!r}, gold {gold_role!r}",
                  gold_arg=Argument(role=gold_role, ref=ref), pred_arg=Argument(role=pred_role, ref=target), **kw)
    for role, ref in missed:
        doc.error("events", "argument", "missed", f"{role} argument {ref!r} not predicted (or its entity is not aligned)",
                  gold_arg=Argument(role=role, ref=ref), **kw)
    for role, ref in pending:
        doc.error("events", "argument", "spurious", f"predicted {role} argument {ref!r} matches no gold argument",
                  pred_arg=Argument(role=role, ref=ref), **kw)
