"""``validate_files`` and ``read_predictions``: every problem of every file, warnings apart from errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.exceptions import InvalidInputError, Problem
from eval.gold.load import load_gold
from eval.scoring.pairing import read_predictions
from eval.scoring.validate import validate_files
from tests.conftest import DATA

GOLD = DATA / "bad" / "gold"
VALID = DATA / "bad" / "valid.jsonl"


@pytest.fixture
def valid_lines() -> list[str]:
    return VALID.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def gold_set():
    return load_gold(GOLD)


def test_folder_is_expanded_to_its_documents() -> None:
    report = validate_files([GOLD])
    assert (report.n_files, report.n_docs, report.problems, report.warnings) == (2, 2, [], [])


def test_empty_folder_is_a_problem(tmp_path: Path) -> None:
    report = validate_files([tmp_path])
    assert report.problems == [Problem(str(tmp_path), "", "folder holds no .json or .jsonl files")]


def test_duplicate_doc_id_in_a_prediction_file(tmp_path: Path, valid_lines: list[str]) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(valid_lines[0] + "\n" + valid_lines[0] + "\n", encoding="utf-8")
    report = validate_files([path], load_gold(GOLD))
    assert report.problems == [Problem(f"{path}:2", "doc_id", f"second prediction for 'alpha' (first at {path}:1)")]


def test_gold_file_named_after_another_doc_id_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text((GOLD / "alpha.json").read_text(encoding="utf-8"), encoding="utf-8")
    report = validate_files([path])
    assert ([w.path for w in report.warnings], report.ok) == (["doc_id"], True)


def test_read_predictions_lists_every_problem_of_the_file(tmp_path: Path, valid_lines: list[str], gold_set) -> None:
    bad_json = valid_lines[0][:30]
    unknown = json.dumps({"doc_id": "nope", "text": "x"})
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join([bad_json, unknown, valid_lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_predictions(path, gold_set)
    assert [(p.file, p.path) for p in caught.value.problems] == [(f"{path}:1", ""), (f"{path}:2", "doc_id")]


def test_read_predictions_warns_about_gold_without_prediction(tmp_path: Path, valid_lines: list[str], gold_set) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(valid_lines[1] + "\n", encoding="utf-8")
    warnings: list[Problem] = []
    pairing = read_predictions(path, gold_set, warnings.append)
    assert (pairing.missing, [str(w) for w in warnings]) == (
        ("alpha",),
        [f"{path}: no prediction for gold document 'alpha'; its items count as misses"],
    )


def test_jsonl_gold_loads_like_a_gold_folder(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_gold(path).sha256 == load_gold(GOLD).sha256
