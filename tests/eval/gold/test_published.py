"""Loading a published dataset folder gives the documents in it now, never rows cached from an earlier load.

``datasets`` keys its shared cache by the folder's name and file layout, not by content: a dataset
published again into a folder of the same name was read back with the earlier rows.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.gold.load import load_gold
from eval.gold.published import load_published
from eval.hub.publish import publish


def _publish(parent: Path, docs: list) -> Path:
    shutil.rmtree(parent, ignore_errors=True)
    gold = parent / "gold"
    gold.mkdir(parents=True)
    for doc in docs:
        (gold / f"{doc.doc_id}.json").write_text(doc.model_dump_json(exclude_none=True), encoding="utf-8")
    return publish(parent / "repo", None, True, str(gold), None)


@pytest.fixture
def titled() -> dict[str, list]:
    docs = sorted(load_gold().documents, key=lambda d: d.doc_id)
    return {t: [d.model_copy(update={"title": t}) for d in docs] for t in ("first", "second")}


def test_a_folder_published_again_loads_its_new_documents(tmp_path: Path, titled: dict[str, list]) -> None:
    loaded = {t: {d.title for d in load_published(str(_publish(tmp_path / "pub", docs)))} for t, docs in titled.items()}
    assert loaded == {"first": {"first"}, "second": {"second"}}
