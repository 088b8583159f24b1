"""Actors and locations: mention and entity alignments, CEAF phi3, coreference figures, per-type breakdowns, and the attribution alignments quotes and events ask for.
"""
from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Any, Callable, Iterable, NamedTuple, Sequence

import numpy as np

from eval.data.models import Span
from eval.scoring.align import Alignment, Matcher, Mode, match
from eval.scoring.coreference import coreference_counts
from eval.scoring.document import PairScoring, alignment_units
from eval.scoring.figures import HEADLINE_MODE, TYPES


class EntityAlignments(NamedTuple):
    """The alignments and matrices of one mode that attribution, units and errors read after the figures."""

    mentions: Alignment  # mention alignment (mention errors, the coreference mapping)
    headline: Alignment  # entity alignment favouring the right type (the headline figure, its errors)
    linked: np.ndarray  # entity pairs sharing at least one mention
    right: np.ndarray  # linked pairs of the same type
    phi: np.ndarray  # CEAF phi3 of every entity pair
    matcher: Matcher  # over the linked pairs, for the attribution alignments of quotes and events


class EntitySide:
    """What the attribution alignments of one category need besides a mode's alignments."""

    def __init__(self, gold: Sequence, pred: Sequence):
        self._gold, self._pred = gold, pred
        self.gold_index = {e.id: i for i, e in enumerate(gold)}  # gold entity id -> position
        self.pred_index = {e.id: j for j, e in enumerate(pred)}

    @cached_property
    def gold_ids(self) -> list[str]:
        return [e.id for e in self._gold]

    @cached_property
    def pred_ids(self) -> list[str]:
        return [e.id for e in self._pred]

    @cached_property
    def gold_keys(self) -> list[tuple]:
        """The canonical keys of the gold entities (:func:`entity_key`), computed once, when a tie needs them."""
        return [entity_key(e) for e in self._gold]

    @cached_property
    def pred_keys(self) -> list[tuple]:
        return [entity_key(e) for e in self._pred]

    @cached_property
    def same(self) -> np.ndarray:
        """The last tie-break, built only when a tie needs it: equal ids between truly indistinguishable entities.

        A pair is marked when both entities are identical but for their ids (type, mentions and
        name) and one side has several such entities: only then do ids tell them apart (so gold
        against itself pairs each with itself); anywhere else an id never decides.
        """
        same = np.zeros((len(self._gold), len(self._pred)), dtype=bool)
        keys = Counter(key[:-1] for key in (*self.gold_keys, *self.pred_keys))
        for i, g in enumerate(self._gold):
            j = self.pred_index.get(g.id)
            if j is not None:
                key = self.gold_keys[i][:-1]
                same[i, j] = key == self.pred_keys[j][:-1] and keys[key] > 2
        return same


def score_entities(doc: PairScoring, category: str) -> None:
    gold, pred = doc.items(category)
    g_mentions = [(i, m) for i, e in enumerate(gold) for m in e.mentions]
    p_mentions = [(i, m) for i, e in enumerate(pred) for m in e.mentions]
    g_ent = np.array([i for i, _ in g_mentions], dtype=np.int64)
    p_ent = np.array([i for i, _ in p_mentions], dtype=np.int64)
    ng_m, np_m = len(g_mentions), len(p_mentions)
    g_sizes = [len(e.mentions) for e in gold]
    p_sizes = [len(e.mentions) for e in pred]
    type_ids = {t: k for k, t in enumerate(sorted({e.type for e in (*gold, *pred)}))}
    g_types = np.array([type_ids[e.type] for e in gold], dtype=np.int64)
    p_types = np.array([type_ids[e.type] for e in pred], dtype=np.int64)
    mention_types = g_types[g_ent][:, None] == p_types[p_ent][None, :]
    entity_types = g_types[:, None] == p_types[None, :]
    side = EntitySide(gold, pred)

    # Canonical keys without ids: an entity is its type and its mentions; only entities identical
    # in both are ordered by id, and a choice between those changes no figure.
    ge_keys = lambda: side.gold_keys  # noqa: E731
    pe_keys = lambda: side.pred_keys  # noqa: E731
    gm_keys = lambda: _mention_keys(g_mentions, side.gold_keys)  # noqa: E731
    pm_keys = lambda: _mention_keys(p_mentions, side.pred_keys)  # noqa: E731

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], EntityAlignments]:
        valid = sim > 0
        typed = valid & mention_types
        on_mentions = Matcher(valid, gm_keys, pm_keys)
        mentions = on_mentions.match([valid, typed, sim])
        phi = _phi(valid, g_ent, p_ent, len(gold), len(pred), crowded=not on_mentions.conflict_free)
        linked = phi > 0
        right = linked & entity_types
        on_entities = Matcher(linked, ge_keys, pe_keys)
        entities = on_entities.match(lambda: [linked, right, phi, side.same])
        headline = on_entities.match(lambda: [right, linked, phi, side.same])
        figures = {
            "mention": (len(mentions), ng_m, np_m),
            "mention_typed": (on_mentions.match([typed, valid, sim]).total(typed), ng_m, np_m),
            "mention_type_accuracy": (mentions.total(typed), len(mentions), ng_m + np_m),
            "entity": (len(entities), len(gold), len(pred)),
            "entity_typed": (headline.total(right), len(gold), len(pred)),
            "entity_type_accuracy": (entities.total(right), len(entities), len(gold) + len(pred)),
            "ceaf_m": (on_entities.match(lambda: [phi, side.same]).total(phi), ng_m, np_m),
        }
        overlap = Counter(zip(g_ent[mentions.at[0]].tolist(), p_ent[mentions.at[1]].tolist()))
        for name, counts in coreference_counts(overlap, g_sizes, p_sizes).items():
            figures[f"coref.{name}"] = counts
        return figures, EntityAlignments(mentions, headline, linked, right, phi, on_entities)

    by_mode = doc.per_mode(category, run)
    head = by_mode[HEADLINE_MODE][1]
    found = [(gold[g].type, 1) for (g, _), ok in zip(head.headline.pairs, head.right[head.headline.at].tolist()) if ok]
    parts = breakdown("by_type", TYPES[category], found, [(e.type, 1) for e in gold], [(e.type, 1) for e in pred])
    doc.record(category, {mode: figures for mode, (figures, _) in by_mode.items()})
    doc.record(category, {HEADLINE_MODE: parts})
    doc.entity_runs[category] = {mode: alignments for mode, (_, alignments) in by_mode.items()}
    doc.entity_sides[category] = side
    doc.result.units[category] = lambda: alignment_units(head.headline, head.right, [1] * len(gold), [1] * len(pred))
    if doc.collect_errors:
        _entity_errors(doc, category, gold, pred, head.headline, head.right)
        _mention_errors(doc, category, g_mentions, p_mentions, gold, pred, head.mentions)


def breakdown(prefix: str, inventory: Sequence[str], found: Iterable[tuple[str, float]],
              gold: Iterable[tuple[str, float]], pred: Iterable[tuple[str, float]]) -> dict[str, tuple]:
    """``{"<prefix>.<label>": (tp, n_gold, n_pred)}`` for every label of the inventory.

    Each argument lists ``(label, units)``: ``found`` the true positives (each under its gold label),
    ``gold`` and ``pred`` the items.

    >>> breakdown("by_type", ["PER", "ORG"], [("PER", 1)], [("PER", 1), ("ORG", 1)], [("PER", 1)])
    {'by_type.PER': (1, 1, 1), 'by_type.ORG': (0, 1, 0)}
    """
    tp: dict[str, float] = dict.fromkeys(inventory, 0)
    n_gold, n_pred = dict(tp), dict(tp)
    for label, units in found:
        tp[label] += units
    for label, units in gold:
        n_gold[label] += units
    for label, units in pred:
        n_pred[label] += units
    return {f"{prefix}.{label}": (tp[label], n_gold[label], n_pred[label]) for label in inventory}


def attribution(doc: PairScoring, category: str, mode: Mode, weights: Callable[[], list[np.ndarray]]) -> dict[int, int]:
    """The attribution alignment of ``category`` for one figure: gold entity position -> predicted entity position.

    Among the linked entity pairs (sharing a mention in ``mode``), it maximises ``weights`` (the
    figure's own credit, e.g. the quotes whose speaker is right), then the number of pairs, then
    those of the right type, then CEAF phi3, then equal ids between identical entities. When no
    entity is linked to two, every linked pair is aligned and ``weights`` (a function) is not called.
    """
    run, side = doc.entity_runs[category][mode], doc.entity_sides[category]
    return dict(run.matcher.match(lambda: [*weights(), run.linked, run.right, run.phi, side.same]).pairs)


def _mention_keys(mentions: list, entity_keys: list) -> list[tuple]:
    return [(m.start, m.end, entity_keys[i]) for i, m in mentions]


def entity_key(entity: Any) -> tuple:
    """An entity's canonical key: type, mentions and name, then id (only entities identical in all three reach the id)."""
    return (entity.type, tuple(sorted((m.start, m.end) for m in entity.mentions)), entity.name, entity.id)


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


def _entity_errors(doc: PairScoring, category: str, gold: Sequence, pred: Sequence, al: Alignment, right: np.ndarray) -> None:
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


def _mention_errors(doc: PairScoring, category: str, g_mentions: list, p_mentions: list, gold: Sequence, pred: Sequence, al: Alignment) -> None:
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
