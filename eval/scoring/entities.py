"""Actors and locations: mention and entity alignments, CEAF phi3, and the entity alignment that quotes and events see.
"""
from __future__ import annotations

from typing import Any, Callable, NamedTuple, Sequence

import numpy as np

from eval.data.models import Span
from eval.scoring.align import Alignment, Matcher, Mode, match
from eval.scoring.document import PairScoring, alignment_units
from eval.scoring.figures import HEADLINE_MODE


class EntityAlignments(NamedTuple):
    """The alignments and matrices of one mode that attribution, units and errors read after the figures."""

    entities: Alignment  # entity alignment on linked pairs (the entity figure; quotes and events see it)
    mentions: Alignment  # mention alignment (mention errors)
    headline: Alignment  # entity alignment favouring the right type (the headline figure, its errors)
    linked: np.ndarray  # entity pairs sharing at least one mention
    right: np.ndarray  # linked pairs of the same type
    phi: np.ndarray  # CEAF phi3 of every entity pair


def score_entities(doc: PairScoring, category: str) -> None:
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

    def run(mode: Mode, sim: np.ndarray) -> tuple[dict[str, tuple], EntityAlignments]:
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
        return figures, EntityAlignments(entities, mentions, headline, linked, right, phi)

    by_mode = doc.per_mode(category, run)
    doc.record(category, {mode: figures for mode, (figures, _) in by_mode.items()})
    strict = by_mode["strict"][1].entities.pairs
    attribution = {"strict": strict, "partial": strict}
    if by_mode["partial"] is not by_mode["strict"]:
        partial = by_mode["partial"][1]
        levels = lambda: [partial.linked, partial.right, partial.phi, same_id]  # noqa: E731
        attribution["partial"] = _extend(strict, partial.linked, levels, ge_keys, pe_keys)
    for mode, pairs in attribution.items():
        doc.entity_map[mode].update({gold[g].id: pred[p].id for g, p in pairs})
    head = by_mode[HEADLINE_MODE][1]
    doc.result.units[category] = lambda: alignment_units(head.headline, head.right, [1] * len(gold), [1] * len(pred))
    if doc.collect_errors:
        _entity_errors(doc, category, gold, pred, head.headline, head.right)
        _mention_errors(doc, category, g_mentions, p_mentions, gold, pred, head.mentions)


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
