"""Scoring (placeholder: the scorer lands with issue 3's scoring work)."""
from __future__ import annotations

from typing import Any, Sequence

from pydantic import BaseModel

from eval.schema import Document


class Scorecard(BaseModel):
    scores: dict[str, dict[str, Any]]
    bootstrap: dict[str, Any]
    errors: list[Any]


def score(pairs: Sequence[tuple[Document, Document | None]], *, n_boot: int = 1000, seed: int = 0) -> Scorecard:
    raise NotImplementedError
