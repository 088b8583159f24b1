"""The data model: the committed JSON Schema matches the models, and spans are checked."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from eval.schema import Document, render_json_schema
from tests.conftest import ROOT


def test_committed_schema_matches_models() -> None:
    committed = (ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8")
    assert committed == render_json_schema(), "schema/ drifted from eval/schema.py: run `newsbench schema`"


def _doc(**items) -> dict:
    return {"doc_id": "d", "text": "NATO said hi.", **items}


def test_span_must_equal_text() -> None:
    bad = _doc(actors=[{"id": "a", "name": "NATO", "type": "ORG", "mentions": [{"start": 0, "end": 4, "text": "NATA"}]}])
    with pytest.raises(ValidationError, match=r"actors\[0\]\.mentions\[0\]: span text 'NATA' differs"):
        Document.model_validate(bad)


def test_unknown_field_is_rejected() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Document.model_validate(_doc(actorz=[]))


def test_end_before_start_is_rejected() -> None:
    bad = _doc(quotes=[{"id": "q", "content": {"start": 5, "end": 4, "text": ""}, "speaker": None, "kind": "direct"}])
    with pytest.raises(ValidationError, match=r"end \(4\) is before start \(5\)"):
        Document.model_validate(bad)
