"""Figures and their policies: categories, headline figures, zero division, and precision, recall, F1 and accuracy from counts.
"""
from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from eval.data.models import (
    ActorType,
    Argument,
    ArgumentRole,
    EventType,
    LocationType,
    QuoteKind,
    Span,
)
from eval.scoring.align import Mode

CATEGORIES = ("actors", "locations", "quotes", "events")


# The inventories come from the data model, so a breakdown lists every type the model allows.
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
ROLES: tuple[str, ...] = get_args(ArgumentRole)
TYPES: dict[str, tuple[str, ...]] = {"actors": get_args(ActorType), "locations": get_args(LocationType)}


#: The breakdowns of each category: ``{category: {key: (figure prefix, inventory)}}``, the key
#: naming the breakdown in ``Scorecard.breakdowns``; each holds the macro average of the first.
BREAKDOWNS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "actors": {"by_type": ("by_type", TYPES["actors"])},
    "locations": {"by_type": ("by_type", TYPES["locations"])},
    "quotes": {"by_kind": ("by_kind", QUOTE_KINDS)},
    "events": {"by_type": ("by_type", EVENT_TYPES), "by_role": ("by_role", ROLES)},
}


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
    # Argument errors name the argument itself (role and entity id on its side), so a viewer needs no reason parsing.
    gold_arg: Argument | None = None
    pred_arg: Argument | None = None


class Scorecard(BaseModel):
    """The scores (contract section 3), the per-type breakdowns, how the confidence intervals were made, and the error list."""

    model_config = ConfigDict(frozen=True)

    scores: dict[str, dict[str, Any]]
    bootstrap: dict[str, Any]
    errors: list[ErrorItem]
    breakdowns: dict[str, dict[str, Any]] = Field(default_factory=dict)


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
