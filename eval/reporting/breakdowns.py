"""Per-type figures of a results object (``RunResult.breakdowns``) as leaderboard columns and tables.

The scorer reports, per category, F1 and counts for each type (actors, locations, events), each
quote kind and each event role, with their macro average::

    {"actors": {"by_type": {"PER": M, ...}, "macro": M}, "events": {"by_type": {...}, "by_role": {...}, "macro": M}, ...}

where ``M`` holds ``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn``. Results saved before
breakdowns existed have none: they get empty cells, never an error.
"""
from __future__ import annotations

import math
from typing import Any

from eval.reporting.markdown import markdown_table
from eval.scoring.figures import CATEGORIES

MACRO = "macro"


def _prefix(group: str) -> str:
    """The column prefix of a group: none for a category's types or kinds, ``role_`` for event roles."""
    return "" if group in ("by_type", "by_kind") else group.removeprefix("by_") + "_"


def breakdown_columns(breakdowns: dict[str, Any] | None) -> dict[str, float]:
    """Flat ``{column: F1}``: ``actors_PER_f1``, ``events_role_Agent_f1``, ``actors_macro_f1``, ...

    >>> breakdown_columns({"quotes": {"by_kind": {"direct": {"f1": 0.5}}, "macro": {"f1": 0.5}}})
    {'quotes_direct_f1': 0.5, 'quotes_macro_f1': 0.5}
    >>> breakdown_columns(None)
    {}
    """
    out: dict[str, float] = {}
    for cat in CATEGORIES:
        block = (breakdowns or {}).get(cat) or {}
        for group, figures in block.items():
            if group == MACRO:
                continue
            for label, m in (figures or {}).items():
                out[f"{cat}_{_prefix(group)}{label}_f1"] = _f1(m)
        if MACRO in block:
            out[f"{cat}_{MACRO}_f1"] = _f1(block[MACRO])
    return out


def _f1(m: Any) -> float:
    value = m.get("f1") if isinstance(m, dict) else None
    return float(value) if value is not None else math.nan


def _groups(rows: list[tuple[str, dict[str, Any]]], cat: str) -> list[str]:
    """The groups of ``cat`` any row has, in the order they first appear."""
    seen: list[str] = []
    for _, b in rows:
        seen += [g for g in (b.get(cat) or {}) if g != MACRO and g not in seen]
    return seen


def _labels(rows: list[tuple[str, dict[str, Any]]], cat: str, group: str) -> list[str]:
    seen: list[str] = []
    for _, b in rows:
        seen += [label for label in ((b.get(cat) or {}).get(group) or {}) if label not in seen]
    return seen


def breakdown_markdown(rows: list[tuple[str, dict[str, Any] | None]]) -> str:
    """The per-type F1 tables: one per category and group, a row per extractor with breakdowns; "" when none has any.

    >>> print(breakdown_markdown([("x", {"quotes": {"by_kind": {"direct": {"f1": 0.5}}, "macro": {"f1": 0.5}}})]), end="")
    Per type F1 (headline figures per type, partial mode; macro: the scorer's macro average):
    <BLANKLINE>
    quotes by kind:
    <BLANKLINE>
    | extractor | direct | macro |
    | --- | ---: | ---: |
    | x | 0.500 | 0.500 |
    """
    present = [(name, b) for name, b in rows if b]
    if not present:
        return ""
    lines = ["Per type F1 (headline figures per type, partial mode; macro: the scorer's macro average):"]
    for cat in CATEGORIES:
        groups = _groups(present, cat)
        for k, group in enumerate(groups):
            labels = _labels(present, cat, group)
            with_macro = k == 0  # the category's macro, beside its types (or kinds)
            head = ["extractor", *labels, *([MACRO] if with_macro else [])]
            body = []
            for name, b in present:
                block = b.get(cat) or {}
                cells = [_cell((block.get(group) or {}).get(label)) for label in labels]
                body.append([name, *cells, *([_cell(block.get(MACRO))] if with_macro else [])])
            lines += ["", f"{cat} {group.replace('_', ' ')}:", "", markdown_table(head, body).rstrip("\n")]
    return "\n".join(lines) + "\n"


def _cell(m: Any) -> str:
    value = _f1(m)
    return "" if math.isnan(value) else f"{value:.3f}"
