"""What export reads: gold files and folders, prediction .jsonl files, or an extractor run on .txt articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.data.models import Document
from eval.data.parsing import write_documents
from eval.exceptions import InvalidInputError
from eval.formats.common import source_documents
from eval.gold.load import load_gold
from tests.conftest import DATA
from tests.eval.formats.conftest import INVENTED


def test_default_is_the_shipped_gold() -> None:
    assert source_documents(None) == list(load_gold().documents)


def test_gold_folder_gold_file_and_predictions(invented: Document, tmp_path: Path) -> None:
    preds = tmp_path / "rules.predictions.jsonl"
    write_documents(preds, [invented.model_copy(update={"doc_id": "pred"})])
    gold_dir = DATA / "bad" / "gold"
    docs = source_documents([gold_dir, INVENTED, preds])
    assert [d.doc_id for d in docs] == [*sorted(p.stem for p in gold_dir.glob("*.json")), invented.doc_id, "pred"]


def test_every_bad_source_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InvalidInputError) as info:
        source_documents([tmp_path / "notes.txt", tmp_path / "empty", tmp_path / "missing.json"])
    assert [(Path(p.file).name, p.reason.split(";")[0]) for p in info.value.problems] == [
        ("notes.txt", "expected a .json gold file, a .jsonl prediction file or a folder"),
        ("empty", "folder holds no .json documents"),
        ("missing.json", "no such file"),
    ]


def test_an_extractor_needs_articles() -> None:
    with pytest.raises(InvalidInputError, match=r"--extractor: needs \.txt articles"):
        source_documents([], extractor="rules")
