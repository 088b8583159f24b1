"""A mention belongs to one entity of its category: an error in gold, a warning in a prediction."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.data.parsing import iter_parsed
from eval.scoring.validate import validate_files

TEXT = "NATO met Kyiv."
NATO = {"start": 0, "end": 4, "text": "NATO"}
KYIV = {"start": 9, "end": 13, "text": "Kyiv"}


@pytest.fixture
def shared() -> dict:
    """Two actors claiming the same mention, and a location that repeats an actor's span (another category: allowed)."""
    return {"doc_id": "d", "text": TEXT, "actors": [
        {"id": "a1", "name": "NATO", "type": "ORG", "mentions": [NATO]},
        {"id": "a2", "name": "Kyiv", "type": "GPE", "mentions": [KYIV, NATO]},
    ], "locations": [{"id": "l1", "name": "Kyiv", "type": "GPE", "mentions": [KYIV]}], "quotes": [], "events": []}


def test_shared_mention_is_a_gold_error_and_a_prediction_warning(shared: dict, tmp_path: Path) -> None:
    (tmp_path / "d.json").write_text(json.dumps(shared), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(json.dumps(shared) + "\n", encoding="utf-8")
    as_gold = next(iter_parsed(tmp_path / "d.json"))
    as_pred = next(iter_parsed(tmp_path / "pred.jsonl"))
    reason = "span [0, 4) 'NATO' is already a mention of actors[0] ('a1'); a mention belongs to one entity"
    assert (
        as_gold.document is None,
        [(p.path, p.reason) for p in as_gold.problems],
        as_pred.document is not None,
        [(p.path, p.reason) for p in as_pred.warnings],
    ) == (True, [("actors[1].mentions[1]", reason)], True, [("actors[1].mentions[1]", reason)])


def test_validate_reports_the_shared_mention(shared: dict, tmp_path: Path) -> None:
    (tmp_path / "d.json").write_text(json.dumps(shared), encoding="utf-8")
    report = validate_files([tmp_path / "d.json"])
    assert [(p.path, "belongs to one entity" in p.reason) for p in report.problems] == [("actors[1].mentions[1]", True)]
