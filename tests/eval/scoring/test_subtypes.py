"""Event subtypes (schema 1.1): a secondary figure over the event pairs of the right type."""
from __future__ import annotations

from typing import Any

import pytest

from eval.schema import Document
from eval.scoring.scorer import score

TEXT = "Ana met Bo. Voters elected Ana."


def at(fragment: str) -> dict[str, Any]:
    start = TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment}


def events(*typed: tuple[str, str, str | None]) -> Document:
    items = [{"id": f"e{i}", "type": t, "trigger": at(word), **({"subtype": s} if s else {})}
             for i, (word, t, s) in enumerate(typed)]
    return Document(doc_id="d", text=TEXT, events=items)


@pytest.fixture
def gold() -> Document:
    return events(("met", "MEET", "meet"), ("elected", "PERSONNEL", "elect"))


@pytest.mark.parametrize(("pred", "expected"), [
    (events(("met", "MEET", "meet"), ("elected", "PERSONNEL", "elect")), (2, 2)),
    (events(("met", "MEET", "phone_write"), ("elected", "PERSONNEL", None)), (0, 2)),
    # a wrong type is not judged for its subtype: only "met" counts
    (events(("met", "MEET", "meet"), ("elected", "CONTEST", "result")), (1, 1)),
])
def test_subtype_accuracy_counts_the_pairs_of_the_right_type(gold: Document, pred: Document, expected: tuple) -> None:
    figure = score([(gold, pred)], n_boot=0).scores["events"]["detail"]["subtype_accuracy"]["strict"]
    assert (figure["correct"], figure["matched"]) == expected
