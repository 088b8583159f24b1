"""gold -> export -> import == gold, minus exactly the fields the README table says a format loses."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eval.data.models import SCHEMA_VERSION, Document
from eval.data.parsing import read_documents
from eval.formats import export_documents, import_documents
from eval.formats.common import DOCUMENT_FIELDS
from eval.scoring.scorer import score

# What each format cannot carry (README "Bring your own gold", table of what travels).
BRAT_LOST_DOCUMENT = (*[f for f in DOCUMENT_FIELDS if f != "schema_version"], "meta")


def without_confidence(items: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(item.model_copy(update={"confidence": None}) for item in items)


def brat_view(doc: Document) -> Document:
    """``doc`` as brat can hold it: no document fields, no confidences, the current schema version."""
    return doc.model_copy(update={
        **{f: None for f in BRAT_LOST_DOCUMENT}, "schema_version": SCHEMA_VERSION,
        **{kind: without_confidence(getattr(doc, kind)) for kind in ("actors", "locations", "quotes", "events")},
    })


EXPECTED = {"labelstudio": lambda d: d, "inception": lambda d: d, "brat": brat_view}


def round_trip(fmt: str, docs: list[Document], tmp_path: Path) -> dict[str, Document]:
    exported = tmp_path / "exported"
    export_documents(fmt, docs, exported)
    inputs = [exported / "tasks.json"] if fmt == "labelstudio" else [exported]
    written = import_documents(fmt, inputs, tmp_path / "imported")
    return {doc.doc_id: doc for path in written for doc in read_documents(path)}


@pytest.mark.parametrize("fmt", ["labelstudio", "brat", "inception"])
def test_round_trip_equals_the_gold(fmt: str, corpus: list[Document], tmp_path: Path) -> None:
    imported = round_trip(fmt, corpus, tmp_path)
    assert imported == {d.doc_id: EXPECTED[fmt](d) for d in corpus}


def figures(scores: Any, path: str = "") -> dict[str, float]:
    """Every precision, recall and F1 of a scorecard, by its path (``quotes.detail.by_kind.direct.strict.f1``)."""
    if not isinstance(scores, dict):
        return {}
    out = {f"{path}{k}": v for k, v in scores.items() if k in ("precision", "recall", "f1") and isinstance(v, float)}
    for k, v in scores.items():
        out.update(figures(v, f"{path}{k}."))
    return out


@pytest.mark.parametrize("fmt", ["labelstudio", "brat", "inception"])
def test_imported_gold_scores_one_on_every_figure(fmt: str, corpus: list[Document], tmp_path: Path) -> None:
    imported = round_trip(fmt, corpus, tmp_path)
    card = score([(g, imported[g.doc_id]) for g in corpus], n_boot=0)
    values = figures(card.scores)
    assert any(".strict." in path for path in values) and set(values.values()) == {1.0}


def test_the_invented_document_sets_every_optional_field(invented: Document) -> None:
    """The round trips above test every field only if the invented document sets them all."""
    unset = [f for f, v in invented.model_dump().items() if v is None]
    for kind in ("actors", "locations", "quotes", "events"):
        present = {k for item in getattr(invented, kind) for k, v in item.model_dump().items() if v is not None}
        unset += [f"{kind}.{f}" for f in type(getattr(invented, kind)[0]).model_fields if f not in present]
    assert unset == []
